/**
 * The route of every edge of the design: elk's from the last auto layout while still valid,
 * else the router's from the previous call while still valid, else a new one from the
 * orthogonal router (never through a node), else none (a step path). Keeping the previous
 * routes makes a drag's end re-route only the edges of the moved nodes and those they now
 * stand on, whatever the design's size.
 */
import { positionOf, type XY } from '../../core/model/design';
import type { Topology } from '../../core/model/topology';
import { NODE_HEIGHT, nodeWidth } from './node-size';
import { routeEdges, type RouteRequest } from './orthogonal-router';
import { validRoutes, type Rect, type RouteSet } from './routes';

export function designRoutes(
  set: RouteSet,
  topology: Topology,
  positions: Record<string, XY>,
  previous?: RouteSet,
): Map<string, XY[]> {
  const rects = new Map<string, Rect>();
  for (const r of topology.resources) {
    const p = positionOf(positions, r.name);
    if (p) rects.set(r.name, { x: p.x, y: p.y, w: nodeWidth(r.name), h: NODE_HEIGHT });
  }
  const valid = validRoutes(set, positions, (n) => rects.get(n));
  if (previous)
    for (const [id, pts] of validRoutes(previous, positions, (n) => rects.get(n)))
      if (!valid.has(id)) valid.set(id, pts);
  const missing: RouteRequest[] = [];
  for (const ref of topology.references) {
    const id = `ref:${ref.from}->${ref.to}`;
    if (!valid.has(id) && ref.from !== ref.to) missing.push({ id, from: ref.from, to: ref.to });
  }
  for (const r of topology.resources) {
    const id = `parent:${r.parent}->${r.name}`;
    if (r.parent && !valid.has(id)) missing.push({ id, from: r.parent, to: r.name });
  }
  for (const [id, pts] of routeEdges(rects, missing)) valid.set(id, pts);
  return valid;
}
