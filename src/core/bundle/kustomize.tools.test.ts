import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateObjects } from '../kube/validate';
import { fixtureBundle, fixtureSettings, fixtureTopology } from '../../test-support/bundle-fixture';
import { parseStream } from '../../test-support/corpus';
import { ensureK8sTools, removeDir, run, writeBundle } from '../../test-support/k8s-tools';
import { kustomizeBundle } from './kustomize';
import { minQuantity, parseQuantity } from './quantity';

const files = kustomizeBundle(fixtureBundle, fixtureTopology, fixtureSettings);
const text = (p: string): string => files.find((f) => f.path === p)?.text ?? '';

type Obj = { kind: string; metadata: { name: string }; spec?: Record<string, unknown>; data?: Record<string, string> };

let dir = '';
beforeAll(() => {
  ensureK8sTools();
  dir = writeBundle(files, 'kustomize-unit-');
});
afterAll(() => removeDir(dir));

function build(overlay: string): { code: number; stdout: string; stderr: string } {
  return run('kubectl', ['kustomize', join(dir, 'overlays', overlay)]);
}

describe('kustomizeBundle', () => {
  it('never commits secret values: a secretGenerator per secret, the README names the files and keys', () => {
    const base = parse(text('base/kustomization.yaml')) as {
      resources: string[];
      secretGenerator: { name: string; envs: string[] }[];
      namespace: string;
    };
    expect(base.namespace).toBe('shop');
    expect(base.secretGenerator).toEqual([
      expect.objectContaining({ name: 'pg-password', envs: ['secrets/pg-password.env'] }),
    ]);
    for (const f of files) expect(f.text).not.toContain('REPLACE-ME');
    expect(files.some((f) => f.path === 'base/secrets/pg-password.env')).toBe(false);
    expect(text('README.md')).toContain('`base/secrets/pg-password.env` → Secret `pg-password`');
    expect(text('README.md')).toContain('`value`: value of secret parameter "pg-password"');
    expect(text('base/secrets/.gitignore')).toContain('*.env');
  });

  it('does not build before the secret files exist (kubectl says which file is missing)', () => {
    const r = build('prod');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pg-password.env');
  });

  it('builds both overlays with the real kubectl once the files exist; secret refs follow the hashed name', () => {
    writeFileSync(join(dir, 'base/secrets/pg-password.env'), 'value=test-only\n');
    const out: Record<string, Obj[]> = {};
    for (const o of ['dev', 'prod']) {
      const r = build(o);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const { objects, errors } = parseStream(r.stdout);
      expect(errors).toEqual([]);
      expect(validateObjects(objects)).toEqual([]);
      out[o] = objects as Obj[];
    }
    const secret = out.prod!.find((o) => o.kind === 'Secret')!;
    expect(secret.metadata.name).toMatch(/^pg-password-[a-z0-9]{10}$/);
    expect(Buffer.from(secret.data!.value!, 'base64').toString()).toBe('test-only');
    const refs = [...JSON.stringify(out.prod).matchAll(/"secretKeyRef":\{"key":"value","name":"([^"]+)"\}/g)].map(
      (m) => m[1],
    );
    expect(refs).toEqual([secret.metadata.name, secret.metadata.name]);

    // The overlays differ in what teams vary.
    const web = (o: string) =>
      out[o]!.find((x) => x.kind === 'Deployment')!.spec as {
        replicas: number;
        template: {
          spec: {
            containers: {
              image: string;
              resources: { requests: Record<string, string>; limits: Record<string, string> };
            }[];
          };
        };
      };
    expect(web('prod').replicas).toBe(3);
    expect(web('dev').replicas).toBe(1);
    expect(web('prod').template.spec.containers[0]!.image).toBe('registry.example.com/web-api:1.0.0');
    expect(web('dev').template.spec.containers[0]!.image).toBe('registry.example.com/web-api:dev');
    expect(web('prod').template.spec.containers[0]!.resources.requests).toEqual({ cpu: '100m', memory: '128Mi' });
    expect(web('dev').template.spec.containers[0]!.resources).toEqual({
      requests: { cpu: '50m', memory: '64Mi' },
      limits: { memory: '512Mi' },
    });
    const host = (o: string) =>
      (out[o]!.find((x) => x.kind === 'Ingress')!.spec as { rules: { host: string }[] }).rules[0]!.host;
    expect(host('prod')).toBe('shop.example.com');
    expect(host('dev')).toBe('dev.shop.example.com');
    // Third-party images keep their pinned tags in every overlay.
    expect(JSON.stringify(out.dev)).toContain('docker.io/library/postgres:17.2');
  });
});

describe('quantities', () => {
  it('compares Kubernetes quantities across suffixes', () => {
    expect(parseQuantity('100m')).toBeCloseTo(0.1);
    expect(parseQuantity('64Mi')).toBe(64 * 2 ** 20);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('lots')).toBeUndefined();
    expect(minQuantity('250m', '50m')).toBe('50m');
    expect(minQuantity('10m', '50m')).toBe('10m');
    expect(minQuantity('1Gi', '64Mi')).toBe('64Mi');
    expect(minQuantity('32M', '64Mi')).toBe('32M');
    expect(minQuantity('junk', '64Mi')).toBe('junk');
  });
});
