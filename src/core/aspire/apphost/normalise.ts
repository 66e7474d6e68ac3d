/**
 * The form two topologies are compared in for App Host round trips.
 *
 * Loose (default) — what App Host code is the source of truth for: each resource's name, kind,
 * engine, endpoints, volumes, bind mounts, parent/database name, parameter spec and the
 * settings it can carry (replicas, health paths, external database mode, image tag), and each
 * reference's ends, kind and wait mode. Environment and connection strings are left out: they
 * are derived from the references and integrations, and Aspire versions spell them differently.
 *
 * Strict — adds image, args, entrypoint, project path, build, connection string and the full
 * environment (sorted), for a fixed point: import(export(import(code))) = import(code).
 */
import type { Resource, ResourceSettings, Topology } from '../../model/topology';

function settings(s: ResourceSettings): Partial<ResourceSettings> {
  const out: Partial<ResourceSettings> = {};
  if (s.replicas !== undefined) out.replicas = s.replicas;
  if (s.healthPaths && (s.healthPaths.liveness !== undefined || s.healthPaths.readiness !== undefined)) {
    out.healthPaths = {
      ...(s.healthPaths.liveness !== undefined ? { liveness: s.healthPaths.liveness } : {}),
      ...(s.healthPaths.readiness !== undefined ? { readiness: s.healthPaths.readiness } : {}),
    };
  }
  if (s.databaseMode === 'external') out.databaseMode = 'external';
  if (s.imageTag !== undefined) out.imageTag = s.imageTag;
  return out;
}

function resource(r: Resource, strict: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: r.name,
    kind: r.kind,
    engine: r.engine,
    endpoints: [...r.endpoints]
      .map((e) => ({
        name: e.name,
        scheme: e.scheme,
        protocol: e.protocol,
        transport: e.transport,
        port: e.port,
        targetPort: e.targetPort,
        external: e.external,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    volumes: r.volumes.map((v) => ({ name: v.name, target: v.target, readOnly: v.readOnly })),
    bindMounts: r.bindMounts.map((b) => ({ source: b.source, target: b.target, readOnly: b.readOnly })),
    parent: r.parent,
    databaseName: r.databaseName,
    parameter: r.parameter,
    settings: settings(r.settings),
  };
  if (strict) {
    Object.assign(out, {
      image: r.image,
      args: r.args,
      entrypoint: r.entrypoint,
      projectPath: r.projectPath,
      build: r.build,
      command: r.command,
      workingDirectory: r.workingDirectory,
      connectionString: r.connectionString,
      env: [...r.env].sort((a, b) => a.name.localeCompare(b.name)),
    });
  }
  // Drop undefined so toEqual does not depend on how a field was left out.
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}

export interface NormalisedTopology {
  resources: Record<string, unknown>[];
  references: string[];
}

export function normaliseTopology(
  t: Topology,
  options: { strict?: boolean; only?: (r: Resource) => boolean } = {},
): NormalisedTopology {
  const keep = t.resources.filter(options.only ?? (() => true));
  const names = new Set(keep.map((r) => r.name));
  return {
    resources: keep
      .map((r) => resource(r, options.strict === true))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    references: t.references
      .filter((r) => names.has(r.from) && names.has(r.to))
      .map((r) => `${r.from} -> ${r.to} ${r.kind} wait:${r.waitFor}`)
      .sort(),
  };
}
