import { describe, expect, it, vi } from 'vitest';
import { createDesignStore } from '../../state/design-store';
import { createActions, type ActionHost } from './actions';
import { actionForKey, chordLabel, keysLabel } from './keys';

const host = (): ActionHost => ({
  openImport: vi.fn(),
  openSamples: vi.fn(),
  saveDesign: vi.fn(),
  downloadAppHost: vi.fn(),
  downloadAppHostTs: vi.fn(),
  share: vi.fn(),
  exportPng: vi.fn(),
  autoLayout: vi.fn(),
  toggleMinimap: vi.fn(),
  toggleTheme: vi.fn(),
  focusSearch: vi.fn(),
  openHelp: vi.fn(),
});

const key = (k: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}) =>
  ({ key: k, ctrlKey: !!mods.ctrl, metaKey: false, shiftKey: !!mods.shift, altKey: !!mods.alt }) as KeyboardEvent;

describe('action registry', () => {
  const actions = createActions(createDesignStore(), host());

  it('has unique ids, labels and chords: one key never means two things', () => {
    expect(new Set(actions.map((a) => a.id)).size).toBe(actions.length);
    expect(new Set(actions.map((a) => a.label)).size).toBe(actions.length);
    const chords = actions.flatMap((a) => a.keys.map(chordLabel));
    expect(new Set(chords).size).toBe(chords.length);
  });

  it('maps keys to the action the help dialog lists for them', () => {
    const id = (e: KeyboardEvent) => actionForKey(actions, e)?.id;
    expect(id(key('z', { ctrl: true }))).toBe('undo');
    expect(id(key('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(id(key('y', { ctrl: true }))).toBe('redo');
    expect(id(key('?', { shift: true }))).toBe('help');
    expect(id(key('/'))).toBe('search');
    expect(id(key('f', { ctrl: true }))).toBe('search');
    expect(id(key('f'))).toBe('fit-view');
    expect(id(key('L', { ctrl: true, shift: true }))).toBe('auto-layout');
    expect(id(key('o', { ctrl: true }))).toBe('import');
    // Received elsewhere: the browser's clipboard events, React Flow's delete key.
    expect(id(key('c', { ctrl: true }))).toBeUndefined();
    expect(id(key('Delete'))).toBeUndefined();
    expect(id(key('z', { ctrl: true, alt: true }))).toBeUndefined();
  });

  it('labels keys the way the toolbar tooltips and the help dialog show them', () => {
    const redo = actions.find((a) => a.id === 'redo')!;
    expect(keysLabel(redo)).toBe('Ctrl+Shift+Z / Ctrl+Y');
    expect(keysLabel(actions.find((a) => a.id === 'delete')!)).toBe('Delete / Backspace');
  });

  it('runs the host for actions only the React tree can do', () => {
    const h = host();
    const own = createActions(createDesignStore(), h);
    actionForKey(own, key('s', { ctrl: true }))!.run();
    expect(h.saveDesign).toHaveBeenCalledOnce();
  });
});
