/**
 * Autosave to localStorage and restore on reload (excalidraw's lessons, designer-ux §3):
 *  - every write is read back; a quota or storage error is reported, never swallowed;
 *  - when another tab saves the same design, this tab stops autosaving and asks (the
 *    `storage` event fires only in *other* tabs), so two tabs never silently overwrite each other.
 */
import type { DesignDoc } from '../core/model/design';
import { DESIGN_FORMAT, DESIGN_VERSION } from '../core/model/design-document';
import { parseDesignText, type ParseResult } from './design-codec';
import type { DesignStore } from './design-store';
import { designForDisk } from './secret-policy';

export const STORAGE_KEY = 'aspire-parity:design';
const DEBOUNCE_MS = 400;

interface Envelope {
  format: string;
  version: number;
  savedAt: string;
  savedBy: string;
}

export interface AutosaveEvents {
  onError(message: string | undefined): void;
  /** Another tab saved; autosave is paused until `resolveConflict`. */
  onConflict(): void;
}

export interface Autosave {
  /** Write now; true when the design is in storage (read back) afterwards. */
  saveNow(): boolean;
  /** Start writing after a hold (see `hold` below). */
  release(): void;
  resolveConflict(choice: 'keep-mine' | 'load-theirs'): void;
  stop(): void;
}

/** A saved design that cannot be read keeps its text, so the user can download it. */
export type SavedResult = Extract<ParseResult, { ok: true }> | { ok: false; message: string; raw?: string };

/** The saved design, undefined when there is none, or why it cannot be read (with its text). */
export function readSaved(storage: Storage): SavedResult | undefined {
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch (e) {
    return { ok: false, message: `Browser storage cannot be read: ${(e as Error).message}` };
  }
  if (text === null) return undefined;
  const r = parseDesignText(text);
  return r.ok ? r : { ok: false, message: `The autosaved design is damaged: ${r.message}`, raw: text };
}

function describe(e: unknown): string {
  const err = e as { name?: string; message?: string };
  if (err?.name === 'QuotaExceededError' || /quota/i.test(err?.message ?? '')) {
    return (
      'Autosave failed: browser storage is full. Your design is still open here — use "Save design" to keep a ' +
      'copy, or free space for this site.'
    );
  }
  return `Autosave failed: ${err?.message ?? String(e)}. Use "Save design" to keep a copy.`;
}

/**
 * @param hold start without writing until `release()`: a damaged autosave is still the only
 *   copy of the user's work, and must not be overwritten before they could download it.
 */
export function startAutosave(
  store: DesignStore,
  storage: Storage,
  events: AutosaveEvents,
  tabId = Math.random().toString(36).slice(2),
  hold = false,
): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let paused = false;
  let held = hold;
  let lastSaved: DesignDoc | undefined = store.getState().doc;

  const write = (): boolean => {
    timer = undefined;
    if (paused || held) return false;
    const doc = store.getState().doc;
    // Secret values are written only when the user opted in (secret-policy.ts).
    const envelope: Envelope & DesignDoc = {
      format: DESIGN_FORMAT,
      version: DESIGN_VERSION,
      savedAt: new Date().toISOString(),
      savedBy: tabId,
      ...designForDisk(doc),
    };
    const text = JSON.stringify(envelope);
    try {
      storage.setItem(STORAGE_KEY, text);
      if (storage.getItem(STORAGE_KEY) !== text) throw new Error('what was written could not be read back');
      lastSaved = doc;
      events.onError(undefined);
      return true;
    } catch (e) {
      events.onError(describe(e));
      return false;
    }
  };

  const unsubscribe = store.subscribe((s) => {
    if (s.doc === lastSaved || paused || held) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, DEBOUNCE_MS);
  });

  const onStorage = (e: StorageEvent) => {
    if (e.key !== STORAGE_KEY || e.newValue === null) return;
    try {
      const env = JSON.parse(e.newValue) as Partial<Envelope>;
      if (env.savedBy === tabId) return;
    } catch {
      /* a damaged write from elsewhere is still a conflict */
    }
    paused = true;
    if (timer) clearTimeout(timer);
    events.onConflict();
  };
  const flush = () => {
    if (timer) {
      clearTimeout(timer);
      write();
    }
  };
  const hasWindow = typeof window !== 'undefined';
  if (hasWindow) {
    window.addEventListener('storage', onStorage);
    window.addEventListener('pagehide', flush);
  }

  return {
    saveNow: () => {
      if (timer) clearTimeout(timer);
      return write();
    },
    release: () => {
      if (!held) return;
      held = false;
      if (store.getState().doc !== lastSaved) write();
    },
    resolveConflict: (choice) => {
      if (choice === 'load-theirs') {
        const saved = readSaved(storage);
        if (saved?.ok) {
          lastSaved = saved.doc;
          store.getState().replaceDoc(saved.doc);
        } else if (saved) events.onError(saved.message);
      }
      paused = false;
      if (choice === 'keep-mine') write();
    },
    stop: () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      if (hasWindow) {
        window.removeEventListener('storage', onStorage);
        window.removeEventListener('pagehide', flush);
      }
    },
  };
}
