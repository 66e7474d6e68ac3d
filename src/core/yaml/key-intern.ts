/**
 * Mapping keys of the fast YAML path, shared instead of sliced: a bundle repeats the same few
 * hundred keys (`name`, `image`, `containerPort`…) thousands of times, and slicing each one was
 * the largest single source of a cold check's garbage (about 1.1 of 10.5 MB per 300 documents,
 * measured with V8's sampling heap profiler). A key is hashed in place, found by comparing its
 * characters, and sliced only the first time it is seen.
 */
const MAX_KEYS = 4096;
const byHash = new Map<number, string[]>();
let count = 0;

/** The key `s[from, to)` as a string, from the table when it was seen before; `admit` vets a new one. */
export function internKey(s: string, from: number, to: number, admit: (key: string) => string): string {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  const len = to - from;
  const bucket = byHash.get(h);
  if (bucket) for (const k of bucket) if (k.length === len && s.startsWith(k, from)) return k;
  const key = admit(s.slice(from, to));
  if (count >= MAX_KEYS) {
    byHash.clear(); // a hostile file with endless distinct keys must not grow the table
    count = 0;
  }
  count++;
  const list = byHash.get(h);
  if (list) list.push(key);
  else byHash.set(h, [key]);
  return key;
}
