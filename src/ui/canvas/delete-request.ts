/**
 * Deleting goes through one path (keyboard, inspector, toolbar): when something depends on
 * the resources, a dialog lists the dependents and asks first; otherwise they go at once.
 */
import { create } from 'zustand';
import { dependentsOf } from '../../core/model/commands';
import { designStore } from '../../state/design-store';

interface DeleteRequest {
  names: string[];
  dependents: string[];
  request(names: string[]): void;
  confirm(): void;
  cancel(): void;
}

export const useDeleteRequest = create<DeleteRequest>()((set, get) => ({
  names: [],
  dependents: [],
  request: (names) => {
    if (names.length === 0) return;
    const t = designStore.getState().doc.topology;
    const dependents = dependentsOf(t, names);
    if (dependents.length === 0) designStore.getState().remove(names);
    else set({ names, dependents });
  },
  confirm: () => {
    designStore.getState().remove(get().names);
    set({ names: [], dependents: [] });
  },
  cancel: () => set({ names: [], dependents: [] }),
}));
