/**
 * `check --fix`: apply the Fix of every failing row that carries YAML, one at a time, checking
 * again after each (line numbers move, and one fix often repairs several rows). A fix that
 * makes any row fail that did not fail before, or the object invalid for the Kubernetes API, is
 * undone: a repair never trades one failure for another. Only the files named in `writable`
 * change, keeping their CRLF line breaks; the result says which, for the CLI to write atomically.
 */
import { withDefaults } from '../model/settings';
import type { SourceFile } from '../yaml/parse';
import { applyFix } from './apply-fix';
import { createBundleChecker, type BundleChecker } from './check-bundle';
import type { CheckInput, ParityResult } from './engine';
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

interface Checked {
  report: ParityResult;
  /** What fails: row ids, and schema findings by file and place (not line: a fix above moves it). */
  failing: Set<string>;
}

function checkAll(checker: BundleChecker, input: CheckInput, files: SourceFile[], failOn: FailOn): Checked {
  const { report, validation } = checker.check(input.topology, withDefaults(input.settings), files, input.options);
  return {
    report,
    failing: new Set([
      ...report.rows.filter((x) => isFailing(x, failOn)).map((x) => x.id),
      ...validation.map((v) => `kube-schema\u0000${v.file}\u0000${v.path}\u0000${v.message}`),
    ]),
  };
}

/** A file written with CRLF throughout gets its fixed lines in CRLF too (the fix text is LF). */
function keepLineBreaks(original: string, text: string): string {
  const crlf = original.split('\r\n').length - 1;
  if (crlf === 0 || crlf !== original.split('\n').length - 1) return text;
  return text.replace(/\r?\n/g, '\r\n');
}

/** The file a row's Fix edits: its target, or (a whole new object) the file of its evidence. */
function fileOf(row: ParityRow): string | undefined {
  return row.fix?.target?.file ?? row.evidence?.find((e) => e.file)?.file;
}

/** Steps one repair may take through new failures before it must end clean. */
const MAX_CHAIN = 4;

const isError = (d: { severity: string }) => d.severity === 'error';

export function fixAll(
  input: CheckInput,
  writable: ReadonlySet<string>,
  failOn: FailOn = 'fail',
  maxSteps = 200,
): FixOutcome {
  const checker = createBundleChecker();
  // `accepted` never fails anything the input did not fail. Some repairs take steps (the mount
  // first, then the claim template it names; an init container, then the port it waits on), so
  // a step may pass through new failures; the chain is kept only if it ends with none, within
  // MAX_CHAIN steps, and is undone otherwise.
  let accepted = { files: [...input.files], checked: checkAll(checker, input, [...input.files], failOn) };
  let work = accepted;
  let chain: string[] = [];
  const tried = new Set<string>();
  const applied: string[] = [];
  for (let step = 0; step < maxSteps; step++) {
    // A row is tried again when its Fix changed: each step of a repair is the row's next Fix.
    const attempt = (r: ParityRow) => `${r.id}\u0000${r.fix?.snippet}\u0000${JSON.stringify(r.fix?.target?.path)}`;
    const row = work.checked.report.rows.find(
      (r) => isFailing(r, failOn) && r.fix?.snippet && !tried.has(attempt(r)) && writable.has(fileOf(r) ?? ''),
    );
    if (!row || chain.length >= MAX_CHAIN) {
      if (chain.length === 0) break;
      // The chain did not end clean: back to the last accepted files, and try other rows.
      work = accepted;
      chain = [];
      continue;
    }
    tried.add(attempt(row));
    const path = fileOf(row)!;
    const at = work.files.findIndex((f) => f.path === path);
    if (at < 0) continue;
    const line = row.fix!.target ? row.evidence?.find((e) => e.file === path)?.line : undefined;
    const edit = applyFix(work.files[at]!.text, row.fix!, line);
    if ('error' in edit || edit.fileText === work.files[at]!.text) continue;
    const next = work.files.map((f, i) => (i === at ? { path: f.path, text: edit.fileText } : f));
    const after = checkAll(checker, input, next, failOn);
    if (after.report.diagnostics.some(isError)) continue;
    work = { files: next, checked: after };
    chain.push(row.id);
    // Never trade one failure for another: nothing may fail that did not fail before.
    if ([...after.failing].every((id) => accepted.checked.failing.has(id))) {
      accepted = work;
      for (const id of chain) if (!applied.includes(id)) applied.push(id);
      chain = [];
    }
  }
  const files = accepted.files;
  const before = new Map(input.files.map((f) => [f.path, f.text]));
  const out = files.map((f) =>
    before.get(f.path) === f.text ? f : { ...f, text: keepLineBreaks(before.get(f.path) ?? '', f.text) },
  );
  return {
    files: out,
    changed: out.filter((f) => before.get(f.path) !== f.text).map((f) => f.path),
    applied,
    report: accepted.checked.report,
  };
}
