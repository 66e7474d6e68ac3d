/**
 * Key chords of the action registry (./actions.ts): how they are labelled (toolbar tooltips, the
 * help dialog) and matched (the window's keydown handler).
 */
import { isTyping } from '../io/typing';
import type { Action, KeyChord } from './actions';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Ctrl+Shift+Z" (⌘ on macOS). */
export function chordLabel(c: KeyChord): string {
  const key =
    c.key.length === 1
      ? c.key.toUpperCase()
      : c.key === 'Control'
        ? 'Ctrl'
        : c.key === 'Meta'
          ? IS_MAC
            ? '⌘'
            : 'Meta'
          : c.key;
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
