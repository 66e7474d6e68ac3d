/**
 * Start-up and autosave wiring: restore the autosaved design, then offer a shared link's design
 * (asking before it replaces a non-empty one), then autosave every change. Problems surface as
 * banners; nothing is dropped silently.
 */
import { useEffect, useState } from 'react';
import type { DesignDoc } from '../../core/model/design';
import { designStore } from '../../state/design-store';
import { readSaved, startAutosave, type Autosave } from '../../state/persistence';
import { decodeShareHash } from '../../state/share-link';
import { canvasApi } from '../canvas/canvas-api';

export interface PersistenceUi {
  storageError?: string;
  conflict: boolean;
  resolveConflict(choice: 'keep-mine' | 'load-theirs'): void;
  /** A shared design waiting for the user's yes. */
  pendingShare?: DesignDoc;
  acceptShare(): void;
  declineShare(): void;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function usePersistence(): PersistenceUi {
  const [storageError, setStorageError] = useState<string | undefined>();
  const [conflict, setConflict] = useState(false);
  const [pendingShare, setPendingShare] = useState<DesignDoc | undefined>();
  const [autosave, setAutosave] = useState<Autosave | undefined>();

  useEffect(() => {
    const ls = storage();
    const st = designStore.getState();
    if (!ls) {
      setStorageError('Browser storage is unavailable, so the design is not saved automatically. Use "Save design" to keep it.');
    } else {
      const saved = readSaved(ls);
      if (saved?.ok) {
        st.replaceDoc(saved.doc);
        designStore.temporal.getState().clear();
      } else if (saved) {
        // Keep the unreadable text so the user can recover it by hand; start empty.
        try {
          ls.setItem(`aspire-parity:design.unreadable`, ls.getItem('aspire-parity:design') ?? '');
        } catch {
          /* best effort */
        }
        setStorageError(`${saved.message} A copy was kept under "aspire-parity:design.unreadable" in this site's storage.`);
      }
    }
    const shared = decodeShareHash(location.hash);
    if (shared) {
      history.replaceState(null, '', location.pathname + location.search);
      if (!shared.ok) st.notify({ kind: 'error', text: shared.message });
      else if (designStore.getState().doc.topology.resources.length === 0) st.replaceDoc(shared.doc);
      else setPendingShare(shared.doc);
    }
    requestAnimationFrame(() => requestAnimationFrame(() => canvasApi.fitView()));
    if (!ls) return;
    const a = startAutosave(designStore, ls, { onError: setStorageError, onConflict: () => setConflict(true) });
    setAutosave(a);
    return () => a.stop();
  }, []);

  return {
    ...(storageError ? { storageError } : {}),
    conflict,
    resolveConflict: (choice) => {
      autosave?.resolveConflict(choice);
      setConflict(false);
    },
    ...(pendingShare ? { pendingShare } : {}),
    acceptShare: () => {
      if (pendingShare) designStore.getState().replaceDoc(pendingShare);
      setPendingShare(undefined);
      requestAnimationFrame(() => requestAnimationFrame(() => canvasApi.fitView()));
    },
    declineShare: () => setPendingShare(undefined),
  };
}
