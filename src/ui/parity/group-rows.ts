/**
 * Parity rows → a triage list: App Host relationships apart from policy lint (kube-linter,
 * kube-score, Polaris), each section by resource, worst first (failures, warnings, unknown,
 * then passing groups), rows inside a group worst first with the passes folded behind one line.
 * Each group carries its counts so a collapsed group still says what is inside.
 */
import equal from 'fast-deep-equal';
import { compareStatus, worstStatus } from '../../core/parity/status-rank';
import type { ParityRow, ParityStatus, ParitySummary } from '../../core/parity/types';

export type Section = 'apphost' | 'policy';

export const SECTION_TITLE: Record<Section, string> = {
  apphost: 'App Host relationships',
  policy: 'Policy lint (kube-linter, kube-score, Polaris)',
};

export interface RowGroup {
  section: Section;
  resource: string;
  /** Unique across sections. */
  key: string;
  /** Worst first; passes last. */
  rows: ParityRow[];
  counts: ParitySummary;
  worst: ParityStatus;
}

/** Generic lint rows (their rule is the upstream linter's id), as opposed to App Host relationships. */
export function sectionOf(row: ParityRow): Section {
  return /^(kube-linter|kube-score|polaris):/.test(row.rule) ? 'policy' : 'apphost';
}

export function groupRows(rows: readonly ParityRow[], status: ParityStatus | 'all', resource: string): RowGroup[] {
  const groups = new Map<string, RowGroup>();
  for (const r of rows) {
    if (status !== 'all' && r.status !== status) continue;
    if (resource && r.resource !== resource) continue;
    const section = sectionOf(r);
    const key = `${section}:${r.resource}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        section,
        resource: r.resource,
        key,
        rows: [],
        counts: { pass: 0, fail: 0, warn: 0, unknown: 0 },
        worst: 'pass',
      };
      groups.set(key, g);
    }
    g.rows.push(r);
    g.counts[r.status]++;
    g.worst = worstStatus(g.worst, r.status);
  }
  const out = [...groups.values()];
  // Array.prototype.sort is stable: equal groups and rows keep the engine's order.
  for (const g of out) g.rows.sort((a, b) => compareStatus(b.status, a.status));
  return out.sort((a, b) =>
    a.section === b.section ? compareStatus(b.worst, a.worst) : a.section === 'apphost' ? -1 : 1,
  );
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

/** One line of the table as it scrolls: a section title, a group's heading, a group's folded passes, or a row. */
export type TableLine =
  | { kind: 'section'; key: string; section: Section; count: number }
  | { kind: 'group'; key: string; group: RowGroup; open: boolean }
  | { kind: 'passes'; key: string; group: RowGroup; open: boolean }
  | { kind: 'row'; key: string; row: ParityRow };

/** Heading keys (section, group, passes) carry these prefixes; row keys are row ids, which never do. */
export const GROUP_KEY = 'group:';
export const SECTION_KEY = 'section:';
export const PASSES_KEY = 'passes:';

/**
 * Groups → the lines the table shows, in order. The table is virtualised over this list, so a
 * 9,000-row report costs the DOM only the lines on screen. In an open group the passing rows
 * sit behind a "N passing" line unless `passesOpen` (or the group passes entirely).
 */
export function tableLines(
  groups: readonly RowGroup[],
  isOpen: (group: RowGroup) => boolean,
  passesOpen: (group: RowGroup) => boolean = () => false,
): TableLine[] {
  const lines: TableLine[] = [];
  let section: Section | undefined;
  for (const group of groups) {
    if (group.section !== section) {
      section = group.section;
      const count = groups.filter((g) => g.section === section).reduce((n, g) => n + g.rows.length, 0);
      lines.push({ kind: 'section', key: `${SECTION_KEY}${section}`, section, count });
    }
    const open = isOpen(group);
    lines.push({ kind: 'group', key: `${GROUP_KEY}${group.key}`, group, open });
    if (!open) continue;
    const folded = group.worst !== 'pass' && group.counts.pass > 0;
    const showPasses = !folded || passesOpen(group);
    for (const row of group.rows) if (row.status !== 'pass') lines.push({ kind: 'row', key: row.id, row });
    if (folded) lines.push({ kind: 'passes', key: `${PASSES_KEY}${group.key}`, group, open: showPasses });
    if (showPasses)
      for (const row of group.rows) if (row.status === 'pass') lines.push({ kind: 'row', key: row.id, row });
  }
  return lines;
}

/** A heading line (section, group or folded passes), as opposed to a row. */
export function isHeadingKey(key: string): boolean {
  return key.startsWith(GROUP_KEY) || key.startsWith(SECTION_KEY) || key.startsWith(PASSES_KEY);
}
