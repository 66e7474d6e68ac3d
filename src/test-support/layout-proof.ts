/**
 * The real-tool proof of one topology's bundle layouts, shared by the sample in the default
 * tier (layouts.tools.test.ts) and the whole corpus in the full tier (layouts.full.test.ts):
 * the plain bundle validates strictly; both Kustomize overlays build with `kubectl kustomize`;
 * the chart passes `helm lint --strict -f ci/test-values.yaml` and renders with `helm template`;
 * every rendered object validates; and the parity table of each rendered output gives every
 * row the same verdict as the plain bundle. Tools come from scripts/get-k8s-tools.sh; when they
 * cannot be fetched the proof fails — it is never skipped.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { chartName, helmBundle } from '../core/bundle/helm/chart';
import { userSecrets } from '../core/bundle/inspect';
import { kustomizeBundle, secretEnvPath } from '../core/bundle/kustomize';
import { plainBundle } from '../core/bundle/plain';
import { generate } from '../core/kube/generate';
import type { BundleFile } from '../core/kube/objects';
import { validateObjects } from '../core/kube/validate';
import { withDefaults } from '../core/model/settings';
import type { Topology } from '../core/model/topology';
import { checkParity } from '../core/parity/engine';
import type { CorpusEntry } from './corpus';
import { parseStream } from './corpus';
import { removeDir, runAsync, writeBundle } from './k8s-tools';

export const layoutSettings = withDefaults({ namespace: 'shop', ingressHost: 'shop.example.com' });

function issuesText(objects: unknown[]): string[] {
  return validateObjects(objects).map((i) => {
    const o = objects[i.index] as { kind?: string; metadata?: { name?: string } } | undefined;
    return `${o?.kind ?? '?'}/${o?.metadata?.name ?? '?'} ${i.path} ${i.message}`;
  });
}

function verdicts(topology: Topology, files: BundleFile[]): Map<string, string> {
  const report = checkParity({ topology, files, settings: layoutSettings });
  return new Map(report.rows.map((r) => [r.id, r.status]));
}

/** Rows whose verdict differs from the plain bundle's: "id: plain → other". */
function verdictDiff(plain: Map<string, string>, other: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [id, status] of plain)
    if (other.get(id) !== status) out.push(`${id}: ${status} → ${other.get(id) ?? 'missing'}`);
  for (const [id, status] of other) if (!plain.has(id)) out.push(`${id}: missing → ${status}`);
  return out;
}

export async function proveLayouts(topology: Topology): Promise<void> {
  const settings = layoutSettings;
  const gen = generate(topology, settings);
  const plainFiles = plainBundle(gen, topology, settings);
  const plainObjects = plainFiles
    .filter((f) => f.path.endsWith('.yaml'))
    .flatMap((f) => parseStream(f.text, f.path).objects);
  // Issue 2's key proof: everything the generator emits is valid Kubernetes.
  expect(issuesText(plainObjects), 'plain bundle validates strictly').toEqual([]);
  const plainVerdicts = verdicts(topology, plainFiles);

  // Kustomize: create the secret files the README lists (placeholder values). Helm: the chart
  // with its CI values. All four tool runs start together; their outputs are checked below.
  const kDir = writeBundle(kustomizeBundle(gen, topology, settings), 'kustomize-');
  const hDir = writeBundle(helmBundle(gen, topology, settings), 'helm-');
  try {
    for (const s of userSecrets(gen)) {
      writeFileSync(
        join(kDir, 'base', secretEnvPath(s.name)),
        s.keys.map((k) => `${k.key}=test-only-${k.key}\n`).join(''),
      );
    }
    const chart = join(hDir, chartName(topology));
    const values = join(chart, 'ci', 'test-values.yaml');
    const [dev, prod, lint, rendered] = await Promise.all([
      runAsync('kubectl', ['kustomize', join(kDir, 'overlays', 'dev')]),
      runAsync('kubectl', ['kustomize', join(kDir, 'overlays', 'prod')]),
      runAsync('helm', ['lint', '--strict', chart, '-f', values]),
      runAsync('helm', ['template', 'release', chart, '-f', values, '--kube-version', '1.32.0']),
    ]);

    for (const [overlay, r] of [
      ['dev', dev],
      ['prod', prod],
    ] as const) {
      expect(r.stderr, `kubectl kustomize overlays/${overlay}`).toBe('');
      expect(r.code).toBe(0);
      const { objects, errors } = parseStream(r.stdout);
      expect(errors).toEqual([]);
      expect(objects.length).toBe(plainObjects.length);
      expect(issuesText(objects), `overlays/${overlay} validates`).toEqual([]);
      if (overlay === 'prod') {
        expect(
          verdictDiff(plainVerdicts, verdicts(topology, [{ path: 'kustomize-prod.yaml', text: r.stdout }])),
          'prod overlay parity',
        ).toEqual([]);
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
    expect(
      verdictDiff(plainVerdicts, verdicts(topology, [{ path: 'helm-template.yaml', text: rendered.stdout }])),
      'helm parity',
    ).toEqual([]);
  } finally {
    removeDir(kDir);
    removeDir(hDir);
  }
}

/** A Kubernetes field name; other keys (env names, label keys) are data. */
const FIELD = /^[a-z][A-Za-z]*$/;
/** Fields whose keys are data, not schema: `data.pgsqlAdministratorLogin` is the shape `data.*`. */
const FREE_FORM = new Set([
  'data',
  'stringData',
  'binaryData',
  'labels',
  'annotations',
  'matchLabels',
  'selector',
  'nodeSelector',
  'limits',
  'requests',
]);

/**
 * The shapes a topology's generated objects take: every field path (array positions and
 * free-form keys such as labels, env names and data keys folded to `[]` and `*`) with the type
 * of its value, plus each resource's kind. The real tools template and parse shapes,
 * so a sample holding every shape the corpus produces exercises every template branch the
 * corpus does.
 */
export function generatedShapes(topology: Topology): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, path: string, freeForm: boolean): void => {
    if (Array.isArray(v)) for (const x of v) walk(x, `${path}[]`, false);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v))
        walk(x, `${path}.${freeForm || !FIELD.test(k) ? '*' : k}`, FREE_FORM.has(k));
    else out.add(`${path}:${typeof v}`);
  };
  for (const r of topology.resources) out.add(`resource:${r.kind}`);
  for (const o of generate(topology, layoutSettings).objects) walk(o.object, o.object.kind, false);
  return out;
}

/**
 * The smallest greedy set of corpus entries that together produce every shape the whole corpus
 * produces (ties keep corpus order, so the sample is stable). Recomputed on every run: a new
 * manifest with a new shape joins the sample by itself.
 */
export function shapeCoveringSample(corpus: readonly CorpusEntry[]): { sample: CorpusEntry[]; shapes: number } {
  const shapes = corpus.map((c) => generatedShapes(c.topology));
  const left = new Set(shapes.flatMap((s) => [...s]));
  const total = left.size;
  const sample: CorpusEntry[] = [];
  while (left.size > 0) {
    let best = 0;
    let gain = -1;
    shapes.forEach((s, i) => {
      let n = 0;
      for (const x of s) if (left.has(x)) n++;
      if (n > gain) [best, gain] = [i, n];
    });
    sample.push(corpus[best]!);
    for (const x of shapes[best]!) left.delete(x);
  }
  return { sample, shapes: total };
}
