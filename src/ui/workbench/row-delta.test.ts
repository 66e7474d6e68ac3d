import { describe, expect, it } from 'vitest';
import type { ParityRow } from '../../core/parity/types';
import { createRowDecoder, createRowEncoder, type RowRef } from './row-delta';

const row = (id: string, status: ParityRow['status'] = 'pass', line = 1): ParityRow => ({
  id,
  rule: id.split(':')[0]!,
  resource: 'api',
  declaration: `AddProject("api")`,
  requirement: 'r',
  status,
  evidence: [{ file: 'api.yaml', line }],
  fix: { text: 'fix it', target: { file: 'api.yaml', path: ['spec', 0] } },
});

/** One check's trip through the worker boundary, cloned as postMessage would. */
function trip(
  enc: ReturnType<typeof createRowEncoder>,
  dec: ReturnType<typeof createRowDecoder>,
  rows: ParityRow[],
): { refs: RowRef[]; got: ParityRow[] } {
  const refs = structuredClone(enc.encode(rows));
  return { refs, got: dec.decode(refs) };
}

describe('parity rows as a delta across the worker boundary', () => {
  it('sends only changed and new rows, and the page keeps the objects of the rest', () => {
    const enc = createRowEncoder();
    const dec = createRowDecoder();
    const first = trip(enc, dec, [row('a:1'), row('b:1'), row('c:1')]);
    expect(first.refs.every((r) => typeof r === 'object')).toBe(true);
    expect(first.got).toEqual([row('a:1'), row('b:1'), row('c:1')]);

    // b fails now (deep change: its evidence line), c is gone, d is new and a moved.
    const second = trip(enc, dec, [row('d:1'), row('b:1', 'fail', 7), row('a:1')]);
    expect(second.refs).toEqual([row('d:1'), row('b:1', 'fail', 7), 0]);
    expect(second.got).toEqual([row('d:1'), row('b:1', 'fail', 7), row('a:1')]);
    expect(second.got[2]).toBe(first.got[0]);

    // A change deep inside the fix's target path is a change.
    const changedPath = { ...row('a:1'), fix: { text: 'fix it', target: { file: 'api.yaml', path: ['spec', 1] } } };
    const third = trip(enc, dec, [row('d:1'), row('b:1', 'fail', 7), changedPath]);
    expect(third.refs).toEqual([0, 1, changedPath]);
    expect(third.got[0]).toBe(second.got[0]);
    expect(third.got[2]).toEqual(changedPath);
  });

  it('an index the page cannot resolve is an error, and reset starts both ends afresh', () => {
    const dec = createRowDecoder();
    expect(() => dec.decode([0])).toThrow(/row 0 of a report with 0 rows/);
    dec.decode([row('a:1')]);
    dec.reset();
    expect(() => dec.decode([0])).toThrow(/row 0/);
    // A fresh worker's encoder sends everything, which a reset decoder accepts.
    expect(dec.decode(createRowEncoder().encode([row('a:1')]))).toEqual([row('a:1')]);
  });
});
