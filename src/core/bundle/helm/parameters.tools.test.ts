/**
 * The parameters ConfigMap in the chart: each non-secret AddParameter value the services read
 * from it is a Helm value (parameters.<key>), not text fixed in a template. Proven with the real
 * helm, including a parameter only the in-cluster database server reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../kube/generate';
import type { Resource, Topology } from '../../model/topology';
import { fixtureSettings, fixtureTopology } from '../../../test-support/bundle-fixture';
import { parseStream } from '../../../test-support/corpus';
import { ensureK8sTools, removeDir, run, writeBundle } from '../../../test-support/k8s-tools';
import { chartName, helmBundle } from './chart';

const param = (name: string, parameter: Resource['parameter']): Resource => ({
  name,
  kind: 'parameter',
  sourceType: 'parameter.v0',
  args: [],
  env: [],
  endpoints: [],
  volumes: [],
  bindMounts: [],
  parameter,
  settings: {},
});

/** The shop fixture plus: a plain parameter for the API, one only the database reads, one with a published default. */
const topology: Topology = {
  ...fixtureTopology,
  resources: [
    param('log-level', { secret: false }),
    param('pg-db', { secret: false }),
    param('greeting', { secret: false, default: { kind: 'value', value: 'hello' } }),
    ...fixtureTopology.resources.map((r) =>
      r.name === 'pg'
        ? { ...r, env: [{ name: 'POSTGRES_DB', value: '{pg-db.value}' }] }
        : r.name === 'Web-Api'
          ? {
              ...r,
              env: [
                { name: 'LOG_LEVEL', value: '{log-level.value}' },
                { name: 'GREETING', value: '{greeting.value}' },
              ],
            }
          : r,
    ),
  ],
  references: [
    ...fixtureTopology.references,
    { from: 'Web-Api', to: 'log-level', kind: 'parameter', waitFor: 'none' },
    { from: 'Web-Api', to: 'greeting', kind: 'parameter', waitFor: 'none' },
    { from: 'pg', to: 'pg-db', kind: 'parameter', waitFor: 'none' },
  ],
};

const files = helmBundle(generate(topology, fixtureSettings), topology, fixtureSettings);
const chart = chartName(topology);
const text = (p: string) => files.find((f) => f.path === `${chart}/${p}`)!.text;
let dir = '';

beforeAll(() => {
  ensureK8sTools();
  dir = writeBundle(files, 'helm-params-');
});
afterAll(() => removeDir(dir));

function render(...args: string[]): any[] {
  const r = run('helm', [
    'template',
    'rel',
    join(dir, chart),
    '-f',
    join(dir, chart, 'ci/test-values.yaml'),
    '--kube-version',
    '1.32.0',
    ...args,
  ]);
  expect(r.stderr).toBe('');
  return parseStream(r.stdout).objects as any[];
}
const configMaps = (objects: any[]) => objects.filter((o) => o.kind === 'ConfigMap');

describe('Helm parameters', () => {
  it('declares each ConfigMap parameter in values.yaml and the schema; templates read them', () => {
    const values = parseStream(text('values.yaml')).objects[0] as any;
    expect(values.parameters).toEqual({ 'log-level': '', 'pg-db': '' });
    expect(text('values.yaml')).toContain('# AddParameter("log-level")');
    const schema = JSON.parse(readFileSync(join(dir, chart, 'values.schema.json'), 'utf8'));
    expect(Object.keys(schema.properties.parameters.properties).sort()).toEqual(['log-level', 'pg-db']);
    const cm = text('templates/parameters.yaml');
    expect(cm).toContain('log-level: {{ (index .Values.parameters "log-level") | quote }}');
    expect(cm).not.toMatch(/log-level: ""/);
  });

  it('renders the values given at install, and only the keys the chosen database mode uses', () => {
    const [cm] = configMaps(render('--set', 'parameters.log-level=Debug', '--set', 'parameters.pg-db=shop'));
    expect(cm.data).toEqual({ 'log-level': 'Debug', 'pg-db': 'shop' });
    const web = render().find((o) => o.kind === 'Deployment' && o.metadata.name === 'web-api');
    const env = Object.fromEntries(web.spec.template.spec.containers[0].env.map((e: any) => [e.name, e]));
    expect(env.LOG_LEVEL.valueFrom.configMapKeyRef).toEqual({ name: cm.metadata.name, key: 'log-level' });
    // The published default stays the generator's literal: it is no ConfigMap value.
    expect(env.GREETING.value).toBe('hello');
    // A number from --set is still a string in the ConfigMap.
    expect(configMaps(render('--set', 'parameters.log-level=5'))[0].data['log-level']).toBe('5');
    // With the server external, nothing reads pg-db: the ConfigMap has only the API's key.
    const external = configMaps(render('--set', 'databases.pg.mode=external', '--set', 'parameters.log-level=Info'));
    expect(external.map((c) => c.data)).toEqual([{ 'log-level': 'Info' }]);
  });

  it('passes helm lint --strict with the CI values', () => {
    const lint = run('helm', ['lint', '--strict', join(dir, chart), '-f', join(dir, chart, 'ci/test-values.yaml')]);
    expect(lint.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
    expect(lint.code).toBe(0);
  });
});
