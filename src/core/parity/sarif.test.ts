/**
 * SARIF 2.1.0 as code-scanning tools read it: the log's version and schema, one rule per row
 * family in runs[0].tool.driver.rules, one result per row that does not pass, with the level
 * mapped from the status and the evidence as a physical location.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../model/topology';
import { checkParity } from './engine';
import { toSarif } from './sarif';
import type { ParityRow } from './types';

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  partialFingerprints: { parityRowId: string };
  locations?: {
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; endLine?: number } };
  }[];
}
interface Run {
  tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string } }[] } };
  results: Result[];
}

const base = { declaration: 'WithReference(catalog)', resource: 'trip-api', requirement: 'It is wired' };
const rows: ParityRow[] = [
  {
    ...base,
    id: 'a',
    rule: 'connection-string',
    status: 'fail',
    detail: 'missing',
    evidence: [{ file: 'k8s\\trip-api.yaml', line: 12, endLine: 14 }],
    fix: { text: 'Add it' },
  },
  { ...base, id: 'b', rule: 'connection-string', status: 'pass', evidence: [{ file: 'k8s/trip-api.yaml', line: 3 }] },
  { ...base, id: 'c', rule: 'kube-linter:latest-tag', status: 'warn', evidence: [{ file: 'k8s/db.yaml', line: 0 }] },
  { ...base, id: 'd', rule: 'waitfor readiness', status: 'unknown' },
];

describe('toSarif', () => {
  const log = toSarif({ rows });
  const run = log.runs[0] as Run;

  it('is a SARIF 2.1.0 log with the tool and one rule per row family', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('aspire-parity');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([
      'connection-string',
      'kube-linter:latest-tag',
      'waitfor-readiness',
    ]);
    expect(run.tool.driver.rules[0]!.shortDescription.text).toBe('It is wired');
  });

  it('reports every row that does not pass, fail → error, warn → warning, unknown → note', () => {
    expect(run.results.map((r) => [r.partialFingerprints.parityRowId, r.ruleId, r.level])).toEqual([
      ['a', 'connection-string', 'error'],
      ['c', 'kube-linter:latest-tag', 'warning'],
      ['d', 'waitfor-readiness', 'note'],
    ]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(run.results[0]!.message.text).toContain('Fix: Add it');
  });

  it('locates results in the YAML: forward-slash uri, 1-based start line, end line when known', () => {
    expect(run.results[0]!.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'k8s/trip-api.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 12, endLine: 14 },
        },
      },
    ]);
    expect(run.results[1]!.locations![0]!.physicalLocation.region).toEqual({ startLine: 1 });
    expect(run.results[2]!.locations).toBeUndefined();
  });

  it('turns a real report into results at the failing rows', () => {
    const topology = (JSON.parse(readFileSync('fixtures/parity/travel-design.json', 'utf8')) as { topology: Topology })
      .topology;
    const text = readFileSync('fixtures/parity/travel-good/bundle.yaml', 'utf8').replace(
      'image: registry.example.com/trip-api:1.0.0',
      'image: registry.example.com/trip-api:latest',
    );
    const report = checkParity({ topology, files: [{ path: 'bundle.yaml', text }] });
    const results = (toSarif(report).runs[0] as Run).results;
    expect(results).toHaveLength(report.rows.filter((r) => r.status !== 'pass').length);
    const latest = results.find(
      (r) => r.partialFingerprints.parityRowId === 'kube-linter:latest-tag:trip-api:trip-api',
    )!;
    expect(latest.level).toBe('error');
    const line = text.split('\n').findIndex((l) => l.includes('trip-api:latest')) + 1;
    expect(latest.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'bundle.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: line },
    });
  });
});
