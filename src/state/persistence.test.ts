import { describe, expect, it, vi } from 'vitest';
import { createDesignStore } from './design-store';
import { readSaved, startAutosave, STORAGE_KEY } from './persistence';

class MemoryStorage implements Storage {
  map = new Map<string, string>();
  quota = Infinity;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    if (v.length > this.quota) {
      const e = new Error('The quota has been exceeded.');
      e.name = 'QuotaExceededError';
      throw e;
    }
    this.map.set(k, v);
  }
}

describe('autosave', () => {
  it('saves after a change and restores the same design', async () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const store = createDesignStore();
    const errors: (string | undefined)[] = [];
    const auto = startAutosave(store, storage, { onError: (m) => errors.push(m), onConflict: () => {} });
    store.getState().addFromCatalog('redis', { x: 10, y: 20 });
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    vi.advanceTimersByTime(500);
    const saved = readSaved(storage);
    expect(saved?.ok && saved.doc.topology.resources.map((r) => r.name)).toEqual(['cache', 'cache-password']);
    expect(saved?.ok && saved.doc.positions['cache']).toEqual({ x: 10, y: 20 });
    auto.stop();
    vi.useRealTimers();
  });

  it('reports a full storage instead of swallowing it', () => {
    const storage = new MemoryStorage();
    storage.quota = 10;
    const store = createDesignStore();
    const errors: (string | undefined)[] = [];
    const auto = startAutosave(store, storage, { onError: (m) => errors.push(m), onConflict: () => {} });
    store.getState().addFromCatalog('redis', { x: 0, y: 0 });
    auto.saveNow();
    expect(errors.at(-1)).toMatch(/storage is full/);
    auto.stop();
  });

  it('reports damaged saves', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"format":"aspire-parity-design","version":1}');
    expect(readSaved(storage)).toEqual({
      ok: false,
      message: expect.stringMatching(/damaged.*topology/),
      raw: '{"format":"aspire-parity-design","version":1}',
    });
    storage.setItem(STORAGE_KEY, '{oops');
    expect(readSaved(storage)?.ok).toBe(false);
  });
});

describe('damaged autosave (issue 15, class 6)', () => {
  it('keeps the damaged text for a download and overwrites nothing until released', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const damaged = '{"format":"aspire-parity-design","version":1,"topology":' + 'x'.repeat(3_000_000);
    storage.setItem(STORAGE_KEY, damaged);
    const saved = readSaved(storage);
    expect(saved?.ok).toBe(false);
    expect(!saved?.ok && saved?.raw).toBe(damaged);
    const store = createDesignStore();
    const auto = startAutosave(store, storage, { onError: () => {}, onConflict: () => {} }, 'tab', true);
    store.getState().addFromCatalog('redis', { x: 0, y: 0 });
    vi.advanceTimersByTime(1000);
    expect(auto.saveNow()).toBe(false);
    expect(storage.getItem(STORAGE_KEY)).toBe(damaged);
    auto.release();
    expect(readSaved(storage)?.ok).toBe(true);
    auto.stop();
    vi.useRealTimers();
  });
});

describe('autosave and secret values (issue 15, class 3)', () => {
  it('leaves secret parameter values out unless the user opted in', () => {
    const storage = new MemoryStorage();
    const store = createDesignStore();
    const auto = startAutosave(store, storage, { onError: () => {}, onConflict: () => {} });
    store.getState().addFromCatalog('postgres', { x: 0, y: 0 });
    const doc = store.getState().doc;
    const pw = doc.topology.resources.find((r) => r.kind === 'parameter')!;
    store.getState().replaceDoc({
      ...doc,
      topology: {
        ...doc.topology,
        resources: doc.topology.resources.map((r) =>
          r === pw ? { ...r, parameter: { secret: true, default: { kind: 'value' as const, value: 'hunter2' } } } : r,
        ),
      },
    });
    expect(auto.saveNow()).toBe(true);
    expect(storage.getItem(STORAGE_KEY)).not.toContain('hunter2');
    auto.stop();
  });
});
