import { useWorkbenchApi } from '../../state/app-state-context';
import { applyPending, type PendingFix } from './fix-preview';

/** A pending Fix's diff, with "Apply fix" and "Cancel". */
export function FixReview({ resource, pending, onDone }: { resource: string; pending: PendingFix; onDone(): void }) {
  const workbench = useWorkbenchApi();
  return (
    <div
      className="wb-fixreview"
      role="group"
      aria-label={`Review the fix for ${resource}`}
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
          applyPending(workbench, pending);
          onDone();
        }}
      >
        Apply fix
      </button>{' '}
      <button type="button" className="wb-link" onClick={onDone}>
        Cancel
      </button>
    </div>
  );
}
