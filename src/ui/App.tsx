/**
 * The app shell: toolbar on top; palette, canvas (+ inspector) and the workbench slot below.
 * The workbench (Monaco + parity table) is lazy so the designer paints before the editor loads.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useDesignStore } from '../state/app-state-context';
import { DesignCanvas } from './canvas/DesignCanvas';
import { Inspector } from './inspector/Inspector';
import { DropImport } from './io/DropImport';
import { ImportReportPanel } from './io/ImportReportPanel';
import { usePersistence } from './io/usePersistence';
import { DamagedAutosave } from './io/DamagedAutosave';
import { Palette } from './palette/Palette';
import { SkipLinks } from './SkipLinks';
import { Splitter } from './Splitter';
import { useTheme } from './theme/theme';
import { ConfirmDialog, DeleteDialog } from './toolbar/dialogs';
import { Toolbar } from './toolbar/Toolbar';

const Workbench = lazy(() => import('./workbench/Workbench'));

function Notice() {
  const notice = useDesignStore((s) => s.view.notice);
  const notify = useDesignStore((s) => s.notify);
  if (!notice) return null;
  return (
    <div
      className={`banner ${notice.kind === 'error' ? 'banner-error' : 'banner-info'}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      <div className="banner-row">
        <p>{notice.text}</p>
        <button type="button" onClick={() => notify(undefined)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

export function App() {
  const mode = useTheme((s) => s.mode);
  const [minimap, setMinimap] = useState(true);
  const [workbench, setWorkbench] = useState(true);
  const [canvasOpen, setCanvasOpen] = useState(true);
  // The workbench starts at about a third of the window, within what its table needs.
  const [wbWidth, setWbWidth] = useState(() => Math.round(Math.min(760, Math.max(320, window.innerWidth * 0.34))));
  const p = usePersistence();
  useEffect(() => {
    document.documentElement.dataset.theme = mode;
    document.documentElement.style.colorScheme = mode;
  }, [mode]);
  return (
    <div className="app">
      <SkipLinks canvas={canvasOpen} parity={workbench} />
      <Toolbar minimap={minimap} onToggleMinimap={() => setMinimap((m) => !m)} />
      <div className="banners">
        {p.storageError && (
          <div className="banner banner-error" role="alert">
            <p>{p.storageError}</p>
          </div>
        )}
        <DamagedAutosave damaged={p.damaged} onDownload={p.downloadDamaged} onStartFresh={p.startFresh} />
        {p.conflict && (
          <div className="banner banner-warn" role="alert">
            <div className="banner-row">
              <p>
                This design was changed in another tab. Autosave is paused here so neither tab overwrites the other.
              </p>
              <button type="button" onClick={() => p.resolveConflict('load-theirs')}>
                Load the other tab's design
              </button>
              <button type="button" onClick={() => p.resolveConflict('keep-mine')}>
                Keep this one
              </button>
            </div>
          </div>
        )}
        <Notice />
        <ImportReportPanel />
      </div>
      <main
        className={`body${workbench ? '' : ' no-workbench'}${canvasOpen ? '' : ' no-canvas'}`}
        style={{ '--wb-w': `${wbWidth}px` } as React.CSSProperties}
      >
        <Palette />
        <div className="center" hidden={!canvasOpen}>
          <DesignCanvas colorMode={mode} showMinimap={minimap} />
          <Inspector />
        </div>
        {workbench && canvasOpen && (
          <Splitter
            label="Resize the workbench"
            side="right"
            size={wbWidth}
            min={300}
            max={Math.max(320, window.innerWidth - 420)}
            onSize={setWbWidth}
          />
        )}
        {/* "nokey": React Flow's Space-to-pan and Delete shortcuts listen on the document and
            would swallow keys typed into Monaco (its EditContext input is not an <input>). */}
        <div className="workbench-slot nokey">
          <div className="workbench-bar">
            {workbench && (
              <button
                type="button"
                className="workbench-toggle"
                aria-pressed={!canvasOpen}
                onClick={() => setCanvasOpen((c) => !c)}
              >
                {canvasOpen ? 'Hide canvas' : 'Show canvas'}
              </button>
            )}
            <button
              type="button"
              className="workbench-toggle"
              aria-expanded={workbench}
              onClick={() => {
                setWorkbench((w) => !w);
                setCanvasOpen(true);
              }}
            >
              {workbench ? 'Hide workbench' : 'Workbench'}
            </button>
          </div>
          {workbench && (
            <Suspense fallback={<p className="muted pad">Loading the workbench…</p>}>
              <Workbench />
            </Suspense>
          )}
        </div>
      </main>
      <DropImport />
      <DeleteDialog />
      <ConfirmDialog
        open={p.pendingShare !== undefined}
        title="Open the shared design?"
        text={
          `The link carries a design with ${p.pendingShare?.topology.resources.length ?? 0} resources. Opening ` +
          `it replaces your current design (Undo brings yours back).`
        }
        confirmLabel="Open shared design"
        onConfirm={p.acceptShare}
        onCancel={p.declineShare}
      />
    </div>
  );
}
