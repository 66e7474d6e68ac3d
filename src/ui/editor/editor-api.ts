/**
 * Imperative access to the YAML editor for code outside it: the parity table's "Fix" (an edit
 * that must be one undo step) and the Playwright test hook. The editor fills it on mount.
 */
export interface EditorApi {
  /** The model's current text (what the user sees), or undefined for an unknown path. */
  getText(path: string): string | undefined;
  /** Replace a file's text as one undoable edit (the user can Ctrl+Z it). */
  setText(path: string, text: string): boolean;
  /** Replace lines [startLine, endLine) as one undoable edit. */
  replaceLines(path: string, startLine: number, endLine: number, text: string): boolean;
  /** Show a file and put the cursor at a position, focusing the editor (tests type from there). */
  placeCursor(path: string, line: number, column: number): boolean;
  paths(): string[];
  /** Markers on a file (ours and monaco-yaml's), for tests. */
  markers(path: string): { line: number; endLine: number; message: string; owner: string; severity: number }[];
}

export const editorApi: EditorApi = {
  getText: () => undefined,
  setText: () => false,
  replaceLines: () => false,
  placeCursor: () => false,
  paths: () => [],
  markers: () => [],
};
