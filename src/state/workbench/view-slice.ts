/** What the user looks at in the workbench: the open file, a pending reveal, the table filters. */
import type { StateCreator } from 'zustand';
import type { ViewState, WorkbenchActions, WorkbenchState } from './types';

type ViewSlice = ViewState & Pick<WorkbenchActions, 'setActive' | 'revealAt' | 'setStatusFilter' | 'setResourceFilter'>;

export function createViewSlice(): StateCreator<WorkbenchState, [], [], ViewSlice> {
  let revealSeq = 0;
  return (set) => ({
    activePath: undefined,
    reveal: null,
    statusFilter: 'all',
    resourceFilter: '',
    setActive: (path) => set({ activePath: path }),
    revealAt: (path, line, endLine) =>
      set({
        activePath: path,
        reveal: { path, line, ...(endLine !== undefined ? { endLine } : {}), seq: ++revealSeq },
      }),
    setStatusFilter: (statusFilter) => set({ statusFilter }),
    setResourceFilter: (resourceFilter) => set({ resourceFilter }),
  });
}
