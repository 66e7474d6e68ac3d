/**
 * The keyboard shortcuts: one table feeds both the handler and the help dialog, so the dialog
 * can never list a shortcut that does not work. Ignored while typing (inputs, Monaco).
 */
import { designStore } from '../../state/design-store';
import { canvasApi } from '../canvas/canvas-api';
import { isTyping } from '../io/typing';

export interface Shortcut {
  keys: string;
  label: string;
  match(e: KeyboardEvent): boolean;
  run(): void;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;

export interface ShortcutHandlers {
  openImport(): void;
  saveDesign(): void;
  autoLayout(): void;
  focusSearch(): void;
  openHelp(): void;
}

export function shortcutTable(h: ShortcutHandlers): Shortcut[] {
  const st = designStore.getState;
  const history = designStore.temporal.getState;
  return [
    { keys: 'Ctrl+Z', label: 'Undo', match: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z', run: () => history().undo() },
    { keys: 'Ctrl+Shift+Z / Ctrl+Y', label: 'Redo', match: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'), run: () => history().redo() },
    { keys: 'Ctrl+C / Ctrl+V', label: 'Copy / paste the selection (paste also imports a manifest or design)', match: () => false, run: () => {} },
    { keys: 'Ctrl+D', label: 'Duplicate the selection', match: (e) => mod(e) && e.key.toLowerCase() === 'd', run: () => st().duplicate(st().view.selected) },
    { keys: 'Ctrl+A', label: 'Select everything', match: (e) => mod(e) && e.key.toLowerCase() === 'a', run: () => st().select(st().doc.topology.resources.map((r) => r.name)) },
    { keys: 'Delete / Backspace', label: 'Delete the selection (asks when something depends on it)', match: () => false, run: () => {} },
    { keys: 'Shift+click / drag', label: 'Multi-select', match: () => false, run: () => {} },
    { keys: 'Escape', label: 'Clear the selection', match: (e) => e.key === 'Escape', run: () => st().select([]) },
    { keys: 'Ctrl+O', label: 'Import a manifest, App Host or design', match: (e) => mod(e) && e.key.toLowerCase() === 'o', run: h.openImport },
    { keys: 'Ctrl+S', label: 'Save design (download JSON)', match: (e) => mod(e) && e.key.toLowerCase() === 's', run: h.saveDesign },
    { keys: 'Ctrl+Shift+L', label: 'Auto layout', match: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 'l', run: h.autoLayout },
    { keys: 'F', label: 'Fit view', match: (e) => !mod(e) && !e.altKey && e.key.toLowerCase() === 'f', run: () => canvasApi.fitView() },
    { keys: '/ or Ctrl+F', label: 'Search resources', match: (e) => (e.key === '/' && !mod(e)) || (mod(e) && e.key.toLowerCase() === 'f'), run: h.focusSearch },
    { keys: '?', label: 'This help', match: (e) => e.key === '?', run: h.openHelp },
  ];
}

export function handleShortcut(table: Shortcut[], e: KeyboardEvent): void {
  if (isTyping(e.target)) return;
  // A modal dialog owns the keyboard: Escape must reach it (the browser closes it as the
  // default action), and Undo/Delete must not edit the design hidden behind it.
  if (document.querySelector('dialog[open]')) return;
  const s = table.find((x) => x.match(e));
  if (!s) return;
  e.preventDefault();
  s.run();
}
