/**
 * The parity table, as a triage list (group-rows.ts): App Host relationships, then policy lint;
 * failing groups first and passes folded. Evidence and Fix sit under each row's text, so the
 * table is never wider than its panel. One row per declaration × requirement, with counts
 * (which double as the status filter) and a resource filter. Clicking a row shows its evidence
 * in the editor and selects the resource on the canvas; "Fix" applies the row's snippet as one
 * undo step in the editor.
 *
 * The table is virtualised (@tanstack/react-virtual): a 300-resource design has 9,000 rows, and
 * putting them all in the DOM froze the page for a minute. Small reports still render every
 * line (the overscan covers them), so find-in-page and screen readers see the whole table.
 * Rows are memoised (`sameRow`): a row the check did not change is not rendered again.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { STATUS_ORDER } from '../../core/parity/status-rank';
import type { ParityRow, ParityStatus } from '../../core/parity/types';
import { designStore, useDesignStore } from '../../state/design-store';
import { editorApi } from '../editor/editor-api';
import { workbench } from '../workbench/workbench-instance';
import { recordTiming } from '../workbench/timings';
import { applyFix, type FixEdit } from '../../core/parity/apply-fix';
import { hunks, lineDiff, type DiffLine } from '../../core/parity/line-diff';
import {
  groupRows,
  isHeadingKey,
  resourcesOf,
  sameRow,
  SECTION_TITLE,
  tableLines,
  type RowGroup,
  type Section,
  type TableLine,
} from './group-rows';

/** Worst first: the one ranking (core/parity/status-rank.ts) orders the filters and the counts. */
const STATUSES = STATUS_ORDER;
const LABEL: Record<ParityStatus, string> = { pass: 'Pass', fail: 'Fail', warn: 'Warn', unknown: 'Unknown' };
/** Up to this many lines the whole table is in the DOM; beyond it only what is on screen. */
const RENDER_ALL_UP_TO = 150;
/** First guesses of line heights in px; each line is measured once rendered. */
const GROUP_HEIGHT = 30;
const ROW_HEIGHT = 58;

type Measure = (el: HTMLTableRowElement | null) => void;

function showRow(row: ParityRow): void {
  const ev = row.evidence?.find((e) => e.file && e.line > 0);
  if (ev) workbench.getState().revealAt(ev.file, ev.line, ev.endLine);
  const sel = designStore.getState().view.selected;
  if (!(sel.length === 1 && sel[0] === row.resource)) designStore.getState().select([row.resource]);
}

interface PendingFix {
  file: string;
  edit: FixEdit;
  /** The rewritten document's changed lines, for the user to accept. */
  diff: (DiffLine | '…')[];
}

/** Compute the Fix (nothing changes yet): the user reviews its diff and applies it. */
function previewFix(row: ParityRow, setMessage: (m: string | undefined) => void): PendingFix | undefined {
  const fix = row.fix;
  // A whole new object has no target: it goes into the file of the row's evidence.
  const file = fix?.target?.file ?? (fix?.snippet ? row.evidence?.find((e) => e.file)?.file : undefined);
  if (!fix || !file) return undefined;
  const text = editorApi.getText(file);
  if (text === undefined) {
    setMessage(`${file} is not open in the editor.`);
    return undefined;
  }
  const line = row.evidence?.find((e) => e.file === file)?.line;
  const r = applyFix(text, fix, line);
  if ('error' in r) {
    setMessage(r.error);
    return undefined;
  }
  setMessage(undefined);
  const old = text
    .split('\n')
    .slice(r.startLine - 1, r.endLine - 1)
    .join('\n');
  return { file, edit: r, diff: hunks(lineDiff(old, r.text)) };
}

function applyPending(p: PendingFix): void {
  editorApi.replaceLines(p.file, p.edit.startLine, p.edit.endLine, p.edit.text);
  workbench.getState().revealAt(p.file, p.edit.startLine);
}

