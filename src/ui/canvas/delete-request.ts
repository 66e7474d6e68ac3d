/**
 * Deleting goes through one path (keyboard, inspector, toolbar): when the delete takes more
 * with it (databases inside a server, references to what goes), a dialog says so and asks
 * first; otherwise the resources go at once.
 */
import { create } from 'zustand';
import { deleteEffects, type DeleteEffects } from '../../core/model/delete-effects';
import type { DesignStore } from '../../state/design-store';

interface DeleteRequest extends DeleteEffects {
  names: string[];
  /** The design the pending delete is asked of (the app instance that asked). */
  design?: DesignStore;
  request(design: DesignStore, names: string[]): void;
  confirm(): void;
  cancel(): void;
}

const NONE = { names: [], alsoDeleted: [], referencesRemoved: [], design: undefined };

export const useDeleteRequest = create<DeleteRequest>()((set, get) => ({
  ...NONE,
  request: (design, names) => {
    if (names.length === 0) return;
    const fx = deleteEffects(design.getState().doc.topology, names);
    if (fx.alsoDeleted.length === 0 && fx.referencesRemoved.length === 0) design.getState().remove(names);
    else set({ names, ...fx, design });
  },
  confirm: () => {
    get().design?.getState().remove(get().names);
    set(NONE);
  },
  cancel: () => set(NONE),
}));
