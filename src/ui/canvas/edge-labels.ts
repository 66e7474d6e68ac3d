/**
 * Where each edge's label goes: on its own route, clear of every node and of every label placed
 * before it. Placed together (not per edge) because two edges in neighbouring tracks would
 * otherwise both put "waits" at their midpoints, one over the other. Label sizes are estimated
 * from the text (10 px font, see .redge-label), so this runs without the DOM.
 */
import { positionOf, type XY } from '../../core/model/design';
import type { Reference, Topology } from '../../core/model/topology';
import { NODE_HEIGHT, nodeWidth } from './node-size';
import type { Rect } from './routes';

/** Only waits get a label: the kind is already in the stroke (colour and dash). */
export function edgeLabel(kind: Reference['kind'] | 'parent', waitFor: string | undefined): string | undefined {
  if (kind === 'wait-only') return waitFor === 'completion' ? 'waits (completion) only' : 'waits only';
  if (waitFor === 'completion') return 'waits (completion)';
  if (waitFor && waitFor !== 'none') return 'waits';
  return undefined;
}

export interface LabelRequest {
  id: string;
  text: string;
  route: readonly XY[];
}

const CHAR_W = 6;
const PAD_W = 12;
const LABEL_H = 16;
/** Keep this much air between a label and a node or another label. */
const GAP = 2;
/** Candidate spots along a segment are this far apart. */
const STEP = 12;

export function labelSize(text: string): { w: number; h: number } {
  return { w: text.length * CHAR_W + PAD_W, h: LABEL_H };
}

function meets(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP;
}

/** Spots along the route: each segment's middle first, longest segment first, then outwards. */
function candidates(route: readonly XY[]): XY[] {
  const segs: { a: XY; b: XY; len: number }[] = [];
  for (let i = 1; i < route.length; i++) {
    const a = route[i - 1]!;
    const b = route[i]!;
    segs.push({ a, b, len: Math.hypot(b.x - a.x, b.y - a.y) });
  }
  segs.sort((s, t) => t.len - s.len);
  const out: XY[] = [];
  for (const { a, b, len } of segs) {
    const n = Math.floor(len / 2 / STEP);
    for (let k = 0; k <= n; k++)
      for (const sign of k === 0 ? [0] : [-1, 1]) {
        const t = 0.5 + (sign * k * STEP) / Math.max(len, 1);
        out.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
      }
  }
  return out;
}

/**
 * Label centres by edge id. Edges with the fewest candidate spots go first; a label with no
 * clear spot takes the one overlapping least (it is still drawn: hiding it would hide a wait).
 */
export function placeLabels(requests: readonly LabelRequest[], nodes: readonly Rect[]): Map<string, XY> {
  const placed: Rect[] = [];
  const out = new Map<string, XY>();
  const jobs = requests
    .map((r) => ({ ...r, spots: candidates(r.route), size: labelSize(r.text) }))
    .sort((a, b) => a.spots.length - b.spots.length || a.id.localeCompare(b.id));
  for (const job of jobs) {
    // Only nodes near the route can be in the way.
    const xs = job.route.map((p) => p.x);
    const ys = job.route.map((p) => p.y);
    const near = {
      x: Math.min(...xs) - job.size.w,
      y: Math.min(...ys) - job.size.h,
      w: Math.max(...xs) - Math.min(...xs) + 2 * job.size.w,
      h: Math.max(...ys) - Math.min(...ys) + 2 * job.size.h,
    };
    const obstacles = nodes.filter((n) => meets(n, near));
    let best: { at: XY; hits: number } | undefined;
    for (const at of job.spots) {
      const box = { x: at.x - job.size.w / 2, y: at.y - job.size.h / 2, w: job.size.w, h: job.size.h };
      let hits = 0;
      for (const n of obstacles) if (meets(box, n)) hits++;
      for (const p of placed) if (meets(box, p)) hits++;
      if (!best || hits < best.hits) best = { at, hits };
      if (hits === 0) break;
    }
    if (!best) continue;
    out.set(job.id, best.at);
    placed.push({ x: best.at.x - job.size.w / 2, y: best.at.y - job.size.h / 2, w: job.size.w, h: job.size.h });
  }
  return out;
}

/** Label spots for the design's routed edges (edges without a route place their own label). */
export function labelSpots(
  topology: Topology,
  positions: Record<string, XY>,
  routes: ReadonlyMap<string, XY[]>,
): Map<string, XY> {
  const requests: LabelRequest[] = [];
  for (const ref of topology.references) {
    const id = `ref:${ref.from}->${ref.to}`;
    const text = edgeLabel(ref.kind, ref.waitFor);
    const route = routes.get(id);
    if (text && route && route.length > 1) requests.push({ id, text, route });
  }
  if (requests.length === 0) return new Map();
  const nodes: Rect[] = [];
  for (const r of topology.resources) {
    const p = positionOf(positions, r.name);
    if (p) nodes.push({ x: p.x, y: p.y, w: nodeWidth(r.name), h: NODE_HEIGHT });
  }
  return placeLabels(requests, nodes);
}
