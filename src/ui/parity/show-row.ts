import type { ParityRow } from '../../core/parity/types';
import { designStore } from '../../state/design-store';
import { workbench } from '../workbench/workbench-instance';

/** Show a row's evidence in the editor and select its resource on the canvas. */
export function showRow(row: ParityRow): void {
  const ev = row.evidence?.find((e) => e.file && e.line > 0);
  if (ev) workbench.getState().revealAt(ev.file, ev.line, ev.endLine);
  const sel = designStore.getState().view.selected;
  if (!(sel.length === 1 && sel[0] === row.resource)) designStore.getState().select([row.resource]);
}
