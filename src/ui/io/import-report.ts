/** The last import's outcome, shown in a dismissible panel (errors and warnings). */
import { create } from 'zustand';
import type { Diagnostic } from '../../core/model/diagnostics';

export interface ImportReport {
  fileName: string;
  ok: boolean;
  /** Summary line: what was imported, or what went wrong. */
  message: string;
  diagnostics: Diagnostic[];
}

interface ImportReportState {
  report?: ImportReport;
  busy: boolean;
  show(report: ImportReport): void;
  setBusy(busy: boolean): void;
  dismiss(): void;
}

export const useImportReport = create<ImportReportState>()((set) => ({
  busy: false,
  show: (report) => set({ report }),
  setBusy: (busy) => set({ busy }),
  dismiss: () => set({ report: undefined }),
}));
