/** Binds `canvasApi` to the React Flow instance; renders nothing. */
import { useEffect } from 'react';
import { getViewportForBounds, useReactFlow } from '@xyflow/react';
import { positionOf } from '../../core/model/design';
import { useAppState } from '../../state/app-state-context';
import type { DesignStore } from '../../state/design-store';
import { canvasApi, READABLE_ZOOM } from './canvas-api';
import { NODE_HEIGHT, nodeWidth } from './node-size';
import { fitClear } from './readable-view';
import type { Rect } from './routes';

/** Room the minimap (bottom right) and the zoom controls (bottom left) take from the view. */
const MINIMAP = { w: 216, h: 166 };

/** Node rectangles from the design itself: right after an import React Flow may not have them yet. */
function designRects(design: DesignStore) {
  const { topology, positions } = design.getState().doc;
  return topology.resources.flatMap((r) => {
    const p = positionOf(positions, r.name);
    return p ? [{ id: r.name, x: p.x, y: p.y, w: nodeWidth(r.name), h: NODE_HEIGHT }] : [];
  });
}

/** What floats over the canvas (minimap, zoom controls), in canvas coordinates. */
function overlays(el: HTMLElement): Rect[] {
  const box = el.getBoundingClientRect();
  return [...el.querySelectorAll('.react-flow__panel')].map((p) => {
    const r = p.getBoundingClientRect();
    return { x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height };
  });
}

export function CanvasBridge({ container }: { container: React.RefObject<HTMLDivElement | null> }) {
  const rf = useReactFlow();
  const { design, statuses } = useAppState();
  useEffect(() => {
    canvasApi.fitView = () => {
      const el = container.current;
      const rects = designRects(design);
      if (!el || rects.length === 0) return;
      const failing = new Set([...statuses.getState().statuses].filter(([, s]) => s === 'fail').map(([n]) => n));
      const view = fitClear(rects, failing, el.clientWidth, el.clientHeight, overlays(el), READABLE_ZOOM, 1);
      void rf.setViewport(view, { duration: 200 });
    };
    canvasApi.focus = (name) => {
      // Two frames later: selecting docks the inspector, which narrows the canvas; centre in the
      // canvas as it is then, not as it was.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const n = rf.getNode(name);
          const el = container.current;
          if (!n || !el) return;
          const zoom = Math.max(
            READABLE_ZOOM,
            Math.min(Math.max(rf.getZoom(), 1), (el.clientWidth - 24) / nodeWidth(name)),
          );
          void rf.setCenter(n.position.x + nodeWidth(name) / 2, n.position.y + NODE_HEIGHT / 2, {
            zoom,
            duration: 200,
          });
        }),
      );
    };
    canvasApi.reveal = (name) => {
      const el = container.current?.querySelector(`.react-flow__node[data-id="${CSS.escape(name)}"]`);
      const box = container.current?.getBoundingClientRect();
      if (!el || !box) return;
      const r = el.getBoundingClientRect();
      const mini = container.current?.querySelector('.react-flow__minimap')?.getBoundingClientRect();
      const underMinimap =
        !!mini && r.left < mini.right && mini.left < r.right && r.top < mini.bottom && mini.top < r.bottom;
      if (!underMinimap && r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom)
        return;
      const n = rf.getNode(name);
      // Zoom out (not below readable) when the node is wider than the canvas at this zoom.
      const zoom = Math.max(READABLE_ZOOM, Math.min(rf.getZoom(), (box.width - 24) / nodeWidth(name)));
      if (n)
        void rf.setCenter(n.position.x + nodeWidth(name) / 2, n.position.y + NODE_HEIGHT / 2, { zoom, duration: 150 });
    };
    canvasApi.screenToFlow = (p) => rf.screenToFlowPosition(p);
    canvasApi.viewportCentre = () => {
      const el = container.current;
      if (!el) return { x: 0, y: 0 };
      const b = el.getBoundingClientRect();
      return rf.screenToFlowPosition({ x: b.left + b.width / 2, y: b.top + b.height / 2 });
    };
    canvasApi.visibleRect = () => {
      const el = container.current;
      if (!el) return undefined;
      const b = el.getBoundingClientRect();
      // Keep clear of the minimap's height along the bottom and a margin on every side.
      const a = rf.screenToFlowPosition({ x: b.left + 16, y: b.top + 16 });
      const c = rf.screenToFlowPosition({ x: b.right - 16, y: b.bottom - Math.min(MINIMAP.h, b.height / 3) });
      return { x: a.x, y: a.y, w: c.x - a.x, h: c.y - a.y };
    };
    canvasApi.exportPng = async () => {
      const el = container.current?.querySelector<HTMLElement>('.react-flow__viewport');
      const nodes = rf.getNodes();
      if (!el || nodes.length === 0) throw new Error('The canvas is empty: there is nothing to export.');
      // The instance's getNodesBounds knows the node lookup (the free function warns without one).
      const bounds = rf.getNodesBounds(nodes);
      const width = Math.min(4096, Math.ceil(bounds.width + 160));
      const height = Math.min(4096, Math.ceil(bounds.height + 160));
      const vp = getViewportForBounds(bounds, width, height, 0.2, 2, 0.1);
      const { toPng } = await import('html-to-image');
      const bg = getComputedStyle(container.current!).getPropertyValue('--canvas-bg').trim() || '#ffffff';
      const url = await toPng(el, {
        backgroundColor: bg,
        width,
        height,
        style: {
          width: `${width}px`,
          height: `${height}px`,
          transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})`,
        },
      });
      const a = document.createElement('a');
      a.href = url;
      a.download = 'aspire-design.png';
      a.click();
    };
  }, [rf, container, design, statuses]);
  return null;
}
