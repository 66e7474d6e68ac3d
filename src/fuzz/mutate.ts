/**
 * Mutations a hostile author would try, by class of issue 15: line separators and control
 * characters, ESC sequences, bidi controls, path tricks, prototype keys, credentials, deep
 * nesting, long runs that make regular expressions backtrack, YAML structure smuggled into text.
 * JSON inputs are mutated as values (so most cases get past the parser), text inputs as text.
 */
import type { Rng } from './rng';

export const CANARY_PREFIX = 'CANARY';

export const HOSTILE_TOKENS = [
  '\u2028',
  '\u2029',
  '\u0085',
  '\r',
  '\u001b[2J\u001b[HALL CHECKS PASSED',
  '\u202e',
  '\u2066',
  '\u0000',
  '\u007f',
  '\u009b',
  '\ufeff',
  '\t',
  '\u2028kind: ClusterRoleBinding\u2028metadata:\u2028  name: pwned',
  '\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: x}\n',
  '\u0085  namespace: evil',
  '../../../etc/passwd',
  '/tmp/outside',
  '__proto__',
  'constructor',
  'prototype',
  '{x.connectionString}',
  '{',
  '}',
  '{{',
  '$(',
  '$(SECRET)',
  '{{ .Values.x }}',
  '"',
  "'",
  '\\',
  ': ',
  '#',
  '&a',
  '*a',
  '!!binary',
  `;Password=${CANARY_PREFIX}mut1;`,
  `postgres://u:${CANARY_PREFIX}mut2@h:5432/db`,
  `;AccountKey=${CANARY_PREFIX}mut3==;`,
  // Beyond the first classes: Redis's password-only URL, an alias bomb, merge keys and tags,
  // names that collide once normalised, a lone surrogate.
  `redis://:${CANARY_PREFIX}mut4@cache:6379`,
  '&a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  '<<: {x: 1}',
  '!!js/function "function () {}"',
  'a_b',
  'A-B',
  '\ud800',
  'a'.repeat(3000),
  ';'.repeat(3000),
  'a://b:'.repeat(500),
  '{'.repeat(2000),
  '['.repeat(300),
  '- '.repeat(300),
  ' '.repeat(500),
  // Long enough that a quadratic scan shows (10^10 steps), short enough for linear code.
  'x'.repeat(100_000),
  `Password=${'=;'.repeat(50_000)}`,
  `${'{a.'.repeat(30_000)}`,
  ` ${'#'.repeat(100_000)}`,
];

function hostile(rng: Rng): string {
  return rng.pick(HOSTILE_TOKENS);
}

/** One text mutation at a random place. */
export function mutateText(text: string, rng: Rng): string {
  const at = rng.int(text.length + 1);
  switch (rng.int(6)) {
    case 0:
    case 1:
      return text.slice(0, at) + hostile(rng) + text.slice(at);
    case 2: {
      const len = rng.int(40);
      return text.slice(0, at) + text.slice(at + len);
    }
    case 3: {
      const len = rng.int(200);
      return text.slice(0, at) + text.slice(at, at + len).repeat(2 + rng.int(5)) + text.slice(at + len);
    }
    case 4: {
      // Inside a string literal when there is one near: names and values are where input lands.
      const q = text.indexOf('"', at);
      return q < 0 ? text + hostile(rng) : text.slice(0, q + 1) + hostile(rng) + text.slice(q + 1);
    }
    default: {
      const q = text.lastIndexOf('#', at);
      return q < 0 ? hostile(rng) + text : text.slice(0, q + 1) + hostile(rng) + text.slice(q + 1);
    }
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every container (object or array) in a JSON value, for picking a mutation site. */
function containers(v: Json, out: (Json[] | { [k: string]: Json })[] = []): (Json[] | { [k: string]: Json })[] {
  if (v !== null && typeof v === 'object') {
    out.push(v);
    for (const c of Array.isArray(v) ? v : Object.values(v)) containers(c, out);
  }
  return out;
}

function mutateString(s: string, rng: Rng): string {
  return rng.chance(0.7) ? mutateText(s, rng) : hostile(rng);
}

/** One value-level mutation of parsed JSON (in place). */
function mutateJsonValue(root: Json, rng: Rng): void {
  const all = containers(root);
  if (all.length === 0) return;
  const c = rng.pick(all);
  if (Array.isArray(c)) {
    if (c.length === 0 || rng.chance(0.2)) c.push(hostile(rng));
    else {
      const i = rng.int(c.length);
      const v = c[i]!;
      c[i] =
        typeof v === 'string'
          ? mutateString(v, rng)
          : rng.chance(0.5)
            ? (JSON.parse(JSON.stringify(v)) as Json)
            : hostile(rng);
    }
    return;
  }
  const keys = Object.keys(c);
  const op = rng.int(5);
  if (keys.length === 0 || op === 0) {
    c[rng.chance(0.3) ? rng.pick(['__proto__', 'constructor', 'toString']) : mutateString('key', rng)] = hostile(rng);
    return;
  }
  const k = rng.pick(keys);
  const v = c[k]!;
  if (op === 1) {
    // Rename the key (resource names are keys in a manifest).
    delete c[k];
    c[mutateString(k, rng)] = v;
  } else if (op === 2) c[`${k}${rng.pick(['-2', 'X', '\u2028', '.', ''])}`] = JSON.parse(JSON.stringify(v)) as Json;
  else if (typeof v === 'string') c[k] = mutateString(v, rng);
  else if (op === 3) c[k] = rng.pick<Json>([null, 0, -1, 1e308, true, [], {}, hostile(rng)]);
  else {
    let nested: Json = v;
    for (let d = rng.int(400); d > 0; d--) nested = [nested];
    c[k] = nested;
  }
}

/** A JSON text mutated as a value (most of the time) or as raw text. */
export function mutateJson(text: string, rng: Rng): string {
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    return mutateText(text, rng);
  }
  for (let n = 1 + rng.int(4); n > 0; n--) mutateJsonValue(value, rng);
  const out = JSON.stringify(value, null, rng.chance(0.5) ? 2 : undefined);
  return rng.chance(0.15) ? mutateText(out, rng) : out;
}
