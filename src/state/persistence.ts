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
  saveNow(): void;
  resolveConflict(choice: 'keep-mine' | 'load-theirs'): void;
  stop(): void;
}

/** The saved design, undefined when there is none, or why it cannot be read. */
export function readSaved(storage: Storage): ParseResult | undefined {
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch (e) {
    return { ok: false, message: `Browser storage cannot be read: ${(e as Error).message}` };
  }
  if (text === null) return undefined;
  const r = parseDesignText(text);
  return r.ok ? r : { ok: false, message: `The autosaved design is damaged: ${r.message}` };
}

function describe(e: unknown): string {
  const err = e as { name?: string; message?: string };
  if (err?.name === 'QuotaExceededError' || /quota/i.test(err?.message ?? '')) {
    return 'Autosave failed: browser storage is full. Your design is still open here — use "Save design" to keep a copy, or free space for this site.';
  }
  return `Autosave failed: ${err?.message ?? String(e)}. Use "Save design" to keep a copy.`;
}

export function startAutosave(store: DesignStore, storage: Storage, events: AutosaveEvents, tabId = Math.random().toString(36).slice(2)): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let paused = false;
  let lastSaved: DesignDoc | undefined = store.getState().doc;

  const write = () => {
    timer = undefined;
    if (paused) return;
    const doc = store.getState().doc;
    const envelope: Envelope & DesignDoc = { format: DESIGN_FORMAT, version: DESIGN_VERSION, savedAt: new Date().toISOString(), savedBy: tabId, ...doc };
    const text = JSON.stringify(envelope);
    try {
      storage.setItem(STORAGE_KEY, text);
      if (storage.getItem(STORAGE_KEY) !== text) throw new Error('what was written could not be read back');
      lastSaved = doc;
      events.onError(undefined);
    } catch (e) {
      events.onError(describe(e));
    }
  };

  const unsubscribe = store.subscribe((s) => {
    if (s.doc === lastSaved || paused) return;
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
      write();
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
