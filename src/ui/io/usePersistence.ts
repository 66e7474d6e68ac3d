/**
 * Start-up and autosave wiring: restore the autosaved design, then offer a shared link's design
 * (asking before it replaces a non-empty one), then autosave every change. Problems surface as
 * banners; nothing is dropped silently.
 *
 * A damaged autosave is the only copy of the user's work: autosave holds (writes nothing) until
 * the user has downloaded it or chosen to start fresh; nothing claims a copy that was not made.
 * A shared design is saved as soon as it is open, and the link's hash leaves the address bar
 * only once it is safely in storage, so a reload before any edit keeps it. A link pasted into an
 * open tab (only the hash changes, no reload) is handled the same way.
 */
import { useEffect, useState } from 'react';
import type { DesignDoc } from '../../core/model/design';
import { useDesignApi } from '../../state/app-state-context';
import { readSaved, startAutosave, type Autosave } from '../../state/persistence';
import { decodeShareHash } from '../../state/share-link';
import { canvasApi } from '../canvas/canvas-api';
import { downloadText } from '../toolbar/download';

export interface PersistenceUi {
  storageError?: string;
  conflict: boolean;
  resolveConflict(choice: 'keep-mine' | 'load-theirs'): void;
  /** A shared design waiting for the user's yes. */
  pendingShare?: DesignDoc;
  acceptShare(): void;
  declineShare(): void;
  /** The autosave that could not be read, held until the user downloads it or starts fresh. */
  damaged?: { message: string; downloaded: boolean };
  downloadDamaged(): void;
  startFresh(): void;
}

function dropShareHash(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function usePersistence(): PersistenceUi {
  const designStore = useDesignApi();
  const [storageError, setStorageError] = useState<string | undefined>();
  const [conflict, setConflict] = useState(false);
  const [pendingShare, setPendingShare] = useState<DesignDoc | undefined>();
  const [autosave, setAutosave] = useState<Autosave | undefined>();
  const [damaged, setDamaged] = useState<{ message: string; raw: string; downloaded: boolean } | undefined>();

  useEffect(() => {
    const ls = storage();
    const st = designStore.getState();
    let hold = false;
    if (!ls) {
      setStorageError(
        'Browser storage is unavailable, so the design is not saved automatically. Use "Save design" to keep it.',
      );
    } else {
      const saved = readSaved(ls);
      if (saved?.ok) {
        st.replaceDoc(saved.doc);
        designStore.temporal.getState().clear();
      } else if (saved) {
        if (saved.raw !== undefined) {
          hold = true;
          setDamaged({ message: saved.message, raw: saved.raw, downloaded: false });
        } else setStorageError(saved.message);
      }
    }
    // Set once autosave starts (below); a link opened later is saved through it at once.
    const current: { autosave?: Autosave } = {};
    /** The link in the address bar, opened at once into an empty design, else offered (asked). */
    const openShared = (): boolean => {
      const shared = decodeShareHash(location.hash);
      if (!shared) return false;
      if (!shared.ok) {
        st.notify({ kind: 'error', text: shared.message });
        dropShareHash();
      } else if (designStore.getState().doc.topology.resources.length === 0) {
        designStore.getState().replaceDoc(shared.doc);
        // Saved at once: the hash goes only when the design is in storage (else a reload re-opens it).
        if (current.autosave?.saveNow()) dropShareHash();
        requestAnimationFrame(() => requestAnimationFrame(() => canvasApi.fitView()));
        return true;
      } else setPendingShare(shared.doc);
      return false;
    };
    const openedShare = openShared();
    requestAnimationFrame(() => requestAnimationFrame(() => canvasApi.fitView()));
    // A link pasted into this tab changes only the hash (no reload): it is opened the same way,
    // and asked about before it replaces a design (Undo brings that design back).
    const onHashChange = () => void openShared();
    window.addEventListener('hashchange', onHashChange);
    if (!ls) return () => window.removeEventListener('hashchange', onHashChange);
    const a = startAutosave(
      designStore,
      ls,
      { onError: setStorageError, onConflict: () => setConflict(true) },
      undefined,
      hold,
    );
    current.autosave = a;
    if (openedShare && a.saveNow()) dropShareHash();
    setAutosave(a);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      a.stop();
    };
  }, [designStore]);

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
      if (autosave?.saveNow()) dropShareHash();
      requestAnimationFrame(() => requestAnimationFrame(() => canvasApi.fitView()));
    },
    declineShare: () => {
      setPendingShare(undefined);
      dropShareHash();
    },
    ...(damaged ? { damaged: { message: damaged.message, downloaded: damaged.downloaded } } : {}),
    downloadDamaged: () => {
      if (!damaged) return;
      downloadText(damaged.raw, 'aspire-parity-autosave-damaged.json');
      setDamaged({ ...damaged, downloaded: true });
    },
    startFresh: () => {
      setDamaged(undefined);
      autosave?.release();
    },
  };
}
