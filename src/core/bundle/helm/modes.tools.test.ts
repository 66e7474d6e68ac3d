/**
 * Database mode as a Helm value, proven with the real helm on the every-call App Host (seven
 * servers; `cache` is designed external): for each server flipped, and for all at once, the
 * rendered chart holds exactly the objects the plain generator writes for that design, and the
 * parity table gives every row the same verdict.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from '../../aspire/apphost/import';
import { testParser } from '../../aspire/apphost/test-support';
import { generate } from '../../kube/generate';
import { validateObjects } from '../../kube/validate';
import { withDefaults } from '../../model/settings';
import type { Topology } from '../../model/topology';
import { checkParity } from '../../parity/engine';
import { parseStream } from '../../../test-support/corpus';
import { ensureK8sTools, removeDir, run, runAsync, writeBundle } from '../../../test-support/k8s-tools';
import { plainBundle } from '../plain';
import { chartName, helmBundle } from './chart';

const settings = withDefaults({ namespace: 'shop' });
let topology: Topology;
let dir = '';
let chart = '';
let values: any;

beforeAll(async () => {
  ensureK8sTools();
  const parser = await testParser();
  topology = importAppHost(
    parser,
    readFileSync(join(__dirname, '../../../../fixtures/apphost/every-call.cs'), 'utf8'),
  ).topology;
  const files = helmBundle(generate(topology, settings), topology, settings);
  dir = writeBundle(files, 'helm-modes-');
  chart = join(dir, chartName(topology));
  values = parseStream(readFileSync(join(chart, 'values.yaml'), 'utf8')).objects[0];
});
afterAll(() => removeDir(dir));

type Mode = 'inCluster' | 'external';
const designed = (t: Topology, name: string): Mode =>
  t.resources.find((r) => r.name === name)!.settings.databaseMode === 'external' ? 'external' : 'inCluster';
const flipped = (m: Mode): Mode => (m === 'inCluster' ? 'external' : 'inCluster');

/** The design with these servers in these modes: what `helm --set databases.<s>.mode` should equal. */
function withModes(t: Topology, modes: Record<string, Mode>): Topology {
  return {
    ...t,
    resources: t.resources.map((r) =>
      modes[r.name]
        ? { ...r, settings: { ...r.settings, databaseMode: modes[r.name] === 'external' ? 'external' : 'in-cluster' } }
        : r,
    ),
  };
}

const templateArgs = (args: string[]) => [
  'template',
  'rel',
  chart,
  '-f',
  join(chart, 'ci/test-values.yaml'),
  '--kube-version',
  '1.32.0',
  ...args,
];
const template = (...args: string[]) => run('helm', templateArgs(args));
const templateAsync = (...args: string[]) => runAsync('helm', templateArgs(args));

const id = (o: any) => `${o.kind}/${o.metadata.name}`;
const byId = (objects: any[]) => new Map(objects.map((o) => [id(o), o]));
/** A completion Job is named for its revision, `<name>-<hash>` (kube/generator/job-revisions.ts). */
const find = (objects: any[], kind: string, name: string) =>
  objects.find(
    (o) =>
      o.kind === kind &&
      (o.metadata.name === name || (kind === 'Job' && /^(.*)-[0-9a-f]{8}$/.exec(o.metadata.name)?.[1] === name)),
  );
/**
 * The chart names a Job from its rendered spec with Helm's sha256, the generator from its spec
 * with FNV (job-revisions.ts): the rendering with each rendered Job's name (and every `job/…` wait
 * and Role name that carries it) swapped for the generator's Job of the same base name.
 */
function withPlainJobNames(rendered: any[], plain: any[]): any[] {
  const base = (o: any) => /^(.*)-[0-9a-f]{8}$/.exec(o.metadata.name)?.[1];
  const names = new Map<string, string>();
  for (const j of rendered.filter((o) => o.kind === 'Job')) {
    const p = plain.find((o) => o.kind === 'Job' && base(o) === base(j));
    if (p) names.set(j.metadata.name, p.metadata.name);
  }
  return JSON.parse(
    JSON.stringify(rendered, (_k, v: unknown) => {
      if (typeof v !== 'string') return v;
      const at = v.lastIndexOf('/') + 1;
      const to = names.get(v.slice(at));
      return to ? `${v.slice(0, at)}${to}` : v;
    }),
  );
}
const env = (workload: any) =>
  Object.fromEntries(workload.spec.template.spec.containers[0].env.map((e: any) => [e.name, e]));
const inits = (workload: any) => (workload.spec.template.spec.initContainers ?? []).map((c: any) => c.name);

