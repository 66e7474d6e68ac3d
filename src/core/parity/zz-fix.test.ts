import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { runCli } from '../../test-support/run-cli';
import { applyFix } from './apply-fix';
import type { ParityRow } from './types';
it('probe', async () => {
  const run = await runCli(['check', '/tmp/rt-startup/b/Program.cs', '/tmp/rt-startup/b/m1.yaml', '--json']);
  const rows = (JSON.parse(run.stdout) as { rows: ParityRow[] }).rows;
  const r = rows.find((x) => x.id === 'waitfor-reach:api:worker')!;
  console.log(JSON.stringify(r.evidence), JSON.stringify(r.fix?.target));
  const text = readFileSync('/tmp/rt-startup/b/m1.yaml', 'utf8');
  const e = applyFix(text, r.fix!, (r.evidence as unknown as { line: number }).line);
  if ('error' in e) console.log('ERR', e.error);
  else {
    const { writeFileSync } = await import('node:fs');
    writeFileSync('/tmp/rt-startup/b/fixed-m1.yaml', e.fileText);
    const after = await runCli(['check', '/tmp/rt-startup/b/Program.cs', '/tmp/rt-startup/b/fixed-m1.yaml', '--json']);
    const rs = (JSON.parse(after.stdout) as { rows: ParityRow[] }).rows;
    console.log(rs.filter((x) => x.status === 'fail').map((x) => `${x.id}: ${x.detail}`).join('\n'));
  }
});
