/** The toolbar's dialogs: help (shortcuts), samples gallery, share link, delete warning. */
import { useState } from 'react';
import { useDesignApi } from '../../state/app-state-context';
import { useDeleteRequest } from '../canvas/delete-request';
import { importTextAndCommit } from '../io/run-import';
import { Modal } from './Modal';
import type { Action } from './actions';
import { keysLabel } from './keys';

/** Every action of the registry that has keys, with the keys it really binds. */
export function HelpDialog({ open, onClose, actions }: { open: boolean; onClose(): void; actions: readonly Action[] }) {
  return (
    <Modal open={open} title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcut-table">
        <tbody>
          {actions
            .filter((a) => a.keys.length > 0)
            .map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <kbd>{keysLabel(a)}</kbd>
                </th>
                <td>{a.description}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <p className="muted">
        Shift-, Ctrl- or ⌘-click (or drag a box) to select several resources. Keyboard connect: select a resource, then
        use “Add reference” in the inspector. Palette items are buttons: Tab to one and press Enter to add it. Arrow
        keys move a focused node.
      </p>
    </Modal>
  );
}

const SAMPLES = [
  {
    file: 'travel-platform.json',
    title: 'Travel platform',
    text:
      'The seed article, 5 resources: trip-api and availability-worker (.NET projects) using a catalog database ' +
      'on SQL Server, with its password parameter.',
  },
  {
    file: 'eshop.json',
    title: 'eShop-like shop',
    text:
      '15 resources: identity, catalog, basket and ordering APIs, an order processor and a web app, with ' +
      'PostgreSQL (3 databases), Redis and RabbitMQ.',
  },
];

export function SamplesDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const [problem, setProblem] = useState<string | undefined>();
  const design = useDesignApi();
  const load = async (file: string) => {
    setProblem(undefined);
    try {
      const res = await fetch(`samples/${file}`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      if (await importTextAndCommit(design, await res.text(), file)) onClose();
    } catch (e) {
      setProblem(`The sample ${file} could not be loaded: ${(e as Error).message}`);
    }
  };
  return (
    <Modal open={open} title="Samples" onClose={onClose}>
      <ul className="sample-list">
        {SAMPLES.map((s) => (
          <li key={s.file}>
            <button type="button" onClick={() => void load(s.file)}>
              Open {s.title}
            </button>
            <p className="muted">{s.text}</p>
          </li>
        ))}
      </ul>
      <p className="muted">Opening a sample replaces the current design; Undo brings it back.</p>
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </Modal>
  );
}

export function ShareDialog({ url, onClose }: { url: string | undefined; onClose(): void }) {
  return (
    <Modal open={url !== undefined} title="Share link" onClose={onClose}>
      <p>
        Anyone with this link opens a copy of this design. Credentials are not included: secret parameter values,
        passwords in connection strings and URLs, and hand-edited Secrets are replaced or left out.
      </p>
      <label className="field">
        Link
        <input readOnly value={url ?? ''} onFocus={(e) => e.target.select()} />
      </label>
      <button
        type="button"
        onClick={() => {
          if (url) void navigator.clipboard?.writeText(url).catch(() => {});
        }}
      >
        Copy link
      </button>
    </Modal>
  );
}

export function DeleteDialog() {
  const { names, alsoDeleted, referencesRemoved, confirm, cancel } = useDeleteRequest();
  return (
    <Modal
      open={names.length > 0}
      title={`Delete ${names.length === 1 ? names[0] : `${names.length} resources`}?`}
      onClose={cancel}
    >
      {alsoDeleted.length > 0 && (
        <>
          <p>Databases inside a deleted server are deleted with it:</p>
          <ul aria-label="Also deleted">
            {alsoDeleted.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      )}
      {referencesRemoved.length > 0 && (
        <>
          <p>These references are removed, with the environment variables they inject:</p>
          <ul aria-label="References removed">
            {referencesRemoved.map((r) => (
              <li key={`${r.from}\u2192${r.to}`}>
                {r.from} → {r.to}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="modal-actions">
        <button type="button" onClick={cancel}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={confirm}>
          Delete
        </button>
      </div>
    </Modal>
  );
}

export function ConfirmDialog({
  open,
  title,
  text,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <Modal open={open} title={title} onClose={onCancel}>
      <p>{text}</p>
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
