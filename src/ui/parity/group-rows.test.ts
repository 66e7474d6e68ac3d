import { describe, expect, it } from 'vitest';
import type { ParityRow } from '../../core/parity/types';
import { groupRows, resourcesOf, sameRow, tableLines } from './group-rows';

const row = (id: string, resource: string, status: ParityRow['status'], line = 1): ParityRow => ({ id, rule: 'r', resource, status, declaration: 'd', requirement: 'q', evidence: [{ file: `${resource}.yaml`, line }] });
const rows = [row('1', 'trip-api', 'pass'), row('2', 'catalog', 'fail'), row('3', 'trip-api', 'warn'), row('4', 'catalog', 'pass')];

describe('groupRows', () => {
  it('groups by resource in first-seen order with counts and the worst status', () => {
    const g = groupRows(rows, 'all', '');
    expect(g.map((x) => x.resource)).toEqual(['trip-api', 'catalog']);
    expect(g[0]!.counts).toEqual({ pass: 1, fail: 0, warn: 1, unknown: 0 });
    expect(g[0]!.worst).toBe('warn');
    expect(g[1]!.worst).toBe('fail');
  });

  it('filters by status and by resource', () => {
    expect(groupRows(rows, 'fail', '').flatMap((x) => x.rows.map((r) => r.id))).toEqual(['2']);
    expect(groupRows(rows, 'all', 'catalog').flatMap((x) => x.rows.map((r) => r.id))).toEqual(['2', '4']);
    expect(groupRows(rows, 'warn', 'catalog')).toEqual([]);
    expect(resourcesOf(rows)).toEqual(['trip-api', 'catalog']);
  });

  it('treats a row with moved evidence as changed, a fresh copy as unchanged', () => {
    expect(sameRow(row('1', 'a', 'pass'), row('1', 'a', 'pass'))).toBe(true);
    expect(sameRow(row('1', 'a', 'pass'), row('1', 'a', 'pass', 2))).toBe(false);
    expect(sameRow(row('1', 'a', 'pass'), row('1', 'a', 'fail'))).toBe(false);
    // The Fix button acts on the target: a row whose target moved must re-render.
    const withTarget = (i: number): ParityRow => ({ ...row('1', 'a', 'fail'), fix: { text: 'f', snippet: 's', target: { file: 'a.yaml', path: ['spec', i] } } });
    expect(sameRow(withTarget(0), withTarget(1))).toBe(false);
  });
});

describe('tableLines', () => {
  it('lists each heading, then the rows of open groups only', () => {
    const groups = groupRows(rows, 'all', '');
    const lines = tableLines(groups, (g) => g.worst === 'fail');
    expect(lines.map((l) => (l.kind === 'group' ? `${l.group.resource}:${l.open ? 'open' : 'closed'}` : l.row.id))).toEqual(['trip-api:closed', 'catalog:open', '2', '4']);
  });
});
