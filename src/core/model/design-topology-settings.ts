/** Reading a resource's `settings` (replicas, health paths, probes, compute, storage) from a saved design. */
import { readBoolean, readInteger, readObject, readString, wrongType } from '../json/fields';
import { own } from '../json/json-parse';
import type { Scope } from '../json/scope';
import { readEnum } from './design-topology-readers';
import type { HttpProbeSpec, ResourceSettings } from './topology';

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

export function readSettings(v: unknown, scope: Scope): ResourceSettings {
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
