/**
 * container.v0/v1 (image or Dockerfile build) and legacy dockerfile.v0. A container built from
 * a Dockerfile becomes kind 'dockerfile': like a project, its image is ours to build and push.
 */
import { integrationForImage } from '../../../model/integrations';
import type { ContainerBuild, Resource } from '../../../model/topology';
import { readObject, readString, readStringArray, readStringMap, safeRecord } from '../../../json/fields';
import { own } from '../../../json/json-parse';
import { readBindings } from '../read-bindings';
import { readBindMounts, readVolumes } from '../read-mounts';
import type { Scope } from '../../../json/scope';
import { emptyResource, keepUnmodelled, readEnv, type RawResource } from './common';

function readBuild(v: unknown, scope: Scope): { build?: ContainerBuild; extra?: Record<string, unknown> } {
  const b = readObject(v, scope, ['build']);
  if (!b) return {};
  const context = readString(own(b, 'context'), scope, ['build', 'context'], { required: true });
  const dockerfile = readString(own(b, 'dockerfile'), scope, ['build', 'dockerfile']);
  const stage = readString(own(b, 'stage'), scope, ['build', 'stage']);
  const args = readStringMap(own(b, 'args'), scope, ['build', 'args']);
  const build: ContainerBuild = {
    context: context ?? '.',
    ...(dockerfile !== undefined ? { dockerfile } : {}),
    ...(stage !== undefined ? { stage } : {}),
    ...(args.length ? { args: safeRecord(args) } : {}),
  };
  // secrets and buildOnly are not modelled; keep them so an export can write them back.
  const extra = Object.create(null) as Record<string, unknown>;
  let any = false;
  for (const key of Object.keys(b)) {
    if (['context', 'dockerfile', 'stage', 'args'].includes(key)) continue;
    extra[key] = own(b, key);
    any = true;
  }
  return any ? { build, extra } : { build };
}

/** Fields every container-like resource shares. */
function readRuntime(r: Resource, raw: RawResource, scope: Scope): void {
  const entrypoint = readString(own(raw, 'entrypoint'), scope, ['entrypoint']);
  if (entrypoint !== undefined) r.entrypoint = entrypoint;
  r.args = readStringArray(own(raw, 'args'), scope, ['args']);
  const cs = readString(own(raw, 'connectionString'), scope, ['connectionString']);
  if (cs !== undefined) r.connectionString = cs;
  r.env = readEnv(raw, scope);
  r.endpoints = readBindings(own(raw, 'bindings'), scope);
  r.volumes = readVolumes(own(raw, 'volumes'), scope, r.name);
  r.bindMounts = readBindMounts(own(raw, 'bindMounts'), scope);
}

const CONTAINER_FIELDS = [
  'image',
  'build',
  'entrypoint',
  'args',
  'connectionString',
  'env',
  'bindings',
  'volumes',
  'bindMounts',
];

export function readContainer(name: string, type: string, raw: RawResource, scope: Scope): Resource {
  const image = readString(own(raw, 'image'), scope, ['image']);
  const hasBuild = own(raw, 'build') !== undefined;
  const { build, extra } = hasBuild ? readBuild(own(raw, 'build'), scope) : {};
  if (hasBuild && type === 'container.v0') {
    scope.report(
      'info',
      'schema',
      `Resource "${name}": container.v0 does not allow "build" (that is container.v1); it was read as a Dockerfile ` +
        `build anyway.`,
      ['build'],
    );
  }
  const r = emptyResource(name, build ? 'dockerfile' : 'container', type);
  if (image !== undefined) r.image = image;
  if (build) r.build = build;
  if (!build && !image) {
    scope.report(
      'warning',
      'missing-field',
      `Resource "${name}": a container needs "image" or "build"; neither is usable, so set an image before deploying.`,
      ['image'],
    );
  }
  const integration = image && !build ? integrationForImage(image) : undefined;
  if (integration) r.engine = integration.engine;
  readRuntime(r, raw, scope);
  // The health check the integration adds itself (Keycloak /health/ready, Seq /health): the
  // manifest does not carry it, the integration table does, so App Host and manifest agree.
  if (integration?.health && r.endpoints.some((e) => e.name === integration.health!.endpoint)) {
    r.settings.healthPaths = { readiness: integration.health.path, endpoint: integration.health.endpoint };
  }
  if (extra) r.raw = { build: extra };
  keepUnmodelled(r, raw, CONTAINER_FIELDS, ['deployment', 'containerFiles'], scope);
  return r;
}

/** Legacy dockerfile.v0 (Aspire ≤ 9.0 PublishAsDockerFile): path = Dockerfile, context, buildArgs. */
export function readDockerfile(name: string, type: string, raw: RawResource, scope: Scope): Resource {
  const r = emptyResource(name, 'dockerfile', type);
  const path = readString(own(raw, 'path'), scope, ['path'], { required: true });
  const context = readString(own(raw, 'context'), scope, ['context'], { required: true });
  const args = readStringMap(own(raw, 'buildArgs'), scope, ['buildArgs']);
  r.build = {
    context: context ?? '.',
    ...(path !== undefined ? { dockerfile: path } : {}),
    ...(args.length ? { args: safeRecord(args) } : {}),
  };
  readRuntime(r, raw, scope);
  keepUnmodelled(
    r,
    raw,
    [
      'path',
      'context',
      'buildArgs',
      'entrypoint',
      'args',
      'connectionString',
      'env',
      'bindings',
      'volumes',
      'bindMounts',
    ],
    [],
    scope,
  );
  return r;
}
