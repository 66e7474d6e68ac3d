/**
 * Orthogonal routes around nodes for edges that have no (valid) elk route: a design opened with
 * its own positions, or nodes moved after the last auto layout. Shortest path with a penalty per
 * bend on a sparse grid whose lines run a clearance away from every node's sides (the classic
 * orthogonal-visibility construction), so a route never enters a node it does not join.
 * Runs when the design changes, never during a drag; big designs (> MAX_NODES) keep step paths.
 */
import type { XY } from '../../core/model/design';
import { segmentCrossesRect, type Rect } from './routes';

export const MAX_ROUTED_NODES = 80;
const CLEAR = 14;
const BEND = 30;

export interface RouteRequest {
  id: string;
  from: string;
  to: string;
}

/** Routes from each source's bottom centre to each target's top centre (the handles). */
export function routeEdges(rects: ReadonlyMap<string, Rect>, requests: readonly RouteRequest[]): Map<string, XY[]> {
  const out = new Map<string, XY[]>();
  if (requests.length === 0 || rects.size > MAX_ROUTED_NODES) return out;
  const all = [...rects.values()];
  const xsSet = new Set<number>();
  const ysSet = new Set<number>();
  for (const r of all) {
    xsSet
      .add(r.x - CLEAR)
      .add(r.x + r.w + CLEAR)
      .add(r.x + r.w / 2);
    ysSet.add(r.y - CLEAR).add(r.y + r.h + CLEAR);
  }
  const xs = [...xsSet].sort((a, b) => a - b);
  const ys = [...ysSet].sort((a, b) => a - b);
  const nx = xs.length;
  const ny = ys.length;
  // open[h|v][i]: can the grid step from point i to its right (h) / lower (v) neighbour be used?
  const openH = new Uint8Array(nx * ny);
  const openV = new Uint8Array(nx * ny);
  const pointFree = new Uint8Array(nx * ny);
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      const p = { x: xs[i]!, y: ys[j]! };
      pointFree[k] = all.some((r) => segmentCrossesRect(p, p, r, 0)) ? 0 : 1;
      if (i + 1 < nx) openH[k] = all.some((r) => segmentCrossesRect(p, { x: xs[i + 1]!, y: p.y }, r, 0)) ? 0 : 1;
      if (j + 1 < ny) openV[k] = all.some((r) => segmentCrossesRect(p, { x: p.x, y: ys[j + 1]! }, r, 0)) ? 0 : 1;
    }
  const xi = new Map(xs.map((x, i) => [x, i]));
  const yi = new Map(ys.map((y, j) => [y, j]));
  for (const req of requests) {
    const s = rects.get(req.from);
    const t = rects.get(req.to);
    if (!s || !t) continue;
    const sx = s.x + s.w / 2;
    const tx = t.x + t.w / 2;
    const a = xi.get(sx);
    const b = yi.get(s.y + s.h + CLEAR);
    const c = xi.get(tx);
    const d = yi.get(t.y - CLEAR);
    if (a === undefined || b === undefined || c === undefined || d === undefined) continue;
    const path = shortest(xs, ys, openH, openV, pointFree, b * nx + a, d * nx + c);
    if (path) out.set(req.id, simplify([{ x: sx, y: s.y + s.h }, ...path, { x: tx, y: t.y }]));
  }
  return out;
}

/** Dijkstra over (point, direction) with a bend penalty; returns the grid points of the route. */
function shortest(
  xs: number[],
  ys: number[],
  openH: Uint8Array,
  openV: Uint8Array,
  free: Uint8Array,
  start: number,
  goal: number,
): XY[] | undefined {
  const nx = xs.length;
  const n = nx * ys.length;
  const dist = new Float64Array(n * 4).fill(Infinity);
  const prev = new Int32Array(n * 4).fill(-1);
  const heap = new MinHeap();
  // Direction 3 (down) at the start: the route leaves the source downwards.
  dist[start * 4 + 3] = 0;
  heap.push(0, start * 4 + 3);
  while (heap.size) {
    const [dcur, st] = heap.pop();
    if (dcur > dist[st]!) continue;
    const k = st >> 2;
    const dir = st & 3;
    if (k === goal) return unwind(prev, st, xs, ys, nx);
    const i = k % nx;
    const j = (k - i) / nx;
    // 0 left, 1 right, 2 up, 3 down
    const steps: [number, number, boolean][] = [
      [0, k - 1, i > 0 && openH[k - 1] === 1],
      [1, k + 1, i + 1 < nx && openH[k] === 1],
      [2, k - nx, j > 0 && openV[k - nx] === 1],
      [3, k + nx, j + 1 < ys.length && openV[k] === 1],
    ];
    for (const [nd, nk, ok] of steps) {
      if (!ok || !free[nk]) continue;
      const len = nd < 2 ? Math.abs(xs[nk % nx]! - xs[i]!) : Math.abs(ys[(nk - (nk % nx)) / nx]! - ys[j]!);
      const cost = dcur + len + (nd === dir ? 0 : BEND);
      const ns = nk * 4 + nd;
      if (cost < dist[ns]!) {
        dist[ns] = cost;
        prev[ns] = st;
        heap.push(cost, ns);
      }
    }
  }
  return undefined;
}

function unwind(prev: Int32Array, end: number, xs: number[], ys: number[], nx: number): XY[] {
  const pts: XY[] = [];
  for (let s = end; s !== -1; s = prev[s]!) {
    const k = s >> 2;
    pts.push({ x: xs[k % nx]!, y: ys[(k - (k % nx)) / nx]! });
  }
  return pts.reverse();
}

/** Drop points that lie on a straight line between their neighbours. */
function simplify(pts: XY[]): XY[] {
  const out: XY[] = [];
  for (const p of pts) {
    const a = out[out.length - 2];
    const b = out[out.length - 1];
    if (b && b.x === p.x && b.y === p.y) continue;
    if (a && b && ((a.x === b.x && b.x === p.x) || (a.y === b.y && b.y === p.y))) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

class MinHeap {
  private keys: number[] = [];
  private vals: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(key: number, val: number): void {
    const { keys, vals } = this;
    let i = keys.length;
    keys.push(key);
    vals.push(val);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= key) break;
      keys[i] = keys[p]!;
      vals[i] = vals[p]!;
      i = p;
    }
    keys[i] = key;
    vals[i] = val;
  }
  pop(): [number, number] {
    const { keys, vals } = this;
    const top: [number, number] = [keys[0]!, vals[0]!];
    const k = keys.pop()!;
    const v = vals.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && keys[r]! < keys[l]! ? r : l;
        if (keys[c]! >= k) break;
        keys[i] = keys[c]!;
        vals[i] = vals[c]!;
        i = c;
      }
      keys[i] = k;
      vals[i] = v;
    }
    return top;
  }
}
