/**
 * `check --fix`: apply the Fix of every failing row that carries YAML, one at a time, checking
 * again after each (line numbers move, and one fix often repairs several rows). A fix that
 * leaves more rows failing than before is undone. Only the files named in `writable` change;
 * the result says which, for the CLI to write atomically.
 */
import type { SourceFile } from '../yaml/parse';
import { applyFix } from './apply-fix';
import { ParityChecker, type CheckInput, type ParityResult } from './engine';
import { isFailing, type FailOn } from './report-formats';
import type { ParityRow } from './types';

export interface FixOutcome {
  files: SourceFile[];
  /** Paths whose text changed. */
  changed: string[];
  /** Row ids whose Fix was applied and kept. */
  applied: string[];
  report: ParityResult;
}

function failingCount(r: ParityResult, failOn: FailOn): number {
  return r.rows.filter((x) => isFailing(x, failOn)).length;
}

/** The file a row's Fix edits: its target, or (a whole new object) the file of its evidence. */
function fileOf(row: ParityRow): string | undefined {
  return row.fix?.target?.file ?? row.evidence?.find((e) => e.file)?.file;
}

export function fixAll(
  input: CheckInput,
  writable: ReadonlySet<string>,
  failOn: FailOn = 'fail',
  maxSteps = 200,
): FixOutcome {
  const checker = new ParityChecker();
  let files = [...input.files];
  let report = checker.check({ ...input, files });
  const tried = new Set<string>();
  const applied: string[] = [];
  for (let step = 0; step < maxSteps; step++) {
    // A row is tried again when its Fix changed: some repairs take steps (the emptyDir out, then
    // the claim template in), each the row's next Fix.
    const attempt = (r: ParityRow) => `${r.id}\u0000${r.fix?.snippet}\u0000${JSON.stringify(r.fix?.target?.path)}`;
    const row = report.rows.find(
      (r) => isFailing(r, failOn) && r.fix?.snippet && !tried.has(attempt(r)) && writable.has(fileOf(r) ?? ''),
    );
    if (!row) break;
    tried.add(attempt(row));
    const path = fileOf(row)!;
    const at = files.findIndex((f) => f.path === path);
    if (at < 0) continue;
    const line = row.fix!.target ? row.evidence?.find((e) => e.file === path)?.line : undefined;
    const edit = applyFix(files[at]!.text, row.fix!, line);
    if ('error' in edit || edit.fileText === files[at]!.text) continue;
    const next = files.map((f, i) => (i === at ? { path: f.path, text: edit.fileText } : f));
    const after = checker.check({ ...input, files: next });
    // Never trade one failure for more.
    if (
      failingCount(after, failOn) > failingCount(report, failOn) ||
      after.diagnostics.some((d) => d.severity === 'error')
    )
      continue;
    files = next;
    report = after;
    if (!applied.includes(row.id)) applied.push(row.id);
  }
  const before = new Map(input.files.map((f) => [f.path, f.text]));
  return { files, changed: files.filter((f) => before.get(f.path) !== f.text).map((f) => f.path), applied, report };
}
