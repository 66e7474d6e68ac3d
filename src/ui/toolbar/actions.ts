/**
 * The one action registry (excalidraw's idea): every user action the toolbar, the keyboard, the
 * help dialog and menus offer is one record here, with its label and key chords. The toolbar's
 * buttons take their label, tooltip and enabled state from it; the keydown handler matches its
 * chords; the help dialog lists it; the canvas takes its delete and multi-select keys from it. A
 * key can therefore not be listed without working, nor work without being listed.
 *
 * Who receives a chord (`via`): our keydown handler (default), the browser's copy/paste events
 * (../io/DropImport.tsx calls the action with the clipboard), or React Flow on the canvas.
 * Labels and matching of chords: ./keys.ts.
 */
import type { DesignStore } from '../../state/design-store';
import { canvasApi } from '../canvas/canvas-api';
import { useDeleteRequest } from '../canvas/delete-request';
import { copySelection, pasteFromClipboard } from '../io/clipboard';

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
  downloadAppHostTs(): void;
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

/** The actions of one app instance: they act on its `design`. */
export function createActions(design: DesignStore, host: ActionHost): readonly Action[] {
  const st = design.getState;
  const history = design.temporal.getState;
  const hasResources = () => st().doc.topology.resources.length > 0;
  const hasSelection = () => st().view.selected.length > 0;
  return [
    {
      id: 'import',
      label: 'Import',
      description: 'Import an Aspire manifest, App Host (Program.cs, apphost.ts) or saved design',
      group: 'File',
      keys: [{ key: 'o', mod: true }],
      run: host.openImport,
    },
    {
      id: 'samples',
      label: 'Samples',
      description: 'Open a sample design',
      group: 'File',
      keys: [],
      run: host.openSamples,
    },
    {
      id: 'save',
      label: 'Save design',
      description: 'Download the design as JSON',
      group: 'File',
      keys: [{ key: 's', mod: true }],
      run: host.saveDesign,
    },
    {
      id: 'download-apphost',
      label: 'Download App Host',
      description: 'Download the design as App Host code (Program.cs)',
      group: 'File',
      keys: [],
      enabled: hasResources,
      run: host.downloadAppHost,
    },
    {
      id: 'download-apphost-ts',
      label: 'Download App Host (TS)',
      description: 'Download the design as a TypeScript App Host (apphost.ts)',
      group: 'File',
      keys: [],
      enabled: hasResources,
      run: host.downloadAppHostTs,
    },
    {
      id: 'share',
      label: 'Share link',
      description: 'Copy a link that carries the design (secrets removed)',
      group: 'File',
      keys: [],
      enabled: hasResources,
      run: host.share,
    },
    {
      id: 'export-png',
      label: 'Export PNG',
      description: 'Download the canvas as a PNG image',
      group: 'File',
      keys: [],
      enabled: hasResources,
      run: host.exportPng,
    },
    {
      id: 'undo',
      label: 'Undo',
      description: 'Undo',
      group: 'History',
      keys: [{ key: 'z', mod: true }],
      enabled: () => history().pastStates.length > 0,
      run: () => history().undo(),
    },
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
    {
      id: 'copy',
      label: 'Copy',
      description: 'Copy the selection',
      group: 'Edit',
      keys: [{ key: 'c', mod: true }],
      via: 'clipboard',
      enabled: hasSelection,
      run: () => copySelection(design),
    },
    {
      id: 'paste',
      label: 'Paste',
      description: 'Paste resources, or import a pasted manifest, App Host or design',
      group: 'Edit',
      keys: [{ key: 'v', mod: true }],
      via: 'clipboard',
      run: () => pasteFromClipboard(design),
    },
    {
      id: 'duplicate',
      label: 'Duplicate',
      description: 'Duplicate the selection',
      group: 'Edit',
      keys: [{ key: 'd', mod: true }],
      enabled: hasSelection,
      run: () => void st().duplicate(st().view.selected),
    },
    {
      id: 'select-all',
      label: 'Select all',
      description: 'Select every resource',
      group: 'Edit',
      keys: [{ key: 'a', mod: true }],
      run: () => st().select(st().doc.topology.resources.map((r) => r.name)),
    },
    {
      id: 'delete',
      label: 'Delete',
      description: 'Delete the selection (asks when something depends on it)',
      group: 'Edit',
      keys: CANVAS_DELETE_KEYS,
      via: 'canvas',
      enabled: hasSelection,
      run: () => useDeleteRequest.getState().request(design, st().view.selected),
    },
    {
      id: 'clear-selection',
      label: 'Clear selection',
      description: 'Clear the selection',
      group: 'Edit',
      keys: [{ key: 'Escape' }],
      run: () => st().select([]),
    },
    {
      id: 'auto-layout',
      label: 'Auto layout',
      description: 'Arrange the resources by their references',
      group: 'View',
      keys: [{ key: 'l', mod: true, shift: true }],
      enabled: hasResources,
      run: host.autoLayout,
    },
    {
      id: 'fit-view',
      label: 'Fit view',
      description: 'Fit the design into view',
      group: 'View',
      keys: [{ key: 'f' }],
      run: () => canvasApi.fitView(),
    },
    {
      id: 'minimap',
      label: 'Minimap',
      description: 'Show or hide the minimap',
      group: 'View',
      keys: [],
      run: host.toggleMinimap,
    },
    {
      id: 'dark-mode',
      label: 'Dark mode',
      description: 'Switch between light and dark',
      group: 'View',
      keys: [],
      run: host.toggleTheme,
    },
    {
      id: 'search',
      label: 'Search',
      description: 'Search resources',
      group: 'View',
      keys: [{ key: '/' }, { key: 'f', mod: true }],
      run: host.focusSearch,
    },
    {
      id: 'help',
      label: 'Help',
      description: 'Keyboard shortcuts and help',
      group: 'Help',
      keys: [{ key: '?' }],
      run: host.openHelp,
    },
  ];
}
