import { describe, expect, it } from 'vitest';
import { clearAreas, fitAll, fitClear, readablePart } from './readable-view';

describe('readable view', () => {
  it('fits everything when that keeps the zoom readable', () => {
    const v = fitAll({ x: 0, y: 0, w: 400, h: 200 }, 800, 600, 0.75, 1)!;
    expect(v.zoom).toBe(1);
  });

  it('refuses a fit that would shrink text, and shows the densest readable window instead', () => {
    const nodes = [
      ...Array.from({ length: 6 }, (_, i) => ({ id: `a${i}`, x: i * 220, y: 0, w: 200, h: 92 })),
      { id: 'far', x: 20_000, y: 0, w: 200, h: 92 },
    ];
    expect(fitAll({ x: 0, y: 0, w: 20_200, h: 92 }, 800, 600, 0.75, 1)).toBeUndefined();
    const v = readablePart(nodes, new Set(), 800, 600, 0.75);
    expect(v.zoom).toBe(0.75);
    // The window starts at the cluster, not at the lone far node.
    expect(-v.x / v.zoom).toBeLessThan(200);
    // A failing resource wins over density.
    const f = readablePart(nodes, new Set(['far']), 800, 600, 0.75);
    expect(-f.x / f.zoom).toBeGreaterThan(19_000);
  });

  it('keeps every node clear of the minimap and the zoom controls after a fit', () => {
    // A 3 × 3 grid of nodes, and overlays in the bottom corners of an 800 × 600 canvas.
    const nodes = Array.from({ length: 9 }, (_, i) => ({
      id: `n${i}`,
      x: (i % 3) * 240,
      y: Math.floor(i / 3) * 140,
      w: 200,
      h: 92,
    }));
    const overlays = [
      { x: 585, y: 435, w: 200, h: 150 },
      { x: 15, y: 500, w: 30, h: 85 },
    ];
    expect(clearAreas(800, 600, overlays)).toEqual([
      { x: 0, y: 0, w: 800, h: 427 },
      { x: 53, y: 0, w: 524, h: 600 },
    ]);
    const v = fitClear(nodes, new Set(), 800, 600, overlays, 0.5, 1);
    expect(v.zoom).toBeGreaterThanOrEqual(0.5);
    for (const n of nodes) {
      const r = { x: n.x * v.zoom + v.x, y: n.y * v.zoom + v.y, w: n.w * v.zoom, h: n.h * v.zoom };
      expect(r.x >= 0 && r.y >= 0 && r.x + r.w <= 800 && r.y + r.h <= 600, `${n.id} in view`).toBe(true);
      for (const o of overlays)
        expect(r.x < o.x + o.w && o.x < r.x + r.w && r.y < o.y + o.h && o.y < r.y + r.h, `${n.id} under overlay`).toBe(
          false,
        );
    }
    // The same fit without overlays would put n8 under the minimap: the check is not vacuous.
    const plain = fitAll({ x: 0, y: 0, w: 680, h: 372 }, 800, 600, 0.5, 1)!;
    expect(680 * plain.zoom + plain.x).toBeGreaterThan(585);
  });
});
