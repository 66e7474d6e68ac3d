/**
 * The design store: one zustand store (vanilla, so tests run headless) wrapped in zundo's
 * `temporal` for undo/redo.
 *
 * Usage:
 *   - One store per app instance (./app-state.ts); no module-level store.
 *   - React: `useDesignStore((s) => s.doc.topology)` from ./app-state-context.tsx reads this tree's
 *     instance; handlers act through `useDesignApi().getState()` and `.temporal.getState().undo()`.
 *   - Tests: `createDesignStore(initialDoc)` gives an isolated store.
 *
 * Only `doc` is tracked by history (partialize); `view` (selection, notices) is not. Every pure
 * command returns the same `doc` object when nothing changes, and equality is by reference, so
 * no-op actions never add an undo step. Actions that can be refused return the reason.
 */
import { createStore, type StoreApi } from 'zustand';
import { temporal, type TemporalState } from 'zundo';
import { canHoldDatabases, catalogItem, type CatalogId } from '../core/model/integrations/palette';
import * as cmd from '../core/model/commands';
import { emptyDesign, type DesignDoc, type XY } from '../core/model/design';
import type { DeploySettings } from '../core/model/settings';
import type { Topology, WaitMode } from '../core/model/topology';
import { patchRecord } from './own-record';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export interface ViewState {
  selected: string[];
  /** The last refusal or note, shown by the canvas until dismissed. */
  notice?: Notice;
}

export interface DesignActions {
  select(names: string[]): void;
  notify(notice: Notice | undefined): void;
  /**
   * Add a palette item; a Database goes into `parent` (or the selected server). Returns the new primary name or a
   * refusal.
   */
  addFromCatalog(id: CatalogId, at: XY, parent?: string): { ok: true; name: string } | cmd.Refusal;
  connect(from: string, to: string, opts?: cmd.ConnectOptions): string | undefined;
  disconnect(from: string, to: string): void;
  setWaitFor(from: string, to: string, mode: WaitMode): string | undefined;
  rename(from: string, to: string): string | undefined;
  /** Delete; returns who depended on the deleted resources (already removed references). */
  remove(names: string[]): string[];
  copy(names: string[]): cmd.Fragment;
  paste(fragment: cmd.Fragment, offset?: XY): string[];
  duplicate(names: string[]): string[];
  updateResource(name: string, patch: cmd.ResourcePatch): string | undefined;
  move(moves: Record<string, XY>): void;
  /** Replace the topology in one undo step (import). */
  importTopology(topology: Topology, positions?: Record<string, XY>): void;
  /** Replace the whole document (restore, open a shared link); one undo step. */
  replaceDoc(doc: DesignDoc): void;
  setSettings(settings: Partial<DeploySettings>): void;
  /** Write hand edits of generated files, keyed by path (undefined removes one): one undo step for the whole patch. */
  setEdits(patch: ReadonlyMap<string, string | undefined>): void;
  setEdit(path: string, text: string | undefined): void;
}

export interface DesignState extends DesignActions {
  doc: DesignDoc;
  view: ViewState;
}

type Tracked = Pick<DesignState, 'doc'>;
export type DesignStore = StoreApi<DesignState> & { temporal: StoreApi<TemporalState<Tracked>> };

