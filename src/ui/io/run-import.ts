/**
 * The one import path used by the Import button, file drops and paste: read → import →
 * lay out (elkjs, lazy) → commit as ONE undo step → fit view → report warnings.
 */
import { decodeText } from '../../core/model/decode-text';
import { positionOf, type DesignDoc } from '../../core/model/design';
import type { DesignStore } from '../../state/design-store';
import { canvasApi } from '../canvas/canvas-api';
import { hasOverlaps, layoutTopology } from '../canvas/layout';
import { importText, MAX_IMPORT_BYTES } from './import-text';
import { useImportReport } from './import-report';

export async function importFile(design: DesignStore, file: File): Promise<void> {
  if (file.size > MAX_IMPORT_BYTES) {
    useImportReport.getState().show({
      fileName: file.name,
      ok: false,
      message: `${file.name} is ${Math.round(file.size / 1e6)} MB; imports are limited to 20 MB. Nothing was changed.`,
      diagnostics: [],
    });
    return;
  }
  let text: string;
  try {
    // UTF-16 files (with a BOM) are read; bytes that are not text are named, not turned into U+FFFD.
    const decoded = decodeText(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) throw new Error(`line ${decoded.line}: ${decoded.message}`);
    text = decoded.text;
  } catch (e) {
    useImportReport.getState().show({
      fileName: file.name,
      ok: false,
      message: `${file.name} could not be read: ${(e as Error).message}. Nothing was changed.`,
      diagnostics: [],
    });
    return;
  }
  await importTextAndCommit(design, text, file.name);
}

export async function importTextAndCommit(design: DesignStore, text: string, fileName: string): Promise<boolean> {
  const report = useImportReport.getState();
  report.setBusy(true);
  try {
    const res = await importText(text, fileName);
    if (!res.ok) {
      // The headline is the first error: list it once, not again as the first bullet.
      const headline = res.diagnostics.find((d) => d.message === res.message);
      const where = headline?.line !== undefined && !/\bline\b/.test(res.message) ? ` (line ${headline.line})` : '';
      report.show({
        fileName,
        ok: false,
        message: `${res.message}${where} Nothing was changed.`,
        diagnostics: res.diagnostics.filter((d) => d !== headline),
      });
      return false;
    }
    const st = design.getState();
    let count: number;
    if (res.doc) {
      const doc: DesignDoc = res.doc;
      // Missing positions, or positions that overlap at today's node sizes (names set the width): lay out.
      const missing =
        doc.topology.resources.some((r) => !positionOf(doc.positions, r.name)) || hasOverlaps(doc.positions);
      const positions = missing ? await layoutTopology(doc.topology) : doc.positions;
      st.replaceDoc({ ...doc, positions });
      count = doc.topology.resources.length;
    } else {
      const topology = res.topology!;
      st.importTopology(topology, await layoutTopology(topology));
      count = topology.resources.length;
    }
    const what = res.kind === 'design' ? 'design' : res.kind === 'apphost' ? 'App Host' : 'manifest';
    report.show({
      fileName,
      ok: true,
      message:
        `Imported ${count} resource${count === 1 ? '' : 's'} from the ${what} ` +
        `${fileName}.` +
        (res.warnings.length ? ` ${res.warnings.length} warning${res.warnings.length === 1 ? '' : 's'}:` : '') +
        ' Undo restores the previous design.',
      diagnostics: res.warnings,
    });
    // Two frames: React commits the nodes, React Flow measures them, then fit.
    requestAnimationFrame(() => requestAnimationFrame(() => canvasApi.fitView()));
    return true;
  } finally {
    report.setBusy(false);
  }
}
