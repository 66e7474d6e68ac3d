import { describe, expect, it } from 'vitest';
import { fitAll, readablePart } from './readable-view';

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
});