export function createDesignStore(initial: DesignDoc = emptyDesign()): DesignStore {
  return createStore<DesignState>()(
    temporal(
      (set, get) => {
        const apply = (doc: DesignDoc) => {
          if (doc !== get().doc) set({ doc });
        };
        const refuse = (reason: string) => {
          set({ view: { ...get().view, notice: { kind: 'error', text: reason } } });
          return reason;
        };
        return {
          doc: initial,
          view: { selected: [] },
          select: (names) => {
            const cur = get().view.selected;
            if (cur.length === names.length && cur.every((n, i) => n === names[i])) return;
            set({ view: { ...get().view, selected: names } });
          },
          notify: (notice) => set({ view: { ...get().view, ...(notice ? { notice } : { notice: undefined }) } }),
          addFromCatalog: (id, at, parentName) => {
            const item = catalogItem(id);
            const t = get().doc.topology;
            let parent;
            if (id === 'database') {
              const name = parentName ?? get().view.selected[0];
              parent = t.resources.find((r) => r.name === name);
              if (!parent || !canHoldDatabases(parent)) {
                const reason =
                  'A database lives inside a server: select a SQL Server, PostgreSQL, MySQL, Oracle, MongoDB or ' +
                  'Milvus resource first.';
                refuse(reason);
                return { ok: false, reason };
              }
            }
            const name = cmd.uniqueName(
              t.resources.map((r) => r.name),
              parent ? `${parent.name}db` : item.baseName,
            );
            const taken = [...t.resources.map((r) => r.name), name];
            // Companions (a server's password parameter) may collide with existing names too.
            const created = item
              .create(name, parent)
              .map((r, i) => (i === 0 ? r : { ...r, name: cmd.uniqueName(taken, r.name) }));
            const res = cmd.addResources(get().doc, created, at);
            if (!res.ok) {
              refuse(res.reason);
              return res;
            }
            apply(res.doc);
            set({ view: { ...get().view, selected: [name] } });
            return { ok: true, name };
          },
          connect: (from, to, opts) => {
            const res = cmd.connect(get().doc, from, to, opts);
            if (!res.ok) return refuse(res.reason);
            apply(res.doc);
            return undefined;
          },
          disconnect: (from, to) => apply(cmd.disconnect(get().doc, from, to)),
          setWaitFor: (from, to, mode) => {
            const res = cmd.setWaitFor(get().doc, from, to, mode);
            if (!res.ok) return refuse(res.reason);
            apply(res.doc);
            return undefined;
          },
          rename: (from, to) => {
            const res = cmd.rename(get().doc, from, to);
            if (!res.ok) return res.reason;
            apply(res.doc);
            const view = get().view;
            if (view.selected.includes(from))
              set({ view: { ...view, selected: view.selected.map((n) => (n === from ? to : n)) } });
            return undefined;
          },
          remove: (names) => {
            const { doc, dependents } = cmd.remove(get().doc, names);
            apply(doc);
            const alive = new Set(doc.topology.resources.map((r) => r.name));
            set({ view: { ...get().view, selected: get().view.selected.filter((n) => alive.has(n)) } });
            return dependents;
          },
          copy: (names) => cmd.extractFragment(get().doc, names),
          paste: (fragment, offset) => {
            const { doc, names } = cmd.pasteFragment(get().doc, fragment, offset);
            apply(doc);
            set({ view: { ...get().view, selected: names } });
            return names;
          },
          duplicate: (names) => get().paste(cmd.extractFragment(get().doc, names)),
          updateResource: (name, patch) => {
            const res = cmd.updateResource(get().doc, name, patch);
            if (!res.ok) return refuse(res.reason);
            apply(res.doc);
            return undefined;
          },
          move: (moves) => apply(cmd.move(get().doc, moves)),
          importTopology: (topology, positions) => {
            apply(cmd.importTopology(get().doc, topology, positions));
            set({ view: { selected: [] } });
          },
          replaceDoc: (doc) => {
            apply(doc);
            set({ view: { selected: [] } });
          },
          setSettings: (settings) => apply({ ...get().doc, settings }),
          setEdits: (patch) => {
            const doc = get().doc;
            // Paths come from imported designs and share links: "__proto__" must be a key, not a prototype.
            const edits = patchRecord(doc.edits, patch);
            if (edits !== doc.edits) apply({ ...doc, edits });
          },
          setEdit: (path, text) => get().setEdits(new Map([[path, text]])),
        };
      },
      {
        partialize: (s): Tracked => ({ doc: s.doc }),
        equality: (a, b) => a.doc === b.doc,
        limit: 200,
      },
    ),
  ) as DesignStore;
}
