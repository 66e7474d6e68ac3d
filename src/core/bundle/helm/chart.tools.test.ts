import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateObjects } from '../../kube/validate';
import { fixtureBundle, fixtureSettings, fixtureTopology } from '../../../test-support/bundle-fixture';
import { parseStream } from '../../../test-support/corpus';
import { ensureK8sTools, removeDir, run, writeBundle } from '../../../test-support/k8s-tools';
import { chartName, helmBundle } from './chart';

const files = helmBundle(fixtureBundle, fixtureTopology, fixtureSettings);
const chart = chartName(fixtureTopology);
const file = (p: string): string => {
  const f = files.find((x) => x.path === `${chart}/${p}`);
  if (!f) throw new Error(`no ${p} in ${files.map((x) => x.path).join(', ')}`);
  return f.text;
};
const templates = files.filter((f) => f.path.startsWith(`${chart}/templates/`) && f.path.endsWith('.yaml'));

let dir = '';
beforeAll(() => {
  ensureK8sTools();
  dir = writeBundle(files, 'helm-unit-');
});
afterAll(() => removeDir(dir));

function template(...args: string[]): { code: number; stdout: string; stderr: string } {
  return run('helm', ['template', 'rel', join(dir, chart), '--kube-version', '1.32.0', ...args]);
}

/** Every `.Values` path a template reads: dotted access and `index .Values.<map> "<key>"` forms. */
function valuePaths(text: string): string[][] {
  const out: string[][] = [];
  const indexed = /\(index \.Values((?:\.[A-Za-z0-9_]+)+) "([^"]+)"\)((?:\.[A-Za-z0-9_]+)*)(?: "([^"]+)")?/g;
  for (const m of text.matchAll(indexed)) {
    out.push([...m[1]!.slice(1).split('.'), m[2]!, ...(m[3] ? m[3].slice(1).split('.') : []), ...(m[4] ? [m[4]] : [])]);
  }
  const stripped = text.replace(indexed, '');
  for (const m of stripped.matchAll(/\.Values((?:\.[A-Za-z0-9_]+)+)/g)) out.push(m[1]!.slice(1).split('.'));
  return out;
}

