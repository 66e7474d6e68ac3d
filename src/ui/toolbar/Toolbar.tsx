/**
 * The top toolbar: file actions, history, layout and view controls, search, help — every button
 * an action of the registry (./actions.ts); narrow windows move rarer ones into "More".
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useDesignApi } from '../../state/app-state-context';
import type { DesignStore } from '../../state/design-store';
import { serializeDesign } from '../../state/design-codec';
import { designForDisk, secretsIn } from '../../state/secret-policy';
import { SecretValuesDialog } from './SecretValuesDialog';
import { encodeShareHash } from '../../state/share-link';
import { canvasApi } from '../canvas/canvas-api';
import { layoutTopology } from '../canvas/layout';
import { importFile } from '../io/run-import';
import { useTheme } from '../theme/theme';
import { HelpDialog, SamplesDialog, ShareDialog } from './dialogs';
import { downloadText } from './download';
import { downloadAppHost } from './download-apphost';
import { ActionButton } from './ActionButton';
import { createActions } from './actions';
import { actionOf, handleShortcut } from './keys';
import { OverflowMenu } from './OverflowMenu';
import { SearchBox } from './SearchBox';

/** Buttons that move into the "More" menu when the window is narrow (styles.css, < 1280 px). */
const OVERFLOW = ['download-apphost', 'download-apphost-ts', 'share', 'export-png'];

export async function autoLayout(design: DesignStore): Promise<void> {
  const st = design.getState();
  st.move(await layoutTopology(st.doc.topology));
  requestAnimationFrame(() => requestAnimationFrame(() => canvasApi.fitView()));
}

/** Write the design file; secret values only when the user opted in (secret-policy.ts). */
function writeDesign(design: DesignStore) {
  const doc = design.getState().doc;
  const name = doc.topology.name.replace(/[^A-Za-z0-9._-]+/g, '-') || 'design';
  downloadText(serializeDesign(designForDisk(doc)), `${name}.aspire-design.json`);
}

export function Toolbar({ minimap, onToggleMinimap }: { minimap: boolean; onToggleMinimap(): void }) {
  const designStore = useDesignApi();
  const { mode, toggle } = useTheme();
  const fileInput = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [help, setHelp] = useState(false);
  const [samples, setSamples] = useState(false);
  const [shareUrl, setShareUrl] = useState<string | undefined>();
  // The host callbacks read refs and setters only; the latest toggles go through a ref.
  const toggles = useRef({ onToggleMinimap, toggle });
  toggles.current = { onToggleMinimap, toggle };
  // Secret values found on "Save design": the dialog says what and asks before leaving them out.
  const [secretsFound, setSecretsFound] = useState<string[] | undefined>();

  const actions = useMemo(
    () =>
      createActions(designStore, {
        openImport: () => fileInput.current?.click(),
        openSamples: () => setSamples(true),
        saveDesign: () => {
          const found = secretsIn(designStore.getState().doc);
          if (found.length === 0) writeDesign(designStore);
          else setSecretsFound(found);
        },
        downloadAppHost: () => void downloadAppHost(designStore),
        downloadAppHostTs: () => void downloadAppHost(designStore, 'ts'),
        share: () => {
          const res = encodeShareHash(designStore.getState().doc);
          if (!res.ok) return designStore.getState().notify({ kind: 'error', text: res.message });
          setShareUrl(`${location.origin}${location.pathname}${res.hash}`);
        },
        exportPng: () =>
          void canvasApi
            .exportPng()
            .catch((e: Error) =>
              designStore.getState().notify({ kind: 'error', text: `PNG export failed: ${e.message}` }),
            ),
        autoLayout: () => void autoLayout(designStore),
        toggleMinimap: () => toggles.current.onToggleMinimap(),
        toggleTheme: () => toggles.current.toggle(),
        focusSearch: () => searchRef.current?.focus(),
        openHelp: () => setHelp(true),
      }),
    [designStore],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => handleShortcut(actions, e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
  const act = (id: string) => actionOf(actions, id);

  return (
    <header className="toolbar">
      <h1 className="brand">Aspire Parity</h1>
      <div className="tool-group" role="group" aria-label="File">
        <ActionButton action={act('import')} />
        <input
          ref={fileInput}
          type="file"
          accept=".json,.cs,.csx,.ts,.mts,application/json,text/plain"
          hidden
          data-testid="import-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(designStore, f);
          }}
        />
        <ActionButton action={act('samples')} />
        <ActionButton action={act('save')} />
        {OVERFLOW.map((id) => (
          <ActionButton key={id} action={act(id)} className="overflowable" />
        ))}
        <OverflowMenu actions={OVERFLOW.map(act)} />
      </div>
      <div className="tool-group" role="group" aria-label="History">
        <ActionButton action={act('undo')} />
        <ActionButton action={act('redo')} />
      </div>
      <div className="tool-group" role="group" aria-label="View">
        <ActionButton action={act('auto-layout')} />
        <ActionButton action={act('fit-view')} />
        <ActionButton action={act('minimap')} pressed={minimap} />
        {/* An icon keeps the toolbar on one row; the accessible name stays "Dark mode". */}
        <ActionButton action={act('dark-mode')} pressed={mode === 'dark'}>
          <span aria-hidden="true">◐</span>
        </ActionButton>
      </div>
      <SearchBox inputRef={searchRef} />
      <ActionButton action={act('help')} className="help-button" />
      <HelpDialog open={help} onClose={() => setHelp(false)} actions={actions} />
      <SamplesDialog open={samples} onClose={() => setSamples(false)} />
      <ShareDialog url={shareUrl} onClose={() => setShareUrl(undefined)} />
      <SecretValuesDialog
        found={secretsFound}
        onClose={() => setSecretsFound(undefined)}
        onSave={() => {
          writeDesign(designStore);
          setSecretsFound(undefined);
        }}
      />
    </header>
  );
}
