/**
 * A reference edge. After an auto layout it follows elk's orthogonal route (around nodes);
 * while one of its nodes is dragged, or after a move made the route stale, it is a plain step
 * path between the handles. Only waits get a label (edge-labels.ts: a label on every edge of a
 * 40-resource design buries the names), placed with all the others so no two overlap.
 */
import { memo, useRef } from 'react';
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import type { XY } from '../../core/model/design';
import { edgeLabel } from './edge-labels';
import type { ReferenceFlowEdge } from './to-flow';

/** The middle of the route's longest segment: where a label is least in the way. */
function labelPoint(points: readonly XY[]): XY {
  let best = { x: points[0]!.x, y: points[0]!.y };
  let len = -1;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const l = Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    if (l > len) {
      len = l;
      best = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    }
  }
  return best;
}

function ReferenceEdgeView(p: EdgeProps<ReferenceFlowEdge>) {
  const route = p.data?.route;
  // The handles' positions when this route was first drawn: if either end moves (a drag), the
  // route no longer starts and ends on the nodes, so draw the step path instead.
  const anchor = useRef<{ route: XY[]; ends: number[] } | undefined>(undefined);
  const ends = [p.sourceX, p.sourceY, p.targetX, p.targetY];
  if (route && anchor.current?.route !== route) anchor.current = { route, ends };
  const onRoute = !!route && anchor.current!.ends.every((v, i) => Math.abs(v - ends[i]!) < 1);
  let path: string;
  let at: XY;
  if (onRoute) {
    path = route.map((q, i) => `${i === 0 ? 'M' : 'L'}${q.x},${q.y}`).join(' ');
    at = p.data?.labelAt ?? labelPoint(route);
  } else {
    const [d, lx, ly] = getSmoothStepPath({ ...p, borderRadius: 0 });
    path = d;
    at = { x: lx, y: ly };
  }
  const kind = p.data?.kind ?? 'service-discovery';
  const waits = p.data?.waitFor && p.data.waitFor !== 'none';
  const label = edgeLabel(kind, p.data?.waitFor);
  return (
    <>
      <BaseEdge
        id={p.id}
        path={path}
        {...(p.markerEnd ? { markerEnd: p.markerEnd } : {})}
        className={`redge redge-${kind}${waits ? ' redge-waits' : ''}${p.selected ? ' is-selected' : ''}`}
      />
      {label && (
        <EdgeLabelRenderer>
          <div
            className={`redge-label redge-label-${kind}`}
            style={{ transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)` }}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const ReferenceEdge = memo(ReferenceEdgeView);
