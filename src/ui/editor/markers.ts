/**
 * Editor markers from the last check, per file: failing (and warning) parity rows on their
 * evidence lines, strict Kubernetes validation findings, and YAML problems our parser reports
 * that monaco-yaml does not (alias bombs, oversized input). Pure: Monaco-shaped plain objects.
 */
import type { ParityReport, ParityStatus } from '../../core/parity/types';
import type { LineIssue } from '../../state/workbench-store';

/** Monaco's MarkerSeverity values (kept here so this file needs no Monaco import). */
export const Severity = { Info: 2, Warning: 4, Error: 8 } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

export interface LineMarker {
  startLineNumber: number;
  endLineNumber: number;
  startColumn: number;
  endColumn: number;
  message: string;
  severity: Severity;
  source: string;
  code?: string;
}

const ROW_SEVERITY: Partial<Record<ParityStatus, Severity>> = { fail: Severity.Error, warn: Severity.Warning };

/** Messages the strict schema in monaco-yaml already shows; repeating them would double every marker. */
const SCHEMA_DUPLICATES = /unknown field "|missing required field "/;

export function markersByFile(
  report: ParityReport | null,
  validation: readonly LineIssue[],
  schemaInEditor: boolean,
): Map<string, LineMarker[]> {
  const out = new Map<string, LineMarker[]>();
  const add = (file: string, m: LineMarker) => {
    const list = out.get(file);
    if (list) list.push(m);
    else out.set(file, [m]);
  };
  for (const row of report?.rows ?? []) {
    const severity = ROW_SEVERITY[row.status];
    if (!severity) continue;
    for (const ev of row.evidence ?? []) {
      if (!ev.file || ev.line < 1) continue;
      // A marker spanning a whole 40-line document hides everything else; mark its first line.
      const end = ev.endLine !== undefined && ev.endLine - ev.line <= 3 ? ev.endLine : ev.line;
      add(ev.file, {
        startLineNumber: ev.line,
        endLineNumber: end,
        startColumn: 1,
        endColumn: 1_000,
        message:
          `Parity: ${row.requirement}${row.detail ? ` — ${row.detail}` : ''}` +
          (row.fix ? `\nFix: ${row.fix.text}` : ''),
        severity,
        source: row.declaration,
        code: row.id,
      });
    }
  }
  for (const v of validation) {
    if (schemaInEditor && SCHEMA_DUPLICATES.test(v.message)) continue;
    add(v.file, {
      startLineNumber: v.line,
      endLineNumber: v.line,
      startColumn: 1,
      endColumn: 1_000,
      message: v.message,
      severity: Severity.Error,
      source: 'kubernetes',
    });
  }
  for (const d of report?.diagnostics ?? []) {
    const file = (d as { file?: string }).file;
    // Plain syntax errors already come from monaco-yaml; ours add the guard rails it lacks.
    if (!file || d.code === 'yaml-syntax') continue;
    const line = d.line ?? 1;
    add(file, {
      startLineNumber: line,
      endLineNumber: line,
      startColumn: 1,
      endColumn: 1_000,
      message: d.message,
      severity: d.severity === 'error' ? Severity.Error : Severity.Warning,
      source: 'yaml',
      code: d.code,
    });
  }
  return out;
}
