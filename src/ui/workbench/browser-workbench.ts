/**
 * Starts an app instance's workbench in the browser: the generator, and the parity check in a
 * Web Worker. Called by the (lazily loaded) workbench panel, so neither loads before the designer
 * has painted; starting twice returns the instance's one workbench.
 *
 * Also flushes pending typing before the page goes away, so nothing typed is lost on reload.
 */
import type { AppState } from '../../state/app-state';
import type { WorkbenchStore } from '../../state/workbench-store';
import { createParityClient } from './parity-client';
import { generateFiles } from './pipeline';

export function startBrowserWorkbench(app: AppState): WorkbenchStore {
  if (app.workbench) return app.workbench;
  const client = createParityClient();
  const workbench = app.startWorkbench({ bundle: generateFiles, check: (doc, files) => client.check(doc, files) });
  // Capture phase: at the window, capture listeners run before bubbling ones, so pending typing
  // reaches the design before the autosave's own pagehide flush writes it to storage.
  window.addEventListener('pagehide', () => workbench.getState().flush(), { capture: true });
  window.addEventListener('beforeunload', () => workbench.getState().flush(), { capture: true });
  return workbench;
}
