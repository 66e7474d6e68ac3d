/**
 * The empty design's first screen: the two ways to start with something real (a sample, or
 * importing your own manifest / Program.cs / saved design), and how to draw from scratch.
 */
import { useRef, useState } from 'react';
import { useDesignApi } from '../../state/app-state-context';
import { importFile } from '../io/run-import';
import { SamplesDialog } from '../toolbar/dialogs';

export function EmptyCanvas() {
  const [samples, setSamples] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const design = useDesignApi();
  return (
    <div className="canvas-empty">
      <div className="canvas-empty-card">
        <p>
          <strong>Start a design.</strong>
        </p>
        <div className="canvas-empty-actions">
          <button type="button" className="primary" onClick={() => setSamples(true)}>
            Open a sample
          </button>
          <button type="button" onClick={() => input.current?.click()}>
            Import a manifest, Program.cs or design…
          </button>
          <input
            ref={input}
            type="file"
            hidden
            accept=".json,.cs,.csx,.ts,.mts,application/json,text/plain"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(design, f);
            }}
          />
        </div>
        <p className="muted">Or drag an item from the palette (or focus it and press Enter).</p>
      </div>
      <SamplesDialog open={samples} onClose={() => setSamples(false)} />
    </div>
  );
}
