import { describe, expect, it } from 'vitest';
import { routeEdges } from './orthogonal-router';
import { routeCrossesRect, validRoutes, type Rect } from './routes';

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