describe('Helm database mode', () => {
  it('declares databases.<server>.mode for every server, defaulting to the design, enum-checked', () => {
    expect(values.databases).toEqual({
      pg: { mode: 'inCluster' },
      mysql: { mode: 'inCluster' },
      sqlserver: { mode: 'inCluster' },
      mongo: { mode: 'inCluster' },
      cache: { mode: 'external' },
      bus: { mode: 'inCluster' },
      kafka: { mode: 'inCluster' },
    });
    const schema = JSON.parse(readFileSync(join(chart, 'values.schema.json'), 'utf8'));
    expect(schema.properties.databases.properties.pg.properties.mode).toEqual({
      type: 'string',
      enum: ['inCluster', 'external'],
    });
    const bad = template('--set', 'databases.pg.mode=managed');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/mode/);
  });

  it('renders what the generator writes for each server flipped, and for all flipped at once', async () => {
    const servers = Object.keys(values.databases as object);
    const cases: Record<string, Mode>[] = [
      ...servers.map((s) => ({ [s]: flipped(designed(topology, s)) })),
      Object.fromEntries(servers.map((s) => [s, flipped(designed(topology, s))])),
    ];
    // All renders start together (the second core works while one waits on helm); checked in order.
    const renders = await Promise.all(
      cases.map((modes) =>
        templateAsync(...Object.entries(modes).flatMap(([s, m]) => ['--set', `databases.${s}.mode=${m}`])),
      ),
    );
    for (const [i, modes] of cases.entries()) {
      const what = JSON.stringify(modes);
      const r = renders[i]!;
      expect(r.stderr, what).toBe('');
      const raw = parseStream(r.stdout).objects as any[];
      expect(validateObjects(raw), what).toEqual([]);

      const t = withModes(topology, modes);
      const plainFiles = plainBundle(generate(t, settings), t, settings);
      const plain = plainFiles
        .filter((f) => f.path.endsWith('.yaml'))
        .flatMap((f) => parseStream(f.text, f.path).objects) as any[];
      const rendered = withPlainJobNames(raw, plain);
      expect([...byId(rendered).keys()].sort(), what).toEqual([...byId(plain).keys()].sort());
      // Same objects; Secrets differ only by their values (CI placeholders vs REPLACE_ME).
      for (const [k, o] of byId(plain)) {
        const h = byId(rendered).get(k);
        if (o.kind === 'Secret')
          expect(Object.keys(h.stringData).sort(), `${what} ${k}`).toEqual(Object.keys(o.stringData).sort());
        else expect(h, `${what} ${k}`).toEqual(o);
      }
      // Sorted: helm orders documents by kind, so lint rows come in another order.
      const verdicts = (files: { path: string; text: string }[]) =>
        checkParity({ topology: t, files, settings })
          .rows.map((x) => `${x.id} ${x.status}`)
          .sort();
      expect(verdicts([{ path: 'helm.yaml', text: r.stdout }]), what).toEqual(verdicts(plainFiles));
    }
  });

  it('external: no server workload, Service or wait; consumers read ConnectionStrings from an existing Secret', () => {
    const inCluster = parseStream(template().stdout).objects as any[];
    expect(find(inCluster, 'StatefulSet', 'pg')).toBeDefined();
    expect(inits(find(inCluster, 'Deployment', 'api'))).toContain('wait-for-pg');
    expect(env(find(inCluster, 'Job', 'setup')).ConnectionStrings__appdb.value).toMatch(/^Host=pg;/);

    const r = template(
      '--set',
      'databases.pg.mode=external',
      '--set',
      'secrets.appdb-connection.existingSecret=managed-pg',
    );
    expect(r.stderr).toBe('');
    const objects = parseStream(r.stdout).objects as any[];
    for (const [kind, name] of [
      ['StatefulSet', 'pg'],
      ['Service', 'pg'],
      ['Service', 'pg-headless'],
      ['Secret', 'pg-password'],
      ['Secret', 'appdb-connection'],
    ]) {
      expect(find(objects, kind!, name!), `${kind}/${name}`).toBeUndefined();
    }
    expect(inits(find(objects, 'Deployment', 'api'))).not.toContain('wait-for-pg');
    expect(inits(find(objects, 'Deployment', 'api'))).toContain('wait-for-setup');
    expect(env(find(objects, 'Job', 'setup')).ConnectionStrings__appdb).toEqual({
      name: 'ConnectionStrings__appdb',
      valueFrom: { secretKeyRef: { name: 'managed-pg', key: 'connection-string' } },
    });
    expect(JSON.stringify(find(objects, 'Job', 'setup'))).not.toContain('PG_PASSWORD');

    // Without an existing Secret the chart creates it, and only from a value given at install.
    const missing = template(
      '--set',
      'databases.pg.mode=external',
      '--set',
      'secrets.appdb-connection.stringData.connection-string=',
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('secrets.appdb-connection.stringData.connection-string is required');
  });

  it(
    'inCluster for a server designed external: its workload and password Secret appear, with no init container ' +
      'list left empty',
    () => {
      const objects = parseStream(template('--set', 'databases.cache.mode=inCluster').stdout).objects as any[];
      expect(find(objects, 'Deployment', 'cache')).toBeDefined();
      expect(find(objects, 'Secret', 'cache-password')).toBeDefined();
      expect(find(objects, 'Secret', 'cache-connection')).toBeUndefined();
      expect(env(find(objects, 'Deployment', 'api')).ConnectionStrings__cache.value).toMatch(
        /^cache:6379,password=\$\(/,
      );
      // A pod whose only init container waits on a server that became external renders no key.
      const off = parseStream(template('--set', 'databases.pg.mode=external').stdout).objects as any[];
      expect(find(off, 'Job', 'setup').spec.template.spec).not.toHaveProperty('initContainers');
    },
  );

  it('passes helm lint --strict with every server in its other mode', () => {
    const sets = Object.keys(values.databases as object).flatMap((s) => [
      '--set',
      `databases.${s}.mode=${flipped(designed(topology, s))}`,
    ]);
    const lint = run('helm', ['lint', '--strict', chart, '-f', join(chart, 'ci/test-values.yaml'), ...sets]);
    expect(lint.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
    expect(lint.code).toBe(0);
  });
});
