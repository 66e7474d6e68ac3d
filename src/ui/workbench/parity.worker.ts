/**
 * The parity check off the main thread: parsing a 5 MB paste or checking 300 resources never
 * blocks typing. State (topology, file texts, parse cache) lives here between messages.
 */
import type { BundleFile } from '../../core/kube/objects';
import type { DeploySettings } from '../../core/model/settings';
import type { Topology } from '../../core/model/topology';
import { createBundleChecker } from '../../core/parity/check-bundle';
import type { CheckMessage, CheckReply } from './parity-protocol';
import { createRowEncoder } from './row-delta';

const checker = createBundleChecker();
const rows = createRowEncoder();
let topology: Topology | undefined;
let settings: DeploySettings | undefined;
const texts = new Map<string, string>();

self.onmessage = (e: MessageEvent<CheckMessage>) => {
  const m = e.data;
  const started = performance.now();
  let reply: CheckReply;
  try {
    if (m.topology) topology = m.topology;
    if (m.settings) settings = m.settings;
    for (const f of m.changed) texts.set(f.path, f.text);
    const keep = new Set(m.paths);
    for (const p of [...texts.keys()]) if (!keep.has(p)) texts.delete(p);
    if (!topology || !settings) throw new Error('parity worker: no design received yet');
    const files: BundleFile[] = m.paths.map((path) => ({ path, text: texts.get(path) ?? '' }));
    const { report, validation } = checker.check(topology, settings, files);
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
