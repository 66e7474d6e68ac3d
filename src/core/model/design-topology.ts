/**
 * Defensive reading of a Topology from untrusted JSON (a saved design document). Every field
 * is type-checked with the importer's validators; a bad field is reported (resource + field)
 * and dropped or defaulted, so the rest of the design still opens. Unknown extra fields are
 * kept untouched (a newer minor writer may add some).
 */
import {
  readBoolean,
  readInteger,
  readObject,
  readPort,
  readString,
  readStringArray,
  readStringMap,
  safeRecord,
  wrongType,
} from '../json/fields';
import { isJsonObject, own } from '../json/json-parse';
import type { DiagnosticSink, Scope } from '../json/scope';
import { ENGINES as ALL_ENGINES } from './integrations';
import type {
  BindMount,
  ContainerBuild,
  Endpoint,
  Engine,
  EnvVar,
  HttpProbeSpec,
  ParameterSpec,
  Reference,
  ReferenceKind,
  Resource,
  ResourceKind,
  ResourceSettings,
  Topology,
  Volume,
  WaitMode,
  Unmodelled,
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
const REFERENCE_KINDS: readonly ReferenceKind[] = [
  'connection-string',
  'service-discovery',
  'parameter',
  'endpoint-property',
  'wait-only',
];
const WAIT_MODES: readonly WaitMode[] = ['none', 'running', 'completion'];

function readEnum<T extends string>(
  v: unknown,
  allowed: readonly T[],
  scope: Scope,
  path: (string | number)[],
): T | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  wrongType(scope, path, `one of ${allowed.join(', ')}`, v);
  return undefined;
}

function readArray(v: unknown, scope: Scope, path: (string | number)[]): unknown[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v;
  wrongType(scope, path, 'an array', v);
  return [];
}

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
    const port = readPort(own(o, 'port'), scope, [...p, 'port']);
    const targetPort = readPort(own(o, 'targetPort'), scope, [...p, 'targetPort']);
    const external = readBoolean(own(o, 'external'), scope, [...p, 'external']) ?? false;
    out.push({
      name,
      scheme,
      protocol,
      transport,
      ...(port !== undefined ? { port } : {}),
      ...(targetPort !== undefined ? { targetPort } : {}),
      external,
    });
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

/** Quantities like "100m", "0.5", "512Mi". */
const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;

function readQuantities(v: unknown, scope: Scope, path: string[]): { cpu?: string; memory?: string } | undefined {
  const o = readObject(v, scope, path);
  if (!o) return undefined;
  const out: { cpu?: string; memory?: string } = {};
  for (const key of ['cpu', 'memory'] as const) {
    const s = readString(own(o, key), scope, [...path, key], { coerce: true });
    if (s === undefined) continue;
    if (!QUANTITY.test(s)) wrongType(scope, [...path, key], 'a Kubernetes quantity (e.g. 100m, 512Mi)', s);
    else out[key] = s;
  }
  return out;
}

/** `settings.probes`: WithHttpProbe declarations (path, endpoint, timings). */
function readProbes(v: unknown, scope: Scope): ResourceSettings['probes'] {
  const o = readObject(v, scope, ['settings', 'probes']);
  if (!o) return undefined;
  const out: NonNullable<ResourceSettings['probes']> = {};
  for (const key of ['startup', 'readiness', 'liveness'] as const) {
    const p = readObject(own(o, key), scope, ['settings', 'probes', key]);
    const path = p ? readString(own(p, 'path'), scope, ['settings', 'probes', key, 'path']) : undefined;
    if (!p || path === undefined) continue;
    const spec: HttpProbeSpec = { path };
    const endpoint = readString(own(p, 'endpoint'), scope, ['settings', 'probes', key, 'endpoint']);
    if (endpoint !== undefined) spec.endpoint = endpoint;
    for (const k of [
      'initialDelaySeconds',
      'periodSeconds',
      'timeoutSeconds',
      'failureThreshold',
      'successThreshold',
    ] as const) {
      const n = readInteger(
        own(p, k),
        scope,
        ['settings', 'probes', key, k],
        0,
        3600,
        'a number of seconds or attempts',
      );
      if (n !== undefined) spec[k] = n;
    }
    out[key] = spec;
  }
  return out;
}

