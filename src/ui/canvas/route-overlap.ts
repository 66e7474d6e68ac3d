/**
 * Where two different edges run on top of each other: collinear axis-aligned segments that
 * share more than `tolerance` of their length. Two such edges read as one line (which of them
 * goes where cannot be told), so layout and routing keep this at zero.
 */
import type { XY } from '../../core/model/design';

export interface SharedRun {
  a: string;
  b: string;
  /** Length of the shared stretch, in the routes' units. */
  length: number;
}

interface Seg {
  id: string;
  /** The fixed coordinate (y of a horizontal segment, x of a vertical one). */
  at: number;
  lo: number;
  hi: number;
}

export function sharedRuns(routes: ReadonlyMap<string, readonly XY[]>, tolerance = 4): SharedRun[] {
  const horizontal: Seg[] = [];
  const vertical: Seg[] = [];
  for (const [id, pts] of routes)
    for (let i = 1; i < pts.length; i++) {
      const p = pts[i - 1]!;
      const q = pts[i]!;
      if (Math.abs(p.y - q.y) < 0.5 && Math.abs(p.x - q.x) >= 0.5)
        horizontal.push({ id, at: p.y, lo: Math.min(p.x, q.x), hi: Math.max(p.x, q.x) });
      else if (Math.abs(p.x - q.x) < 0.5 && Math.abs(p.y - q.y) >= 0.5)
        vertical.push({ id, at: p.x, lo: Math.min(p.y, q.y), hi: Math.max(p.y, q.y) });
    }
  const out: SharedRun[] = [];
  for (const segs of [horizontal, vertical]) {
    segs.sort((s, t) => s.at - t.at || s.lo - t.lo);
    for (let i = 0; i < segs.length; i++)
      for (let j = i + 1; j < segs.length && segs[j]!.at - segs[i]!.at < 0.5; j++) {
        const s = segs[i]!;
        const t = segs[j]!;
        const length = Math.min(s.hi, t.hi) - Math.max(s.lo, t.lo);
        if (s.id !== t.id && length > tolerance) out.push({ a: s.id, b: t.id, length });
      }
  }
  return out;
}
