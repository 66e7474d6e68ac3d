import type { ParityRow } from '../../core/parity/types';
import { editorApi } from '../editor/editor-api';
import type { WorkbenchStore } from '../../state/workbench-store';
import { applyFix, type FixEdit } from '../../core/parity/apply-fix';
import { hunks, lineDiff, type DiffLine } from '../../core/parity/line-diff';

export interface PendingFix {
  file: string;
  edit: FixEdit;
  /** The rewritten document's changed lines, for the user to accept. */
  diff: (DiffLine | '…')[];
}

/** Compute the Fix (nothing changes yet): the user reviews its diff and applies it. */
export function previewFix(row: ParityRow, setMessage: (m: string | undefined) => void): PendingFix | undefined {
  const fix = row.fix;
  // A whole new object has no target: it goes into the file of the row's evidence.
  const file = fix?.target?.file ?? (fix?.snippet ? row.evidence?.find((e) => e.file)?.file : undefined);
  if (!fix || !file) return undefined;
  const text = editorApi.getText(file);
  if (text === undefined) {
    setMessage(`${file} is not open in the editor.`);
    return undefined;
  }
  const line = row.evidence?.find((e) => e.file === file)?.line;
  const r = applyFix(text, fix, line);
  if ('error' in r) {
    setMessage(r.error);
    return undefined;
  }
  setMessage(undefined);
  const old = text
    .split('\n')
    .slice(r.startLine - 1, r.endLine - 1)
    .join('\n');
  return { file, edit: r, diff: hunks(lineDiff(old, r.text)) };
}

/** Apply a reviewed Fix as one undo step in the editor, and show where it went. */
export function applyPending(workbench: WorkbenchStore, p: PendingFix): void {
  editorApi.replaceLines(p.file, p.edit.startLine, p.edit.endLine, p.edit.text);
  workbench.getState().revealAt(p.file, p.edit.startLine);
}
