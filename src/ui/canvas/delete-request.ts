/**
 * Deleting goes through one path (keyboard, inspector, toolbar): when something depends on
 * the resources, a dialog lists the dependents and asks first; otherwise they go at once.
 */
import { create } from 'zustand';
import { dependentsOf } from '../../core/model/commands';
import type { DesignStore } from '../../state/design-store';

interface DeleteRequest {
  names: string[];
  dependents: string[];
  /** The design the pending delete is asked of (the app instance that asked). */
  design?: DesignStore;
  request(design: DesignStore, names: string[]): void;
  confirm(): void;
  cancel(): void;
}

export const useDeleteRequest = create<DeleteRequest>()((set, get) => ({
  names: [],
  dependents: [],
  request: (design, names) => {
    if (names.length === 0) return;
    const t = design.getState().doc.topology;
    const dependents = dependentsOf(t, names);
    if (dependents.length === 0) design.getState().remove(names);
    else set({ names, dependents, design });
  },
  confirm: () => {
    get().design?.getState().remove(get().names);
    set({ names: [], dependents: [], design: undefined });
  },
  cancel: () => set({ names: [], dependents: [], design: undefined }),
}));
