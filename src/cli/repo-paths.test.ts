/**
 * GitHub resolves annotation files and SARIF URIs from the repository root: a check run in a
 * subfolder (the action's working-directory) must still name `deploy/k8s/x.yaml`, not `k8s/x.yaml`.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParityReport } from '../core/parity/types';
import { relativeToRoot, repositoryRoot } from './repo-paths';

const root = mkdtempSync(join(tmpdir(), 'aspire-parity-repo-'));
mkdirSync(join(root, '.git'));
mkdirSync(join(root, 'deploy', 'k8s'), { recursive: true });
const report = (file: string): ParityReport => ({
  rows: [
    {
      id: 'a',
      rule: 'r',
      resource: 'x',
      declaration: 'd',
      requirement: 'q',
      status: 'fail',
      evidence: [{ file, line: 2 }],
    },
  ],
  summary: { pass: 0, fail: 1, warn: 0, unknown: 0 },
  diagnostics: [],
});
const fileOf = (r: ParityReport) => r.rows[0]!.evidence![0]!.file;

describe('evidence paths from the repository root', () => {
  it('finds the root from a subfolder, and none outside a repository', () => {
    expect(repositoryRoot(join(root, 'deploy', 'k8s'))).toBe(root);
    expect(repositoryRoot('/')).toBeUndefined();
  });

  it('re-bases paths relative to the folder the check ran in; leaves standard input and outside paths', () => {
    const cwd = join(root, 'deploy');
    expect(fileOf(relativeToRoot(report('k8s/a.yaml'), root, cwd))).toBe('deploy/k8s/a.yaml');
    expect(fileOf(relativeToRoot(report(join(cwd, 'k8s', 'b.yaml')), root, cwd))).toBe('deploy/k8s/b.yaml');
    expect(fileOf(relativeToRoot(report('<stdin>'), root, cwd))).toBe('<stdin>');
    expect(fileOf(relativeToRoot(report('../../elsewhere.yaml'), root, cwd))).toBe('../../elsewhere.yaml');
  });
});
