/**
 * A whole app instance without a DOM or worker (tldraw's TestEditor idea): the real generator
 * and the real parity engine, checked in process. `settled` waits for the table to answer exactly
 * the files the editor shows (checks are asynchronous).
 */
import { plainBundle } from '../core/bundle/plain';
import { generate } from '../core/kube/generate';
import type { DesignDoc } from '../core/model/design';
import { withDefaults } from '../core/model/settings';
import { ParityChecker } from '../core/parity/engine';
import { createAppState, type AppStateWithWorkbench } from '../state/app-state';
import { createDesignStore } from '../state/design-store';
import type { GeneratedFiles } from '../state/workbench-store';

function bundle(doc: DesignDoc): GeneratedFiles {
  const all = plainBundle(generate(doc.topology, doc.settings), doc.topology, doc.settings);
  const readme = all.find((f) => f.path === 'README.md');
  return { files: all.filter((f) => f !== readme), ...(readme ? { readme } : {}), resourcesOf: {} };
}

/** Which files each published report answers, so a test can wait for the report of what it sees. */
const answered = new WeakMap<object, readonly unknown[]>();

export function headlessApp(initial?: DesignDoc): AppStateWithWorkbench {
  const parity = new ParityChecker();
  return createAppState({
    design: createDesignStore(initial),
    workbench: {
      bundle,
      check: async (doc, files) => {
        const report = parity.check({ topology: doc.topology, files, settings: withDefaults(doc.settings) });
        answered.set(report, files);
        return { report, validation: [] };
      },
      commitDelayMs: 5,
    },
  });
}

/** Resolves when the table shows the check of exactly the files the editor shows. */
export function settled(app: AppStateWithWorkbench): Promise<void> {
  const done = () => {
    const s = app.workbench.getState();
    // A failed check settles too, so a broken check fails the test instead of hanging it.
    return s.checkError !== undefined || (s.report !== null && answered.get(s.report) === s.files);
  };
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = app.workbench.subscribe(() => {
      if (!done()) return;
      stop();
      resolve();
    });
  });
}
