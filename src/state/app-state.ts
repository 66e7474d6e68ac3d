/**
 * One app instance's state: a design store and the workbench derived from it, wired so the
 * design store is the only writer of the design (typing commits through `setEdits`) and the
 * workbench follows every design change. Headless: the browser passes the generator and the
 * parity worker; tests pass the same pure functions and drive import → edit → check → undo
 * without a DOM (tldraw's TestEditor idea; xyflow's store per instance).
 */
import { createDesignStore, type DesignStore } from './design-store';
import { createWorkbenchStore, type WorkbenchDeps, type WorkbenchStore } from './workbench-store';

export interface AppState {
  design: DesignStore;
  workbench: WorkbenchStore;
  /** Stop following the design (tests; a replaced instance). */
  dispose(): void;
}

export type AppStateDeps = Omit<WorkbenchDeps, 'commitEdits'>;

export function createAppState(deps: AppStateDeps, design: DesignStore = createDesignStore()): AppState {
  const workbench = createWorkbenchStore({ ...deps, commitEdits: (patch) => design.getState().setEdits(patch) });
  workbench.getState().sync(design.getState().doc);
  const unsubscribe = design.subscribe((s, prev) => {
    if (s.doc !== prev.doc) workbench.getState().sync(s.doc);
  });
  return {
    design,
    workbench,
    dispose: () => {
      workbench.getState().flush();
      unsubscribe();
    },
  };
}