function readSettings(v: unknown, scope: Scope): ResourceSettings {
  const o = readObject(v, scope, ['settings']);
  if (!o) return {};
  const s: ResourceSettings = {};
  const replicas = readInteger(own(o, 'replicas'), scope, ['settings', 'replicas'], 0, 1000, 'a replica count');
  if (replicas !== undefined) s.replicas = replicas;
  const hp = readObject(own(o, 'healthPaths'), scope, ['settings', 'healthPaths']);
  if (hp) {
    const liveness = readString(own(hp, 'liveness'), scope, ['settings', 'healthPaths', 'liveness']);
    const readiness = readString(own(hp, 'readiness'), scope, ['settings', 'healthPaths', 'readiness']);
    const endpoint = readString(own(hp, 'endpoint'), scope, ['settings', 'healthPaths', 'endpoint']);
    s.healthPaths = {
      ...(liveness !== undefined ? { liveness } : {}),
      ...(readiness !== undefined ? { readiness } : {}),
      ...(endpoint !== undefined ? { endpoint } : {}),
    };
  }
  const probes = readProbes(own(o, 'probes'), scope);
  if (probes) s.probes = probes;
  const sd = readBoolean(own(o, 'serviceDefaults'), scope, ['settings', 'serviceDefaults']);
  if (sd !== undefined) s.serviceDefaults = sd;
  const mode = readEnum(own(o, 'databaseMode'), ['in-cluster', 'external'] as const, scope, [
    'settings',
    'databaseMode',
  ]);
  if (mode) s.databaseMode = mode;
  const compute = readObject(own(o, 'compute'), scope, ['settings', 'compute']);
  if (compute) {
    const requests = readQuantities(own(compute, 'requests'), scope, ['settings', 'compute', 'requests']);
    const limits = readQuantities(own(compute, 'limits'), scope, ['settings', 'compute', 'limits']);
    s.compute = { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) };
  }
  const size = readString(own(o, 'storageSize'), scope, ['settings', 'storageSize']);
  if (size !== undefined) {
    if (QUANTITY.test(size)) s.storageSize = size;
    else wrongType(scope, ['settings', 'storageSize'], 'a Kubernetes quantity (e.g. 5Gi)', size);
  }
  const tag = readString(own(o, 'imageTag'), scope, ['settings', 'imageTag']);
  if (tag !== undefined) s.imageTag = tag;
  return s;
}

const MODELLED = new Set<string>(RESOURCE_KEYS);

function readResourceValue(o: Record<string, unknown>, name: string, scope: Scope): Resource {
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

/** Read and validate a topology object; returns undefined only when it is not an object at all. */
export function readTopology(v: unknown, sink: DiagnosticSink, basePointer: string): Topology | undefined {
  const doc = sink.scope(undefined, basePointer);
  if (!isJsonObject(v)) {
    wrongType(doc, [], 'a topology object', v);
    return undefined;
  }
  const t = v as Record<string, unknown>;
  const name = readString(own(t, 'name'), doc, ['name'], { required: true }) ?? 'app';
  const resources: Resource[] = [];
  const seen = new Set<string>();
  readArray(own(t, 'resources'), doc, ['resources']).forEach((item, i) => {
    const base = `${basePointer}/resources/${i}`;
    const o = readObject(item, sink.scope(undefined, base), []);
    if (!o) return;
    const rawName = own(o, 'name');
    if (typeof rawName !== 'string' || rawName === '') {
      wrongType(
        sink.scope(undefined, base),
        ['name'],
        'a non-empty resource name',
        rawName,
        'the resource was skipped',
      );
      return;
    }
    const scope = sink.scope(rawName, base);
    if (seen.has(rawName)) {
      scope.report(
        'error',
        'duplicate-resource',
        `Resource "${rawName}" appears more than once; only the first is kept.`,
        ['name'],
      );
      return;
    }
    seen.add(rawName);
    resources.push(readResourceValue(o, rawName, scope));
  });
  const references: Reference[] = [];
  readArray(own(t, 'references'), doc, ['references']).forEach((item, i) => {
    const scope = sink.scope(undefined, `${basePointer}/references/${i}`);
    const o = readObject(item, scope, []);
    if (!o) return;
    const from = readString(own(o, 'from'), scope, ['from'], { required: true });
    const to = readString(own(o, 'to'), scope, ['to'], { required: true });
    const kind = readEnum(own(o, 'kind'), REFERENCE_KINDS, scope, ['kind']) ?? 'connection-string';
    const waitFor = readEnum(own(o, 'waitFor'), WAIT_MODES, scope, ['waitFor']) ?? 'none';
    if (from === undefined || to === undefined) return;
    for (const end of [from, to]) {
      if (!seen.has(end)) {
        scope.report(
          'warning',
          'dangling-reference',
          `Reference ${from} → ${to} names "${end}", which is not a resource in this design; it was dropped.`,
        );
        return;
      }
    }
    references.push({ from, to, kind, waitFor });
  });
  for (const r of resources) {
    if (r.parent !== undefined && !seen.has(r.parent)) {
      sink
        .scope(r.name)
        .report(
          'warning',
          'dangling-parent',
          `Resource "${r.name}" names parent "${r.parent}", which is not a resource in this design.`,
        );
    }
  }
  // What import could not model travels with the design, so a check of a saved design (the one
  // a bundle carries) still shows it as unknown rows.
  const unmodelled: Unmodelled[] = [];
  readArray(own(t, 'unmodelled'), doc, ['unmodelled']).forEach((item, i) => {
    const scope = sink.scope(undefined, `${basePointer}/unmodelled/${i}`);
    const o = readObject(item, scope, []);
    if (!o) return;
    const construct = readString(own(o, 'construct'), scope, ['construct'], { required: true });
    const message = readString(own(o, 'message'), scope, ['message'], { required: true });
    if (construct === undefined || message === undefined) return;
    const resource = readString(own(o, 'resource'), scope, ['resource']);
    const file = readString(own(o, 'file'), scope, ['file']);
    const line = readInteger(own(o, 'line'), scope, ['line'], 1, 10_000_000);
    const column = readInteger(own(o, 'column'), scope, ['column'], 1, 10_000_000);
    unmodelled.push({
      construct,
      message,
      ...(resource !== undefined ? { resource } : {}),
      ...(file !== undefined ? { file } : {}),
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined ? { column } : {}),
    });
  });
  return { name, resources, references, ...(unmodelled.length ? { unmodelled } : {}) };
}
