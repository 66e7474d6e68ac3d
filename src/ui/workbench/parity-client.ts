/**
 * Main-thread side of the parity worker: sends each check's files (the worker keeps no texts),
 * the design only when it changed, and resolves each check with its reply. Falls back to checking in-process when
 * workers are
 * unavailable, so the table always fills.
 */
import type { BundleFile } from '../../core/kube/objects';
import type { DesignDoc } from '../../core/model/design';
import type { DeploySettings } from '../../core/model/settings';
import { effectiveSettings } from '../../state/effective-settings';
import type { Topology } from '../../core/model/topology';
import type { ParityReport } from '../../core/parity/types';
import type { CheckMessage, CheckReply, ValidationMarker } from './parity-protocol';
import { createRowDecoder } from './row-delta';
import ParityWorker from './parity.worker.ts?worker';

import type * as CheckBundle from '../../core/parity/check-bundle';

type CheckBundleModule = typeof CheckBundle;

export interface CheckOutcome {
  report: ParityReport;
  validation: ValidationMarker[];
  workerMs: number;
}

export interface ParityClient {
  check(doc: DesignDoc, files: readonly BundleFile[]): Promise<CheckOutcome>;
}

export function createParityClient(): ParityClient {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve(o: CheckOutcome): void; reject(e: Error): void }>();
  let sentTopology: Topology | undefined;
  let sentSettingsOf: DesignDoc['settings'] | undefined;
  const rows = createRowDecoder();

  let restarts = 0;
  const start = () => {
    try {
      worker = new ParityWorker();
    } catch {
      worker = undefined;
      return;
    }
    worker.onmessage = (e: MessageEvent<CheckReply>) => {
      const r = e.data;
      const p = pending.get(r.id);
      pending.delete(r.id);
      if (!p) return;
      if (!r.report) {
        p.reject(new Error(r.error ?? 'parity check failed'));
        return;
      }
      let report: ParityReport;
      try {
        report = { ...r.report, rows: rows.decode(r.report.rows) };
      } catch (err) {
        // Out of step with the worker: start both ends afresh rather than show wrong rows.
        p.reject(err as Error);
        replace(err as Error);
        return;
      }
      p.resolve({ report, validation: r.validation ?? [], workerMs: r.ms });
    };
    worker.onerror = (e) => {
      // A crashed worker (out of memory on a huge paste) must not leave the table waiting
      // forever: fail the pending checks and start a fresh worker, which gets everything anew.
      replace(new Error(`parity worker crashed: ${e.message}`));
    };
  };
  const replace = (reason: Error) => {
    for (const p of pending.values()) p.reject(reason);
    pending.clear();
    sentTopology = undefined;
    rows.reset();
    worker?.terminate();
    worker = undefined;
    // A worker that cannot even start would crash forever: after a few tries, check in-process.
    if (++restarts <= 3) start();
  };
  start();

  let local: Promise<CheckBundleModule> | undefined;

  return {
    async check(doc, files) {
      const settings: DeploySettings = effectiveSettings(doc);
      if (!worker) {
        local ??= import('../../core/parity/check-bundle');
        const { createBundleChecker } = await local;
        const t = performance.now();
        const r = createBundleChecker().check(doc.topology, settings, files);
        return { ...r, workerMs: performance.now() - t };
      }
      const msg: CheckMessage = { id: nextId++, files: [...files] };
      if (sentTopology !== doc.topology || sentSettingsOf !== doc.settings) {
        msg.topology = doc.topology;
        msg.settings = settings;
        sentTopology = doc.topology;
        sentSettingsOf = doc.settings;
      }
      const w = worker;
      return new Promise<CheckOutcome>((resolve, reject) => {
        pending.set(msg.id, { resolve, reject });
        w.postMessage(msg);
      });
    },
  };
}
