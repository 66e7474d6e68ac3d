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

export function readVolumes(v: unknown, scope: Scope): Volume[] {
  const out: Volume[] = [];
  readList(v, scope, 'volumes').forEach((o, i) => {
    const path = ['volumes', i];
    const target = readString(own(o, 'target'), scope, [...path, 'target'], { required: true });
    if (target === undefined) return;
    const name = readString(own(o, 'name'), scope, [...path, 'name']);
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
