import type { ParityRow } from '../../core/parity/types';
import type { DesignStore } from '../../state/design-store';
import type { WorkbenchStore } from '../../state/workbench-store';

/** Show a row's evidence in the editor and select its resource on the canvas. */
export function showRow(app: { design: DesignStore; workbench: WorkbenchStore }, row: ParityRow): void {
  const ev = row.evidence?.find((e) => e.file && e.line > 0);
  if (ev) app.workbench.getState().revealAt(ev.file, ev.line, ev.endLine);
  const sel = app.design.getState().view.selected;
  if (!(sel.length === 1 && sel[0] === row.resource)) app.design.getState().select([row.resource]);
}
