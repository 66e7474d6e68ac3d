/** The workbench's state and its dependencies, shared by the slices that build it. */
import type { StoreApi } from 'zustand';
import type { BundleFile } from '../../core/kube/objects';
import type { DesignDoc } from '../../core/model/design';
import type { ParityReport, ParityStatus } from '../../core/parity/types';

export interface GeneratedFiles {
  /** The YAML files the editor shows, in bundle order. */
  files: BundleFile[];
  /** The bundle README (downloaded, not edited). */
  readme?: BundleFile;
  /** Which Aspire resources each file recreates (for canvas ↔ editor following). */
  resourcesOf: Record<string, string[]>;
}

/** A strict-validation finding on a file's lines (an editor marker). */
export interface LineIssue {
  file: string;
  line: number;
  endLine: number;
  message: string;
}

export interface CheckResult {
  report: ParityReport;
  validation: LineIssue[];
}

/** A patch of hand edits keyed by file path; undefined removes the edit. */
export type EditPatch = ReadonlyMap<string, string | undefined>;

export interface WorkbenchDeps {
  /** Topology + settings → generated files. Synchronous: it runs on design changes, not keystrokes. */
  bundle(doc: DesignDoc): GeneratedFiles;
  /** Effective files → parity report. May run in a worker. */
  check(doc: DesignDoc, files: readonly BundleFile[]): Promise<CheckResult>;
  /** Write hand edits into the design (one undo step for the whole patch): the design store's `setEdits`. */
  commitEdits(patch: EditPatch): void;
  /** Milliseconds of typing quiet before committing to the design. */
  commitDelayMs?: number;
  now?(): number;
}

export interface RevealRequest {
  path: string;
  line: number;
  endLine?: number;
  /** Changes on every request so revealing the same place twice still scrolls. */
  seq: number;
}

/** The editor buffer: typed text not yet in the design, and how edits relate to the generator. */
export interface BufferState {
  /** Editor text not yet committed to the design (no prototype: keys are user file paths). */
  live: Readonly<Record<string, string>>;
  /** Generated text each edited file was last reconciled with (to notice design changes under edits). */
  base: Readonly<Record<string, string>>;
  /** Edited files whose generated text changed since: the user chooses keep or regenerate. */
  conflicts: string[];
}

/** Derived from the design: the generated bundle, the files shown, and their check. */
export interface DerivedState {
  /** The design this state was derived from (the design store owns it; this is a reference). */
  doc: DesignDoc | null;
  generated: GeneratedFiles;
  /** What the editor shows and the download contains (README excluded): live ?? edit ?? generated. */
  files: BundleFile[];
  report: ParityReport | null;
  validation: LineIssue[];
  /** The check failed (a bug, not bad YAML: bad YAML comes back as diagnostics). */
  checkError?: string;
  /** performance.now() of the change the current report answers, and how long the check took. */
  timing: { triggeredAt: number; checkMs: number } | null;
}

/** What the user is looking at: never part of the design or its history. */
export interface ViewState {
  activePath: string | undefined;
  reveal: RevealRequest | null;
  statusFilter: ParityStatus | 'all';
  resourceFilter: string;
}

export interface WorkbenchActions {
  sync(doc: DesignDoc): void;
  typed(path: string, text: string): void;
  /** Commit pending typing now (before download, unload). */
  flush(): void;
  keepEdits(paths?: string[]): void;
  regenerate(paths?: string[]): void;
  setActive(path: string): void;
  revealAt(path: string, line: number, endLine?: number): void;
  setStatusFilter(s: ParityStatus | 'all'): void;
  setResourceFilter(r: string): void;
}

export type WorkbenchState = BufferState & DerivedState & ViewState & WorkbenchActions;

export type WorkbenchStore = StoreApi<WorkbenchState>;
