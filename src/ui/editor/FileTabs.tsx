/**
 * The bundle's files as tabs: edited files carry a dot, files with failing rows a count. A
 * scrolling strip, since a 300-resource design has 300 files; when it overflows, its cut edge
 * fades, scroll buttons appear and a menu lists every file, so nobody misses the hidden tabs.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
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

  const strip = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ left: false, right: false });
  useEffect(() => {
    const el = strip.current;
    if (!el) return;
    const update = () =>
      setMore({ left: el.scrollLeft > 1, right: el.scrollLeft + el.clientWidth < el.scrollWidth - 1 });
    update();
    el.addEventListener('scroll', update, { passive: true });
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      ro.disconnect();
    };
  }, [files.length]);
  useEffect(() => {
    strip.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active]);
  const overflow = more.left || more.right;
  const scroll = (dir: number) => strip.current?.scrollBy({ left: dir * strip.current.clientWidth * 0.8 });

  return (
    <div className="wb-tabs-bar">
      {overflow && (
        <button
          type="button"
          className="wb-tabs-scroll"
          aria-label="Scroll file tabs left"
          disabled={!more.left}
          onClick={() => scroll(-1)}
        >
          ‹
        </button>
      )}
      <div
        ref={strip}
        className={`wb-tabs${more.left ? ' more-left' : ''}${more.right ? ' more-right' : ''}`}
        role="tablist"
        aria-label="Bundle files"
      >
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
      {overflow && (
        <>
          <button
            type="button"
            className="wb-tabs-scroll"
            aria-label="Scroll file tabs right"
            disabled={!more.right}
            onClick={() => scroll(1)}
          >
            ›
          </button>
          <select
            className="wb-tabs-menu"
            aria-label={`All ${files.length} bundle files`}
            value={active ?? ''}
            onChange={(e) => workbench.getState().setActive(e.target.value)}
          >
            {files.map((f) => (
              <option key={f.path} value={f.path}>
                {f.path}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
