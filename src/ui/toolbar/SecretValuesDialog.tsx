/**
 * "Save design" when the design holds secret values: they are left out unless the user ticks
 * the box, and the choice also governs autosave and "Download App Host" (state/secret-policy.ts).
 */
import { useSecretPolicy } from '../../state/secret-policy';
import { Modal } from './Modal';

export function SecretValuesDialog({
  found,
  onSave,
  onClose,
}: {
  found: string[] | undefined;
  onSave(): void;
  onClose(): void;
}) {
  const keep = useSecretPolicy((s) => s.keep);
  const setKeep = useSecretPolicy((s) => s.setKeep);
  const shown = (found ?? []).slice(0, 6);
  return (
    <Modal open={found !== undefined} title="Secret values in this design" onClose={onClose}>
      <p>
        This design holds secret values ({shown.join(', ')}
        {(found?.length ?? 0) > shown.length ? ', …' : ''}). Saved designs, autosave and the App Host download leave
        them out unless you keep them; share links never carry them.
      </p>
      <label className="field-inline">
        <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} /> Keep secret values in saved
        designs, autosave and App Host downloads (this browser)
      </label>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onSave}>
          {keep ? 'Save with secret values' : 'Save without secret values'}
        </button>
      </div>
    </Modal>
  );
}
