import { describe, expect, it } from 'vitest';
import type { Topology } from '../../core/model/topology';
import { designRoutes } from './design-routes';
import { NODE_HEIGHT, nodeWidth } from './node-size';
import { routeEdges } from './orthogonal-router';
import { sharedRuns } from './route-overlap';
import { edgeEnds, routeCrossesRect, validRoutes, type Rect } from './routes';

const rect = (x: number, y: number, w = 200, h = 92): Rect => ({ x, y, w, h });

describe('routeEdges', () => {
  it('goes around a node standing between source and target, orthogonally', () => {
    const rects = new Map([
      ['a', rect(0, 0)],
      ['blocker', rect(0, 200)],
      ['b', rect(0, 400)],
    ]);
    const route = routeEdges(rects, [{ id: 'ref:a->b', from: 'a', to: 'b' }]).get('ref:a->b')!;
    expect(route[0]).toEqual({ x: 100, y: 92 });
    expect(route.at(-1)).toEqual({ x: 100, y: 400 });
    expect(routeCrossesRect(route, rects.get('blocker')!)).toBe(false);
    for (let i = 1; i < route.length; i++)
      expect(route[i]!.x === route[i - 1]!.x || route[i]!.y === route[i - 1]!.y).toBe(true);
  });

  it('routes a target that sits above its source without entering either', () => {
    const rects = new Map([
      ['a', rect(0, 300)],
      ['b', rect(300, 0)],
    ]);
    const route = routeEdges(rects, [{ id: 'e', from: 'a', to: 'b' }]).get('e')!;
    const inner = route.slice(1, -1);
    expect(routeCrossesRect(inner, rects.get('a')!)).toBe(false);
    expect(routeCrossesRect(inner, rects.get('b')!)).toBe(false);
  });
});

describe('edges into one node', () => {
  it('end on their own ports, so no two share a segment', () => {
    const rects = new Map([
      ['a', rect(0, 0)],
      ['b', rect(300, 0)],
      ['c', rect(600, 0)],
      ['t', rect(300, 400)],
    ]);
    const routes = routeEdges(
      rects,
      ['a', 'b', 'c'].map((f) => ({ id: `ref:${f}->t`, from: f, to: 't' })),
    );
    expect(routes.size).toBe(3);
    expect(new Set([...routes.values()].map((r) => r.at(-1)!.x)).size).toBe(3);
    expect(sharedRuns(routes)).toEqual([]);
  });
});

describe("routing a 300-node design (the drag benchmark's shape)", () => {
  const names = Array.from({ length: 300 }, (_, i) => `svc-${i}`);
  const positions = Object.fromEntries(names.map((n, i) => [n, { x: (i % 20) * 280, y: Math.floor(i / 20) * 140 }]));
  const topology = {
    name: 'big',
    resources: names.map((name) => ({ name, kind: 'container' })),
    references: names
      .slice(1)
      .map((n, k) => ({ from: n, to: `svc-${Math.floor((k + 1) / 2)}`, kind: 'service-discovery' })),
  } as unknown as Topology;
  const rectsOf = (pos: Record<string, { x: number; y: number }>) =>
    new Map(names.map((n) => [n, { x: pos[n]!.x, y: pos[n]!.y, w: nodeWidth(n), h: NODE_HEIGHT }]));

  it('routes every edge around the nodes (no size cap), and a move re-routes only what it broke', () => {
    const empty = { routes: {}, positions: {} };
    let t = performance.now();
    const all = designRoutes(empty, topology, positions);
    const full = performance.now() - t;
    expect(all.size).toBe(299);
    const rects = rectsOf(positions);
    for (const [id, pts] of all) {
      const [a, b] = edgeEnds(id)!;
      for (const [n, r] of rects)
        if (n !== a && n !== b) expect(routeCrossesRect(pts, r), `${id} through ${n}`).toBe(false);
    }
    // Move svc-150 below the grid, under column 10's routes: its own edges change, the rest stay.
    const moved = { ...positions, 'svc-150': { x: 10 * 280, y: 15 * 140 + 60 } };
    t = performance.now();
    const again = designRoutes(empty, topology, moved, { routes: Object.fromEntries(all), positions });
    const incremental = performance.now() - t;
    console.log(`300 nodes: all routes ${full.toFixed(1)} ms, after one move ${incremental.toFixed(1)} ms`);
    expect(again.size).toBe(299);
    const movedRects = rectsOf(moved);
    let kept = 0;
    for (const [id, pts] of again) {
      const [a, b] = edgeEnds(id)!;
      for (const [n, r] of movedRects)
        if (n !== a && n !== b) expect(routeCrossesRect(pts, r), `${id} through ${n}`).toBe(false);
      if (pts === all.get(id)) kept++;
    }
    expect(kept).toBeGreaterThan(280);
  });
});

describe('validRoutes', () => {
  it('keeps a layout route until an end moves or a moved node lands on it', () => {
    const set = {
      routes: {
        'ref:a->b': [
          { x: 100, y: 92 },
          { x: 100, y: 400 },
        ],
      },
      positions: { a: { x: 0, y: 0 }, b: { x: 0, y: 400 }, c: { x: 500, y: 0 } },
    };
    const rectOf = (pos: Record<string, { x: number; y: number }>) => (n: string) =>
      pos[n] ? rect(pos[n].x, pos[n].y) : undefined;
    expect(validRoutes(set, set.positions, rectOf(set.positions)).size).toBe(1);
    const movedAway = { ...set.positions, c: { x: 600, y: 0 } };
    expect(validRoutes(set, movedAway, rectOf(movedAway)).size).toBe(1);
    const onTheWay = { ...set.positions, c: { x: 0, y: 200 } };
    expect(validRoutes(set, onTheWay, rectOf(onTheWay)).size).toBe(0);
    const endMoved = { ...set.positions, b: { x: 10, y: 400 } };
    expect(validRoutes(set, endMoved, rectOf(endMoved)).size).toBe(0);
  });
});