const Row = memo(
  function Row({ row, index, measure }: { row: ParityRow; index: number; measure: Measure }) {
    const [message, setMessage] = useState<string | undefined>();
    const [pending, setPending] = useState<PendingFix | undefined>();
    const ev = row.evidence?.find((e) => e.file && e.line > 0);
    const canFix =
      row.status !== 'pass' && !!row.fix?.snippet && (!!row.fix.target || !!row.evidence?.some((e) => e.file));
    return (
      <tr
        ref={measure}
        data-index={index}
        className={`wb-row wb-${row.status}`}
        data-row-id={row.id}
        data-status={row.status}
        onClick={() => showRow(row)}
      >
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
          {(ev || canFix) && (
            <div className="wb-row-actions">
              {ev && (
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
              )}
              {canFix && (
                <button
                  type="button"
                  className="wb-fix"
                  aria-label={`Fix: ${row.fix!.text}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    setPending(previewFix(row, setMessage));
                  }}
                >
                  Fix
                </button>
              )}
            </div>
          )}
          {pending && (
            <div
              className="wb-fixreview"
              role="group"
              aria-label={`Review the fix for ${row.resource}`}
              onClick={(e) => e.stopPropagation()}
            >
              <div className="wb-muted">
                {pending.file}, from line {pending.edit.startLine}:
              </div>
              <pre className="wb-fixdiff">
                {pending.diff.map((l, i) =>
                  l === '…' ? (
                    <span key={i} className="wb-muted">
                      {'…\n'}
                    </span>
                  ) : (
                    <span
                      key={i}
                      className={l.kind === '+' ? 'wb-add' : l.kind === '-' ? 'wb-del' : undefined}
                    >{`${l.kind} ${l.text}\n`}</span>
                  ),
                )}
              </pre>
              <button
                type="button"
                className="wb-fix"
                onClick={() => {
                  applyPending(pending);
                  setPending(undefined);
                }}
              >
                Apply fix
              </button>{' '}
              <button type="button" className="wb-link" onClick={() => setPending(undefined)}>
                Cancel
              </button>
            </div>
          )}
        </td>
      </tr>
    );
  },
  (a, b) => a.index === b.index && a.measure === b.measure && sameRow(a.row, b.row),
);

const GroupHead = memo(
  function GroupHead({
    group,
    open,
    index,
    measure,
    onToggle,
  }: {
    group: RowGroup;
    open: boolean;
    index: number;
    measure: Measure;
    onToggle(resource: string, open: boolean): void;
  }) {
    const c = group.counts;
    return (
      <tr
        ref={measure}
        data-index={index}
        className="wb-group-head"
        data-resource={group.resource}
        data-section={group.section}
      >
        <th scope="colgroup" colSpan={2}>
          <button
            type="button"
            className="wb-group-toggle"
            aria-expanded={open}
            onClick={() => onToggle(group.key, open)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>{' '}
            <span className={`wb-dot wb-status-${group.worst}`} aria-hidden="true" />
            {group.resource}
            <span className="wb-group-counts">
              {STATUSES.filter((s) => c[s] > 0)
                .map((s) => `${c[s]} ${s}`)
                .join(' · ')}
            </span>
          </button>
        </th>
      </tr>
    );
  },
  (a, b) =>
    a.open === b.open &&
    a.index === b.index &&
    a.measure === b.measure &&
    a.onToggle === b.onToggle &&
    a.group.worst === b.group.worst &&
    STATUSES.every((s) => a.group.counts[s] === b.group.counts[s]),
);

/** A section's title row: App Host relationships or policy lint, with its row count. */
function SectionHead({
  section,
  count,
  index,
  measure,
}: {
  section: Section;
  count: number;
  index: number;
  measure: Measure;
}) {
  return (
    <tr ref={measure} data-index={index} className="wb-section-head">
      <th scope="colgroup" colSpan={2}>
        {SECTION_TITLE[section]} <span className="wb-group-counts">{count} rows</span>
      </th>
    </tr>
  );
}

/** The folded passing rows of a group that also has findings. */
function PassesLine({
  group,
  open,
  index,
  measure,
  onToggle,
}: {
  group: RowGroup;
  open: boolean;
  index: number;
  measure: Measure;
  onToggle(key: string, open: boolean): void;
}) {
  return (
    <tr ref={measure} data-index={index} className="wb-passes">
      <td colSpan={2}>
        <button
          type="button"
          className="wb-passes-toggle"
          aria-expanded={open}
          onClick={() => onToggle(group.key, open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {group.counts.pass} passing
        </button>
      </td>
    </tr>
  );
}

/**
 * The lines' keys, as the same array for as long as they are the same keys in the same order.
 * Compared once per new set of lines (a check), not on every render (scrolling re-renders).
 */
function useLineKeys(lines: readonly TableLine[]): readonly string[] {
  const last = useRef<readonly string[]>([]);
  return useMemo(() => {
    const keys = lines.map((l) => l.key);
    const prev = last.current;
    if (keys.length !== prev.length || keys.some((k, i) => k !== prev[i])) last.current = keys;
    return last.current;
  }, [lines]);
}

/** Stands in for the lines scrolled out of the DOM, so the scrollbar keeps the table's full height. */
function Spacer({ height }: { height: number }) {
  return (
    <tr className="wb-pad" aria-hidden="true">
      <td colSpan={2} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

export default function ParityTable() {
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

  const scroller = useRef<HTMLDivElement>(null);
  // The virtualiser re-measures every line whenever these callbacks change. Each check sends new
  // row objects, so they are keyed on the table's shape (the line keys), not on the lines: a
  // keystroke in a 9,000-line report re-measured everything (≈190 ms) before.
  const shape = useLineKeys(lines);
  const estimateSize = useCallback((i: number) => (isHeadingKey(shape[i] ?? '') ? GROUP_HEIGHT : ROW_HEIGHT), [shape]);
  const getItemKey = useCallback((i: number) => shape[i]!, [shape]);
  const virtual = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    getItemKey,
    overscan: lines.length <= RENDER_ALL_UP_TO ? RENDER_ALL_UP_TO : 12,
  });
  const measure = virtual.measureElement as Measure;
  const items = virtual.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtual.getTotalSize() - items.at(-1)!.end : 0;

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
      <div className="wb-table-scroll" ref={scroller}>
        <table aria-label="Parity" className="wb-table">
          <colgroup>
            <col className="wb-col-status" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Declaration, requirement, evidence and fix</th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && <Spacer height={padTop} />}
            {items.map((item) => {
              const line = lines[item.index]!;
              if (line.kind === 'section')
                return (
                  <SectionHead
                    key={item.key}
                    index={item.index}
                    measure={measure}
                    section={line.section}
                    count={line.count}
                  />
                );
              if (line.kind === 'group')
                return (
                  <GroupHead
                    key={item.key}
                    index={item.index}
                    measure={measure}
                    group={line.group}
                    open={line.open}
                    onToggle={onToggle}
                  />
                );
              if (line.kind === 'passes')
                return (
                  <PassesLine
                    key={item.key}
                    index={item.index}
                    measure={measure}
                    group={line.group}
                    open={line.open}
                    onToggle={onTogglePasses}
                  />
                );
              return <Row key={item.key} index={item.index} measure={measure} row={line.row} />;
            })}
            {padBottom > 0 && <Spacer height={padBottom} />}
          </tbody>
        </table>
        {report && groups.length === 0 && (
          <p className="wb-muted wb-empty">
            {rows.length === 0 ? 'Nothing to check yet: add resources to the design.' : 'No rows match the filters.'}
          </p>
        )}
        {!report && <p className="wb-muted wb-empty">Checking…</p>}
      </div>
    </div>
  );
}
