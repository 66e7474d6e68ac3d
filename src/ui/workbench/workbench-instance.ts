/**
 * The app's one workbench: the derived-state store wired to the design store, the generator and
 * the parity worker. Created when the (lazily loaded) workbench module is first imported.
 *
 * Also writes node badges (worst status per resource) and flushes pending typing before the
 * page goes away, so nothing typed is lost on reload.
 */
import { worstStatus } from '../../core/parity/status-rank';
import type { ParityStatus } from '../../core/parity/types';
import { createAppState } from '../../state/app-state';
import { designStore } from '../../state/design-store';
import { useParityStatus } from '../../state/parity-status';
import { createParityClient } from './parity-client';
import { generateFiles } from './pipeline';

const client = createParityClient();

/** The page's one app instance, over the app's design store (typing commits through its `setEdits`). */
export const { workbench } = createAppState(
  { bundle: generateFiles, check: (doc, files) => client.check(doc, files) },
  designStore,
);

// Node badges: the worst status per resource, written only when the report changes.
workbench.subscribe((s, prev) => {
  if (s.report === prev.report || !s.report) return;
  const statuses = new Map<string, ParityStatus>();
  for (const r of s.report.rows) statuses.set(r.resource, worstStatus(statuses.get(r.resource), r.status));
  useParityStatus.getState().setStatuses(statuses);
});

if (typeof window !== 'undefined') {
  // Capture phase: at the window, capture listeners run before bubbling ones, so pending typing
  // reaches the design before the autosave's own pagehide flush writes it to storage.
  window.addEventListener('pagehide', () => workbench.getState().flush(), { capture: true });
  window.addEventListener('beforeunload', () => workbench.getState().flush(), { capture: true });
}
