/**
 * The inspector for the selection: name (validated live, rename cascades), image, replicas,
 * endpoints, env, volumes, health paths, database mode, secret flag and references.
 * Every change goes through a store action, so it is one undo step.
 */
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { renameProblem } from '../../core/model/commands';
import { canHoldDatabases } from '../../core/model/integrations/palette';
import { hasWorkload, isDataService } from '../../core/model/semantics';
import { designWarnings } from '../../core/model/design-warnings';
import type { Resource, Topology } from '../../core/model/topology';
import { useDesignApi, useDesignStore } from '../../state/app-state-context';
import { canvasApi } from '../canvas/canvas-api';
import { useDeleteRequest } from '../canvas/delete-request';
import { Splitter } from '../Splitter';
import { kindStyle } from '../canvas/kind-style';
import { CheckField, SelectField, TextField } from './fields';
import { ListEditor } from './ListEditor';
import { ReferencesSection } from './ReferencesSection';

/** Design warnings and what import could not model, for this resource. */
function InspectorNotes({ r, topology }: { r: Resource; topology: Topology }) {
  const warnings = useMemo(() => designWarnings(topology).filter((d) => d.resource === r.name), [topology, r.name]);
  const unmodelled = (topology.unmodelled ?? []).filter((u) => u.resource === r.name);
  if (warnings.length === 0 && unmodelled.length === 0) return null;
  return (
    <ul className="insp-notes">
      {warnings.map((d) => (
        <li key={d.code} className="insp-warning" role="note">
          {d.message}
        </li>
      ))}
      {unmodelled.map((u, i) => (
        <li key={`u${i}`} className="insp-unmodelled" role="note">
          Not modelled: <code>{u.construct}</code> — {u.message}
          {u.file ? ` (${u.file}${u.line !== undefined ? `:${u.line}` : ''})` : ''}
        </li>
      ))}
    </ul>
  );
}

function ResourceInspector({ r }: { r: Resource }) {
  const topology = useDesignStore((s) => s.doc.topology);
  const designStore = useDesignApi();
  const st = designStore.getState;
  const patch = (name: string, p: Partial<Resource>) => st().updateResource(name, p);
  const settings = (s: Resource['settings']) => patch(r.name, { settings: { ...r.settings, ...s } });
  const workload = hasWorkload(r) || r.kind === 'container';
  return (
    <div className="insp-body" key={r.name}>
      <p className="insp-kind">{kindStyle(r).label}</p>
      <InspectorNotes r={r} topology={topology} />
      <TextField
        label="Name"
        value={r.name}
        validate={(v) => renameProblem(topology, r.name, v)}
        onCommit={(v) => st().rename(r.name, v)}
      />
      {(r.kind === 'container' || r.kind === 'otlp-collector') && (
        <TextField
          label="Image"
          value={r.image ?? ''}
          onCommit={(v) =>
            v.trim() ? patch(r.name, { image: v.trim() }) : 'An image is required, e.g. docker.io/library/redis:8.2.'
          }
        />
      )}
      {r.kind === 'project' && (
        <TextField
          label="Project path"
          value={r.projectPath ?? ''}
          onCommit={(v) => patch(r.name, { projectPath: v })}
        />
      )}
      {r.kind === 'database' && (
        <TextField
          label="Database name"
          value={r.databaseName ?? r.name}
          onCommit={(v) => patch(r.name, { databaseName: v.trim() })}
        />
      )}
      {/* References first after identity: wiring is the inspector's main job, a few Tab presses away. */}
      {(r.kind === 'project' || r.kind === 'container' || r.kind === 'dockerfile' || r.kind === 'executable') && (
        <ReferencesSection resource={r} topology={topology} />
      )}
      {workload && (
        <TextField
          label="Replicas"
          inputMode="numeric"
          value={String(r.settings.replicas ?? 1)}
          validate={(v) => (/^\d+$/.test(v.trim()) ? undefined : 'Replicas must be a whole number, 0 or more.')}
          onCommit={(v) => settings({ replicas: Number(v.trim()) })}
        />
      )}
      {(r.kind === 'project' || r.kind === 'dockerfile') && (
        <>
          <TextField
            label="Liveness path"
            value={r.settings.healthPaths?.liveness ?? '/alive'}
            validate={(v) => (v.startsWith('/') ? undefined : 'A path starts with "/".')}
            onCommit={(v) => settings({ healthPaths: { ...r.settings.healthPaths, liveness: v } })}
          />
          <TextField
            label="Readiness path"
            value={r.settings.healthPaths?.readiness ?? '/health'}
            validate={(v) => (v.startsWith('/') ? undefined : 'A path starts with "/".')}
            onCommit={(v) => settings({ healthPaths: { ...r.settings.healthPaths, readiness: v } })}
          />
        </>
      )}
      {isDataService(r) && (
        <SelectField
          label="Database mode"
          value={r.settings.databaseMode ?? 'in-cluster'}
          options={[
            { value: 'in-cluster', label: 'In the cluster (StatefulSet)' },
            { value: 'external', label: 'External managed service' },
          ]}
          onChange={(v) => settings({ databaseMode: v })}
        />
      )}
      {(r.kind === 'parameter' || r.kind === 'connection-string') && (
        <CheckField
          label="Secret"
          checked={!!r.parameter?.secret}
          onChange={(v) => patch(r.name, { parameter: { ...(r.parameter ?? {}), secret: v } })}
        />
      )}
      {r.endpoints.length > 0 && (
        <fieldset className="insp-group">
          <legend>Endpoints</legend>
          {r.endpoints.map((e, i) => (
            <div key={e.name} className="endpoint-row">
              <span className="chip">
                {e.scheme}:{e.name}
              </span>
              <TextField
                label={`${e.name} target port`}
                inputMode="numeric"
                value={e.targetPort === undefined ? '' : String(e.targetPort)}
                placeholder={r.kind === 'project' ? '8080 (default)' : ''}
                validate={(v) =>
                  v === '' || (/^\d+$/.test(v) && +v > 0 && +v < 65536)
                    ? undefined
                    : 'A port is a number from 1 to 65535.'
                }
                onCommit={(v) => {
                  const endpoints = r.endpoints.map((x, j) =>
                    j === i ? { ...x, ...(v === '' ? { targetPort: undefined } : { targetPort: Number(v) }) } : x,
                  );
                  return patch(r.name, { endpoints });
                }}
              />
              <CheckField
                label={`${e.name} external`}
                checked={e.external}
                onChange={(v) =>
                  patch(r.name, { endpoints: r.endpoints.map((x, j) => (j === i ? { ...x, external: v } : x)) })
                }
              />
            </div>
          ))}
        </fieldset>
      )}
      {(r.kind === 'project' || r.kind === 'container' || r.kind === 'dockerfile') && (
        <>
          <ListEditor
            legend="Environment"
            items={r.env.map((e) => ({ key: e.name, value: e.value }))}
            keyLabel="Variable"
            valueLabel="Value"
            validateKey={(k) =>
              /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(k)
                ? undefined
                : 'Variable names use letters, digits and _ (not starting with a digit).'
            }
            onChange={(items) => patch(r.name, { env: items.map((x) => ({ name: x.key, value: x.value })) })}
          />
          <ListEditor
            legend="Volumes"
            items={r.volumes.map((v) => ({ key: v.target, value: v.name ?? '' }))}
            keyLabel="Mount path"
            valueLabel="Volume name"
            validateKey={(k) => (k.startsWith('/') ? undefined : 'A mount path is absolute, e.g. /data.')}
            onChange={(items) =>
              patch(r.name, {
                volumes: items.map((x) => ({ target: x.key, readOnly: false, ...(x.value ? { name: x.value } : {}) })),
              })
            }
          />
        </>
      )}
      {canHoldDatabases(r) && (
        <p className="muted">Tip: with this server selected, the palette's “Database” adds a database inside it.</p>
      )}
      <div className="insp-actions">
        <button type="button" onClick={() => st().duplicate([r.name])}>
          Duplicate
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => useDeleteRequest.getState().request(designStore, [r.name])}
        >
          Delete
        </button>
      </div>
    </div>
  );
}

