/**
 * Orthogonal routes around nodes for edges that have no (valid) elk route: a design opened with
 * its own positions, or nodes moved after the last auto layout. Shortest path with a penalty per
 * bend on a sparse grid whose lines run a clearance away from every node's sides (the classic
 * orthogonal-visibility construction), so a route never enters a node it does not join.
 * Runs when the design changes, never during a drag, at any design size: the grid's blocked
 * steps are marked per node (each node marks only the grid lines through it), and each route is
 * an A* search that explores a corridor between its ends, not the whole grid.
 */
import type { XY } from '../../core/model/design';
import type { Rect } from './routes';

const CLEAR = 14;
const BEND = 30;
/** A search that expands this many states gives up (the edge keeps a step path). */
const MAX_EXPANSIONS = 200_000;

export interface RouteRequest {
  id: string;
  from: string;
  to: string;
}

/** First index whose value is > v (strict) or >= v. */
function bound(sorted: readonly number[], v: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? sorted[mid]! <= v : sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Grid {
  xs: number[];
  ys: number[];
  /** Blocked: the point, the step to its right neighbour, the step to its lower neighbour. */
  point: Uint8Array;
  right: Uint8Array;
  down: Uint8Array;
}

function buildGrid(all: readonly Rect[], portXs: readonly number[]): Grid {
  const xsSet = new Set<number>();
  const ysSet = new Set<number>();
  for (const r of all) {
    xsSet
      .add(r.x - CLEAR)
      .add(r.x + r.w + CLEAR)
      .add(r.x + r.w / 2);
    ysSet.add(r.y - CLEAR).add(r.y + r.h + CLEAR);
  }
  for (const x of portXs) xsSet.add(x);
  const xs = [...xsSet].sort((a, b) => a - b);
  const ys = [...ysSet].sort((a, b) => a - b);
  const nx = xs.length;
  const point = new Uint8Array(nx * ys.length);
  const right = new Uint8Array(nx * ys.length);
  const down = new Uint8Array(nx * ys.length);
  for (const r of all) {
    // Grid lines strictly inside the node, and the steps that cross into it.
    const i0 = bound(xs, r.x, true);
    const i1 = bound(xs, r.x + r.w, false);
    const j0 = bound(ys, r.y, true);
    const j1 = bound(ys, r.y + r.h, false);
    for (let j = j0; j < j1; j++) {
      for (let i = i0; i < i1; i++) point[j * nx + i] = 1;
      for (let i = Math.max(0, i0 - 1); i < i1 && i + 1 < nx; i++) right[j * nx + i] = 1;
    }
    for (let i = i0; i < i1; i++)
      for (let j = Math.max(0, j0 - 1); j < j1 && j + 1 < ys.length; j++) down[j * nx + i] = 1;
  }
  return { xs, ys, point, right, down };
}

/** Between two edge ends on one side of a node (as in elk-graph.ts). */
const PORT_GAP = 14;

/**
 * Where each request leaves its source (bottom side) and enters its target (top side): one
 * spot per edge end, spread round the middle and ordered by where the other end is, so edges
 * into one node do not share their last segment (they would read as one line).
 */
function portsOf(rects: ReadonlyMap<string, Rect>, requests: readonly RouteRequest[]) {
  const centre = (n: string) => {
    const r = rects.get(n)!;
    return r.x + r.w / 2;
  };
  const outs = new Map<string, RouteRequest[]>();
  const ins = new Map<string, RouteRequest[]>();
  for (const q of requests) {
    if (!rects.has(q.from) || !rects.has(q.to)) continue;
    outs.set(q.from, [...(outs.get(q.from) ?? []), q]);
    ins.set(q.to, [...(ins.get(q.to) ?? []), q]);
  }
  const from = new Map<string, number>();
  const to = new Map<string, number>();
  const spread = (node: string, list: RouteRequest[], other: (q: RouteRequest) => string, out: Map<string, number>) => {
    const r = rects.get(node)!;
    const gap = Math.min(PORT_GAP, r.w / (list.length + 1));
    list
      .sort((a, b) => centre(other(a)) - centre(other(b)))
      .forEach((q, i) => out.set(q.id, Math.round(r.x + r.w / 2 + (i - (list.length - 1) / 2) * gap)));
  };
  for (const [n, list] of outs) spread(n, list, (q) => q.to, from);
  for (const [n, list] of ins) spread(n, list, (q) => q.from, to);
  return { from, to };
}

/** Routes from each source's bottom side to each target's top side, one port per edge end. */
export function routeEdges(rects: ReadonlyMap<string, Rect>, requests: readonly RouteRequest[]): Map<string, XY[]> {
  const out = new Map<string, XY[]>();
  if (requests.length === 0) return out;
  const ports = portsOf(rects, requests);
  const grid = buildGrid([...rects.values()], [...ports.from.values(), ...ports.to.values()]);
  const { xs, ys } = grid;
  const nx = xs.length;
  const xi = new Map(xs.map((x, i) => [x, i]));
  const yi = new Map(ys.map((y, j) => [y, j]));
  for (const req of requests) {
    const s = rects.get(req.from);
    const t = rects.get(req.to);
    const sx = ports.from.get(req.id);
    const tx = ports.to.get(req.id);
    if (!s || !t || sx === undefined || tx === undefined) continue;
    const a = xi.get(sx);
    const b = yi.get(s.y + s.h + CLEAR);
    const c = xi.get(tx);
    const d = yi.get(t.y - CLEAR);
    if (a === undefined || b === undefined || c === undefined || d === undefined) continue;
    const path = shortest(grid, b * nx + a, d * nx + c);
    if (path) out.set(req.id, simplify([{ x: sx, y: s.y + s.h }, ...path, { x: tx, y: t.y }]));
  }
  return out;
}

/** A* over (point, direction) with a bend penalty; returns the grid points of the route. */
function shortest(grid: Grid, start: number, goal: number): XY[] | undefined {
  const { xs, ys, point, right, down } = grid;
  const nx = xs.length;
  const gx = xs[goal % nx]!;
  const gy = ys[(goal - (goal % nx)) / nx]!;
  const h = (k: number) => Math.abs(xs[k % nx]! - gx) + Math.abs(ys[(k - (k % nx)) / nx]! - gy);
  const dist = new Map<number, number>();
  const prev = new Map<number, number>();
  const heap = new MinHeap();
  // Direction 3 (down) at the start: the route leaves the source downwards.
  dist.set(start * 4 + 3, 0);
  heap.push(h(start), start * 4 + 3);
  for (let expanded = 0; heap.size && expanded < MAX_EXPANSIONS; expanded++) {
    const [, st] = heap.pop();
    const dcur = dist.get(st)!;
    const k = st >> 2;
    const dir = st & 3;
    if (k === goal) return unwind(prev, st, xs, ys, nx);
    const i = k % nx;
    const j = (k - i) / nx;
    // 0 left, 1 right, 2 up, 3 down
    const steps: [number, number, boolean][] = [
      [0, k - 1, i > 0 && right[k - 1] === 0],
      [1, k + 1, i + 1 < nx && right[k] === 0],
      [2, k - nx, j > 0 && down[k - nx] === 0],
      [3, k + nx, j + 1 < ys.length && down[k] === 0],
    ];
    for (const [nd, nk, ok] of steps) {
      if (!ok || point[nk]) continue;
      const len = nd < 2 ? Math.abs(xs[nk % nx]! - xs[i]!) : Math.abs(ys[(nk - (nk % nx)) / nx]! - ys[j]!);
      const cost = dcur + len + (nd === dir ? 0 : BEND);
      const ns = nk * 4 + nd;
      if (cost < (dist.get(ns) ?? Infinity)) {
        dist.set(ns, cost);
        prev.set(ns, st);
        heap.push(cost + h(nk), ns);
      }
    }
  }
  return undefined;
}

function unwind(prev: ReadonlyMap<number, number>, end: number, xs: number[], ys: number[], nx: number): XY[] {
  const pts: XY[] = [];
  for (let s: number | undefined = end; s !== undefined; s = prev.get(s)) {
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
