/**
 * Imperative canvas actions for code outside React Flow (toolbar, palette, search, import).
 * `CanvasBridge` (rendered inside the provider) fills `canvasApi` with functions bound to the
 * live React Flow instance; before it mounts they are harmless no-ops.
 */
import type { XY } from '../../core/model/design';
import type { Rect } from './routes';

/**
 * The smallest zoom a fit may use: node names are 14 px, so at 0.75 they are 10.5 px on screen.
 * A design too big for the canvas at this zoom shows a readable part instead (readable-view.ts).
 */
export const READABLE_ZOOM = 0.75;

/** Every fit (first render, Fit view, after an import) stops at 100 %: one node must not fill the screen. */
export const FIT_VIEW_OPTIONS = { padding: 0.08, maxZoom: 1, minZoom: READABLE_ZOOM };

export interface CanvasApi {
  fitView(): void;
  /** Select-and-show: centre the viewport on a node. */
  focus(name: string): void;
  /** Pan (zoom unchanged) so the node is wholly in view, when it is not. */
  reveal(name: string): void;
  /** The flow coordinates of a screen point (for drops). */
  screenToFlow(p: XY): XY;
  /** The centre of the visible canvas, in flow coordinates. */
  viewportCentre(): XY;
  /** The part of the canvas the user sees (minus minimap and controls), in flow coordinates. */
  visibleRect(): Rect | undefined;
  exportPng(): Promise<void>;
}

export const canvasApi: CanvasApi = {
  fitView: () => {},
  focus: () => {},
  reveal: () => {},
  screenToFlow: (p) => p,
  viewportCentre: () => ({ x: 0, y: 0 }),
  visibleRect: () => undefined,
  exportPng: async () => {},
};
