/**
 * Worst parity status per resource, one store per app instance. The app state WRITES it when the
 * workbench's report changes (./app-state.ts); canvas nodes READ one entry each
 * (`useParityStatuses((s) => s.statuses.get(name))`), so a new map only re-renders nodes whose
 * status changed.
 */
import { createStore, type StoreApi } from 'zustand';
import { worstStatus } from '../core/parity/status-rank';
import type { ParityReport, ParityStatus } from '../core/parity/types';

export type { ParityStatus };

export interface ParityStatusState {
  statuses: ReadonlyMap<string, ParityStatus>;
  setStatuses(statuses: ReadonlyMap<string, ParityStatus>): void;
}

export type ParityStatusStore = StoreApi<ParityStatusState>;

export function createParityStatusStore(): ParityStatusStore {
  return createStore<ParityStatusState>()((set) => ({
    statuses: new Map(),
    setStatuses: (statuses) => set({ statuses }),
  }));
}

/** The worst status of each resource's rows. */
export function statusesOf(report: ParityReport): Map<string, ParityStatus> {
  const statuses = new Map<string, ParityStatus>();
  for (const r of report.rows) statuses.set(r.resource, worstStatus(statuses.get(r.resource), r.status));
  return statuses;
}
