/**
 * The workbench's derived state: the generated bundle, the files the editor shows (generated
 * text overlaid with the user's edits), and the parity report for exactly those files.
 *
 * Three layers of text per file, most recent first:
 *   live   — what the editor holds right now (typed, not yet committed to the design);
 *   edits  — the design's committed hand edits (undoable, saved, survive reload);
 *   generated — `generate(topology, settings)` laid out as plain YAML.
 * Typing updates `live` at once and re-checks; committing to the design is debounced so one
 * burst of typing is one undo step in the app's history, not one per key.
 *
 * The heavy functions are injected (`WorkbenchDeps`) so the store stays testable in Node and the
 * UI can run the parity check in a Web Worker.
 */
import { createStore, type StoreApi } from 'zustand';
import type { BundleFile } from '../core/kube/objects';
import type { DesignDoc } from '../core/model/design';
import type { ParityReport, ParityStatus } from '../core/parity/types';

export interface GeneratedFiles {
  /** The YAML files the editor shows, in bundle order. */
  files: BundleFile[];
  /** The bundle README (downloaded, not edited). */
  readme?: BundleFile;
  /** Which Aspire resources each file recreates (for canvas ↔ editor following). */
  resourcesOf: Record<string, string[]>;
}

/** A strict-validation finding on a file's lines (an editor marker). */
export interface LineIssue {
  file: string;
  line: number;
  endLine: number;
  message: string;
}

export interface CheckResult {
  report: ParityReport;
  validation: LineIssue[];
}

export interface WorkbenchDeps {
  /** Topology + settings → generated files. Synchronous: it runs on design changes, not keystrokes. */
  bundle(doc: DesignDoc): GeneratedFiles;
  /** Effective files → parity report. May run in a worker. */
  check(doc: DesignDoc, files: readonly BundleFile[]): Promise<CheckResult>;
  /** Write hand edits into the design (one undo step for the whole patch); undefined removes an edit. */
  commitEdits(patch: Record<string, string | undefined>): void;
  /** Milliseconds of typing quiet before committing to the design. */
  commitDelayMs?: number;
  now?(): number;
}

export interface RevealRequest {
  path: string;
  line: number;
  endLine?: number;
  /** Changes on every request so revealing the same place twice still scrolls. */
  seq: number;
}

export interface WorkbenchState {
  doc: DesignDoc | null;
  generated: GeneratedFiles;
  /** Editor text not yet committed to the design. */
  live: Record<string, string>;
  /** Generated text each edited file was last reconciled with (to notice design changes under edits). */
  base: Record<string, string>;
  /** Edited files whose generated text changed since: the user chooses keep or regenerate. */
  conflicts: string[];
  /** What the editor shows and the download contains (README excluded). */
  files: BundleFile[];
  report: ParityReport | null;
  validation: LineIssue[];
  /** The check failed (a bug, not bad YAML: bad YAML comes back as diagnostics). */
  checkError?: string;
  /** performance.now() of the change the current report answers, and how long the check took. */
  timing: { triggeredAt: number; checkMs: number } | null;
  activePath: string | undefined;
  reveal: RevealRequest | null;
  statusFilter: ParityStatus | 'all';
  resourceFilter: string;

  sync(doc: DesignDoc): void;
  typed(path: string, text: string): void;
  /** Commit pending typing now (before download, unload). */
  flush(): void;
  keepEdits(paths?: string[]): void;
  regenerate(paths?: string[]): void;
  setActive(path: string): void;
  revealAt(path: string, line: number, endLine?: number): void;
  setStatusFilter(s: ParityStatus | 'all'): void;
  setResourceFilter(r: string): void;
}

export type WorkbenchStore = StoreApi<WorkbenchState>;

/** Base marker for an edit of a file no longer generated that the user chose to keep. */
const KEPT_ORPHAN = '\u0000kept';

const EMPTY: GeneratedFiles = { files: [], resourcesOf: {} };

function textMap(files: readonly BundleFile[]): Map<string, string> {
  return new Map(files.map((f) => [f.path, f.text]));
}

