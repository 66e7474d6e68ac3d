/**
 * `check --fix` writes the files it fixed atomically: every new text goes to a temporary
 * sibling first (same folder, so the rename never crosses a file system); only when all are
 * written are they renamed over the originals, so an error leaves every file as it was (never
 * half the fixes). A file keeps its permission bits. A symbolic link is refused before anything
 * is written: renaming over it would replace the link with a copy, and writing through it could
 * change a file outside the folders the user named.
 */
import { chmodSync, lstatSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SourceFile } from '../core/yaml/parse';
import { CliError } from './io';

function refuseUnwritable(f: SourceFile): void {
  if (f.path === '-') throw new CliError('cannot write fixes to standard input');
  let link = false;
  try {
    link = lstatSync(f.path).isSymbolicLink();
  } catch {
    // A file that vanished since it was read fails at the rename, with the others untouched.
  }
  if (link) throw new CliError(`${f.path}: a symbolic link; --fix writes only regular files (nothing was written)`);
}

export function writeFilesAtomically(files: readonly SourceFile[]): void {
  for (const f of files) refuseUnwritable(f);
  const temps: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      const tmp = join(dirname(f.path), `.${basename(f.path)}.aspire-parity-${process.pid}.tmp`);
      // The exclusive flag: never write through a file (or link) someone placed at the temp name.
      writeFileSync(tmp, f.text, { flag: 'wx', mode: 0o600 });
      temps.push({ tmp, path: f.path });
      chmodSync(tmp, statSync(f.path).mode & 0o7777);
    }
  } catch (e) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot write fixes (nothing was written): ${(e as Error).message}`);
  }
  for (const t of temps) renameSync(t.tmp, t.path);
}
