/**
 * One canvas node: glyph, name, kind, replicas, endpoint chips, volume marker, parity badge,
 * and a "?" badge when import could not model part of it (message on hover and in the inspector).
 * Handles: references enter at the top and leave at the bottom, like the top-down layout.
 * Zoomed out far enough that the details are unreadable, the canvas's `is-compact` class
 * leaves only glyph, name and badge (detail-zoom.ts): painting every chip and caption of 300
 * nodes made each drag frame of a large design take seconds in software-rendered Chromium.
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useParityStatus } from '../../state/app-state-context';
import { kindStyle } from './kind-style';
import type { ResourceFlowNode } from './to-flow';

const STATUS_TEXT = {
  pass: 'parity pass',
  warn: 'parity warning',
  fail: 'parity failure',
  unknown: 'parity unknown',
} as const;

function ResourceNodeView({ data, selected }: NodeProps<ResourceFlowNode>) {
  const r = data.resource;
  const style = kindStyle(r);
  const status = useParityStatus((s) => s.statuses.get(r.name));
  const replicas = r.settings.replicas;
  const sub = r.image ?? r.projectPath ?? (r.parent ? `in ${r.parent}` : style.label);
  const chips = r.endpoints.slice(0, 3);
  return (
    <div className={`rnode tone-${style.tone}${selected ? ' is-selected' : ''}`} data-testid="resource-node">
      <Handle type="target" position={Position.Top} title={`Drop here: reference ${r.name}`} />
      <div className="rnode-head">
        <span className="rnode-glyph" aria-hidden="true">
          {style.glyph}
        </span>
        <span className="rnode-name" title={r.name}>
          {r.name}
        </span>
        {replicas !== undefined && replicas !== 1 && (
          <span className="rnode-replicas" title="replicas">
            ×{replicas}
          </span>
        )}
        {data.unmodelled && (
          <span
            className="rnode-unmodelled"
            role="img"
            title={`Not modelled by import:\n${data.unmodelled}`}
            aria-label={`not modelled: ${data.unmodelled}`}
          >
            ?{data.unmodelled.split('\n').length > 1 ? data.unmodelled.split('\n').length : ''}
          </span>
        )}
        {status && (
          <span
            className={`rnode-status st-${status}`}
            role="img"
            title={STATUS_TEXT[status]}
            aria-label={STATUS_TEXT[status]}
          />
        )}
      </div>
      <div className="rnode-sub" title={sub}>
        {style.label} · {sub}
      </div>
      <div className="rnode-chips">
        {chips.map((e) => (
          <span
            key={e.name}
            className={`chip${e.external ? ' chip-ext' : ''}`}
            title={e.external ? 'external endpoint' : 'internal endpoint'}
          >
            {e.name}
            {e.targetPort !== undefined ? `:${e.targetPort}` : ''}
            {e.external ? ' ↗' : ''}
          </span>
        ))}
        {r.endpoints.length > chips.length && <span className="chip">+{r.endpoints.length - chips.length}</span>}
        {r.volumes.length > 0 && (
          <span className="chip chip-vol" title={`${r.volumes.length} volume(s)`}>
            ⛁ {r.volumes.length}
          </span>
        )}
        {r.parameter?.secret && <span className="chip chip-secret">secret</span>}
        {r.settings.databaseMode === 'external' && <span className="chip chip-ext">managed</span>}
      </div>
      <Handle type="source" position={Position.Bottom} title={`Drag to what ${r.name} references`} />
    </div>
  );
}

export const ResourceNode = memo(ResourceNodeView);
