/**
 * The one action registry (excalidraw's idea): every user action the toolbar, the keyboard, the
 * help dialog and menus offer is one record here, with its label and key chords. The toolbar's
 * buttons take their label, tooltip and enabled state from it; the keydown handler matches its
 * chords; the help dialog lists it; the canvas takes its delete and multi-select keys from it. A
 * key can therefore not be listed without working, nor work without being listed.
 *
 * Who receives a chord (`via`): our keydown handler (default), the browser's copy/paste events
 * (../io/DropImport.tsx calls the action with the clipboard), or React Flow on the canvas.
 */
import { designStore } from '../../state/design-store';
import { canvasApi } from '../canvas/canvas-api';
import { useDeleteRequest } from '../canvas/delete-request';
import { copySelection, pasteFromClipboard } from '../io/clipboard';
import { isTyping } from '../io/typing';

export interface KeyChord {
  /** `KeyboardEvent.key`, compared case-insensitively for letters. */
  key: string;
  /** Ctrl on Windows/Linux, ⌘ on macOS. */
  mod?: boolean;
  shift?: boolean;
}

export type ActionGroup = 'File' | 'History' | 'Edit' | 'View' | 'Help';

export interface Action {
  id: string;
  /** Short label: buttons and menus. */
  label: string;
  /** What it does, for tooltips and the help dialog. */
  description: string;
  group: ActionGroup;
  keys: readonly KeyChord[];
  via?: 'keydown' | 'clipboard' | 'canvas';
  enabled?(): boolean;
  run(): void;
}

/** What only the React tree can do (dialogs, focus, view toggles). */
export interface ActionHost {
  openImport(): void;
  openSamples(): void;
  saveDesign(): void;
  downloadAppHost(): void;
  share(): void;
  exportPng(): void;
  autoLayout(): void;
  toggleMinimap(): void;
  toggleTheme(): void;
  focusSearch(): void;
  openHelp(): void;
}

/** Received by React Flow on the canvas (its deleteKeyCode); the registry lists and labels them. */
export const CANVAS_DELETE_KEYS: readonly KeyChord[] = [{ key: 'Delete' }, { key: 'Backspace' }];

const hasResources = () => designStore.getState().doc.topology.resources.length > 0;
const hasSelection = () => designStore.getState().view.selected.length > 0;

