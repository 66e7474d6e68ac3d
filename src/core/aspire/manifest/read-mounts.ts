/** Manifest `volumes` and `bindMounts`; entries without a target are reported and skipped. */
import type { BindMount, Volume } from '../../model/topology';
import { readBoolean, readObject, readString, wrongType } from '../../json/fields';
import { own } from '../../json/json-parse';
import type { Scope } from '../../json/scope';

function readList(v: unknown, scope: Scope, field: string): Record<string, unknown>[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    wrongType(scope, [field], 'an array', v);
    return [];
  }
  const out: Record<string, unknown>[] = [];
  v.forEach((item, i) => {
    const o = readObject(item, scope, [field, i]);
    if (o) out.push(o);
  });
  return out;
}

/**
 * Aspire names a volume it generates (`WithDataVolume()` without a name)
 * `{application name}-{first 10 hex of SHA-256 of the App Host's path}-{resource}-{suffix}`:
 * the middle part changes with the folder the App Host was published from, so a manifest
 * written on another machine would rename (and so empty) every claim. The volume means
 * `{resource}-{suffix}`, which is also what the App Host reader makes of `WithDataVolume()`.
 */
export function volumeMeaning(name: string, resource: string): string {
  const prefix = /^(.+)-[0-9a-f]{10}-/.exec(name);
  const rest = prefix ? name.slice(prefix[0].length) : '';
  return prefix && rest.startsWith(`${resource}-`) && rest.length > resource.length + 1 ? rest : name;
}

export function readVolumes(v: unknown, scope: Scope, resource?: string): Volume[] {
  const out: Volume[] = [];
  readList(v, scope, 'volumes').forEach((o, i) => {
    const path = ['volumes', i];
    const target = readString(own(o, 'target'), scope, [...path, 'target'], { required: true });
    if (target === undefined) return;
    const written = readString(own(o, 'name'), scope, [...path, 'name']);
    const name = written !== undefined && resource !== undefined ? volumeMeaning(written, resource) : written;
    const readOnly = readBoolean(own(o, 'readOnly'), scope, [...path, 'readOnly']) ?? false;
    out.push({ ...(name ? { name } : {}), target, readOnly });
  });
  return out;
}

export function readBindMounts(v: unknown, scope: Scope): BindMount[] {
  const out: BindMount[] = [];
  readList(v, scope, 'bindMounts').forEach((o, i) => {
    const path = ['bindMounts', i];
    const source = readString(own(o, 'source'), scope, [...path, 'source'], { required: true });
    const target = readString(own(o, 'target'), scope, [...path, 'target'], { required: true });
    if (source === undefined || target === undefined) return;
    const readOnly = readBoolean(own(o, 'readOnly'), scope, [...path, 'readOnly']) ?? false;
    out.push({ source, target, readOnly });
  });
  return out;
}
