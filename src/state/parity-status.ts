/**
 * Worst parity status per resource. The workbench (parity table) WRITES it with `setStatuses`;
 * canvas nodes READ one entry each (`useParityStatus((s) => s.statuses.get(name))`), so a new
 * map only re-renders nodes whose status changed.
 */
import { create } from 'zustand';
import type { ParityStatus } from '../core/parity/types';

export type { ParityStatus };

export interface ParityStatusState {
  statuses: ReadonlyMap<string, ParityStatus>;
  setStatuses(statuses: ReadonlyMap<string, ParityStatus>): void;
}

export const useParityStatus = create<ParityStatusState>()((set) => ({
  statuses: new Map(),
  setStatuses: (statuses) => set({ statuses }),
}));
