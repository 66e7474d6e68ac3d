/**
 * Window-wide file drop (with an overlay that says what will happen) and clipboard paste /
 * copy. Palette drags are not files and are left to the canvas.
 */
import { useEffect, useState } from 'react';
import { useDesignApi } from '../../state/app-state-context';
import { pasteText, selectionAsText } from './clipboard';
import { importFile } from './run-import';
import { isTyping } from './typing';

export function DropImport() {
  const [dragging, setDragging] = useState(false);
  const design = useDesignApi();
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer!.files[0];
      if (file) void importFile(design, file);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!text.trim()) return;
      e.preventDefault();
      pasteText(design, text);
    };
    const onCopy = (e: ClipboardEvent) => {
      if (isTyping(e.target)) return;
      if (window.getSelection()?.toString()) return;
      const text = selectionAsText(design);
      if (text === undefined) return;
      e.preventDefault();
      e.clipboardData?.setData('text/plain', text);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    document.addEventListener('paste', onPaste);
    document.addEventListener('copy', onCopy);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('copy', onCopy);
    };
  }, [design]);
  if (!dragging) return null;
  return (
    <div className="drop-overlay" role="status">
      <div className="drop-card">
        <strong>Drop to import</strong>
        <p>
          An Aspire manifest, an App Host Program.cs or a saved design replaces the current design. Undo brings it back.
        </p>
      </div>
    </div>
  );
}
