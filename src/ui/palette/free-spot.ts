/** A spot near `around` where a new node overlaps no existing one (spiral search on a grid). */
import type { XY } from '../../core/model/design';
import { NODE_HEIGHT, NODE_WIDTH } from '../canvas/to-flow';

export function freeSpot(positions: Record<string, XY>, around: XY): XY {
  const taken = Object.values(positions);
  const start = { x: Math.round(around.x - NODE_WIDTH / 2), y: Math.round(around.y - NODE_HEIGHT / 2) };
  const free = (p: XY) =>
    taken.every((q) => Math.abs(q.x - p.x) >= NODE_WIDTH + 20 || Math.abs(q.y - p.y) >= NODE_HEIGHT + 20);
  const stepX = NODE_WIDTH + 40;
  const stepY = NODE_HEIGHT + 30;
  for (let ring = 0; ring < 40; ring++) {
    for (let dx = -ring; dx <= ring; dx++)
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const p = { x: start.x + dx * stepX, y: start.y + dy * stepY };
        if (free(p)) return p;
      }
  }
  return start;
}
