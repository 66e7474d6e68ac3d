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

/** Air between a node and an overlay (minimap, zoom controls) after a fit. */
const OVERLAY_GAP = 8;
/** How far (screen px) a partial view may be nudged to free a node from under an overlay. */
const NUDGE = 60;
const NUDGE_STEP = 12;
/** Nudges, smallest first: on a tie the view moves least from the readable part it starts from. */
const NUDGES: readonly (readonly [number, number])[] = (() => {
  const out: [number, number][] = [];
  for (let dy = -NUDGE; dy <= NUDGE; dy += NUDGE_STEP)
    for (let dx = -NUDGE; dx <= NUDGE; dx += NUDGE_STEP) out.push([dx, dy]);
  return out.sort((a, b) => Math.abs(a[0]) + Math.abs(a[1]) - (Math.abs(b[0]) + Math.abs(b[1])));
})();

/**
 * The parts of a `width` × `height` canvas that no overlay covers, as candidate areas for a
 * fit: everything above the bottom overlays, and the column between the left and right ones.
 * Overlays are in canvas coordinates; one in the left half bounds the column's left edge.
 */
export function clearAreas(width: number, height: number, overlays: readonly Rect[]): Rect[] {
  const shown = overlays.filter((o) => o.w > 0 && o.h > 0);
  if (shown.length === 0) return [{ x: 0, y: 0, w: width, h: height }];
  const above = Math.min(...shown.map((o) => o.y)) - OVERLAY_GAP;
  let left = 0;
  let right = width;
  for (const o of shown)
    if (o.x + o.w / 2 < width / 2) left = Math.max(left, o.x + o.w + OVERLAY_GAP);
    else right = Math.min(right, o.x - OVERLAY_GAP);
  return [
    { x: 0, y: 0, w: width, h: Math.max(0, above) },
    { x: left, y: 0, w: Math.max(0, right - left), h: height },
  ].filter((a) => a.w > 0 && a.h > 0);
}

/**
 * The view for a fit: everything, as large as readable allows, with no node under an overlay.
 * Tried in the whole canvas first (centred, then to the top left, away from the minimap), then
 * in each clear area; the largest zoom wins. When nothing fits readably, the readable part
 * inside the largest clear area.
 */
export function fitClear(
  nodes: readonly (Rect & { id: string })[],
  failing: ReadonlySet<string>,
  width: number,
  height: number,
  overlays: readonly Rect[],
  minZoom: number,
  maxZoom: number,
  pad = 24,
): View {
  const x = Math.min(...nodes.map((r) => r.x));
  const y = Math.min(...nodes.map((r) => r.y));
  const bounds = {
    x,
    y,
    w: Math.max(...nodes.map((r) => r.x + r.w)) - x,
    h: Math.max(...nodes.map((r) => r.y + r.h)) - y,
  };
  const shown = overlays.filter((o) => o.w > 0 && o.h > 0);
  const clear = (v: View) =>
    nodes.every((n) => {
      const r = { x: n.x * v.zoom + v.x, y: n.y * v.zoom + v.y, w: n.w * v.zoom, h: n.h * v.zoom };
      return shown.every((o) => !(r.x < o.x + o.w && o.x < r.x + r.w && r.y < o.y + o.h && o.y < r.y + r.h));
    });
  const areas = clearAreas(width, height, overlays);
  let best: View | undefined;
  for (const a of [{ x: 0, y: 0, w: width, h: height }, ...areas]) {
    const v = fitAll(bounds, a.w, a.h, minZoom, maxZoom, pad);
    if (!v || (best && v.zoom <= best.zoom)) continue;
    const centred = { zoom: v.zoom, x: v.x + a.x, y: v.y + a.y };
    const topLeft = { zoom: v.zoom, x: a.x + pad - bounds.x * v.zoom, y: a.y + pad - bounds.y * v.zoom };
    best = [centred, topLeft].find(clear) ?? best;
  }
  if (best) return best;
  // Nothing fits readably: the readable part of each area, nudged by up to half a node so that
  // no node shown whole sits under an overlay (a node the canvas edge cuts is off-screen in
  // part either way); most nodes shown whole and clear wins.
  const score = (v: View) => {
    let clearWhole = 0;
    let hidden = 0;
    let partlyUnder = 0;
    for (const n of nodes) {
      const r = { x: n.x * v.zoom + v.x, y: n.y * v.zoom + v.y, w: n.w * v.zoom, h: n.h * v.zoom };
      const under = shown.some((o) => r.x < o.x + o.w && o.x < r.x + r.w && r.y < o.y + o.h && o.y < r.y + r.h);
      if (!(r.x >= 0 && r.y >= 0 && r.x + r.w <= width && r.y + r.h <= height)) partlyUnder += under ? 1 : 0;
      else if (under) hidden++;
      else clearWhole++;
    }
    // Then, on a tie, fewer cut nodes under an overlay too (the controls over a name read badly).
    return hidden > 0 ? -hidden * 1000 : clearWhole * 1000 - partlyUnder;
  };
  let part: { v: View; score: number } | undefined;
  for (const a of [...areas, { x: 0, y: 0, w: width, h: height }]) {
    const p = readablePart(nodes, failing, a.w, a.h, minZoom, pad);
    for (const [dx, dy] of NUDGES) {
      const v = { zoom: p.zoom, x: p.x + a.x + dx, y: p.y + a.y + dy };
      const sc = score(v);
      if (!part || sc > part.score) part = { v, score: sc };
    }
  }
  return part!.v;
}
