import { describe, expect, it } from 'vitest';
import type { ParityReport } from '../../core/parity/types';
import { markersByFile, Severity } from './markers';

const report: ParityReport = {
  rows: [
    {
      id: 'a',
      rule: 'connection-string',
      declaration: 'WithReference(catalog)',
      resource: 'trip-api',
      requirement: 'ConnectionStrings__catalog is set',
      status: 'fail',
      evidence: [{ file: 'trip-api.yaml', line: 12, endLine: 14 }],
      fix: { text: 'Add it' },
    },
    {
      id: 'b',
      rule: 'probes',
      declaration: 'AddProject',
      resource: 'trip-api',
      requirement: 'probes',
      status: 'pass',
      evidence: [{ file: 'trip-api.yaml', line: 20 }],
    },
    {
      id: 'c',
      rule: 'x',
      declaration: 'd',
      resource: 'r',
      requirement: 'big',
      status: 'warn',
      evidence: [{ file: 'r.yaml', line: 1, endLine: 40 }],
    },
  ],
  summary: { pass: 1, fail: 1, warn: 1, unknown: 0 },
  diagnostics: [
    { severity: 'error', code: 'yaml-alias', message: 'Excessive alias count', line: 3, file: 'bomb.yaml' } as never,
    { severity: 'error', code: 'yaml-syntax', message: 'bad', line: 2, file: 'r.yaml' } as never,
  ],
};

describe('markersByFile', () => {
  it('marks failing and warning rows on their evidence lines, not passing ones', () => {
    const m = markersByFile(report, [], true);
    expect(m.get('trip-api.yaml')).toHaveLength(1);
    expect(m.get('trip-api.yaml')![0]).toMatchObject({
      startLineNumber: 12,
      endLineNumber: 14,
      severity: Severity.Error,
      code: 'a',
    });
    expect(m.get('r.yaml')![0]).toMatchObject({ startLineNumber: 1, endLineNumber: 1, severity: Severity.Warning });
  });

  it('adds guard-rail diagnostics but leaves plain syntax errors to monaco-yaml', () => {
    const m = markersByFile(report, [], true);
    expect(m.get('bomb.yaml')![0]!.message).toContain('alias');
    expect(m.get('r.yaml')).toHaveLength(1);
  });

  it('keeps type findings (the YAML 1.1 trap) and drops schema duplicates when the schema is in the editor', () => {
    const v = [
      { file: 'c.yaml', line: 5, endLine: 5, message: '/data/FEATURE_X: must be string' },
      { file: 'c.yaml', line: 6, endLine: 6, message: '/spec: unknown field "templates"' },
    ];
    expect(markersByFile(null, v, true).get('c.yaml')).toHaveLength(1);
    expect(markersByFile(null, v, false).get('c.yaml')).toHaveLength(2);
  });
});
