/**
 * The design changed under hand edits: show, per edited file, the user's text beside the newly
 * generated text (Monaco diff editor) before anything is replaced. Nothing changes until the
 * user picks "Keep my edits" or "Use generated"; "Use generated" is undoable in the app.
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useWorkbenchApi } from '../../state/app-state-context';
import { editorTheme, monaco } from './monaco-setup';
import { useDarkMode } from './use-dark-mode';

export default function DiffReview({ onClose }: { onClose(): void }) {
  const workbench = useWorkbenchApi();
  const conflicts = useStore(workbench, (s) => s.conflicts);
  const files = useStore(workbench, (s) => s.files);
  const generated = useStore(workbench, (s) => s.generated);
  const [picked, setPicked] = useState<string | undefined>();
  const path = picked && conflicts.includes(picked) ? picked : conflicts[0];
  const host = useRef<HTMLDivElement>(null);
  const diffRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);
  const dark = useDarkMode();

  useEffect(() => {
    if (!host.current) return;
    const diff = monaco.editor.createDiffEditor(host.current, {
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
    });
    diffRef.current = diff;
    return () => {
      const m = diff.getModel();
      diff.dispose();
      m?.original.dispose();
      m?.modified.dispose();
      diffRef.current = null;
    };
  }, []);

  const mine = files.find((f) => f.path === path)?.text;
  const theirs = generated.files.find((f) => f.path === path)?.text;
  useEffect(() => {
    const diff = diffRef.current;
    if (!diff || path === undefined) return;
    const old = diff.getModel();
    // In-memory scheme: diff models are not bundle files (no schema, no parity).
    const original = monaco.editor.createModel(
      mine ?? '',
      'yaml',
      monaco.Uri.from({ scheme: 'inmemory', path: `/diff/mine/${path}` }),
    );
    const modified = monaco.editor.createModel(
      theirs ?? '# This file is no longer generated: the design has no resource for it.\n',
      'yaml',
      monaco.Uri.from({ scheme: 'inmemory', path: `/diff/generated/${path}` }),
    );
    diff.setModel({ original, modified });
    old?.original.dispose();
    old?.modified.dispose();
  }, [path, mine, theirs]);

  useEffect(() => {
    monaco.editor.setTheme(editorTheme(dark));
  }, [dark]);

  useEffect(() => {
    if (conflicts.length === 0) onClose();
  }, [conflicts.length, onClose]);

  return (
    <div className="wb-diff" role="dialog" aria-modal="false" aria-label="Review design changes">
      <div className="wb-diff-head">
        <strong>
          The design changed after you edited {conflicts.length === 1 ? 'this file' : `${conflicts.length} files`}.
        </strong>
        <span className="wb-muted"> Left: your edited text. Right: what the design generates now.</span>
      </div>
      <div className="wb-diff-files" role="tablist" aria-label="Edited files">
        {conflicts.map((p) => (
          <button key={p} type="button" role="tab" aria-selected={p === path} onClick={() => setPicked(p)}>
            {p}
          </button>
        ))}
      </div>
      <div ref={host} className="wb-diff-editor" />
      <div className="wb-diff-actions">
        {path && (
          <button type="button" onClick={() => workbench.getState().regenerate([path])}>
            Use generated for {path}
          </button>
        )}
        {path && (
          <button type="button" onClick={() => workbench.getState().keepEdits([path])}>
            Keep my edits in {path}
          </button>
        )}
        <span className="wb-spacer" />
        <button type="button" onClick={() => workbench.getState().keepEdits()}>
          Keep all my edits
        </button>
        <button type="button" className="wb-danger" onClick={() => workbench.getState().regenerate()}>
          Regenerate all ({conflicts.length})
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
