/**
 * Parity rows → resource groups for the table, after the status and resource filters. Groups
 * keep the engine's order of first appearance; each carries its own counts so a collapsed
 * group still says what is inside.
 */
import equal from 'fast-deep-equal';
import { worstStatus } from '../../core/parity/status-rank';
import type { ParityRow, ParityStatus, ParitySummary } from '../../core/parity/types';

export interface RowGroup {
  resource: string;
  rows: ParityRow[];
  counts: ParitySummary;
  worst: ParityStatus;
}

export function groupRows(rows: readonly ParityRow[], status: ParityStatus | 'all', resource: string): RowGroup[] {
  const groups = new Map<string, RowGroup>();
  for (const r of rows) {
    if (status !== 'all' && r.status !== status) continue;
    if (resource && r.resource !== resource) continue;
    let g = groups.get(r.resource);
    if (!g) {
      g = { resource: r.resource, rows: [], counts: { pass: 0, fail: 0, warn: 0, unknown: 0 }, worst: 'pass' };
      groups.set(r.resource, g);
    }
    g.rows.push(r);
    g.counts[r.status]++;
    g.worst = worstStatus(g.worst, r.status);
  }
  return [...groups.values()];
}

/** Resource names in the order they first appear (the resource filter's options). */
export function resourcesOf(rows: readonly ParityRow[]): string[] {
  return [...new Set(rows.map((r) => r.resource))];
}

/**
 * The same row in every field: it need not re-render. Rows from the worker keep their identity
 * while unchanged (see row-delta), so this is mostly `===`; the full comparison covers the
 * in-process fallback and must include the fix's target, which the Fix button acts on.
 */
export function sameRow(a: ParityRow, b: ParityRow): boolean {
  return equal(a, b);
}

/** One line of the table as it scrolls: a group's heading, or one of its rows while it is open. */
export type TableLine = { kind: 'group'; key: string; group: RowGroup; open: boolean } | { kind: 'row'; key: string; row: ParityRow };

/** Heading keys carry this prefix; row keys are row ids, which never start with it. */
export const GROUP_KEY = 'group:';

/**
 * Groups → the lines the table shows, in order. The table is virtualised over this list, so a
 * 9,000-row report costs the DOM only the lines on screen.
 */
export function tableLines(groups: readonly RowGroup[], isOpen: (group: RowGroup) => boolean): TableLine[] {
  const lines: TableLine[] = [];
  for (const group of groups) {
    const open = isOpen(group);
    lines.push({ kind: 'group', key: `${GROUP_KEY}${group.resource}`, group, open });
    if (open) for (const row of group.rows) lines.push({ kind: 'row', key: row.id, row });
  }
  return lines;
}
