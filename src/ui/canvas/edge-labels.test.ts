import { describe, expect, it } from 'vitest';
import { labelSize, placeLabels } from './edge-labels';
import type { Rect } from './routes';

const boxOf = (at: { x: number; y: number }, text: string): Rect => {
  const s = labelSize(text);
  return { x: at.x - s.w / 2, y: at.y - s.h / 2, w: s.w, h: s.h };
};
const meets = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('placeLabels', () => {
  it('keeps labels of edges in neighbouring tracks apart', () => {
    // Five edges on parallel horizontal tracks 16 px apart, all with the same midpoint.
    const requests = [0, 1, 2, 3, 4].map((i) => ({
      id: `e${i}`,
      text: 'waits',
      route: [
        { x: 0, y: 0 },
        { x: 0, y: 100 + i * 16 },
        { x: 300, y: 100 + i * 16 },
        { x: 300, y: 300 },
      ],
    }));
    const at = placeLabels(requests, []);
    const boxes = requests.map((r) => boxOf(at.get(r.id)!, r.text));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(meets(boxes[i]!, boxes[j]!), `e${i} × e${j}`).toBe(false);
  });

  it('moves a label off a node that sits on the middle of its route', () => {
    const node = { x: 100, y: 80, w: 100, h: 40 };
    const route = [
      { x: 0, y: 100 },
      { x: 300, y: 100 },
    ];
    const at = placeLabels([{ id: 'e', text: 'waits (completion)', route }], [node]).get('e')!;
    expect(at.y).toBe(100);
    expect(meets(boxOf(at, 'waits (completion)'), node)).toBe(false);
  });
});
