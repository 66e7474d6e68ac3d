/**
 * `npx tsx scripts/fuzz-replay.ts --seed S --case I [--out DIR] [--cli]`: writes the input of one case of
 * a long fuzz run (the failure report truncates inputs) to DIR/case-I.<ext>, and runs it once
 * through the oracle (with the real CLI commands: --cli) with its time, so a slow or failing
 * case can be profiled on its own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importerFor } from '../src/cli/load-apphost';
import { runCliCaptured } from '../src/fuzz/cli-capture';
import { runCase } from '../src/fuzz/oracle';
import { fuzzCases } from '../src/fuzz/run';
import { importAny } from '../src/core/aspire/import-any';
import { readFileSync } from 'node:fs';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const seed = Number(flag('seed') ?? 15);
const at = Number(flag('case'));
if (!Number.isInteger(at) || at < 0) throw new Error('--case takes the number of the case (#N in the report)');
const outDir = flag('out') ?? 'test-results';
const root = process.cwd();
const importers = {
  csharp: await importerFor({ language: 'cs', siblings: [] }),
  typescript: await importerFor({ language: 'ts', siblings: [] }),
};
for (const c of fuzzCases({ root, seed, iterations: at + 1, importers })) {
  if (c.i !== at) continue;
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `case-${at}-${c.kind.fileName}`);
  writeFileSync(file, c.text);
  const checkTopology = importAny(
    readFileSync(join(root, 'fixtures/parity/travel-design.json'), 'utf8'),
    'x.json',
  ).topology!;
  const cli = process.argv.includes('--cli') ? { cli: runCliCaptured } : {};
  const r = await runCase(c.kind, c.text, { checkTopology, appHostImporters: importers, ...cli });
  process.stdout.write(
    `#${at} ${c.kind.name}: ${c.text.length} chars → ${file}; ${Math.round(r.ms)} ms; ` +
      `${r.failures.length ? JSON.stringify(r.failures) : 'no failure'}\n`,
  );
}