export function createWorkbenchStore(deps: WorkbenchDeps): WorkbenchStore {
  const now = deps.now ?? (() => performance.now());
  const commitDelay = deps.commitDelayMs ?? 400;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let inFlight = false;
  let dirty = false;
  let pendingSince: number | undefined;
  let revealSeq = 0;

  const store = createStore<WorkbenchState>()((set, get) => {
    /** Effective files: live ?? edit ?? generated; edits of files no longer generated are kept (never lose work). */
    const effective = (): BundleFile[] => {
      const { doc, generated, live } = get();
      const edits = doc?.edits ?? {};
      const prev = new Map(get().files.map((f) => [f.path, f]));
      const out: BundleFile[] = [];
      const keep = (path: string, text: string) => {
        const old = prev.get(path);
        // Reuse unchanged file objects so consumers can compare by identity.
        out.push(old && old.text === text ? old : { path, text });
      };
      const seen = new Set<string>();
      for (const f of generated.files) {
        seen.add(f.path);
        keep(f.path, live[f.path] ?? edits[f.path] ?? f.text);
      }
      for (const path of Object.keys(edits).sort()) if (!seen.has(path) && path !== generated.readme?.path) keep(path, live[path] ?? edits[path]!);
      return out;
    };

    const runCheck = () => {
      const doc = get().doc;
      if (!doc) return;
      if (inFlight) {
        dirty = true;
        return;
      }
      inFlight = true;
      dirty = false;
      const triggeredAt = pendingSince ?? now();
      pendingSince = undefined;
      const started = now();
      deps
        .check(doc, get().files)
        .then(
          ({ report, validation }) => set({ report, validation, checkError: undefined, timing: { triggeredAt, checkMs: now() - started } }),
          (e: unknown) => set({ checkError: e instanceof Error ? e.message : String(e) }),
        )
        .finally(() => {
          inFlight = false;
          // Checks never overlap; changes made meanwhile are checked together, once.
          if (dirty) runCheck();
        });
    };

    const commit = (path: string) => {
      timers.delete(path);
      const { live, generated } = get();
      const text = live[path];
      if (text === undefined) return;
      const gen = generated.files.find((f) => f.path === path)?.text;
      // Typing back the generated text is not an edit.
      deps.commitEdits({ [path]: text === gen ? undefined : text });
    };

    return {
      doc: null,
      generated: EMPTY,
      live: {},
      base: {},
      conflicts: [],
      files: [],
      report: null,
      validation: [],
      timing: null,
      activePath: undefined,
      reveal: null,
      statusFilter: 'all',
      resourceFilter: '',

      sync: (doc) => {
        const prev = get().doc;
        if (prev === doc) return;
        // A drag moves positions only: nothing to generate, re-check or re-render. Without this
        // every drag frame of a 300-node design posted the whole bundle to the parity worker.
        if (prev && prev.topology === doc.topology && prev.settings === doc.settings && prev.edits === doc.edits) {
          set({ doc });
          return;
        }
        let { generated, live, base } = get();
        const designChanged = !prev || prev.topology !== doc.topology || prev.settings !== doc.settings;
        if (designChanged) generated = deps.bundle(doc);
        const gen = textMap(generated.files);
        if (prev && prev.edits !== doc.edits) {
          // An edit changed outside the typing path (app undo, replaced document, our own commit):
          // the design wins over stale editor text, and no pending commit may overwrite it.
          live = { ...live };
          for (const path of new Set([...Object.keys(prev.edits), ...Object.keys(doc.edits)])) {
            if (prev.edits[path] === doc.edits[path]) continue;
            if (live[path] !== undefined && live[path] !== doc.edits[path]) {
              const t = timers.get(path);
              if (t) clearTimeout(t);
              timers.delete(path);
            }
            delete live[path];
          }
        }
        base = { ...base };
        for (const [path, text] of gen) {
          // Unedited files follow the generator silently; edited files keep the generation they were made against.
          if (doc.edits[path] === undefined || base[path] === undefined) base[path] = text;
        }
        const conflicts: string[] = [];
        for (const p of Object.keys(doc.edits).sort()) {
          if (p === generated.readme?.path) continue;
          // Changed under the edit, or no longer generated at all (the resource was removed or renamed).
          if (gen.has(p) ? gen.get(p) !== base[p] : base[p] !== KEPT_ORPHAN) conflicts.push(p);
        }
        const before = get().files;
        set({ doc, generated, live, base, conflicts });
        const next = effective();
        // Committing typed text to the design changes no file: the text was checked when it was
        // typed. Re-checking it (2 s in the worker for a 300-resource design) delayed the next keystroke.
        const same = !designChanged && next.length === before.length && next.every((f, i) => f === before[i]);
        const files = same ? before : next;
        const active = get().activePath;
        set({ files, activePath: active && files.some((f) => f.path === active) ? active : files[0]?.path });
        if (!same) runCheck();
      },

      typed: (path, text) => {
        const { live, doc, generated } = get();
        const current = live[path] ?? doc?.edits[path] ?? generated.files.find((f) => f.path === path)?.text;
        if (current === text) return;
        pendingSince ??= now();
        set({ live: { ...live, [path]: text } });
        set({ files: effective() });
        const t = timers.get(path);
        if (t) clearTimeout(t);
        timers.set(
          path,
          setTimeout(() => commit(path), commitDelay),
        );
        runCheck();
      },

      flush: () => {
        for (const [path, t] of [...timers]) {
          clearTimeout(t);
          commit(path);
        }
      },

      keepEdits: (paths) => {
        const { conflicts, generated, base } = get();
        const which = new Set(paths ?? conflicts);
        const gen = textMap(generated.files);
        const nextBase = { ...base };
        for (const p of which) {
          nextBase[p] = gen.get(p) ?? KEPT_ORPHAN;
        }
        set({ base: nextBase, conflicts: conflicts.filter((p) => !which.has(p)) });
      },

      regenerate: (paths) => {
        const which = paths ?? get().conflicts;
        get().flush();
        const patch: Record<string, undefined> = {};
        for (const p of which) patch[p] = undefined;
        if (which.length > 0) deps.commitEdits(patch);
      },

      setActive: (path) => set({ activePath: path }),
      revealAt: (path, line, endLine) => set({ activePath: path, reveal: { path, line, ...(endLine !== undefined ? { endLine } : {}), seq: ++revealSeq } }),
      setStatusFilter: (statusFilter) => set({ statusFilter }),
      setResourceFilter: (resourceFilter) => set({ resourceFilter }),
    };
  });
  return store;
}
