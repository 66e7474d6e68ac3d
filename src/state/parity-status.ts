/**
 * Worst parity status per resource. The workbench (parity table) WRITES it with `setStatuses`;
 * canvas nodes READ one entry each (`useParityStatus((s) => s.statuses.get(name))`), so a new
 * map only re-renders nodes whose status changed.
 */
import { create } from 'zustand';

export type ParityStatus = 'pass' | 'fail' | 'warn' | 'unknown';

export interface ParityStatusState {
  statuses: ReadonlyMap<string, ParityStatus>;
  setStatuses(statuses: ReadonlyMap<string, ParityStatus>): void;
}

export const useParityStatus = create<ParityStatusState>()((set) => ({
  statuses: new Map(),
  setStatuses: (statuses) => set({ statuses }),
}));

const RANK: Record<ParityStatus, number> = { unknown: 0, pass: 1, warn: 2, fail: 3 };

/** Worst of several statuses (fail > warn > pass > unknown); helps writers fold rows per resource. */
export function worstStatus(a: ParityStatus | undefined, b: ParityStatus): ParityStatus {
  return a === undefined || RANK[b] > RANK[a] ? b : a;
}
