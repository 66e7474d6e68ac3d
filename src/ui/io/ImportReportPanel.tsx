/** The dismissible report of the last import: what happened, then each diagnostic with where. */
import { useImportReport } from './import-report';

export function ImportReportPanel() {
  const report = useImportReport((s) => s.report);
  const busy = useImportReport((s) => s.busy);
  const dismiss = useImportReport((s) => s.dismiss);
  if (busy)
    return (
      <div className="banner banner-info" role="status">
        Importing…
      </div>
    );
  if (!report) return null;
  return (
    <section
      className={`banner ${report.ok ? 'banner-info' : 'banner-error'}`}
      aria-label="Import report"
      role={report.ok ? 'status' : 'alert'}
    >
      <div className="banner-row">
        <p>{report.message}</p>
        <button type="button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
      {report.diagnostics.length > 0 && (
        // A long list after a successful import would push the canvas down: folded, one click away.
        <details className="diag-details" open={!report.ok || report.diagnostics.length <= 3}>
          <summary>
            {report.diagnostics.length} diagnostic{report.diagnostics.length === 1 ? '' : 's'}
          </summary>
          <ul className="diag-list">
            {report.diagnostics.slice(0, 50).map((d, i) => (
              <li key={i} className={`diag diag-${d.severity}`}>
                <span className="diag-sev">{d.severity}</span> {d.resource ? <strong>{d.resource}: </strong> : null}
                {d.message}
                {d.line !== undefined ? (
                  <span className="muted">
                    {' '}
                    ({d.file !== undefined && d.file !== report.fileName ? `${d.file}, ` : ''}line {d.line}
                    {d.column !== undefined ? `, column ${d.column}` : ''})
                  </span>
                ) : null}
              </li>
            ))}
            {report.diagnostics.length > 50 && <li className="muted">…and {report.diagnostics.length - 50} more.</li>}
          </ul>
        </details>
      )}
    </section>
  );
}
