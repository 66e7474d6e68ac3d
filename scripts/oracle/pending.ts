/**
 * npm run oracle:pending — rewrite the PENDING list of src/core/aspire/oracle-pending.ts from
 * the differences the oracle finds today (no .NET needed: it reads the committed fixtures).
 * For after a merge that fixed (or changed) some of them: review the diff of the list — every
 * line that stays is a known bug, and a line that appears is a regression.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importAppHost } from '../../src/core/aspire/apphost/import';
import { createCSharpParser } from '../../src/core/aspire/apphost/parser';
import { importManifest } from '../../src/core/aspire/manifest';
import { differences, normalForm } from '../../src/test-support/oracle/normal-form';
import { listScenarios, ROOT } from './scenarios';

const FILE = join(ROOT, 'src/core/aspire/oracle-pending.ts');

const parser = await createCSharpParser({
  language: join(ROOT, 'node_modules/tree-sitter-c-sharp/tree-sitter-c_sharp.wasm'),
});
const entries: string[] = [];
for (const s of listScenarios()) {
  const source = importAppHost(parser, s.source).topology;
  const manifest = importManifest(readFileSync(join(s.dir, 'aspire-manifest.json'), 'utf8'), {
    fileName: 'aspire-manifest.json',
  }).topology;
  const found = differences(normalForm(source), normalForm(manifest));
  if (found.length > 0)
    entries.push(`  ${JSON.stringify(s.name)}: [\n${found.map((d) => `    ${JSON.stringify(d)},`).join('\n')}\n  ],`);
}
const text = readFileSync(FILE, 'utf8');
const start = text.indexOf('export const PENDING: Record<string, string[]> = {');
const end = text.indexOf('\n};\n', start);
if (start < 0 || end < 0) throw new Error(`${FILE}: no PENDING list to rewrite`);
writeFileSync(
  FILE,
  `${text.slice(0, start)}export const PENDING: Record<string, string[]> = {\n${entries.join('\n')}${text.slice(end)}`,
);
process.stdout.write(
  `oracle:pending: ${entries.length} scenario(s) with differences written to src/core/aspire/oracle-pending.ts\n`,
);
