/**
 * The parity table: one row per declaration × requirement, grouped by resource, with counts
 * (which double as the status filter) and a resource filter. Clicking a row shows its evidence
 * in the editor and selects the resource on the canvas; "Fix" applies the row's snippet as one
 * undo step in the editor.
 *
 * Rows are memoised by content (`sameRow`): the worker sends fresh objects on every check, and
 * re-rendering 3,000 unchanged rows per keystroke would blow the latency budget.
 */
import { memo, useLayoutEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { ParityRow, ParityStatus } from '../../core/parity/types';
import { designStore } from '../../state/design-store';
import { editorApi } from '../editor/editor-api';
import { workbench } from '../workbench/workbench-instance';
import { recordTiming } from '../workbench/timings';
import { applyFix } from './apply-fix';
import { groupRows, resourcesOf, sameRow, type RowGroup } from './group-rows';

const STATUSES: ParityStatus[] = ['fail', 'warn', 'unknown', 'pass'];
const LABEL: Record<ParityStatus, string> = { pass: 'Pass', fail: 'Fail', warn: 'Warn', unknown: 'Unknown' };
/** Above this many resources, groups with nothing to look at start collapsed. */
const EXPAND_ALL_UP_TO = 30;

function showRow(row: ParityRow): void {
  const ev = row.evidence?.find((e) => e.file && e.line > 0);
  if (ev) workbench.getState().revealAt(ev.file, ev.line, ev.endLine);
  const sel = designStore.getState().view.selected;
  if (!(sel.length === 1 && sel[0] === row.resource)) designStore.getState().select([row.resource]);
}

function runFix(row: ParityRow, setMessage: (m: string | undefined) => void): void {
  const fix = row.fix;
  if (!fix?.target) return;
  const file = fix.target.file;
  const text = editorApi.getText(file);
  if (text === undefined) {
    setMessage(`${file} is not open in the editor.`);
    return;
  }
  const line = row.evidence?.find((e) => e.file === file)?.line;
  const r = applyFix(text, fix, line);
  if ('error' in r) {
    setMessage(r.error);
    return;
  }
  editorApi.replaceLines(file, r.startLine, r.endLine, r.text);
  setMessage(undefined);
  workbench.getState().revealAt(file, r.startLine);
}

const Row = memo(
  function Row({ row }: { row: ParityRow }) {
    const [message, setMessage] = useState<string | undefined>();
    const ev = row.evidence?.find((e) => e.file && e.line > 0);
    const canFix = row.status !== 'pass' && !!row.fix?.snippet && !!row.fix.target;
    return (
      <tr className={`wb-row wb-${row.status}`} data-row-id={row.id} data-status={row.status} onClick={() => showRow(row)}>
        <td>
          <span className={`wb-status wb-status-${row.status}`}>{LABEL[row.status]}</span>
        </td>
        <td>
          <code className="wb-decl">{row.declaration}</code>
          <div className="wb-req">{row.requirement}</div>
          {row.detail && <div className="wb-detail">{row.detail}</div>}
          {row.status !== 'pass' && row.fix && <div className="wb-fixtext">Fix: {row.fix.text}</div>}
          {message && (
            <div className="wb-fixerror" role="alert">
              {message}
            </div>
          )}
        </td>
        <td>
          {ev ? (
            <button
              type="button"
              className="wb-link"
              title="Show these lines in the editor"
              onClick={(e) => {
                e.stopPropagation();
                showRow(row);
              }}
            >
              {ev.file}:{ev.line}
              {ev.endLine && ev.endLine !== ev.line ? `–${ev.endLine}` : ''}
            </button>
          ) : (
            <span className="wb-muted">—</span>
          )}
        </td>
        <td>
          {canFix && (
            <button
              type="button"
              className="wb-fix"
              aria-label={`Fix: ${row.fix!.text}`}
              onClick={(e) => {
                e.stopPropagation();
                runFix(row, setMessage);
              }}
            >
              Fix
            </button>
          )}
        </td>
      </tr>
    );
  },
  (a, b) => sameRow(a.row, b.row),
);

const Group = memo(
  function Group({ group, open, onToggle }: { group: RowGroup; open: boolean; onToggle(resource: string, open: boolean): void }) {
    const c = group.counts;
    return (
      <tbody className="wb-group" data-resource={group.resource}>
        <tr className="wb-group-head">
          <th scope="rowgroup" colSpan={4}>
            <button type="button" className="wb-group-toggle" aria-expanded={open} onClick={() => onToggle(group.resource, open)}>
              <span aria-hidden="true">{open ? '▾' : '▸'}</span> <span className={`wb-dot wb-status-${group.worst}`} aria-hidden="true" />
              {group.resource}
              <span className="wb-group-counts">
                {STATUSES.filter((s) => c[s] > 0)
                  .map((s) => `${c[s]} ${s}`)
                  .join(' · ')}
              </span>
            </button>
          </th>
        </tr>
        {open && group.rows.map((r) => <Row key={r.id} row={r} />)}
      </tbody>
    );
  },
  (a, b) => a.open === b.open && a.onToggle === b.onToggle && a.group.rows.length === b.group.rows.length && a.group.worst === b.group.worst && a.group.rows.every((r, i) => sameRow(r, b.group.rows[i]!)),
);

export default function ParityTable() {
  const report = useStore(workbench, (s) => s.report);
  const timing = useStore(workbench, (s) => s.timing);
  const checkError = useStore(workbench, (s) => s.checkError);
  const statusFilter = useStore(workbench, (s) => s.statusFilter);
  const resourceFilter = useStore(workbench, (s) => s.resourceFilter);
  const [toggled, setToggled] = useState<Record<string, boolean>>({});

  const rows = useMemo(() => report?.rows ?? [], [report]);
  const groups = useMemo(() => groupRows(rows, statusFilter, resourceFilter), [rows, statusFilter, resourceFilter]);
  const resources = useMemo(() => resourcesOf(rows), [rows]);
  const many = resources.length > EXPAND_ALL_UP_TO;
  const onToggle = useMemo(() => (r: string, open: boolean) => setToggled((t) => ({ ...t, [r]: !open })), []);

  // Keystroke → table on screen: measured after React has written the DOM.
  useLayoutEffect(() => {
    if (timing) recordTiming(timing.triggeredAt, timing.checkMs, rows.length);
  }, [timing, rows.length]);

  const summary = report?.summary ?? { pass: 0, fail: 0, warn: 0, unknown: 0 };
  const fileProblems = (report?.diagnostics ?? []).filter((d) => d.severity === 'error');

  return (
    <div className="wb-parity">
      <div className="wb-parity-bar" role="group" aria-label="Parity counts and filters">
        <button type="button" className="wb-count" aria-pressed={statusFilter === 'all'} onClick={() => workbench.getState().setStatusFilter('all')}>
          All <strong>{rows.length}</strong>
        </button>
        {STATUSES.map((s) => (
          <button key={s} type="button" className={`wb-count wb-count-${s}`} data-count={s} aria-pressed={statusFilter === s} onClick={() => workbench.getState().setStatusFilter(statusFilter === s ? 'all' : s)}>
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
      <div className="wb-table-scroll">
        <table aria-label="Parity" className="wb-table">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Declaration and requirement</th>
              <th scope="col">Evidence</th>
              <th scope="col">
                <span className="wb-sr">Fix</span>
              </th>
            </tr>
          </thead>
          {groups.map((g) => (
            <Group key={g.resource} group={g} open={toggled[g.resource] ?? (!many || g.worst !== 'pass' || !!resourceFilter)} onToggle={onToggle} />
          ))}
        </table>
        {report && groups.length === 0 && <p className="wb-muted wb-empty">{rows.length === 0 ? 'Nothing to check yet: add resources to the design.' : 'No rows match the filters.'}</p>}
        {!report && <p className="wb-muted wb-empty">Checking…</p>}
      </div>
    </div>
  );
}
