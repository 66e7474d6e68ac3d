/**
 * The normal form the oracle compares: what a topology says about the deployment, with nothing
 * that depends on how it was read (order of declaration, diagnostics, the `sourceType` label,
 * App Host-only settings, raw JSON kept for display). Two imports of the same App Host — from
 * its source and from Aspire's manifest — must have equal normal forms.
 */
import type { Endpoint, Resource, Topology } from '../../core/model/topology';

export interface NormalResource {
  kind: string;
  engine?: string;
  image?: string;
  build?: { context: string; dockerfile?: string; stage?: string; args?: Record<string, string> };
  projectPath?: string;
  command?: string;
  workingDirectory?: string;
  entrypoint?: string;
  args: string[];
  env: Record<string, string>;
  endpoints: Record<string, Omit<Endpoint, 'name'>>;
  volumes: string[];
  bindMounts: string[];
  connectionString?: string;
  parent?: string;
  databaseName?: string;
  parameter?: { secret: boolean; default?: string };
}

export type NormalForm = Record<string, NormalResource>;

/** Relative paths compare as written, with ./ and \ differences removed. */
const path = (p: string): string => p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '');

function sortedRecord<T>(entries: [string, T][]): Record<string, T> {
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function normalResource(r: Resource): NormalResource {
  const out: NormalResource = {
    kind: r.kind,
    args: [...r.args],
    env: sortedRecord(r.env.map((e) => [e.name, e.value])),
    endpoints: sortedRecord(
      r.endpoints.map(({ name, ...rest }) => [name, sortedRecord(Object.entries(rest)) as Omit<Endpoint, 'name'>]),
    ),
    volumes: r.volumes.map((v) => `${v.name ?? '(anonymous)'}:${v.target}${v.readOnly ? ':ro' : ''}`).sort(),
    bindMounts: r.bindMounts.map((b) => `${path(b.source)}:${b.target}${b.readOnly ? ':ro' : ''}`).sort(),
  };
  if (r.engine !== undefined) out.engine = r.engine;
  if (r.image !== undefined) out.image = r.image;
  if (r.build) {
    out.build = { context: path(r.build.context) };
    if (r.build.dockerfile !== undefined) out.build.dockerfile = path(r.build.dockerfile);
    if (r.build.stage !== undefined) out.build.stage = r.build.stage;
    if (r.build.args && Object.keys(r.build.args).length > 0)
      out.build.args = sortedRecord(Object.entries(r.build.args));
  }
  if (r.projectPath !== undefined) out.projectPath = path(r.projectPath);
  if (r.command !== undefined) out.command = r.command;
  if (r.workingDirectory !== undefined) out.workingDirectory = path(r.workingDirectory);
  if (r.entrypoint !== undefined) out.entrypoint = r.entrypoint;
  if (r.connectionString !== undefined) out.connectionString = r.connectionString;
  if (r.parent !== undefined) out.parent = r.parent;
  if (r.databaseName !== undefined) out.databaseName = r.databaseName;
  if (r.parameter) {
    const d = r.parameter.default;
    out.parameter = {
      secret: r.parameter.secret,
      ...(d ? { default: d.kind === 'value' ? `value:${d.value}` : `generate:${d.minLength}` } : {}),
    };
  }
  return out;
}

export function normalForm(t: Topology): NormalForm {
  return sortedRecord(t.resources.map((r) => [r.name, normalResource(r)]));
}

/** One line per difference, `resource.field: source=… manifest=…`, for messages and pending lists. */
export function differences(source: NormalForm, manifest: NormalForm): string[] {
  const out: string[] = [];
  const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));
  for (const name of [...new Set([...Object.keys(source), ...Object.keys(manifest)])].sort()) {
    const a = source[name];
    const b = manifest[name];
    if (!a || !b) {
      out.push(`${name}: ${a ? 'only in the App Host import' : 'only in the manifest import'}`);
      continue;
    }
    for (const field of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort() as (keyof NormalResource)[]) {
      const x = a[field];
      const y = b[field];
      if (field === 'env' || field === 'endpoints') {
        const xr = (x ?? {}) as Record<string, unknown>;
        const yr = (y ?? {}) as Record<string, unknown>;
        for (const key of [...new Set([...Object.keys(xr), ...Object.keys(yr)])].sort()) {
          if (JSON.stringify(xr[key]) !== JSON.stringify(yr[key]))
            out.push(`${name}.${field}.${key}: source=${show(xr[key])} manifest=${show(yr[key])}`);
        }
      } else if (JSON.stringify(x) !== JSON.stringify(y)) {
        out.push(`${name}.${field}: source=${show(x)} manifest=${show(y)}`);
      }
    }
  }
  return out;
}
