/**
 * The workbench's state: the generated bundle and the files the editor shows (derived from the
 * design), the editor buffer (typing not yet in the design), their parity report, and what the
 * user looks at. One store per app instance, built from one file per concern:
 *   ./workbench/buffer.ts          — live / edits / generated layering, conflicts (pure);
 *   ./workbench/check-scheduler.ts — checks never overlap, the last text is always checked;
 *   ./workbench/view-slice.ts      — open file, reveal, table filters.
 * Typing updates `live` at once and re-checks; committing to the design is debounced so one
 * burst of typing is one undo step, and goes through the design store's `setEdits` action
 * (`deps.commitEdits`): the design store is the only writer of the design.
 *
 * The heavy functions are injected (`WorkbenchDeps`) so the store runs headless in Node and the
 * UI can run the parity check in a Web Worker.
 */
import { createStore } from 'zustand';
import { ownGet, ownRecord } from './own-record';
import { currentText, effectiveFiles, keepEdits, reconcile } from './workbench/buffer';
import { createCheckScheduler } from './workbench/check-scheduler';
import type { GeneratedFiles, WorkbenchDeps, WorkbenchState, WorkbenchStore } from './workbench/types';
import { createViewSlice } from './workbench/view-slice';

export type * from './workbench/types';

const EMPTY: GeneratedFiles = { files: [], resourcesOf: {} };

export function createWorkbenchStore(deps: WorkbenchDeps): WorkbenchStore {
  const now = deps.now ?? (() => performance.now());
  const commitDelay = deps.commitDelayMs ?? 400;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const cancel = (path: string) => {
    clearTimeout(timers.get(path));
    timers.delete(path);
  };

  return createStore<WorkbenchState>()((set, get, api) => {
    const checks = createCheckScheduler({
      current: () => get(),
      check: deps.check,
      done: ({ report, validation }, timing) => set({ report, validation, checkError: undefined, timing }),
      failed: (checkError) => set({ checkError }),
      now,
    });
    const effective = () => {
      const s = get();
      return effectiveFiles(s.generated, s.doc?.edits ?? ownRecord(), s.live, s.files);
    };

    const commit = (path: string) => {
      timers.delete(path);
      const text = ownGet(get().live, path);
      if (text === undefined) return;
      const gen = get().generated.files.find((f) => f.path === path)?.text;
      // Typing back the generated text is not an edit.
      deps.commitEdits(new Map([[path, text === gen ? undefined : text]]));
    };

    return {
      doc: null,
      generated: EMPTY,
      live: ownRecord(),
      base: ownRecord(),
      conflicts: [],
      files: [],
      report: null,
      validation: [],
      timing: null,
      ...createViewSlice()(set, get, api),

      sync: (doc) => {
        const prev = get().doc;
        if (prev === doc) return;
        // A drag moves positions only: nothing to generate, re-check or re-render. Without this
        // every drag frame of a 300-node design posted the whole bundle to the parity worker.
        if (prev && prev.topology === doc.topology && prev.settings === doc.settings && prev.edits === doc.edits) {
          set({ doc });
          return;
        }
        const designChanged = !prev || prev.topology !== doc.topology || prev.settings !== doc.settings;
        const generated = designChanged ? deps.bundle(doc) : get().generated;
        const buffer = reconcile(prev, doc, generated, get(), cancel);
        const before = get().files;
        set({ doc, generated, ...buffer });
        const next = effective();
        // Committing typed text to the design changes no file: the text was checked when it was
        // typed. Re-checking it (2 s in the worker for a 300-resource design) delayed the next keystroke.
        const same = !designChanged && next.length === before.length && next.every((f, i) => f === before[i]);
        const files = same ? before : next;
        const active = get().activePath;
        set({
          files,
          activePath: active !== undefined && files.some((f) => f.path === active) ? active : files[0]?.path,
        });
        if (!same) checks.run();
      },

      typed: (path, text) => {
        const { live, doc, generated } = get();
        if (currentText(live, doc, generated, path) === text) return;
        checks.changed();
        set({ live: ownRecord([...Object.entries(live), [path, text]]) });
        set({ files: effective() });
        cancel(path);
        timers.set(
          path,
          setTimeout(() => commit(path), commitDelay),
        );
        checks.run();
      },

      flush: () => {
        for (const [path, t] of [...timers]) {
          clearTimeout(t);
          commit(path);
        }
      },

      keepEdits: (paths) => set(keepEdits(get(), get().generated, paths ?? get().conflicts)),

      regenerate: (paths) => {
        const which = paths ?? get().conflicts;
        get().flush();
        if (which.length > 0) deps.commitEdits(new Map(which.map((p) => [p, undefined])));
      },
    };
  });
}
