/**
 * The app state reaches React through context, never through module imports: main.tsx makes the
 * page's instance (`createAppState()`) and renders `<AppStateProvider value={state}>`; a second
 * provider with another instance is a second, independent app (see app-instances.test.tsx).
 * Components read with these hooks (selectors as with zustand's `useStore`; selectors returning
 * new objects need `useShallow`) and act through the store they return (`useDesignApi()`).
 * ESLint forbids components to import the stores any other way.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { TemporalState } from 'zundo';
import type { AppState } from './app-state';
import type { DesignState, DesignStore } from './design-store';
import type { ParityStatusState } from './parity-status';
import type { WorkbenchState, WorkbenchStore } from './workbench-store';

const AppStateContext = createContext<AppState | null>(null);

export function AppStateProvider({ value, children }: { value: AppState; children?: ReactNode }) {
  return <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>;
}

/** This tree's app instance. */
export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('No app state here: render inside <AppStateProvider value={createAppState()}>.');
  return state;
}

/** The design store itself, for event handlers (`getState()`, actions, `temporal`). */
export function useDesignApi(): DesignStore {
  return useAppState().design;
}

/** A reactive slice of the design store. */
export function useDesignStore<T>(selector: (s: DesignState) => T): T {
  return useStore(useAppState().design, selector);
}

type History = TemporalState<Pick<DesignState, 'doc'>>;

/** Reactive undo/redo availability. */
export function useHistory<T>(selector: (s: History) => T): T {
  return useStore(useAppState().design.temporal, selector);
}

/** A reactive slice of the per-resource parity statuses (canvas badges). */
export function useParityStatus<T>(selector: (s: ParityStatusState) => T): T {
  return useStore(useAppState().statuses, selector);
}

/** The workbench store, for event handlers. Only inside the workbench panel, which starts it. */
export function useWorkbenchApi(): WorkbenchStore {
  const wb = useAppState().workbench;
  if (!wb) throw new Error('The workbench has not started: render this inside the workbench panel.');
  return wb;
}

/** A reactive slice of the workbench store. */
export function useWorkbench<T>(selector: (s: WorkbenchState) => T): T {
  return useStore(useWorkbenchApi(), selector);
}