describe('helmBundle', () => {
  it('has a DNS-safe lower-case chart name and the expected files', () => {
    expect(chart).toBe('shop');
    expect(parse(file('Chart.yaml'))).toMatchObject({ apiVersion: 'v2', name: 'shop', version: '0.1.0' });
    for (const p of [
      'values.yaml',
      'values.schema.json',
      'ci/test-values.yaml',
      'templates/NOTES.txt',
      'templates/_helpers.tpl',
    ])
      expect(() => file(p)).not.toThrow();
  });

  it('declares in values.yaml every value a template reads (no drifting keys)', () => {
    const values = parse(file('values.yaml')) as Record<string, unknown>;
    const all = [...templates.map((t) => t.text), file('templates/NOTES.txt'), file('templates/_helpers.tpl')].join(
      '\n',
    );
    const paths = valuePaths(all);
    expect(paths.length).toBeGreaterThan(10);
    const missing = paths.filter((p) => {
      let node: unknown = values;
      for (const k of p) {
        if (typeof node !== 'object' || node === null || !(k in node)) return true;
        node = (node as Record<string, unknown>)[k];
      }
      return false;
    });
    expect(missing.map((p) => p.join('.'))).toEqual([]);
    // And the checker sees a wrong key: it must be able to fail.
    expect(valuePaths('{{ (index .Values.workloads "nope").replicas }}')).toEqual([['workloads', 'nope', 'replicas']]);
  });

  it('keeps secret values out of values.yaml and the templates: one value per secret, required', () => {
    const values = parse(file('values.yaml')) as {
      secrets: Record<string, { existingSecret: string; stringData: Record<string, string> }>;
    };
    expect(Object.keys(values.secrets)).toEqual(['pg-password']);
    expect(values.secrets['pg-password']).toEqual({ existingSecret: '', stringData: { value: '' } });
    for (const f of files) expect(f.text).not.toContain('REPLACE_ME');
    // Two consumers (pg and web-api) read the same single value.
    expect(
      templates
        .map((t) => t.text)
        .join('\n')
        .match(/\(index \.Values\.secrets "pg-password"\)\.existingSecret \| default "pg-password"/g),
    ).toHaveLength(2);
  });

  it('passes helm lint --strict with the CI values and fails without the secret values', () => {
    const lint = run('helm', ['lint', '--strict', join(dir, chart), '-f', join(dir, chart, 'ci/test-values.yaml')]);
    expect(lint.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
    expect(lint.code).toBe(0);
    const bare = template();
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('secrets.pg-password.stringData.value is required');
  });

  it('renders valid objects, prints user braces literally, and keeps YAML 1.1 strings strings', () => {
    const r = template('-f', join(dir, chart, 'ci/test-values.yaml'));
    expect(r.stderr).toBe('');
    const { objects, errors } = parseStream(r.stdout);
    expect(errors).toEqual([]);
    expect(validateObjects(objects)).toEqual([]);
    expect(objects).toHaveLength(fixtureBundle.objects.length);
    const web = objects.find((o) => (o as { kind: string }).kind === 'Deployment') as {
      spec: {
        replicas: number;
        template: { spec: { containers: { image: string; env: { name: string; value?: string }[] }[] } };
      };
    };
    const env = Object.fromEntries(web.spec.template.spec.containers[0]!.env.map((e) => [e.name, e.value]));
    expect(env.GREETING_TEMPLATE).toBe('Hello {{ .Name }}, "quoted" and on');
    expect(env.FEATURE_FLAG).toBe('yes');
    expect(web.spec.replicas).toBe(3);
    expect(web.spec.template.spec.containers[0]!.image).toBe('registry.example.com/web-api:1.0.0');
  });

  it('varies image, replicas, resources, OTLP, namespace, ingress and secret source through values', () => {
    const r = template(
      '--set',
      'workloads.web-api.image.registry=ghcr.io/acme',
      '--set',
      'workloads.web-api.image.tag=2.0.1',
      '--set',
      'workloads.web-api.replicas=5',
      '--set',
      'workloads.web-api.resources.limits.memory=1Gi',
      '--set',
      'otlp.endpoint=http://collector.observability:4317',
      '--set',
      'namespace.name=prod',
      '--set',
      'namespace.create=false',
      '--set',
      'ingress.hosts.web-api=api.acme.io',
      '--set',
      'ingress.tls.enabled=true',
      '--set',
      'ingress.className=',
      '--set',
      'secrets.pg-password.existingSecret=pg-creds',
    );
    expect(r.stderr).toBe('');
    const { objects } = parseStream(r.stdout);
    expect(validateObjects(objects)).toEqual([]);
    const kinds = objects.map((o) => (o as { kind: string }).kind);
    expect(kinds).not.toContain('Namespace');
    expect(kinds).not.toContain('Secret');
    const text = r.stdout;
    expect(text).toContain('image: "ghcr.io/acme/web-api:2.0.1"');
    expect(text).toContain('replicas: 5');
    expect(text).toContain('memory: 1Gi');
    expect(text).toContain('value: "http://collector.observability:4317"');
    expect(text).not.toContain('namespace: "shop"');
    expect(text).toContain('name: "pg-creds"');
    const ingress = objects.find((o) => (o as { kind: string }).kind === 'Ingress') as {
      metadata: { namespace: string };
      spec: Record<string, unknown>;
    };
    expect(ingress.metadata.namespace).toBe('prod');
    expect(ingress.spec.ingressClassName).toBeUndefined();
    expect(ingress.spec.tls).toEqual([{ hosts: ['api.acme.io'], secretName: 'web-api-tls' }]);
    expect((ingress.spec.rules as { host: string }[])[0]!.host).toBe('api.acme.io');
    const off = template('-f', join(dir, chart, 'ci/test-values.yaml'), '--set', 'ingress.enabled=false');
    expect(parseStream(off.stdout).objects.map((o) => (o as { kind: string }).kind)).not.toContain('Ingress');
  });

  it('rejects values of the wrong type through values.schema.json', () => {
    const r = template('-f', join(dir, chart, 'ci/test-values.yaml'), '--set', 'workloads.web-api.replicas=many');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/replicas/);
  });
});
