/**
 * Where a new node lands: free space (no overlap with any node, with a margin) near `around`,
 * inside the visible part of the canvas when there is room there, never under a panel (the
 * canvas's visible rectangle excludes the minimap strip; panels are docked beside the canvas).
 * A database lands beside its server, after the server's other databases.
 */
import { positionOf, type XY } from '../../core/model/design';
import type { Topology } from '../../core/model/topology';
import { canvasApi } from '../canvas/canvas-api';
import { NODE_HEIGHT, NODE_MIN_WIDTH, nodeWidth } from '../canvas/node-size';
import type { Rect } from '../canvas/routes';

const MARGIN = 24;

function rectsOf(positions: Record<string, XY>): Rect[] {
  return Object.entries(positions).map(([name, p]) => ({ x: p.x, y: p.y, w: nodeWidth(name), h: NODE_HEIGHT }));
}

function isFree(rects: readonly Rect[], p: XY, w: number): boolean {
  return rects.every(
    (q) =>
      p.x >= q.x + q.w + MARGIN ||
      q.x >= p.x + w + MARGIN ||
      p.y >= q.y + q.h + MARGIN ||
      q.y >= p.y + NODE_HEIGHT + MARGIN,
  );
}

function inside(p: XY, w: number, v: Rect | undefined): boolean {
  return !v || (p.x >= v.x && p.y >= v.y && p.x + w <= v.x + v.w && p.y + NODE_HEIGHT <= v.y + v.h);
}

/** A free spot for a node `w` wide whose centre is near `around` (spiral search on a grid). */
export function freeSpot(
  positions: Record<string, XY>,
  around: XY,
  visible: Rect | undefined = canvasApi.visibleRect(),
  w = NODE_MIN_WIDTH,
): XY {
  const rects = rectsOf(positions);
  const start = { x: Math.round(around.x - w / 2), y: Math.round(around.y - NODE_HEIGHT / 2) };
  const stepX = Math.round(w / 2);
  const stepY = Math.round((NODE_HEIGHT + MARGIN) / 2);
  let outside: XY | undefined;
  for (let ring = 0; ring < 60; ring++) {
    for (let dx = -ring; dx <= ring; dx++)
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const p = { x: start.x + dx * stepX, y: start.y + dy * stepY };
        if (!isFree(rects, p, w)) continue;
        if (inside(p, w, visible)) return p;
        outside ??= p;
      }
  }
  // The visible part is full: the nearest free spot anywhere (the caller scrolls to it).
  return outside ?? start;
}

/** A new database's spot: right of its server's row (after its databases), else free space near it. */
export function besideServer(topology: Topology, positions: Record<string, XY>, server: string): XY | undefined {
  const s = positionOf(positions, server);
  if (!s) return undefined;
  let right = s.x + nodeWidth(server);
  for (const r of topology.resources) {
    const p = r.parent === server ? positionOf(positions, r.name) : undefined;
    if (p && p.y === s.y) right = Math.max(right, p.x + nodeWidth(r.name));
  }
  const want = { x: right + 28, y: s.y };
  const rects = rectsOf(positions);
  if (isFree(rects, want, NODE_MIN_WIDTH)) return want;
  return freeSpot(positions, { x: want.x + NODE_MIN_WIDTH / 2, y: want.y + NODE_HEIGHT / 2 }, undefined);
}
