import { memo, useState } from 'react';
import type { ParityRow } from '../../core/parity/types';
import { useDesignApi, useWorkbenchApi } from '../../state/app-state-context';
import { FixReview } from './FixReview';
import { previewFix, type PendingFix } from './fix-preview';
import { sameRow } from './group-rows';
import { showRow } from './show-row';
import { LABEL, type Measure } from './status-labels';

/** One row of the table: declaration × requirement, with its evidence link and Fix. */
export const Row = memo(
  function Row({ row, index, measure }: { row: ParityRow; index: number; measure: Measure }) {
    const app = { design: useDesignApi(), workbench: useWorkbenchApi() };
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
        onClick={() => showRow(app, row)}
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
                    showRow(app, row);
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
          {pending && <FixReview resource={row.resource} pending={pending} onDone={() => setPending(undefined)} />}
        </td>
      </tr>
    );
  },
  (a, b) => a.index === b.index && a.measure === b.measure && sameRow(a.row, b.row),
);