export function createActions(host: ActionHost): readonly Action[] {
  const st = designStore.getState;
  const history = designStore.temporal.getState;
  return [
    { id: 'import', label: 'Import', description: 'Import an Aspire manifest, App Host (Program.cs, apphost.ts) or saved design', group: 'File', keys: [{ key: 'o', mod: true }], run: host.openImport },
    { id: 'samples', label: 'Samples', description: 'Open a sample design', group: 'File', keys: [], run: host.openSamples },
    { id: 'save', label: 'Save design', description: 'Download the design as JSON', group: 'File', keys: [{ key: 's', mod: true }], run: host.saveDesign },
    { id: 'download-apphost', label: 'Download App Host', description: 'Download the design as App Host code (Program.cs)', group: 'File', keys: [], enabled: hasResources, run: host.downloadAppHost },
    { id: 'share', label: 'Share link', description: 'Copy a link that carries the design (secrets removed)', group: 'File', keys: [], enabled: hasResources, run: host.share },
    { id: 'export-png', label: 'Export PNG', description: 'Download the canvas as a PNG image', group: 'File', keys: [], enabled: hasResources, run: host.exportPng },
    { id: 'undo', label: 'Undo', description: 'Undo', group: 'History', keys: [{ key: 'z', mod: true }], enabled: () => history().pastStates.length > 0, run: () => history().undo() },
    {
      id: 'redo',
      label: 'Redo',
      description: 'Redo',
      group: 'History',
      keys: [
        { key: 'z', mod: true, shift: true },
        { key: 'y', mod: true },
      ],
      enabled: () => history().futureStates.length > 0,
      run: () => history().redo(),
    },
    { id: 'copy', label: 'Copy', description: 'Copy the selection', group: 'Edit', keys: [{ key: 'c', mod: true }], via: 'clipboard', enabled: hasSelection, run: copySelection },
    { id: 'paste', label: 'Paste', description: 'Paste resources, or import a pasted manifest, App Host or design', group: 'Edit', keys: [{ key: 'v', mod: true }], via: 'clipboard', run: pasteFromClipboard },
    { id: 'duplicate', label: 'Duplicate', description: 'Duplicate the selection', group: 'Edit', keys: [{ key: 'd', mod: true }], enabled: hasSelection, run: () => void st().duplicate(st().view.selected) },
    { id: 'select-all', label: 'Select all', description: 'Select every resource', group: 'Edit', keys: [{ key: 'a', mod: true }], run: () => st().select(st().doc.topology.resources.map((r) => r.name)) },
    {
      id: 'delete',
      label: 'Delete',
      description: 'Delete the selection (asks when something depends on it)',
      group: 'Edit',
      keys: CANVAS_DELETE_KEYS,
      via: 'canvas',
      enabled: hasSelection,
      run: () => useDeleteRequest.getState().request(st().view.selected),
    },
    { id: 'clear-selection', label: 'Clear selection', description: 'Clear the selection', group: 'Edit', keys: [{ key: 'Escape' }], run: () => st().select([]) },
    { id: 'auto-layout', label: 'Auto layout', description: 'Arrange the resources by their references', group: 'View', keys: [{ key: 'l', mod: true, shift: true }], enabled: hasResources, run: host.autoLayout },
    { id: 'fit-view', label: 'Fit view', description: 'Fit the design into view', group: 'View', keys: [{ key: 'f' }], run: () => canvasApi.fitView() },
    { id: 'minimap', label: 'Minimap', description: 'Show or hide the minimap', group: 'View', keys: [], run: host.toggleMinimap },
    { id: 'dark-mode', label: 'Dark mode', description: 'Switch between light and dark', group: 'View', keys: [], run: host.toggleTheme },
    {
      id: 'search',
      label: 'Search',
      description: 'Search resources',
      group: 'View',
      keys: [{ key: '/' }, { key: 'f', mod: true }],
      run: host.focusSearch,
    },
    { id: 'help', label: 'Help', description: 'Keyboard shortcuts and help', group: 'Help', keys: [{ key: '?' }], run: host.openHelp },
  ];
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Ctrl+Shift+Z" (⌘ on macOS). */
export function chordLabel(c: KeyChord): string {
  const key = c.key.length === 1 ? c.key.toUpperCase() : c.key === 'Control' ? 'Ctrl' : c.key === 'Meta' ? (IS_MAC ? '⌘' : 'Meta') : c.key;
  return [c.mod ? (IS_MAC ? '⌘' : 'Ctrl') : '', c.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** All chords of an action, "Ctrl+Shift+Z / Ctrl+Y"; empty when it has none. */
export function keysLabel(a: Action): string {
  return a.keys.map(chordLabel).join(' / ');
}

/** Tooltip: the description and its keys. */
export function actionTitle(a: Action): string {
  const keys = keysLabel(a);
  return keys ? `${a.description} (${keys})` : a.description;
}

/** The action of one id (the registry is fixed; a missing id is a programming error). */
export function actionOf(actions: readonly Action[], id: string): Action {
  const a = actions.find((x) => x.id === id);
  if (!a) throw new Error(`no action "${id}"`);
  return a;
}

/** The `KeyboardEvent.key` values an action binds, for components that bind keys themselves (React Flow). */
export function keyCodes(actions: readonly Action[], id: string): string[] {
  return actionOf(actions, id).keys.map((k) => k.key);
}

function matches(c: KeyChord, e: KeyboardEvent): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (!!c.mod !== mod) return false;
  // '?' and '/' are typed with Shift on many layouts: only letters and named keys compare Shift.
  const letter = /^[a-z]$/i.test(c.key);
  if (letter && !!c.shift !== e.shiftKey) return false;
  if (!letter && c.shift && !e.shiftKey) return false;
  return letter ? e.key.toLowerCase() === c.key : e.key === c.key;
}

/** The keydown action for an event, if any (clipboard and canvas chords are left to their receivers). */
export function actionForKey(actions: readonly Action[], e: KeyboardEvent): Action | undefined {
  if (e.altKey) return undefined;
  return actions.find((a) => (a.via ?? 'keydown') === 'keydown' && a.keys.some((c) => matches(c, e)));
}

export function handleShortcut(actions: readonly Action[], e: KeyboardEvent): void {
  if (isTyping(e.target)) return;
  // A modal dialog owns the keyboard: Escape must reach it (the browser closes it as the
  // default action), and Undo/Delete must not edit the design hidden behind it.
  if (document.querySelector('dialog[open]')) return;
  const a = actionForKey(actions, e);
  if (!a) return;
  e.preventDefault();
  if (a.enabled?.() ?? true) a.run();
}
