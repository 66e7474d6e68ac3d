/**
 * The bundle's files as tabs: edited files carry a dot, files with failing rows a count. A
 * scrolling strip, since a 300-resource design has 300 files.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useWorkbenchApi } from '../../state/app-state-context';

export default function FileTabs() {
  const workbench = useWorkbenchApi();
  const files = useStore(workbench, (s) => s.files);
  const active = useStore(workbench, (s) => s.activePath);
  const edits = useStore(workbench, (s) => s.doc?.edits);
  const live = useStore(workbench, (s) => s.live);
  const report = useStore(workbench, (s) => s.report);
  const failing = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of report?.rows ?? []) {
      if (r.status !== 'fail') continue;
      const f = r.evidence?.[0]?.file;
      if (f) m.set(f, (m.get(f) ?? 0) + 1);
    }
    return m;
  }, [report]);

  return (
    <div className="wb-tabs" role="tablist" aria-label="Bundle files">
      {files.map((f) => {
        const edited = (edits !== undefined && Object.hasOwn(edits, f.path)) || Object.hasOwn(live, f.path);
        const fails = failing.get(f.path) ?? 0;
        return (
          <button
            key={f.path}
            type="button"
            role="tab"
            aria-selected={f.path === active}
            className="wb-tab"
            title={`${f.path}${edited ? ' (edited)' : ''}${fails ? `, ${fails} failing` : ''}`}
            onClick={() => workbench.getState().setActive(f.path)}
          >
            {f.path}
            {edited && (
              <span className="wb-edited" aria-label="edited">
                ●
              </span>
            )}
            {fails > 0 && <span className="wb-tab-fails">{fails}</span>}
          </button>
        );
      })}
    </div>
  );
}
