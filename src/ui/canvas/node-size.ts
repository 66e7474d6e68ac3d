/**
 * Node size: the height is fixed, the width follows the name so a name is never cut off.
 * Layout runs before React renders, so the width comes from measuring the text with the
 * node's own font (a canvas 2D context), with a per-character estimate where there is no
 * DOM (unit tests, workers). Cached per name: 300 nodes are measured once.
 */
export const NODE_HEIGHT = 92;
/** Narrowest node: short names still leave room for the kind line and the endpoint chips. */
export const NODE_MIN_WIDTH = 200;
/** Glyph, gaps, padding, border, replica count and status dot around the name. */
const NODE_CHROME = 112;
const NAME_FONT = '650 14px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const cache = new Map<string, number>();
let ctx: CanvasRenderingContext2D | null | undefined;

function measure(text: string): number {
  if (ctx === undefined)
    ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (ctx) {
    ctx.font = NAME_FONT;
    return ctx.measureText(text).width;
  }
  // No DOM: a generous average for a bold 14 px sans-serif.
  return text.length * 9;
}

export function nodeWidth(name: string): number {
  let w = cache.get(name);
  if (w === undefined) {
    w = Math.max(NODE_MIN_WIDTH, Math.ceil(measure(name) + NODE_CHROME));
    cache.set(name, w);
  }
  return w;
}
