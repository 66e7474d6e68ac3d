/** The top toolbar: file actions, history, layout and view controls, search, help. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { designStore, useDesignStore, useHistory } from '../../state/design-store';
import { serializeDesign } from '../../state/design-codec';
import { encodeShareHash } from '../../state/share-link';
import { canvasApi } from '../canvas/canvas-api';
import { layoutTopology } from '../canvas/layout';
import { importFile } from '../io/run-import';
import { useTheme } from '../theme/theme';
import { HelpDialog, SamplesDialog, ShareDialog } from './dialogs';
import { downloadText } from './download';
import { downloadAppHost } from './download-apphost';
import { handleShortcut, shortcutTable } from './shortcuts';
import { SearchBox } from './SearchBox';

export async function autoLayout(): Promise<void> {
  const st = designStore.getState();
  st.move(await layoutTopology(st.doc.topology));
  requestAnimationFrame(() => requestAnimationFrame(() => canvasApi.fitView()));
}

function saveDesign() {
  const doc = designStore.getState().doc;
  const name = doc.topology.name.replace(/[^A-Za-z0-9._-]+/g, '-') || 'design';
  downloadText(serializeDesign(doc), `${name}.aspire-design.json`);
}

export function Toolbar({ minimap, onToggleMinimap }: { minimap: boolean; onToggleMinimap(): void }) {
  const canUndo = useHistory((s) => s.pastStates.length > 0);
  const canRedo = useHistory((s) => s.futureStates.length > 0);
  const empty = useDesignStore((s) => s.doc.topology.resources.length === 0);
  const { mode, toggle } = useTheme();
  const fileInput = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [help, setHelp] = useState(false);
  const [samples, setSamples] = useState(false);
  const [shareUrl, setShareUrl] = useState<string | undefined>();
  const table = useMemo(
    () =>
      shortcutTable({
        openImport: () => fileInput.current?.click(),
        saveDesign,
        autoLayout: () => void autoLayout(),
        focusSearch: () => searchRef.current?.focus(),
        openHelp: () => setHelp(true),
      }),
    [],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => handleShortcut(table, e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [table]);

  const share = () => {
    const res = encodeShareHash(designStore.getState().doc);
    if (!res.ok) return designStore.getState().notify({ kind: 'error', text: res.message });
    setShareUrl(`${location.origin}${location.pathname}${res.hash}`);
  };
  const exportPng = () =>
    canvasApi.exportPng().catch((e: Error) => designStore.getState().notify({ kind: 'error', text: `PNG export failed: ${e.message}` }));

  return (
    <header className="toolbar">
      <h1 className="brand">Aspire Parity</h1>
      <div className="tool-group" role="group" aria-label="File">
        <button type="button" onClick={() => fileInput.current?.click()} title="Import an Aspire manifest, App Host Program.cs or saved design (Ctrl+O)">
          Import
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.cs,.ts,.mts,application/json,text/plain"
          hidden
          data-testid="import-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }}
        />
        <button type="button" onClick={() => setSamples(true)}>
          Samples
        </button>
        <button type="button" onClick={saveDesign} title="Download the design as JSON (Ctrl+S)">
          Save design
        </button>
        <button type="button" onClick={() => void downloadAppHost()} disabled={empty} title="Download the design as App Host code (Program.cs)">
          Download App Host
        </button>
        <button type="button" onClick={() => void downloadAppHost('ts')} disabled={empty} title="Download the design as a TypeScript App Host (apphost.ts)">
          Download App Host (TS)
        </button>
        <button type="button" onClick={share} disabled={empty}>
          Share link
        </button>
        <button type="button" onClick={() => void exportPng()} disabled={empty}>
          Export PNG
        </button>
      </div>
      <div className="tool-group" role="group" aria-label="History">
        <button type="button" onClick={() => designStore.temporal.getState().undo()} disabled={!canUndo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={() => designStore.temporal.getState().redo()} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
      </div>
      <div className="tool-group" role="group" aria-label="View">
        <button type="button" onClick={() => void autoLayout()} disabled={empty} title="Auto layout (Ctrl+Shift+L)">
          Auto layout
        </button>
        <button type="button" onClick={() => canvasApi.fitView()} title="Fit view (F)">
          Fit view
        </button>
        <button type="button" aria-pressed={minimap} onClick={onToggleMinimap}>
          Minimap
        </button>
        {/* An icon keeps the toolbar on one row; the accessible name stays "Dark mode". */}
        <button type="button" aria-pressed={mode === 'dark'} aria-label="Dark mode" onClick={toggle} title="Dark mode">
          <span aria-hidden="true">◐</span>
        </button>
      </div>
      <SearchBox inputRef={searchRef} />
      <button type="button" className="help-button" onClick={() => setHelp(true)} title="Keyboard shortcuts (?)">
        Help
      </button>
      <HelpDialog open={help} onClose={() => setHelp(false)} table={table} />
      <SamplesDialog open={samples} onClose={() => setSamples(false)} />
      <ShareDialog url={shareUrl} onClose={() => setShareUrl(undefined)} />
    </header>
  );
}
