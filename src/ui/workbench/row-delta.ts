/**
 * Parity rows across the worker boundary as a delta. A keystroke in a 300-resource design
 * changes a handful of its ~7,600 rows, yet structured-cloning the whole report cost the main
 * thread 200–300 ms per check. The worker now sends, for each row, either the index of an equal
 * row in the report it sent last or the row itself; the page rebuilds the list from the rows it
 * already holds. Unchanged rows keep their object identity, so memoised table rows skip at once.
 *
 * Both ends hold the last report, and replies arrive in order, so they stay in step; a fresh
 * worker (after a crash) starts both from nothing.
 */
import equal from 'fast-deep-equal';
import type { ParityRow } from '../../core/parity/types';

/** The index of a row in the previous report, or a row the receiver has not seen. */
export type RowRef = number | ParityRow;

export interface RowEncoder {
  encode(rows: readonly ParityRow[]): RowRef[];
}

export interface RowDecoder {
  decode(refs: readonly RowRef[]): ParityRow[];
  /** Forget the previous report (the worker was replaced). */
  reset(): void;
}

export function createRowEncoder(): RowEncoder {
  let prev: readonly ParityRow[] = [];
  let indexById = new Map<string, number>();
  return {
    encode(rows) {
      const refs = rows.map((r): RowRef => {
        const i = indexById.get(r.id);
        return i !== undefined && equal(prev[i], r) ? i : r;
      });
      prev = rows;
      indexById = new Map(rows.map((r, i) => [r.id, i]));
      return refs;
    },
  };
}

export function createRowDecoder(): RowDecoder {
  let prev: readonly ParityRow[] = [];
  return {
    decode(refs) {
      const rows = refs.map((x) => {
        if (typeof x !== 'number') return x;
        const r = prev[x];
        // Only a protocol bug gets here; failing loudly beats showing another row's verdict.
        if (!r) throw new Error(`parity reply refers to row ${x} of a report with ${prev.length} rows`);
        return r;
      });
      prev = rows;
      return rows;
    },
    reset() {
      prev = [];
    },
  };
}
