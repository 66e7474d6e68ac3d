/**
 * One app instance's state: a design store, the parity status of each resource, and the
 * workbench derived from the design, wired so the design store is the only writer of the design
 * (typing commits through `setEdits`) and the workbench follows every design change. Nothing is
 * module-level: the page makes its instance in main.tsx and hands it to React through
 * `<AppStateProvider>` (./app-state-context.tsx); components read it with hooks (xyflow's
 * store per `<ReactFlowProvider>`, tldraw's editor instance). Headless: tests pass the same pure
 * functions the browser uses and drive import → edit → check → undo without a DOM.
 *
 * The workbench starts when its dependencies are given: at once in tests, and in the browser when
 * the lazily loaded workbench panel brings the generator and the parity worker.
 */
import { createDesignStore, type DesignStore } from './design-store';
import { createParityStatusStore, statusesOf, type ParityStatusStore } from './parity-status';
import { createWorkbenchStore, type WorkbenchDeps, type WorkbenchStore } from './workbench-store';

export type AppStateDeps = Omit<WorkbenchDeps, 'commitEdits'>;

export interface AppState {
  design: DesignStore;
  /** Worst parity status per resource (canvas badges), written from the workbench's report. */
  statuses: ParityStatusStore;
  /** The workbench, once started (`startWorkbench`). */
  readonly workbench: WorkbenchStore | undefined;
  /** Start the workbench with its generator and checker; later calls return the same store. */
  startWorkbench(deps: AppStateDeps): WorkbenchStore;
  /** Stop following the design (tests; a replaced instance). */
  dispose(): void;
}

export type AppStateWithWorkbench = AppState & { readonly workbench: WorkbenchStore };

export interface AppStateOptions {
  design?: DesignStore;
  /** Start the workbench at once with these dependencies. */
  workbench?: AppStateDeps;
}

export function createAppState(options: AppStateOptions & { workbench: AppStateDeps }): AppStateWithWorkbench;
export function createAppState(options?: AppStateOptions): AppState;
export function createAppState(options: AppStateOptions = {}): AppState {
  const design = options.design ?? createDesignStore();
  const statuses = createParityStatusStore();
  let workbench: WorkbenchStore | undefined;
  const stops: (() => void)[] = [];

  const startWorkbench = (deps: AppStateDeps): WorkbenchStore => {
    if (workbench) return workbench;
    const wb = createWorkbenchStore({ ...deps, commitEdits: (patch) => design.getState().setEdits(patch) });
    workbench = wb;
    wb.getState().sync(design.getState().doc);
    stops.push(
      design.subscribe((s, prev) => {
        if (s.doc !== prev.doc) wb.getState().sync(s.doc);
      }),
      // Node badges: written only when the report changes.
      wb.subscribe((s, prev) => {
        if (s.report !== prev.report && s.report) statuses.getState().setStatuses(statusesOf(s.report));
      }),
    );
    return wb;
  };
  if (options.workbench) startWorkbench(options.workbench);

  return {
    design,
    statuses,
    get workbench() {
      return workbench;
    },
    startWorkbench,
    dispose: () => {
      workbench?.getState().flush();
      for (const stop of stops.splice(0)) stop();
    },
  };
}
