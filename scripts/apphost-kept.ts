/**
 * The share of declared workloads and relationships an App Host importer keeps, over the public
 * App Hosts of fixtures/apphost/public (expectations.ts; sources per ATTRIBUTION.md).
 *
 *   npx tsx scripts/apphost-kept.ts                 this tree's importer (C#, siblings, TypeScript)
 *   npx tsx scripts/apphost-kept.ts --before DIR    another checkout's src/ (e.g. `git archive main src`),
 *                                                   read as that importer could: one C# file, no TypeScript
 *   … --full                                        the other checkout reads siblings and TypeScript too
 *   … --set first|unseen                            only the first 18 App Hosts, or the 30 collected later
 *                                                   (expectations-unseen.ts); both by default
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { PUBLIC_APPHOSTS } from '../fixtures/apphost/public/expectations';
import { UNSEEN_APPHOSTS } from '../fixtures/apphost/public/expectations-unseen';
import { kept } from '../src/core/aspire/apphost/kept';

const before = process.argv.indexOf('--before');
const full = process.argv.includes('--full');
const setArg = process.argv[process.argv.indexOf('--set') + 1];
const set = process.argv.includes('--set') ? setArg : 'all';
const fixtures = [...(set === 'unseen' ? [] : PUBLIC_APPHOSTS), ...(set === 'first' ? [] : UNSEEN_APPHOSTS)];
const root = before >= 0 ? resolve(process.argv[before + 1] ?? '.') : resolve(import.meta.dirname, '..');
const src = resolve(import.meta.dirname, '../fixtures/apphost/public/src');
if (!existsSync(src)) {
  console.error(`${src} is missing: see fixtures/apphost/public/ATTRIBUTION.md`);
  process.exit(2);
}
const { createCSharpParser } = await import(join(root, 'src/core/aspire/apphost/parser.ts'));
const { importAppHost } = await import(join(root, 'src/core/aspire/apphost/import.ts'));
const tsReader = before >= 0 && !full ? undefined : await import(join(root, 'src/core/aspire/apphost-ts/import.ts'));
const parser = await createCSharpParser({
  language: resolve(import.meta.dirname, '../node_modules/tree-sitter-c-sharp/tree-sitter-c_sharp.wasm'),
});

const total: Record<'workloads' | 'relationships', [number, number]> = { workloads: [0, 0], relationships: [0, 0] };
for (const f of fixtures) {
  const dir = join(src, f.dir);
  const text = readFileSync(join(dir, f.entry), 'utf8');
  const siblings = readdirSync(dir)
    .filter((n) => n !== f.entry && n.endsWith('.cs'))
    .map((n) => ({ name: n, text: readFileSync(join(dir, n), 'utf8') }));
  const topology =
    f.kind === 'typescript'
      ? tsReader?.importAppHostTs(ts, parser, text, { fileName: f.entry }).topology
      : before >= 0 && !full
        ? importAppHost(parser, text).topology
        : importAppHost(parser, text, { fileName: f.entry, siblings }).topology;
  const k = kept(topology, f);
  const rel = [...k.references.kept, ...k.waits.kept].length;
  const relAll = rel + [...k.references.lost, ...k.waits.lost].length;
  total.workloads[0] += k.workloads.kept.length;
  total.workloads[1] += k.workloads.kept.length + k.workloads.lost.length;
  total.relationships[0] += rel;
  total.relationships[1] += relAll;
  console.log(
    `${f.dir.padEnd(28)} workloads ${k.workloads.kept.length}/${k.workloads.kept.length + k.workloads.lost.length}  ` +
      `relationships ${rel}/${relAll}`,
  );
}
const pct = ([a, b]: number[]) => `${a}/${b} = ${Math.round((100 * a!) / b!)} %`;
console.log(
  `kept: workloads ${pct(total.workloads)}, relationships (references and waits) ${pct(total.relationships)}`,
);
