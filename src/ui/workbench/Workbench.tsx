/**
 * The right-hand workbench the shell lazy-loads: the Kubernetes YAML editor (one model per
 * bundle file), the live parity table, deployment settings and "Download bundle". No props:
 * everything comes from this tree's app state (its design and the workbench it starts here).
 */
import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useAppState } from '../../state/app-state-context';
import type { DesignStore } from '../../state/design-store';
import type { WorkbenchStore } from '../../state/workbench-store';
import DownloadBundle from '../download/DownloadBundle';
import DiffReview from '../editor/DiffReview';
import FileTabs from '../editor/FileTabs';
import YamlEditor from '../editor/YamlEditor';
import ParityTable from '../parity/ParityTable';
import SettingsPanel from '../settings/SettingsPanel';
import { startBrowserWorkbench } from './browser-workbench';
import { installTestHook } from './test-hook';
import './workbench.css';

/** Canvas selection → the selected resource's file in the editor. */
function useFollowCanvasSelection(designStore: DesignStore, workbench: WorkbenchStore): void {
  useEffect(
    () =>
      designStore.subscribe((s, prev) => {
        const sel = s.view.selected;
        if (sel === prev.view.selected || sel.length !== 1) return;
        const name = sel[0]!;
        const wb = workbench.getState();
        const active = wb.activePath;
        if (active && wb.generated.resourcesOf[active]?.includes(name)) return;
        const path = Object.entries(wb.generated.resourcesOf).find(([, rs]) => rs.includes(name))?.[0];
        if (path) wb.setActive(path);
      }),
    [designStore, workbench],
  );
}

export default function Workbench() {
  const app = useAppState();
  // Idempotent: the instance's one workbench, started on first render (its children read it).
  const workbench = startBrowserWorkbench(app);
  useEffect(() => installTestHook(workbench), [workbench]);
  const conflicts = useStore(workbench, (s) => s.conflicts);
  const noFiles = useStore(workbench, (s) => s.files.length === 0);
  const [reviewing, setReviewing] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const closeReview = useCallback(() => setReviewing(false), []);
  useFollowCanvasSelection(app.design, workbench);

  return (
    <div className="wb">
      <div className="wb-toolbar">
        <button
          type="button"
          aria-expanded={settingsOpen}
          aria-controls="wb-settings"
          onClick={() => setSettingsOpen((o) => !o)}
        >
          Settings
        </button>
        <span className="wb-spacer" />
        <DownloadBundle />
      </div>
      {settingsOpen && (
        <div id="wb-settings" className="wb-settings-wrap">
          <SettingsPanel />
        </div>
      )}
      {conflicts.length > 0 && !reviewing && (
        <div className="wb-banner" role="status">
          <span>
            The design changed after you edited{' '}
            {conflicts.length === 1 ? <code>{conflicts[0]}</code> : `${conflicts.length} files`}. Your edits are kept
            until you choose.
          </span>
          <button type="button" onClick={() => setReviewing(true)}>
            Review changes
          </button>
          <button type="button" onClick={() => workbench.getState().keepEdits()}>
            Keep my edits
          </button>
        </div>
      )}
      {reviewing && conflicts.length > 0 && <DiffReview onClose={closeReview} />}
      <section aria-label="Kubernetes YAML" className={`wb-editor${noFiles ? ' is-empty' : ''}`}>
        {/* The editor stays mounted (its models and undo survive) but an empty design shows words, not a blank box. */}
        {noFiles && (
          <p className="wb-empty muted">
            No Kubernetes YAML yet. Add a resource from the palette, open a sample or import a manifest: the bundle and
            its parity table appear here.
          </p>
        )}
        <FileTabs />
        <YamlEditor />
      </section>
      <section aria-label="Parity table" className="wb-parity-section">
        <h2 className="wb-h">Parity</h2>
        <ParityTable />
      </section>
    </div>
  );
}
