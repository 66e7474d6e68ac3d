/** Reading parsed YAML without a schema: narrow unknown values, and follow a path into them. */

export type Path = (string | number)[];
export type Rec = Record<string, unknown>;

export function asRec(x: unknown): Rec | undefined {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Rec) : undefined;
}
export function asArr(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}
export function asStr(x: unknown): string | undefined {
  return typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : undefined;
}
export function strMap(x: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRec(x) ?? {})) {
    const s = asStr(v);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

export function getIn(x: unknown, path: Path): unknown {
  let cur = x;
  for (const p of path) {
    if (typeof p === 'number') cur = Array.isArray(cur) ? cur[p] : undefined;
    else cur = asRec(cur)?.[p];
    if (cur === undefined) return undefined;
  }
  return cur;
}
