/** Keyboard-first references: list, WaitFor toggles and an "Add reference" picker. */
import { useId, useState } from 'react';
import { connectionProblem } from '../../core/model/commands';
import type { Resource, Topology } from '../../core/model/topology';
import { useDesignApi } from '../../state/app-state-context';

const KIND: Record<string, string> = {
  'connection-string': 'connection string',
  'service-discovery': 'service discovery',
  parameter: 'parameter',
  'endpoint-property': 'endpoint',
  'wait-only': 'wait only',
};

export function ReferencesSection({ resource, topology }: { resource: Resource; topology: Topology }) {
  const id = useId();
  const [target, setTarget] = useState('');
  const [waitFor, setWaitFor] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const outgoing = topology.references.filter((r) => r.from === resource.name);
  const candidates = topology.resources.filter((r) => !connectionProblem(topology, resource.name, r.name));
  const incoming = topology.references.filter((r) => r.to === resource.name);
  const st = useDesignApi().getState;

  const add = () => {
    if (!target) return setProblem('Choose a resource to reference.');
    const reason = st().connect(resource.name, target, { waitFor: waitFor ? 'running' : 'none' });
    setProblem(reason);
    if (!reason) {
      setTarget('');
      setWaitFor(false);
    }
  };

  return (
    <fieldset className="insp-group">
      <legend>References</legend>
      {outgoing.length === 0 && <p className="muted">No references.</p>}
      <ul className="ref-list">
        {outgoing.map((r) => (
          <li key={r.to}>
            <span className="ref-name">→ {r.to}</span> <span className="muted">({KIND[r.kind] ?? r.kind})</span>
            <label className="ref-wait">
              <input
                type="checkbox"
                checked={r.waitFor !== 'none'}
                onChange={(e) => st().setWaitFor(r.from, r.to, e.target.checked ? 'running' : 'none')}
              />
              WaitFor
            </label>
            <button
              type="button"
              className="link-button"
              aria-label={`Remove reference to ${r.to}`}
              onClick={() => st().disconnect(r.from, r.to)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 && (
        <div className="ref-add">
          <label htmlFor={`${id}-t`}>Add reference</label>
          <select id={`${id}-t`} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">Choose…</option>
            {candidates.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
          <label className="ref-wait">
            <input type="checkbox" checked={waitFor} onChange={(e) => setWaitFor(e.target.checked)} />
            Wait for it
          </label>
          <button type="button" onClick={add}>
            Add
          </button>
          {problem && (
            <p className="field-problem" role="alert">
              {problem}
            </p>
          )}
        </div>
      )}
      {incoming.length > 0 && <p className="muted">Referenced by {incoming.map((r) => r.from).join(', ')}.</p>}
    </fieldset>
  );
}
