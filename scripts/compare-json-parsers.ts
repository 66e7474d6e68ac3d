/**
 * Evidence for keeping our JSON parser (src/core/json/json-parse.ts) instead of `jsonc-parser`:
 * what each does on the inputs we must handle, and how fast, on the largest manifest in the
 * fixtures and on a 6 MB one built from it. Run: `npm run compare:json` (prints a table).
 *
 * jsonc-parser gives offsets (parseTree) and error offsets, but as measured here it: reports
 * errors as codes without wording, accepts no BOM, recurses (a deep file overflows the stack),
 * says nothing of duplicate keys, and builds plain objects (`__proto__` becomes the prototype).
 * Speed is no reason either way. Best of five batches on the shared 2-core dev machine
 * (2026-12-04), two runs: 22 KB manifest — ours 0.38–0.66 ms, jsonc parseTree 1.4–1.7 ms,
 * JSON.parse 0.08–0.13 ms; 6 MB manifest — ours 445–516 ms, jsonc parseTree 484–485 ms,
 * jsonc values only 210 ms, JSON.parse 26–56 ms.
 */
import { readFileSync } from 'node:fs';
import { parse, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { parseJson } from '../src/core/json/json-parse';
import { MANIFEST_LIMITS } from '../src/core/aspire/manifest/limits';

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };
const BIG_LIMITS = { ...MANIFEST_LIMITS, maxChars: 50_000_000 };

/** Best of five batches (ms per call): the machine is shared, and the minimum is the least disturbed. */
function time(fn: () => unknown, batchMs = 150): number {
  fn();
  let best = Infinity;
  for (let b = 0; b < 5; b++) {
    let n = 0;
    const start = performance.now();
    while (n === 0 || performance.now() - start < batchMs) {
      fn();
      n++;
    }
    best = Math.min(best, (performance.now() - start) / n);
  }
  return best;
}

/** Line/column for every value, as the importer needs it: jsonc gives offsets, lines are ours to compute. */
function jsoncWithPositions(text: string) {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, STRICT);
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  let count = 0;
  const walk = (n: Node | undefined) => {
    if (!n) return;
    count++;
    for (const c of n.children ?? []) walk(c);
  };
  walk(root);
  return { root, errors, count };
}

function bigManifest(base: string, targetBytes: number): string {
  const resources = (JSON.parse(base) as { resources: Record<string, unknown> }).resources;
  const out: Record<string, unknown> = {};
  let i = 0;
  let size = 0;
  while (size < targetBytes) {
    for (const [name, r] of Object.entries(resources)) {
      const key = `${name}-${i}`;
      out[key] = r;
      size += JSON.stringify(r).length + key.length;
    }
    i++;
  }
  return JSON.stringify({ resources: out }, null, 2);
}

const largest = readFileSync('fixtures/manifests/playground-deployers.json', 'utf8');
// Pretty-printing adds about a quarter; scale once so the text itself is ~6 MB.
const draft = bigManifest(largest, 6_000_000);
const big = bigManifest(largest, 6_000_000 * (6_000_000 / draft.length));
const rows: string[][] = [
  ['input', 'size', 'JSON.parse', 'ours (positions, dups)', 'jsonc parseTree + walk', 'jsonc parse (values only)'],
];
for (const [name, text] of [
  ['playground-deployers.json', largest],
  ['6 MB synthetic', big],
] as const) {
  rows.push([
    name,
    `${(text.length / 1e6).toFixed(2)} MB`,
    `${time(() => JSON.parse(text)).toFixed(2)} ms`,
    `${time(() => parseJson(text, BIG_LIMITS)).toFixed(2)} ms`,
    `${time(() => jsoncWithPositions(text)).toFixed(2)} ms`,
    `${time(() => parse(text, [], STRICT)).toFixed(2)} ms`,
  ]);
}
for (const r of rows) console.log(r.join(' | '));

const prototypeName = (value: object) => (Object.getPrototypeOf(value) === Object.prototype ? 'Object' : 'replaced');

const behaviour = (label: string, text: string) => {
  const ours = parseJson(text, MANIFEST_LIMITS);
  const firstDuplicate = ours.ok ? ours.duplicates[0] : undefined;
  let theirs: string;
  try {
    const errors: ParseError[] = [];
    const value = parse(text, errors, STRICT) as unknown;
    theirs = errors.length
      ? errors.map((e) => `${printParseErrorCode(e.error)} @${e.offset}`).join(', ')
      : `ok${value && typeof value === 'object' ? `, prototype ${prototypeName(value)}` : ''}`;
  } catch (e) {
    theirs = `threw ${(e as Error).name}`;
  }
  const oursText = ours.ok
    ? 'ok' +
      (firstDuplicate ? `, duplicate ${firstDuplicate.key} at ${firstDuplicate.line}:${firstDuplicate.column}` : '') +
      (ours.hadBom ? ', BOM noted' : '')
    : `${ours.error.code} ${ours.error.line}:${ours.error.column} ${ours.error.message}`;
  console.log(`\n${label}\n  ours:  ${oursText}\n  jsonc: ${theirs}`);
};
behaviour('syntax error', '{\n  "resources": {\n    "api": { "type": "project.v0", }\n  }\n}');
behaviour('duplicate key', '{"resources": {"api": {"type": "project.v0"}, "api": {"type": "container.v0"}}}');
behaviour('BOM', '\uFEFF{"resources": {}}');
behaviour('__proto__ key', '{"__proto__": {"polluted": true}}');
behaviour('200k nested arrays', '['.repeat(200_000) + ']'.repeat(200_000));
