/**
 * Where to look when a design does not fit the canvas at a readable zoom: the window (at
 * READABLE_ZOOM) that shows the most whole nodes, anchored on the first failing resource when
 * there is one. Never a fit that shrinks text to nothing; the minimap and search reach the rest.
 */
import type { Rect } from './routes';

export interface View {
  x: number;
  y: number;
  zoom: number;
}

/** The viewport showing all of `bounds`, or undefined when that needs a zoom below `minZoom`. */
export function fitAll(
  bounds: Rect,
  width: number,
  height: number,
  minZoom: number,
  maxZoom: number,
  pad = 24,
): View | undefined {
  const zoom = Math.min(maxZoom, (width - 2 * pad) / bounds.w, (height - 2 * pad) / bounds.h);
  if (!(zoom >= minZoom)) return undefined;
  return {
    zoom,
    x: (width - bounds.w * zoom) / 2 - bounds.x * zoom,
    y: (height - bounds.h * zoom) / 2 - bounds.y * zoom,
  };
}

/**
 * The readable part: windows anchored on each candidate (failing nodes first, else all) with
 * the candidate at the window's top-left or centre; the one holding most whole nodes wins.
 */
export function readablePart(
  nodes: readonly (Rect & { id: string })[],
  failing: ReadonlySet<string>,
  width: number,
  height: number,
  zoom: number,
  pad = 24,
): View {
  const w = (width - 2 * pad) / zoom;
  const h = (height - 2 * pad) / zoom;
  const candidates = nodes.some((n) => failing.has(n.id)) ? nodes.filter((n) => failing.has(n.id)) : nodes;
  let best = { x: nodes[0]?.x ?? 0, y: nodes[0]?.y ?? 0, count: -1 };
  // The diagram reads top-down: on a tie, a window starting at its top row wins.
  const top = Math.min(...nodes.map((n) => n.y));
  for (const c of candidates) {
    for (const [wx, wy] of [
      [c.x, Math.min(top, c.y)],
      [c.x, c.y],
      [c.x + c.w / 2 - w / 2, c.y + c.h / 2 - h / 2],
    ] as const) {
      let count = 0;
      for (const n of nodes) if (n.x >= wx && n.y >= wy && n.x + n.w <= wx + w && n.y + n.h <= wy + h) count++;
      if (count > best.count) best = { x: wx, y: wy, count };
    }
  }
  return { zoom, x: pad - best.x * zoom, y: pad - best.y * zoom };
}