/**
 * Docked beside the canvas (it shrinks the canvas instead of covering it), resizable with its
 * splitter and collapsible to a thin bar; the node being edited is scrolled into view.
 */
export function Inspector() {
  const designStore = useDesignApi();
  const selected = useDesignStore(useShallow((s) => s.view.selected));
  const resource = useDesignStore((s) =>
    s.view.selected.length === 1 ? s.doc.topology.resources.find((r) => r.name === s.view.selected[0]) : undefined,
  );
  const [collapsed, setCollapsed] = useState(false);
  const [width, setWidth] = useState(() => (window.innerWidth < 1280 ? 250 : 300));
  const shown = resource?.name;
  useEffect(() => {
    if (!shown) return;
    // After the canvas has shrunk to make room for this panel.
    const id = requestAnimationFrame(() => requestAnimationFrame(() => canvasApi.reveal(shown)));
    return () => cancelAnimationFrame(id);
  }, [shown, collapsed, width]);
  if (selected.length === 0) return null;
  if (collapsed) {
    return (
      <section className="inspector is-collapsed" aria-label="Inspector">
        <button type="button" aria-expanded={false} onClick={() => setCollapsed(false)} title="Show the inspector">
          Inspector
        </button>
      </section>
    );
  }
  return (
    <>
      <Splitter label="Resize the inspector" side="right" size={width} min={220} max={560} onSize={setWidth} />
      <section className="inspector" aria-label="Inspector" style={{ width }}>
        <div className="insp-head">
          <h2 className="panel-title insp-title">
            {resource ? resource.name : `${selected.length} resources selected`}
          </h2>
          <button
            type="button"
            className="icon-button"
            aria-expanded={true}
            aria-label="Collapse the inspector"
            title="Collapse the inspector"
            onClick={() => setCollapsed(true)}
          >
            »
          </button>
        </div>
        {resource ? (
          <ResourceInspector key={resource.name} r={resource} />
        ) : (
          <div className="insp-actions">
            <button type="button" onClick={() => designStore.getState().duplicate(selected)}>
              Duplicate
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => useDeleteRequest.getState().request(designStore, selected)}
            >
              Delete
            </button>
          </div>
        )}
      </section>
    </>
  );
}
