/**
 * `window.__aspireParity`: what Playwright needs to read and drive the editor (Monaco's text is
 * virtualised in the DOM, so reading it from the page is unreliable).
 */
import type { ParityReport } from '../../core/parity/types';
import { editorApi } from '../editor/editor-api';
import type { WorkbenchStore } from '../../state/workbench-store';
import type { Timing } from './timings';

export interface AspireParityHook {
  getYaml(path: string): string | undefined;
  /** Replace a file's text as one undoable edit, as if the user pasted it. */
  setYaml(path: string, text: string): boolean;
  files(): string[];
  report(): ParityReport | null;
  placeCursor(path: string, line: number, column: number): boolean;
  edits(): Record<string, string>;
  timings(): Timing[];
  markers(path: string): ReturnType<typeof editorApi.markers>;
}

declare global {
  interface Window {
    __aspireParity?: AspireParityHook;
  }
}

/** The page's hook reads the page's workbench (main.tsx puts its `designStore` on the same object). */
export function installTestHook(workbench: WorkbenchStore): void {
  window.__aspireParity = Object.assign(window.__aspireParity ?? {}, {
    getYaml: (path) => editorApi.getText(path) ?? workbench.getState().files.find((f) => f.path === path)?.text,
    setYaml: (path, text) => editorApi.setText(path, text),
    files: () => workbench.getState().files.map((f) => f.path),
    report: () => workbench.getState().report,
    placeCursor: (path, line, column) => editorApi.placeCursor(path, line, column),
    edits: () => ({ ...(workbench.getState().doc?.edits ?? {}) }),
    timings: () => [...(window.__aspireParityTimings ?? [])],
    markers: (path) => editorApi.markers(path),
  } satisfies AspireParityHook);
}
