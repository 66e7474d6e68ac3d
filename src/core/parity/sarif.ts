/**
 * SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps): one rule per row
 * family, one result per row that is not a pass. fail → error, warn → warning, unknown → note.
 */
import type { ParityReport, ParityRow } from './types';

/** The base the relative URIs resolve against: the repository root, as GitHub code scanning reads them. */
const SRCROOT = '%SRCROOT%';

const LEVEL = { fail: 'error', warn: 'warning', unknown: 'note', pass: 'none' } as const;

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: unknown[];
}

/** A path as a relative URI reference: `/` separators, each segment percent-encoded (space, `%`, `:`). */
function fileUri(file: string): string {
  return file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

function ruleId(r: ParityRow): string {
  return r.rule.replace(/[^A-Za-z0-9_.:/-]/g, '-');
}

export function toSarif(report: Pick<ParityReport, 'rows'>, toolVersion = '0.1.0'): SarifLog {
  const rules = new Map<string, { id: string; shortDescription: { text: string }; helpUri?: string }>();
  for (const r of report.rows)
    if (!rules.has(ruleId(r))) rules.set(ruleId(r), { id: ruleId(r), shortDescription: { text: r.requirement } });
  const ruleIndex = new Map([...rules.keys()].map((k, i) => [k, i]));
  const results = report.rows
    .filter((r) => r.status !== 'pass')
    .map((r) => {
      // Standard input (`<stdin>`) is no file code scanning can show: such a result has no location.
      const ev = r.evidence?.find((e) => e.file && !e.file.startsWith('<')) ?? undefined;
      return {
        ruleId: ruleId(r),
        ruleIndex: ruleIndex.get(ruleId(r)),
        level: LEVEL[r.status],
        message: {
          text: (
            `${r.declaration} — ${r.resource}: ${r.requirement}. ` +
            `${r.detail ?? ''}${r.fix ? ` Fix: ${r.fix.text}` : ''}`
          ).trim(),
        },
        partialFingerprints: { parityRowId: r.id },
        ...(ev
          ? {
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: fileUri(ev.file), uriBaseId: SRCROOT },
                    region: { startLine: Math.max(1, ev.line), ...(ev.endLine ? { endLine: ev.endLine } : {}) },
                  },
                },
              ],
            }
          : {}),
        properties: { status: r.status, resource: r.resource, declaration: r.declaration },
      };
    });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'aspire-parity', version: toolVersion, rules: [...rules.values()] } }, results }],
  };
}
