/**
 * What must hold for every input, however hostile (issue 15): no crash, no case over 5 s, no
 * control character or line separator in anything we write, no object in our YAML that the
 * generator did not make, no credential in a share link that the bundle keeps out, saved designs
 * read back, and (CLI cases) no file written outside the --out folder and no raw control
 * character printed.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importAny, type AppHostImporter } from '../core/aspire/import-any';
import { BUNDLE_FORMATS, layoutBundle } from '../core/bundle/layout';
import { plainStream } from '../core/bundle/plain';
import { generate } from '../core/kube/generate';
import { emptyDesign } from '../core/model/design';
import { hasUnsafeChar } from '../core/model/safe-text';
import { withDefaults } from '../core/model/settings';
import type { Topology } from '../core/model/topology';
import { checkParity } from '../core/parity/engine';
import { parseBundle } from '../core/yaml/parse';
import { parseDesignText, serializeDesign } from '../state/design-codec';
import { decodeShareHash, encodeShareHash } from '../state/share-link';
import { redactDesign } from '../core/kube/secret-redaction';
import { CANARY_CONTEXTS } from './inputs';

export const SLOW_MS = 5000;

export interface CaseContext {
  /**
   * Both languages' importers, by name: a bare function would be taken for the C# one, and a
   * TypeScript App Host would stop at "import is not available" (checked vacuously).
   */
  appHostImporters?: { csharp?: AppHostImporter; typescript?: AppHostImporter };
  /** The topology `yaml` cases are checked against. */
  checkTopology: Topology;
  /** Run the real CLI commands in-process (slower; every few cases). */
  cli?: (argv: string[]) => Promise<{ code: number; out: string; err: string }>;
  /** Called after each timed run of the input (the long run's watchdog counts from there). */
  onStep?: () => void;
}

function unsafeWhere(text: string): string | undefined {
  if (!hasUnsafeChar(text, '\n\t')) return undefined;
  const i = [...text].findIndex((c) => hasUnsafeChar(c, '\n\t'));
  return JSON.stringify(text.slice(Math.max(0, i - 30), i + 30));
}

function checkBundle(topology: Topology, failures: string[]): void {
  const settings = withDefaults({});
  const gen = generate(topology, settings);
  for (const format of BUNDLE_FORMATS) {
    for (const f of layoutBundle(format, gen, topology, settings)) {
      const bad = unsafeWhere(f.text);
      if (bad) failures.push(`control character in ${format} ${f.path}: ${bad}`);
      if (hasUnsafeChar(f.path) || f.path.startsWith('/') || f.path.split(/[\\/]/).includes('..'))
        failures.push(`unsafe path in ${format}: ${JSON.stringify(f.path)}`);
    }
  }
  const stream = plainStream(gen);
  const bad = unsafeWhere(stream);
  if (bad) failures.push(`control character in the plain stream: ${bad}`);
  // Read back as kubectl would: exactly the objects the generator made.
  const parsed = parseBundle([{ path: 'all.yaml', text: stream }]);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) failures.push(`our own bundle does not parse: ${errors[0]!.message.slice(0, 200)}`);
  else if (parsed.docs.length !== gen.objects.length)
    failures.push(`bundle reads back as ${parsed.docs.length} objects, the generator made ${gen.objects.length}`);
  checkParity({ topology, files: [{ path: 'all.yaml', text: stream }], settings });
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

/**
 * Canaries every occurrence of which still sits in its credential context (CANARY_CONTEXTS):
 * a copy a mutation moved elsewhere (into a comment, under another name) is just text there.
 */
function liveCanaries(input: string): string[] {
  // Only ASCII spaces, and only next to punctuation (formatting): a line separator inside a
  // name makes it another name, and so do spaces between letters (`Pas   sword=` is no password).
  const flat = input.replace(/(?<=[^\w \t\n\r])[ \t\n\r]+|[ \t\n\r]+(?=[^\w \t\n\r])/g, '').replace(/[ \t\n\r]+/g, ' ');
  return Object.entries(CANARY_CONTEXTS)
    .filter(
      ([canary, contexts]) =>
        count(flat, canary) > 0 && count(flat, canary) === contexts.reduce((n, c) => n + count(flat, c), 0),
    )
    .map(([canary]) => canary);
}

