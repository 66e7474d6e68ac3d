import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BundleFile } from '../core/kube/objects';
import { emptyDesign, type DesignDoc } from '../core/model/design';
import type { Resource } from '../core/model/topology';
import type { ParityReport } from '../core/parity/types';
import { patchRecord } from './own-record';
import { createWorkbenchStore, type WorkbenchDeps } from './workbench-store';

/** A fake generator: one file per resource, text mentions the setting so settings changes show. */
function fakeBundle(doc: DesignDoc) {
  const files: BundleFile[] = doc.topology.resources.map((r) => ({
    path: `k8s/${r.name}.yaml`,
    text: `name: ${r.name}\ntag: ${doc.settings.tag ?? 'x'}\n`,
  }));
  return {
    files,
    readme: { path: 'README.md', text: '# r' },
    resourcesOf: Object.fromEntries(files.map((f, i) => [f.path, [doc.topology.resources[i]!.name]])),
  };
}

function setup() {
  const project = (name: string): Resource => {
    return {
      name,
      kind: 'project',
      sourceType: 'project.v0',
      args: [],
      env: [],
      endpoints: [],
      volumes: [],
      bindMounts: [],
      settings: {},
    };
  };
  let doc: DesignDoc = {
    ...emptyDesign(),
    topology: { name: 'app', references: [], resources: ['a', 'b'].map(project) },
  };
  const checked: BundleFile[][] = [];
  const deps: WorkbenchDeps = {
    bundle: fakeBundle,
    check: async (_d, files) => {
      checked.push([...files]);
      return {
        report: {
          rows: [],
          summary: { pass: 0, fail: 0, warn: 0, unknown: 0 },
          diagnostics: [],
        } satisfies ParityReport,
        validation: [],
      };
    },
    commitEdits: (patch) => {
      doc = { ...doc, edits: patchRecord(doc.edits, patch) };
      store.getState().sync(doc);
    },
    commitDelayMs: 50,
  };
  const store = createWorkbenchStore(deps);
  store.getState().sync(doc);
  return {
    store,
    checked,
    get doc() {
      return doc;
    },
    change(next: (d: DesignDoc) => DesignDoc) {
      doc = next(doc);
      store.getState().sync(doc);
    },
  };
}

const flushPromises = () => new Promise((r) => setTimeout(r, 0));

