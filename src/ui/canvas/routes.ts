/**
 * Edge routes from the last auto layout (elk's orthogonal edge sections), kept outside the
 * design (they are derived, not saved, not undoable). A route is drawn only while the nodes it
 * was computed for are where layout put them and no moved node sits on it; otherwise the edge
 * falls back to a plain step path until the next auto layout.
 */
import { create } from 'zustand';
import type { XY } from '../../core/model/design';

export interface RouteSet {
  /** Edge id → polyline (flow coordinates), first point on the source, last on the target. */
  routes: Record<string, XY[]>;
  /** Node positions the routes were computed for. */
  positions: Record<string, XY>;
}

export const useRoutes = create<RouteSet>(() => ({ routes: {}, positions: {} }));

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Does the axis-aligned segment a→b pass through the inside of `r` (its border excluded)? */
export function segmentCrossesRect(a: XY, b: XY, r: Rect, inset = 1): boolean {
  const x0 = r.x + inset;
  const x1 = r.x + r.w - inset;
  const y0 = r.y + inset;
  const y1 = r.y + r.h - inset;
  const minX = Math.min(a.x, b.x);
  const maxX = Math.max(a.x, b.x);
  const minY = Math.min(a.y, b.y);
  const maxY = Math.max(a.y, b.y);
  return maxX > x0 && minX < x1 && maxY > y0 && minY < y1;
}

export function routeCrossesRect(points: readonly XY[], r: Rect): boolean {
  for (let i = 1; i < points.length; i++) if (segmentCrossesRect(points[i - 1]!, points[i]!, r)) return true;
  return false;
}

/**
 * The routes still valid for the current positions: both ends unmoved and no moved or new node
 * on the way. `rectOf` gives a node's current rectangle.
 */
export function validRoutes(
  set: RouteSet,
  positions: Record<string, XY>,
  rectOf: (name: string) => Rect | undefined,
): Map<string, XY[]> {
  const moved: string[] = [];
  for (const [name, p] of Object.entries(positions)) {
    const q = set.positions[name];
    if (!q || q.x !== p.x || q.y !== p.y) moved.push(name);
  }
  const movedSet = new Set(moved);
  const movedRects = moved.map(rectOf).filter((r): r is Rect => !!r);
  const out = new Map<string, XY[]>();
  for (const [id, points] of Object.entries(set.routes)) {
    const ends = edgeEnds(id);
    if (!ends || !(ends[0] in positions) || !(ends[1] in positions)) continue;
    if (movedSet.has(ends[0]) || movedSet.has(ends[1])) continue;
    if (movedRects.some((r) => routeCrossesRect(points, r))) continue;
    out.set(id, points);
  }
  return out;
}

/** Edge ids are "ref:from->to" and "parent:server->db" (to-flow.ts). */
export function edgeEnds(id: string): [string, string] | undefined {
  const m = /^(?:ref|parent):(.+?)->(.+)$/.exec(id);
  return m ? [m[1]!, m[2]!] : undefined;
}
