/**
 * `check --fix` writes the files it fixed atomically: every new text goes to a temporary
 * sibling first; only when all are written are they renamed over the originals, so an error
 * leaves every file as it was (never half the fixes).
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SourceFile } from '../core/yaml/parse';
import { CliError } from './io';

export function writeFilesAtomically(files: readonly SourceFile[]): void {
  const temps: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      if (f.path === '-') throw new CliError('cannot write fixes to standard input');
      const tmp = join(dirname(f.path), `.${basename(f.path)}.aspire-parity-${process.pid}.tmp`);
      writeFileSync(tmp, f.text);
      temps.push({ tmp, path: f.path });
    }
  } catch (e) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot write fixes: ${(e as Error).message}`);
  }
  for (const t of temps) renameSync(t.tmp, t.path);
}
