/**
 * Deleting goes through one path (keyboard, inspector, toolbar): when the delete takes more
 * with it (databases inside a server, references to what goes), a dialog says so and asks
 * first; otherwise the resources go at once.
 */
import { create } from 'zustand';
import { deleteEffects, type DeleteEffects } from '../../core/model/delete-effects';
import { designStore } from '../../state/design-store';

interface DeleteRequest extends DeleteEffects {
  names: string[];
  request(names: string[]): void;
  confirm(): void;
  cancel(): void;
}

const NONE = { names: [], alsoDeleted: [], referencesRemoved: [] };

export const useDeleteRequest = create<DeleteRequest>()((set, get) => ({
  ...NONE,
  request: (names) => {
    if (names.length === 0) return;
    const fx = deleteEffects(designStore.getState().doc.topology, names);
    if (fx.alsoDeleted.length === 0 && fx.referencesRemoved.length === 0) designStore.getState().remove(names);
    else set({ names, ...fx });
  },
  confirm: () => {
    designStore.getState().remove(get().names);
    set(NONE);
  },
  cancel: () => set(NONE),
}));
