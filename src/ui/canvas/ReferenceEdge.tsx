/** A reference edge: its kind as a label and a "waits" marker for WaitFor. */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { ReferenceFlowEdge } from './to-flow';

const LABEL: Record<string, string> = {
  'connection-string': 'conn string',
  'service-discovery': 'discovery',
  parameter: 'parameter',
  'endpoint-property': 'endpoint',
  'wait-only': 'wait only',
  parent: 'database',
};

function ReferenceEdgeView(p: EdgeProps<ReferenceFlowEdge>) {
  const [path, lx, ly] = getBezierPath(p);
  const kind = p.data?.kind ?? 'service-discovery';
  const waits = p.data?.waitFor && p.data.waitFor !== 'none';
  return (
    <>
      <BaseEdge id={p.id} path={path} {...(p.markerEnd ? { markerEnd: p.markerEnd } : {})} className={`redge redge-${kind}${waits ? ' redge-waits' : ''}${p.selected ? ' is-selected' : ''}`} />
      <EdgeLabelRenderer>
        <div className={`redge-label redge-label-${kind}`} style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}>
          {LABEL[kind] ?? kind}
          {waits ? (p.data?.waitFor === 'completion' ? ' · waits (completion)' : ' · waits') : ''}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const ReferenceEdge = memo(ReferenceEdgeView);
