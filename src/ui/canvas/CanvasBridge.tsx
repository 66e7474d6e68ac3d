/** Binds `canvasApi` to the React Flow instance; renders nothing. */
import { useEffect } from 'react';
import { getNodesBounds, getViewportForBounds, useReactFlow } from '@xyflow/react';
import { canvasApi, FIT_VIEW_OPTIONS } from './canvas-api';
import { NODE_HEIGHT, NODE_WIDTH } from './to-flow';

export function CanvasBridge({ container }: { container: React.RefObject<HTMLDivElement | null> }) {
  const rf = useReactFlow();
  useEffect(() => {
    canvasApi.fitView = () => void rf.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 });
    canvasApi.focus = (name) => {
      const n = rf.getNode(name);
      if (n) void rf.setCenter(n.position.x + NODE_WIDTH / 2, n.position.y + NODE_HEIGHT / 2, { zoom: Math.max(rf.getZoom(), 1), duration: 200 });
    };
    canvasApi.screenToFlow = (p) => rf.screenToFlowPosition(p);
    canvasApi.viewportCentre = () => {
      const el = container.current;
      if (!el) return { x: 0, y: 0 };
      const b = el.getBoundingClientRect();
      return rf.screenToFlowPosition({ x: b.left + b.width / 2, y: b.top + b.height / 2 });
    };
    canvasApi.exportPng = async () => {
      const el = container.current?.querySelector<HTMLElement>('.react-flow__viewport');
      const nodes = rf.getNodes();
      if (!el || nodes.length === 0) throw new Error('The canvas is empty: there is nothing to export.');
      const bounds = getNodesBounds(nodes);
      const width = Math.min(4096, Math.ceil(bounds.width + 160));
      const height = Math.min(4096, Math.ceil(bounds.height + 160));
      const vp = getViewportForBounds(bounds, width, height, 0.2, 2, 0.1);
      const { toPng } = await import('html-to-image');
      const bg = getComputedStyle(container.current!).getPropertyValue('--canvas-bg').trim() || '#ffffff';
      const url = await toPng(el, {
        backgroundColor: bg,
        width,
        height,
        style: { width: `${width}px`, height: `${height}px`, transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})` },
      });
      const a = document.createElement('a');
      a.href = url;
      a.download = 'aspire-design.png';
      a.click();
    };
  }, [rf, container]);
  return null;
}
