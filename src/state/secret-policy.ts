/**
 * One rule for secret values in everything the app writes: share links never carry them;
 * "Save design", autosave and "Download App Host" leave them out (replaced by a placeholder,
 * secret parameter defaults dropped) unless the user explicitly chose to keep them in this
 * browser. The choice is remembered in this site's storage, so autosave follows it too.
 */
import { create } from 'zustand';
import { redactDesign } from '../core/kube/secret-redaction';
import type { DesignDoc } from '../core/model/design';

const KEY = 'aspire-parity:keep-secret-values';

function storedChoice(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(KEY) === 'yes';
  } catch {
    return false;
  }
}

interface SecretPolicy {
  /** The user opted in to keeping secret values in saved designs, autosave and exports. */
  keep: boolean;
  setKeep(keep: boolean): void;
}

export const useSecretPolicy = create<SecretPolicy>()((set) => ({
  keep: storedChoice(),
  setKeep: (keep) => {
    try {
      if (keep) localStorage.setItem(KEY, 'yes');
      else localStorage.removeItem(KEY);
    } catch {
      /* the choice still holds for this session */
    }
    set({ keep });
  },
}));

/** The design as it may be written to a file or storage under the current choice. */
export function designForDisk(doc: DesignDoc, keep = useSecretPolicy.getState().keep): DesignDoc {
  return keep ? doc : redactDesign(doc).value;
}

/** What the safe default would replace in a design ("pg-password default", …); empty when nothing. */
export function secretsIn(doc: DesignDoc): string[] {
  return redactDesign(doc).replaced;
}
