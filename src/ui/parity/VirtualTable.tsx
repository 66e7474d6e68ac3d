/**
 * The parity table's lines, virtualised (@tanstack/react-virtual): a 300-resource design has
 * 9,000 rows, and putting them all in the DOM froze the page for a minute. Small reports still
 * render every line (the overscan covers them), so find-in-page and screen readers see the whole
 * table. Rows are memoised (`sameRow`): a row the check did not change is not rendered again.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import { isHeadingKey, type TableLine } from './group-rows';
import { Row } from './ParityRowLine';
import type { Measure } from './status-labels';
import { GroupHead, PassesLine, SectionHead } from './TableHeads';

/** Up to this many lines the whole table is in the DOM; beyond it only what is on screen. */
const RENDER_ALL_UP_TO = 150;
/** First guesses of line heights in px; each line is measured once rendered. */
const GROUP_HEIGHT = 30;
const ROW_HEIGHT = 58;

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

/** The scrolling table of lines; `children` (the empty-table notes) sit under it in the scroller. */
export function VirtualTable({
  lines,
  onToggle,
  onTogglePasses,
  children,
}: {
  lines: readonly TableLine[];
  onToggle(key: string, open: boolean): void;
  onTogglePasses(key: string, open: boolean): void;
  children?: ReactNode;
}) {
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

  return (
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
      {children}
    </div>
  );
}