describe('workbench store', () => {
  // A failing fake-timer test must not leave fake timers to the tests after it.
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows generated files and checks them', async () => {
    const t = setup();
    await flushPromises();
    expect(t.store.getState().files.map((f) => f.path)).toEqual(['k8s/a.yaml', 'k8s/b.yaml']);
    expect(t.store.getState().report).not.toBeNull();
    expect(t.checked.at(-1)!.map((f) => f.text)).toEqual(['name: a\ntag: x\n', 'name: b\ntag: x\n']);
  });

  it('a drag (positions only) neither re-checks nor replaces the files', async () => {
    const t = setup();
    await flushPromises();
    const files = t.store.getState().files;
    const checks = t.checked.length;
    t.change((d) => ({ ...d, positions: { ...d.positions, a: { x: 10, y: 20 } } }));
    await flushPromises();
    expect(t.checked.length).toBe(checks);
    expect(t.store.getState().files).toBe(files);
    expect(t.store.getState().doc?.positions['a']).toEqual({ x: 10, y: 20 });
    // A real design change after the drag is still seen.
    t.change((d) => ({ ...d, settings: { ...d.settings, tag: '2.0' } }));
    await flushPromises();
    expect(t.checked.at(-1)!.map((f) => f.text)).toEqual(['name: a\ntag: 2.0\n', 'name: b\ntag: 2.0\n']);
  });

  it('re-checks typed text at once and commits it to the design after a pause', async () => {
    vi.useFakeTimers();
    const t = setup();
    t.store.getState().typed('k8s/a.yaml', 'name: A\n');
    expect(t.store.getState().files[0]!.text).toBe('name: A\n');
    expect(t.doc.edits).toEqual({});
    await vi.advanceTimersByTimeAsync(60);
    expect(t.doc.edits).toEqual({ 'k8s/a.yaml': 'name: A\n' });
    expect(t.checked.at(-1)![0]!.text).toBe('name: A\n');
    // Typing the generated text back removes the edit.
    t.store.getState().typed('k8s/a.yaml', 'name: a\ntag: x\n');
    await vi.advanceTimersByTimeAsync(60);
    expect(t.doc.edits).toEqual({});
    vi.useRealTimers();
  });

  it('committing typed text does not check the same text again', async () => {
    vi.useFakeTimers();
    const t = setup();
    await vi.advanceTimersByTimeAsync(0);
    t.store.getState().typed('k8s/a.yaml', 'name: A\n');
    await vi.advanceTimersByTimeAsync(0);
    const checks = t.checked.length;
    const files = t.store.getState().files;
    await vi.advanceTimersByTimeAsync(60);
    expect(t.doc.edits).toEqual({ 'k8s/a.yaml': 'name: A\n' });
    expect(t.checked.length).toBe(checks);
    expect(t.store.getState().files).toBe(files);
    // An app undo of the edit changes the text, so that is checked.
    t.change((d) => ({ ...d, edits: {} }));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.checked.length).toBe(checks + 1);
    expect(t.checked.at(-1)![0]!.text).toBe('name: a\ntag: x\n');
    vi.useRealTimers();
  });

  it('coalesces checks: never two at once, and the last text is always checked', async () => {
    const t = setup();
    for (let i = 0; i < 20; i++) t.store.getState().typed('k8s/a.yaml', `name: a${i}\n`);
    await flushPromises();
    await flushPromises();
    expect(t.checked.length).toBeLessThanOrEqual(3);
    expect(t.checked.at(-1)![0]!.text).toBe('name: a19\n');
  });

  it('an app undo of an edit wins over a pending commit', async () => {
    vi.useFakeTimers();
    const t = setup();
    t.store.getState().typed('k8s/a.yaml', 'one\n');
    t.store.getState().flush();
    expect(t.doc.edits['k8s/a.yaml']).toBe('one\n');
    t.store.getState().typed('k8s/a.yaml', 'two\n');
    t.change((d) => ({ ...d, edits: {} })); // undo in the app
    await vi.advanceTimersByTimeAsync(100);
    expect(t.doc.edits).toEqual({});
    expect(t.store.getState().files[0]!.text).toBe('name: a\ntag: x\n');
    vi.useRealTimers();
  });

  it('a design change under an edit is a conflict until the user keeps or regenerates', () => {
    const t = setup();
    t.store.getState().typed('k8s/a.yaml', 'mine\n');
    t.store.getState().flush();
    t.change((d) => ({ ...d, settings: { tag: '2.0.0' } }));
    const s = t.store.getState();
    expect(s.conflicts).toEqual(['k8s/a.yaml']);
    expect(s.files.find((f) => f.path === 'k8s/a.yaml')!.text).toBe('mine\n');
    expect(s.files.find((f) => f.path === 'k8s/b.yaml')!.text).toBe('name: b\ntag: 2.0.0\n');
    s.keepEdits();
    expect(t.store.getState().conflicts).toEqual([]);
    t.change((d) => ({ ...d, settings: { tag: '3.0.0' } }));
    expect(t.store.getState().conflicts).toEqual(['k8s/a.yaml']);
    t.store.getState().regenerate();
    expect(t.doc.edits).toEqual({});
    expect(t.store.getState().files[0]!.text).toBe('name: a\ntag: 3.0.0\n');
    expect(t.store.getState().conflicts).toEqual([]);
  });

  it('keeps edits of a file the design no longer generates, and flags them', () => {
    const t = setup();
    t.store.getState().typed('k8s/b.yaml', 'mine\n');
    t.store.getState().flush();
    t.change((d) => ({ ...d, topology: { ...d.topology, resources: d.topology.resources.slice(0, 1) } }));
    const s = t.store.getState();
    expect(s.files.map((f) => f.path)).toEqual(['k8s/a.yaml', 'k8s/b.yaml']);
    expect(s.conflicts).toEqual(['k8s/b.yaml']);
    s.keepEdits(['k8s/b.yaml']);
    t.change((d) => ({ ...d, settings: { tag: '9' } }));
    expect(t.store.getState().conflicts).toEqual([]);
  });
});
