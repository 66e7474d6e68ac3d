import { describe, expect, it } from 'vitest';
import type { ParityRow } from '../../core/parity/types';
import { groupRows, resourcesOf, sameRow, tableLines } from './group-rows';

const row = (id: string, resource: string, status: ParityRow['status'], line = 1): ParityRow => ({
  id,
  rule: 'r',
  resource,
  status,
  declaration: 'd',
  requirement: 'q',
  evidence: [{ file: `${resource}.yaml`, line }],
});
const rows = [
  row('1', 'trip-api', 'pass'),
  row('2', 'catalog', 'fail'),
  row('3', 'trip-api', 'warn'),
  row('4', 'catalog', 'pass'),
];

describe('groupRows', () => {
  it('groups by resource, worst group first, rows worst first, with counts and the worst status', () => {
    const g = groupRows(rows, 'all', '');
    expect(g.map((x) => x.resource)).toEqual(['catalog', 'trip-api']);
    expect(g[1]!.counts).toEqual({ pass: 1, fail: 0, warn: 1, unknown: 0 });
    expect(g[1]!.worst).toBe('warn');
    expect(g[1]!.rows.map((r) => r.id)).toEqual(['3', '1']);
    expect(g[0]!.worst).toBe('fail');
  });

  it('keeps policy lint rows in their own section after the App Host relationships', () => {
    const lint = { ...row('9', 'catalog', 'fail'), rule: 'kube-linter:latest-tag' };
    const g = groupRows([lint, ...rows], 'all', '');
    expect(g.map((x) => `${x.section}:${x.resource}`)).toEqual([
      'apphost:catalog',
      'apphost:trip-api',
      'policy:catalog',
    ]);
  });

  it('filters by status and by resource', () => {
    expect(groupRows(rows, 'fail', '').flatMap((x) => x.rows.map((r) => r.id))).toEqual(['2']);
    expect(groupRows(rows, 'all', 'catalog').flatMap((x) => x.rows.map((r) => r.id))).toEqual(['2', '4']);
    expect(groupRows(rows, 'pass', '').flatMap((x) => x.rows.map((r) => r.id))).toEqual(['1', '4']);
    expect(groupRows(rows, 'warn', 'catalog')).toEqual([]);
    expect(resourcesOf(rows)).toEqual(['trip-api', 'catalog']);
  });

  it('treats a row with moved evidence as changed, a fresh copy as unchanged', () => {
    expect(sameRow(row('1', 'a', 'pass'), row('1', 'a', 'pass'))).toBe(true);
    expect(sameRow(row('1', 'a', 'pass'), row('1', 'a', 'pass', 2))).toBe(false);
    expect(sameRow(row('1', 'a', 'pass'), row('1', 'a', 'fail'))).toBe(false);
    // The Fix button acts on the target: a row whose target moved must re-render.
    const withTarget = (i: number): ParityRow => ({
      ...row('1', 'a', 'fail'),
      fix: { text: 'f', snippet: 's', target: { file: 'a.yaml', path: ['spec', i] } },
    });
    expect(sameRow(withTarget(0), withTarget(1))).toBe(false);
  });
});

describe('tableLines', () => {
  it('lists the section, each heading, then the rows of open groups with their passes folded', () => {
    const groups = groupRows(rows, 'all', '');
    const show = (lines: ReturnType<typeof tableLines>) =>
      lines.map((l) =>
        l.kind === 'row'
          ? l.row.id
          : l.kind === 'section'
            ? `${l.section}(${l.count})`
            : l.kind === 'passes'
              ? `passes:${l.open}`
              : `${l.group.resource}:${l.open ? 'open' : 'closed'}`,
      );
    expect(show(tableLines(groups, (g) => g.worst === 'fail'))).toEqual([
      'apphost(4)',
      'catalog:open',
      '2',
      'passes:false',
      'trip-api:closed',
    ]);
    expect(
      show(
        tableLines(
          groups,
          (g) => g.worst === 'fail',
          () => true,
        ),
      ),
    ).toEqual(['apphost(4)', 'catalog:open', '2', 'passes:true', '4', 'trip-api:closed']);
  });
});
