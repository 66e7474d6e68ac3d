/**
 * The parity table, as a triage list (group-rows.ts): App Host relationships, then policy lint;
 * failing groups first and passes folded. Evidence and Fix sit under each row's text, so the
 * table is never wider than its panel. One row per declaration × requirement, with counts
 * (which double as the status filter) and a resource filter. Clicking a row shows its evidence
 * in the editor and selects the resource on the canvas; "Fix" applies the row's snippet as one
 * undo step in the editor.
 *
 * The table is virtualised (VirtualTable.tsx); a row and its Fix review are in ParityRowLine.tsx
 * and FixReview.tsx, the section, group and passes heads in TableHeads.tsx.
 */
import { useLayoutEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useDesignStore, useWorkbenchApi } from '../../state/app-state-context';
import { recordTiming } from '../workbench/timings';
import { groupRows, resourcesOf, tableLines } from './group-rows';
import { LABEL, STATUSES } from './status-labels';
import { VirtualTable } from './VirtualTable';

export default function ParityTable() {
  const workbench = useWorkbenchApi();
  const report = useStore(workbench, (s) => s.report);
  const timing = useStore(workbench, (s) => s.timing);
  const checkError = useStore(workbench, (s) => s.checkError);
  const statusFilter = useStore(workbench, (s) => s.statusFilter);
  const resourceFilter = useStore(workbench, (s) => s.resourceFilter);
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const [passesToggled, setPassesToggled] = useState<Record<string, boolean>>({});
  // An empty design has nothing to prove: no "(bundle) 2 pass" rows for an empty bundle.
  const emptyDesign = useDesignStore((s) => s.doc.topology.resources.length === 0);

  const rows = useMemo(() => (emptyDesign ? [] : (report?.rows ?? [])), [report, emptyDesign]);
  const groups = useMemo(() => groupRows(rows, statusFilter, resourceFilter), [rows, statusFilter, resourceFilter]);
  const resources = useMemo(() => resourcesOf(rows), [rows]);
  const onToggle = useMemo(() => (key: string, open: boolean) => setToggled((t) => ({ ...t, [key]: !open })), []);
  const onTogglePasses = useMemo(
    () => (key: string, open: boolean) => setPassesToggled((t) => ({ ...t, [key]: !open })),
    [],
  );
  // Groups with findings start open, all-passing groups folded (unless filtered to one resource or to passes).
  const lines = useMemo(
    () =>
      tableLines(
        groups,
        (g) => toggled[g.key] ?? (g.worst !== 'pass' || !!resourceFilter || statusFilter === 'pass'),
        (g) => passesToggled[g.key] ?? (!!resourceFilter || statusFilter === 'pass'),
      ),
    [groups, toggled, passesToggled, resourceFilter, statusFilter],
  );

  // Keystroke → table on screen: measured after React has written the DOM.
  useLayoutEffect(() => {
    if (timing) recordTiming(timing.triggeredAt, timing.checkMs, rows.length);
  }, [timing, rows.length]);

  const summary = report?.summary ?? { pass: 0, fail: 0, warn: 0, unknown: 0 };
  const fileProblems = (report?.diagnostics ?? []).filter((d) => d.severity === 'error');

  return (
    <div className="wb-parity">
      <div className="wb-parity-bar" role="group" aria-label="Parity counts and filters">
        <button
          type="button"
          className="wb-count"
          aria-pressed={statusFilter === 'all'}
          onClick={() => workbench.getState().setStatusFilter('all')}
        >
          All <strong>{rows.length}</strong>
        </button>
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className={`wb-count wb-count-${s}`}
            data-count={s}
            aria-pressed={statusFilter === s}
            onClick={() => workbench.getState().setStatusFilter(statusFilter === s ? 'all' : s)}
          >
            {LABEL[s]} <strong>{summary[s]}</strong>
          </button>
        ))}
        <label className="wb-resource-filter">
          <span>Resource</span>
          <select value={resourceFilter} onChange={(e) => workbench.getState().setResourceFilter(e.target.value)}>
            <option value="">All resources</option>
            {resources.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </div>
      {checkError && (
        <p className="wb-error" role="alert">
          The parity check stopped: {checkError}
        </p>
      )}
      {fileProblems.length > 0 && (
        <ul className="wb-file-problems" aria-label="YAML problems">
          {fileProblems.slice(0, 5).map((d, i) => (
            <li key={i}>{d.message}</li>
          ))}
          {fileProblems.length > 5 && <li>…and {fileProblems.length - 5} more</li>}
        </ul>
      )}
      <VirtualTable lines={lines} onToggle={onToggle} onTogglePasses={onTogglePasses}>
        {report && groups.length === 0 && (
          <p className="wb-muted wb-empty">
            {rows.length === 0 ? 'Nothing to check yet: add resources to the design.' : 'No rows match the filters.'}
          </p>
        )}
        {!report && <p className="wb-muted wb-empty">Checking…</p>}
      </VirtualTable>
    </div>
  );
}
