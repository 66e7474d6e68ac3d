/**
 * The parity table's contract: one row per App Host declaration × production requirement,
 * each proven (or refuted) by evidence in the Kubernetes YAML, with a fix where one exists.
 */
import type { Diagnostic } from '../model/diagnostics';

export type ParityStatus = 'pass' | 'fail' | 'warn' | 'unknown';

/** Where in the bundle a row's verdict comes from (1-based lines). */
export interface Evidence {
  file: string;
  line: number;
  endLine?: number;
}

export interface ParityFix {
  /** What to do, in words. */
  text: string;
  /** YAML to insert, when the fix is a block of configuration. */
  snippet?: string;
  /** Where the snippet goes: a file and a path inside its document (e.g. a container's env list).
   *  `line`: a line of the document meant, when the row's evidence lies in another document.
   *  `replace`: the snippet replaces the node whole (a list too; `null` removes it), where by
   *  default it merges (lists by item name, maps by key).
   *  Absent for a whole Kubernetes object: it becomes a new document of the evidence's file. */
  target?: { file: string; path: (string | number)[]; line?: number; replace?: boolean };
}

export interface ParityRow {
  /** Stable: `${rule}:${resource}:${detail}`, so the UI and tests can follow a row across edits. */
  id: string;
  /** The App Host declaration this row checks, e.g. `AddProject("trip-api")`, `WaitFor(catalog)`. */
  declaration: string;
  /** The Aspire resource concerned (or the Kubernetes object name for bundle-only lint rows). */
  resource: string;
  /** The production requirement, as a sentence. */
  requirement: string;
  status: ParityStatus;
  /** Why the status is what it is (the finding, or what to verify on the cluster when unknown). */
  detail?: string;
  evidence?: Evidence[];
  fix?: ParityFix;
  /** Ids of the seed checklist items this row proves (see ./checklist.ts). */
  checklist?: string[];
  /** The rule family (and for lint rows the upstream id), e.g. `probes`, `kube-linter:latest-tag`. */
  rule: string;
}

export interface ParitySummary {
  pass: number;
  fail: number;
  warn: number;
  unknown: number;
}

export interface ParityReport {
  rows: ParityRow[];
  summary: ParitySummary;
  /** Problems reading the input (bad YAML, alias bombs, oversized files), with file and line. */
  diagnostics: Diagnostic[];
}

export interface ParityOptions {
  /** Secrets the operator creates outside the bundle (e.g. with kubectl); references to them are fine. */
  preCreatedSecrets?: string[];
}

export function summarize(rows: readonly ParityRow[]): ParitySummary {
  const s: ParitySummary = { pass: 0, fail: 0, warn: 0, unknown: 0 };
  for (const r of rows) s[r.status]++;
  return s;
}
