/** Reading one resource (env, endpoints, volumes, mounts, build, parameter) from a saved design. */
import {
  readBoolean,
  readInteger,
  readObject,
  readString,
  readStringArray,
  readStringMap,
  safeRecord,
} from '../json/fields';
import { own } from '../json/json-parse';
import type { Scope } from '../json/scope';
import { readArray, readEnum } from './design-topology-readers';
import { readSettings } from './design-topology-settings';
import { readEndpointPorts } from './endpoint-fields';
import { ENGINES as ALL_ENGINES } from './integrations';
import type {
  BindMount,
  ContainerBuild,
  Endpoint,
  Engine,
  EnvVar,
  ParameterSpec,
  Resource,
  ResourceKind,
  Volume,
} from './topology';
import { RESOURCE_KEYS } from './topology';

const KINDS: readonly ResourceKind[] = [
  'project',
  'container',
  'dockerfile',
  'executable',
  'database',
  'parameter',
  'connection-string',
  'value',
  'otlp-collector',
  'cloud',
  'unknown',
];
const ENGINES: readonly Engine[] = ALL_ENGINES;

function readEnv(v: unknown, scope: Scope): EnvVar[] {
  const out: EnvVar[] = [];
  readArray(v, scope, ['env']).forEach((item, i) => {
    const o = readObject(item, scope, ['env', i]);
    if (!o) return;
    const name = readString(own(o, 'name'), scope, ['env', i, 'name'], { required: true });
    const value = readString(own(o, 'value'), scope, ['env', i, 'value'], { required: true, coerce: true });
    if (name !== undefined && value !== undefined) out.push({ name, value });
  });
  return out;
}

function readEndpoints(v: unknown, scope: Scope): Endpoint[] {
  const out: Endpoint[] = [];
  readArray(v, scope, ['endpoints']).forEach((item, i) => {
    const p = ['endpoints', i];
    const o = readObject(item, scope, p);
    if (!o) return;
    const name = readString(own(o, 'name'), scope, [...p, 'name'], { required: true });
    if (name === undefined) return;
    const scheme = readString(own(o, 'scheme'), scope, [...p, 'scheme']) ?? 'tcp';
    const protocol = readEnum(own(o, 'protocol'), ['tcp', 'udp'] as const, scope, [...p, 'protocol']) ?? 'tcp';
    const transport =
      readEnum(own(o, 'transport'), ['http', 'http2', 'tcp'] as const, scope, [...p, 'transport']) ??
      (scheme.startsWith('http') ? 'http' : 'tcp');
    out.push({ name, scheme, protocol, transport, ...readEndpointPorts(o, scope, p) });
  });
  return out;
}

function readVolumes(v: unknown, scope: Scope): Volume[] {
  const out: Volume[] = [];
  readArray(v, scope, ['volumes']).forEach((item, i) => {
    const o = readObject(item, scope, ['volumes', i]);
    if (!o) return;
    const target = readString(own(o, 'target'), scope, ['volumes', i, 'target'], { required: true });
    const name = readString(own(o, 'name'), scope, ['volumes', i, 'name']);
    const readOnly = readBoolean(own(o, 'readOnly'), scope, ['volumes', i, 'readOnly']) ?? false;
    if (target !== undefined) out.push({ ...(name ? { name } : {}), target, readOnly });
  });
  return out;
}

function readBindMounts(v: unknown, scope: Scope): BindMount[] {
  const out: BindMount[] = [];
  readArray(v, scope, ['bindMounts']).forEach((item, i) => {
    const o = readObject(item, scope, ['bindMounts', i]);
    if (!o) return;
    const source = readString(own(o, 'source'), scope, ['bindMounts', i, 'source'], { required: true });
    const target = readString(own(o, 'target'), scope, ['bindMounts', i, 'target'], { required: true });
    const readOnly = readBoolean(own(o, 'readOnly'), scope, ['bindMounts', i, 'readOnly']) ?? false;
    if (source !== undefined && target !== undefined) out.push({ source, target, readOnly });
  });
  return out;
}

function readBuild(v: unknown, scope: Scope): ContainerBuild | undefined {
  const o = readObject(v, scope, ['build']);
  if (!o) return undefined;
  const context = readString(own(o, 'context'), scope, ['build', 'context'], { required: true });
  if (context === undefined) return undefined;
  const dockerfile = readString(own(o, 'dockerfile'), scope, ['build', 'dockerfile']);
  const stage = readString(own(o, 'stage'), scope, ['build', 'stage']);
  const args = own(o, 'args') !== undefined ? readStringMap(own(o, 'args'), scope, ['build', 'args']) : undefined;
  return {
    context,
    ...(dockerfile !== undefined ? { dockerfile } : {}),
    ...(stage !== undefined ? { stage } : {}),
    ...(args ? { args: safeRecord(args) } : {}),
  };
}

function readParameterSpec(v: unknown, scope: Scope): ParameterSpec | undefined {
  const o = readObject(v, scope, ['parameter']);
  if (!o) return undefined;
  const secret = readBoolean(own(o, 'secret'), scope, ['parameter', 'secret']) ?? false;
  const d = readObject(own(o, 'default'), scope, ['parameter', 'default']);
  if (!d) return { secret };
  const kind = readEnum(own(d, 'kind'), ['value', 'generate'] as const, scope, ['parameter', 'default', 'kind']);
  if (kind === 'value') {
    const value = readString(own(d, 'value'), scope, ['parameter', 'default', 'value'], {
      required: true,
      coerce: true,
    });
    return value !== undefined ? { secret, default: { kind, value } } : { secret };
  }
  if (kind === 'generate') {
    const minLength =
      readInteger(own(d, 'minLength'), scope, ['parameter', 'default', 'minLength'], 0, 1024, 'a length') ?? 22;
    return { secret, default: { kind, minLength } };
  }
  return { secret };
}

const MODELLED = new Set<string>(RESOURCE_KEYS);

export function readResourceValue(o: Record<string, unknown>, name: string, scope: Scope): Resource {
  const kind = readEnum(own(o, 'kind'), KINDS, scope, ['kind']) ?? 'unknown';
  const r: Resource = {
    name,
    kind,
    sourceType: readString(own(o, 'sourceType'), scope, ['sourceType']) ?? 'designer',
    args: readStringArray(own(o, 'args'), scope, ['args']),
    env: readEnv(own(o, 'env'), scope),
    endpoints: readEndpoints(own(o, 'endpoints'), scope),
    volumes: readVolumes(own(o, 'volumes'), scope),
    bindMounts: readBindMounts(own(o, 'bindMounts'), scope),
    settings: readSettings(own(o, 'settings'), scope),
  };
  const engine = readEnum(own(o, 'engine'), ENGINES, scope, ['engine']);
  if (engine) r.engine = engine;
  for (const key of [
    'image',
    'projectPath',
    'command',
    'workingDirectory',
    'entrypoint',
    'connectionString',
    'parent',
    'databaseName',
  ] as const) {
    const s = readString(own(o, key), scope, [key]);
    if (s !== undefined) r[key] = s;
  }
  const build = readBuild(own(o, 'build'), scope);
  if (build) r.build = build;
  const parameter = readParameterSpec(own(o, 'parameter'), scope);
  if (parameter) r.parameter = parameter;
  if (own(o, 'raw') !== undefined) r.raw = own(o, 'raw');
  // Strip nothing: fields a newer writer added travel along untouched.
  for (const key of Object.keys(o))
    if (!MODELLED.has(key))
      Object.defineProperty(r, key, { value: own(o, key), enumerable: true, writable: true, configurable: true });
  return r;
}
