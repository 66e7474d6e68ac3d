/**
 * Runs the parity check so that checks never overlap: changes made while one runs are checked
 * together, once, when it ends. Remembers when the first unchecked change happened, so the
 * timing shown answers "how long from my keystroke to this table".
 */
import type { BundleFile } from '../../core/kube/objects';
import type { DesignDoc } from '../../core/model/design';
import type { CheckResult } from './types';

export interface CheckScheduler {
  /** Note the time of a change whose check is pending (the first one counts). */
  changed(): void;
  run(): void;
}

export interface CheckTarget {
  current(): { doc: DesignDoc | null; files: readonly BundleFile[] };
  check(doc: DesignDoc, files: readonly BundleFile[]): Promise<CheckResult>;
  done(result: CheckResult, timing: { triggeredAt: number; checkMs: number }): void;
  failed(message: string): void;
  now(): number;
}

export function createCheckScheduler(t: CheckTarget): CheckScheduler {
  let inFlight = false;
  let dirty = false;
  let pendingSince: number | undefined;
  const run = () => {
    const { doc, files } = t.current();
    if (!doc) return;
    if (inFlight) {
      dirty = true;
      return;
    }
    inFlight = true;
    dirty = false;
    const triggeredAt = pendingSince ?? t.now();
    pendingSince = undefined;
    const started = t.now();
    t.check(doc, files)
      .then(
        (result) => t.done(result, { triggeredAt, checkMs: t.now() - started }),
        (e: unknown) => t.failed(e instanceof Error ? e.message : String(e)),
      )
      .finally(() => {
        inFlight = false;
        if (dirty) run();
      });
  };
  return {
    changed: () => {
      pendingSince ??= t.now();
    },
    run,
  };
}
