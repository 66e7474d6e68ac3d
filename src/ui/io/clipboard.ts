/**
 * Copy and paste of resources, shared by the keyboard (the browser's copy/paste events, see
 * ./DropImport.tsx) and the action registry (menus: the async Clipboard API). A copied selection
 * travels as a JSON fragment; pasted text that is not one is imported (manifest, App Host, design).
 */
import type { DesignStore } from '../../state/design-store';
import { importTextAndCommit } from './run-import';

const FRAGMENT = 'aspire-parity-fragment';

/** The selection as clipboard text, or undefined when nothing is selected. */
export function selectionAsText(design: DesignStore): string | undefined {
  const st = design.getState();
  if (st.view.selected.length === 0) return undefined;
  return JSON.stringify(st.copy(st.view.selected));
}

export function pasteText(design: DesignStore, text: string): void {
  if (!text.trim()) return;
  try {
    const v = JSON.parse(text) as { format?: string };
    if (v?.format === FRAGMENT) {
      design.getState().paste(v as Parameters<ReturnType<DesignStore['getState']>['paste']>[0]);
      return;
    }
  } catch {
    /* not JSON: maybe App Host code — let the importer decide */
  }
  void importTextAndCommit(design, text, 'pasted text');
}

const clipboardProblem = (design: DesignStore) => (e: unknown) =>
  design.getState().notify({
    kind: 'error',
    text: `The clipboard is not available here (${e instanceof Error ? e.message : String(e)}); use Ctrl+C / Ctrl+V.`,
  });

/** Copy through the async Clipboard API (menus; the keyboard goes through the copy event). */
export function copySelection(design: DesignStore): void {
  const text = selectionAsText(design);
  if (text !== undefined) navigator.clipboard.writeText(text).catch(clipboardProblem(design));
}

/** Paste through the async Clipboard API (menus; the keyboard goes through the paste event). */
export function pasteFromClipboard(design: DesignStore): void {
  navigator.clipboard.readText().then((text) => pasteText(design, text), clipboardProblem(design));
}
