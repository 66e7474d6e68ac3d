/**
 * Proof with the real tools, for every corpus manifest: the plain bundle validates strictly;
 * both Kustomize overlays build with `kubectl kustomize`; the chart passes
 * `helm lint --strict -f ci/test-values.yaml` and renders with `helm template`; every rendered
 * object validates; and the parity table of each rendered output gives every row the same
 * verdict as the plain bundle. Binaries come from scripts/get-k8s-tools.sh; if they cannot be
 * fetched these tests fail — they are never skipped.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../kube/generate';
import type { BundleFile } from '../kube/objects';
import { validateObjects } from '../kube/validate';
import { withDefaults } from '../model/settings';
import { checkParity } from '../parity/engine';
import { corpusTopologies, parseStream } from '../../test-support/corpus';
import { ensureK8sTools, removeDir, runAsync, writeBundle } from '../../test-support/k8s-tools';
import { chartName, helmBundle } from './helm/chart';
import { kustomizeBundle, secretEnvPath } from './kustomize';
import { plainBundle } from './plain';
import { userSecrets } from './inspect';

const settings = withDefaults({ namespace: 'shop', ingressHost: 'shop.example.com' });
const corpus = corpusTopologies();

function issuesText(objects: unknown[]): string[] {
  return validateObjects(objects).map((i) => {
    const o = objects[i.index] as { kind?: string; metadata?: { name?: string } } | undefined;
    return `${o?.kind ?? '?'}/${o?.metadata?.name ?? '?'} ${i.path} ${i.message}`;
  });
}

function verdicts(topology: Parameters<typeof checkParity>[0]['topology'], files: BundleFile[]): Map<string, string> {
  const report = checkParity({ topology, files, settings });
  return new Map(report.rows.map((r) => [r.id, r.status]));
}

/** Rows whose verdict differs from the plain bundle's: "id: plain → other". */
function verdictDiff(plain: Map<string, string>, other: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [id, status] of plain) if (other.get(id) !== status) out.push(`${id}: ${status} → ${other.get(id) ?? 'missing'}`);
  for (const [id, status] of other) if (!plain.has(id)) out.push(`${id}: missing → ${status}`);
  return out;
}

beforeAll(() => {
  ensureK8sTools();
});

describe('corpus: layouts accepted by the real kubectl and helm', () => {
  it('has the corpus', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(80);
  });

  // Four real-tool runs per manifest: well under a second on an idle machine, but allow for
  // shared CI cores (measured up to 40 s per manifest under heavy load).
  it.each(corpus.map((c) => [c.name, c] as const))('%s', { timeout: 600_000 }, async (_name, { topology }) => {
    const gen = generate(topology, settings);
    const plainFiles = plainBundle(gen, topology, settings);
    const plainObjects = plainFiles.filter((f) => f.path.endsWith('.yaml')).flatMap((f) => parseStream(f.text, f.path).objects);
    // Issue 2's key proof: everything the generator emits is valid Kubernetes.
    expect(issuesText(plainObjects), 'plain bundle validates strictly').toEqual([]);
    const plainVerdicts = verdicts(topology, plainFiles);

    // Kustomize: create the secret files the README lists (placeholder values). Helm: the chart
    // with its CI values. All four tool runs start together; their outputs are checked below.
    const kDir = writeBundle(kustomizeBundle(gen, topology, settings), 'kustomize-');
    const hDir = writeBundle(helmBundle(gen, topology, settings), 'helm-');
    try {
      for (const s of userSecrets(gen)) {
        writeFileSync(join(kDir, 'base', secretEnvPath(s.name)), s.keys.map((k) => `${k.key}=test-only-${k.key}\n`).join(''));
      }
      const chart = join(hDir, chartName(topology));
      const values = join(chart, 'ci', 'test-values.yaml');
      const [dev, prod, lint, rendered] = await Promise.all([
        runAsync('kubectl', ['kustomize', join(kDir, 'overlays', 'dev')]),
        runAsync('kubectl', ['kustomize', join(kDir, 'overlays', 'prod')]),
        runAsync('helm', ['lint', '--strict', chart, '-f', values]),
        runAsync('helm', ['template', 'release', chart, '-f', values, '--kube-version', '1.32.0']),
      ]);

      for (const [overlay, r] of [['dev', dev], ['prod', prod]] as const) {
        expect(r.stderr, `kubectl kustomize overlays/${overlay}`).toBe('');
        expect(r.code).toBe(0);
        const { objects, errors } = parseStream(r.stdout);
        expect(errors).toEqual([]);
        expect(objects.length).toBe(plainObjects.length);
        expect(issuesText(objects), `overlays/${overlay} validates`).toEqual([]);
        if (overlay === 'prod') {
          expect(verdictDiff(plainVerdicts, verdicts(topology, [{ path: 'kustomize-prod.yaml', text: r.stdout }])), 'prod overlay parity').toEqual([]);
        }
      }

      expect(lint.stdout + lint.stderr, 'helm lint --strict').toContain('0 chart(s) failed');
      expect(lint.code).toBe(0);
      expect(rendered.stderr, 'helm template').toBe('');
      expect(rendered.code).toBe(0);
      const { objects, errors } = parseStream(rendered.stdout);
      expect(errors).toEqual([]);
      expect(objects.length).toBe(plainObjects.length);
      expect(issuesText(objects), 'helm template output validates').toEqual([]);
      expect(verdictDiff(plainVerdicts, verdicts(topology, [{ path: 'helm-template.yaml', text: rendered.stdout }])), 'helm parity').toEqual([]);
    } finally {
      removeDir(kDir);
      removeDir(hDir);
    }
  });
});
