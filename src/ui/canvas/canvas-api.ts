/**
 * Imperative canvas actions for code outside React Flow (toolbar, palette, search, import).
 * `CanvasBridge` (rendered inside the provider) fills `canvasApi` with functions bound to the
 * live React Flow instance; before it mounts they are harmless no-ops.
 */
import type { XY } from '../../core/model/design';

/** Every fit (first render, Fit view, after an import) stops at 100 %: one node must not fill the screen. */
export const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1 };

export interface CanvasApi {
  fitView(): void;
  /** Select-and-show: centre the viewport on a node. */
  focus(name: string): void;
  /** The flow coordinates of a screen point (for drops). */
  screenToFlow(p: XY): XY;
  /** The centre of the visible canvas, in flow coordinates. */
  viewportCentre(): XY;
  exportPng(): Promise<void>;
}

export const canvasApi: CanvasApi = {
  fitView: () => {},
  focus: () => {},
  screenToFlow: (p) => p,
  viewportCentre: () => ({ x: 0, y: 0 }),
  exportPng: async () => {},
};