function checkShareAndSave(topology: Topology, input: string, failures: string[]): void {
  const doc = { ...emptyDesign(), topology };
  const enc = encodeShareHash(doc);
  if (enc.ok) {
    const dec = decodeShareHash(enc.hash);
    if (!dec?.ok) failures.push(`share link does not open: ${dec?.message ?? 'no design'}`);
    else {
      const linked = JSON.stringify(dec.doc);
      for (const c of liveCanaries(input))
        if (linked.includes(c)) failures.push(`share link carries the credential ${c}`);
      // Nothing the detection calls a credential is left (redaction is complete and idempotent).
      const again = redactDesign(dec.doc).replaced;
      if (again.length) failures.push(`share link still holds credentials at ${again.slice(0, 3).join(', ')}`);
    }
  }
  const saved = parseDesignText(serializeDesign(doc));
  if (!saved.ok) failures.push(`saved design does not load: ${saved.message}`);
  else if (
    saved.doc.topology.resources.map((r) => r.name).join('\n') !== topology.resources.map((r) => r.name).join('\n')
  )
    failures.push('saved design loads with other resources');
}

/** Files under `dir`, relative, recursively. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split('\\').join('/')).sort();
}

async function checkCli(
  fileName: string,
  text: string,
  role: 'topology' | 'yaml',
  ctx: CaseContext,
  failures: string[],
): Promise<void> {
  const root = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'aspire-parity-fuzz-'));
  try {
    const input = join(root, fileName);
    writeFileSync(input, text);
    const topologyFile = join(root, 'topology.json');
    writeFileSync(topologyFile, serializeDesign({ ...emptyDesign(), topology: ctx.checkTopology }));
    const out = join(root, 'out');
    const runs =
      role === 'topology'
        ? [
            ['convert', input, '--out', out],
            ['convert', input, '--stdout'],
          ]
        : [
            ['check', topologyFile, input],
            ['check', topologyFile, input, '--json'],
          ];
    for (const argv of runs) {
      const t0 = performance.now();
      const r = await ctx.cli!(argv);
      const ms = performance.now() - t0;
      if (ms > SLOW_MS) failures.push(`${argv[0]} took ${Math.round(ms)} ms (limit ${SLOW_MS})`);
      ctx.onStep?.();
      for (const [name, s] of [
        ['stdout', r.out],
        ['stderr', r.err],
      ] as const) {
        const bad = unsafeWhere(s);
        if (bad) failures.push(`${argv[0]} printed a control character on ${name}: ${bad}`);
      }
    }
    const outside = tree(root).filter(
      (p) => p !== fileName && p !== 'topology.json' && p !== 'out' && !p.startsWith('out/'),
    );
    if (outside.length) failures.push(`files written outside --out: ${outside.slice(0, 5).join(', ')}`);
    if (existsSync(out) && tree(out).some((p) => p.split('/').includes('..')))
      failures.push('a path with .. inside --out');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** One input through every path; the failures found (empty when all held). */
export async function runCase(
  kind: { fileName: string; role: 'topology' | 'yaml' },
  text: string,
  ctx: CaseContext,
): Promise<{ failures: string[]; ms: number }> {
  const failures: string[] = [];
  const t0 = performance.now();
  let ms = 0;
  try {
    if (kind.role === 'yaml') {
      checkParity({ topology: ctx.checkTopology, files: [{ path: kind.fileName, text }] });
    } else {
      const r = importAny(text, kind.fileName, ctx.appHostImporters);
      // A case the harness could not import checks nothing: a failure, not a pass.
      if (r.diagnostics.some((d) => d.code === 'apphost-unavailable'))
        failures.push(`no ${kind.fileName} importer was given: the case checked nothing`);
      if (r.topology && !r.diagnostics.some((d) => d.severity === 'error')) {
        checkBundle(r.topology, failures);
        checkShareAndSave(r.topology, text, failures);
      }
    }
    // Each run is timed on its own (the CLI's below): a case is several runs of one input.
    ms = performance.now() - t0;
    if (ms > SLOW_MS) failures.push(`took ${Math.round(ms)} ms (limit ${SLOW_MS})`);
    ctx.onStep?.();
    if (ctx.cli) await checkCli(kind.fileName, text, kind.role, ctx, failures);
  } catch (e) {
    failures.push(`crash: ${(e as Error).stack?.split('\n').slice(0, 4).join(' | ') ?? String(e)}`);
  }
  return { failures, ms };
}
