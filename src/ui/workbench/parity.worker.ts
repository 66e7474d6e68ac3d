/**
 * The parity check off the main thread: parsing a 5 MB paste or checking 300 resources never
 * blocks typing. Between messages it keeps the design (topology, settings) and the checker's
 * caches keyed by content, never the file texts: each message brings the texts it checks.
 */
import type { DeploySettings } from '../../core/model/settings';
import type { Topology } from '../../core/model/topology';
import { createBundleChecker } from '../../core/parity/check-bundle';
import type { CheckMessage, CheckReply } from './parity-protocol';
import { createRowEncoder } from './row-delta';

const checker = createBundleChecker();
const rows = createRowEncoder();
let topology: Topology | undefined;
let settings: DeploySettings | undefined;

self.onmessage = (e: MessageEvent<CheckMessage>) => {
  const m = e.data;
  const started = performance.now();
  let reply: CheckReply;
  try {
    if (m.topology) topology = m.topology;
    if (m.settings) settings = m.settings;
    if (!topology || !settings) throw new Error('parity worker: no design received yet');
    const { report, validation } = checker.check(topology, settings, m.files);
    reply = {
      id: m.id,
      report: { ...report, rows: rows.encode(report.rows) },
      validation,
      ms: performance.now() - started,
    };
  } catch (err) {
    reply = { id: m.id, error: (err as Error).message, ms: performance.now() - started };
  }
  (self as unknown as Worker).postMessage(reply);
};
