/**
 * checkParity: topology + Kubernetes YAML → the parity table. Pure and synchronous; never
 * throws for user input (bad YAML becomes diagnostics). A ParityChecker keeps a YAML cache and a
 * rule memo between calls, so a re-check after an edit parses and lints only what changed.
 */
import type { DeploySettings } from '../model/settings';
import type { Topology } from '../model/topology';
import { parseBundle, YamlCache, type FileDiagnostic, type SourceFile } from '../yaml/parse';
import { buildIndex } from './bundle-index';
import { createContext } from './context';
import { RuleMemo } from './rule-memo';
import { connectionStringRows } from './rules/connection-strings';
import { discoveryRows } from './rules/discovery';
import { endpointRows } from './rules/endpoints';
import { exposureRows } from './rules/exposure';
import { hygieneRows } from './rules/hygiene';
import { lintRows } from './rules/lint';
import { parameterRows } from './rules/parameters';
import { probeRows } from './rules/probes';
import { reachabilityRows } from './rules/reachability';
import { startupRows } from './rules/startup';
import { storageRows } from './rules/storage';
import { telemetryRows } from './rules/telemetry';
import { unmodelledRows } from './rules/unmodelled';
import { waitForRows } from './rules/waitfor';
import { workloadRows } from './rules/workloads';
import { summarize, type ParityOptions, type ParityReport, type ParityRow } from './types';

export interface CheckInput {
  topology: Topology;
  files: readonly SourceFile[];
  settings?: DeploySettings;
  options?: ParityOptions;
}

export interface ParityResult extends ParityReport {
  diagnostics: FileDiagnostic[];
}

const FAMILIES = [
  workloadRows,
  endpointRows,
  discoveryRows,
  connectionStringRows,
  reachabilityRows,
  waitForRows,
  startupRows,
  storageRows,
  parameterRows,
  telemetryRows,
  probeRows,
  exposureRows,
  hygieneRows,
  lintRows,
  unmodelledRows,
];

export function checkParity(input: CheckInput, cache?: YamlCache, memo?: RuleMemo): ParityResult {
  const parsed = parseBundle(input.files, cache ?? new YamlCache());
  const idx = buildIndex(parsed.docs);
  const ctx = createContext(input.topology, idx, input.options ?? {}, input.settings, memo);
  const rows: ParityRow[] = [];
  const seen = new Map<string, number>();
  for (const family of FAMILIES) {
    let produced: ParityRow[];
    try {
      produced = family(ctx);
    } catch (e) {
      // A rule bug must not take the whole table down; it is reported as a diagnostic.
      parsed.diagnostics.push({
        file: '',
        severity: 'error',
        code: 'parity-internal',
        message: `${family.name}: ${(e as Error).message}`,
      });
      continue;
    }
    for (const r of produced) {
      // Ids stay unique (two Services for one resource, say) by numbering repeats.
      const n = seen.get(r.id) ?? 0;
      seen.set(r.id, n + 1);
      rows.push(n === 0 ? r : { ...r, id: `${r.id}#${n + 1}` });
    }
  }
  return { rows, summary: summarize(rows), diagnostics: parsed.diagnostics };
}

/** A checker that keeps its YAML cache and rule memo between calls (the live table, the benchmark). */
export class ParityChecker {
  readonly cache = new YamlCache();
  readonly memo = new RuleMemo();
  check(input: CheckInput): ParityResult {
    return checkParity(input, this.cache, this.memo);
  }
}
