/**
 * Issue 15, class 1: nothing we write may carry a line separator or control character, so a
 * name or value cannot end a YAML comment for kubectl and smuggle objects into the bundle. The
 * topology here is built by hand (as if an importer let a bad name through): the writers must
 * be safe on their own, whatever import does.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, run, writeBundle } from '../../test-support/k8s-tools';
import { importAny } from '../aspire/import-any';
import { generate } from '../kube/generate';
import { hasUnsafeChar } from '../model/safe-text';
import type { Topology } from '../model/topology';
import { parseBundle } from '../yaml/parse';
import { BUNDLE_FORMATS, layoutBundle } from './layout';
import { plainBundle, plainStream } from './plain';
import { withDefaults } from '../model/settings';

const PAYLOAD =
  '\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: pwned}\nroleRef: ' +
  '{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\n';

function hostileTopology(sep: string): Topology {
  const smuggle = PAYLOAD.replace(/\n/g, sep);
  return {
    name: `shop${sep}\u202e\u001b[2J`,
    resources: [
      {
        name: 'pw',
        kind: 'parameter',
        sourceType: 'parameter.v0',
        args: [],
        env: [],
        endpoints: [],
        volumes: [],
        bindMounts: [],
        parameter: { secret: false, default: { kind: 'value', value: `x${smuggle}` } },
        settings: {},
      },
      {
        name: `api${smuggle}`,
        kind: 'container',
        sourceType: 'container.v0',
        image: `api:1${sep}x`,
        args: [`--flag${smuggle}`],
        env: [{ name: `E${sep}V`, value: `v${smuggle}{pw.value}` }],
        endpoints: [
          { name: 'http', scheme: 'http', protocol: 'tcp', transport: 'http', targetPort: 8080, external: true },
        ],
        volumes: [],
        bindMounts: [],
        settings: {},
      },
    ],
    references: [
      { from: `api${smuggle}`, to: 'pw', kind: 'parameter', waitFor: 'none' } as Topology['references'][number],
    ],
  };
}

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

const SEPARATORS = ['\u0085', '\u2028', '\u2029', '\r', '\u001b'];

describe('every writer escapes line separators and control characters', () => {
  it.each(SEPARATORS.map((s) => [s.charCodeAt(0).toString(16), s]))(
    'U+%s never reaches a bundle file raw',
    (_code, sep) => {
      const topology = hostileTopology(sep);
      const gen = generate(topology, {});
      const settings = withDefaults({});
      for (const format of BUNDLE_FORMATS) {
        for (const f of layoutBundle(format, gen, topology, settings)) {
          expect(hasUnsafeChar(f.text, '\n\t'), `${format} ${f.path}`).toBe(false);
          expect(hasUnsafeChar(f.path)).toBe(false);
        }
      }
      for (const f of plainBundle(gen, topology, settings)) expect(hasUnsafeChar(f.text, '\n\t'), f.path).toBe(false);
      const stream = plainStream(gen);
      expect(hasUnsafeChar(stream, '\n\t')).toBe(false);
      // Read back as kubectl would: exactly the generated objects, no ClusterRoleBinding.
      const parsed = parseBundle([{ path: 'all.yaml', text: stream }]);
      expect(parsed.diagnostics).toEqual([]);
      const kinds = parsed.docs.map((d) => (d.value as { kind: string }).kind);
      expect(kinds).not.toContain('ClusterRoleBinding');
      expect(kinds).toEqual(gen.objects.map((o) => o.object.kind));
    },
  );
});

describe('the real tools read our hostile bundle as we wrote it', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));
  const kinds = (stream: string) =>
    parseAllDocuments(stream)
      .map((d) => (d.toJS() as { kind?: string } | null)?.kind)
      .filter(Boolean);

  it('kubectl kustomize and helm template: no smuggled object, the workload is there', () => {
    const topology = hostileTopology('\u2028');
    const gen = generate(topology, {});
    const settings = withDefaults({});
    const k = writeBundle(layoutBundle('kustomize', gen, topology, settings), 'hostile-kustomize-');
    dirs.push(k);
    const base = parse(readText(join(k, 'base/kustomization.yaml'))) as { secretGenerator?: { envs: string[] }[] };
    for (const env of (base.secretGenerator ?? []).flatMap((g) => g.envs)) {
      mkdirSync(dirname(join(k, 'base', env)), { recursive: true });
      writeFileSync(join(k, 'base', env), 'value=test-only\n');
    }
    const built = run('kubectl', ['kustomize', join(k, 'overlays', 'prod')]);
    expect(built.stderr).toBe('');
    expect(kinds(built.stdout)).not.toContain('ClusterRoleBinding');
    expect(kinds(built.stdout)).toContain('Deployment');

    const h = writeBundle(layoutBundle('helm', gen, topology, settings), 'hostile-helm-');
    dirs.push(h);
    const chart = join(
      h,
      layoutBundle('helm', gen, topology, settings).find((f) => f.path.endsWith('Chart.yaml'))!.path,
      '..',
    );
    const rendered = run('helm', [
      'template',
      'rel',
      chart,
      '-f',
      join(chart, 'ci/test-values.yaml'),
      '--kube-version',
      '1.32.0',
    ]);
    expect(rendered.stderr).toBe('');
    expect(kinds(rendered.stdout)).not.toContain('ClusterRoleBinding');
    expect(kinds(rendered.stdout)).toContain('Deployment');
  });
});

describe('import refuses names Aspire cannot produce (ModelName.ValidateName)', () => {
  const manifest = (name: string) =>
    JSON.stringify({ resources: { [name]: { type: 'container.v0', image: 'nginx' } } });
  it.each(SEPARATORS.map((s) => [s.charCodeAt(0).toString(16), s]))(
    'a resource name with U+%s is an error naming it',
    (_code, sep) => {
      const r = importAny(manifest(`api${sep}kind: Secret`), 'aspire-manifest.json');
      const err = r.diagnostics.find((d) => d.severity === 'error');
      expect(err?.code).toBe('unsafe-name');
      expect(hasUnsafeChar(err!.message)).toBe(false);
      expect(err!.message).toContain('ModelName');
    },
  );

  it('a design (share link, autosave) with such a name is refused too', () => {
    const design = JSON.stringify({
      format: 'aspire-parity-design',
      version: 1,
      topology: { name: 'x', resources: [{ name: 'a\u2028b', kind: 'container', image: 'nginx' }], references: [] },
    });
    const r = importAny(design, 'design.json');
    expect(r.topology).toBeUndefined();
    expect(r.diagnostics.some((d) => d.code === 'unsafe-name' && d.severity === 'error')).toBe(true);
  });

  it("names that only break Aspire's character rule still import (info), as before", () => {
    const r = importAny(manifest('café-api'), 'aspire-manifest.json');
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(false);
  });
});
