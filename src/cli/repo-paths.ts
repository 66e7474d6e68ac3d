/**
 * GitHub reads `::error file=…` and SARIF `artifactLocation.uri` relative to the repository
 * root, whatever folder the check ran in (the action's `working-directory`). Evidence paths are
 * relative to the folder `check` ran in; these put them relative to the enclosing git
 * repository's root instead, when there is one and the file is inside it.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ParityReport } from '../core/parity/types';

/** The nearest folder at or above `from` holding `.git` (a folder, or a file in a worktree). */
export function repositoryRoot(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The report with every evidence file relative to `root` (forward slashes); others unchanged. */
export function relativeToRoot(report: ParityReport, root: string, cwd = process.cwd()): ParityReport {
  const map = (file: string) => {
    if (!file || file.startsWith('<')) return file;
    const rel = relative(root, resolve(cwd, file));
    return rel.startsWith('..') || isAbsolute(rel) ? file : rel.split(sep).join('/');
  };
  return {
    ...report,
    rows: report.rows.map((r) =>
      r.evidence ? { ...r, evidence: r.evidence.map((e) => (e.file ? { ...e, file: map(e.file) } : e)) } : r,
    ),
  };
}
