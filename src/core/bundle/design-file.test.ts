import { describe, expect, it } from 'vitest';
import type { Resource, Topology } from '../model/topology';
import { withDefaults } from '../model/settings';
import { designFile } from './design-file';

const base = { args: [], endpoints: [], volumes: [], bindMounts: [], settings: {} };
const topology: Topology = {
  name: 'shop',
  resources: [
    {
      ...base,
      name: 'pw',
      kind: 'parameter',
      sourceType: 'parameter.v0',
      env: [],
      parameter: { secret: true, default: { kind: 'value', value: 'Hunter2!' } },
    } as Resource,
    {
      ...base,
      name: 'db',
      kind: 'container',
      sourceType: 'container.v0',
      image: 'postgres:17.2',
      env: [
        { name: 'POSTGRES_PASSWORD', value: 'S3cret-typed-in' },
        { name: 'POSTGRES_USER', value: 'postgres' },
        { name: 'PGPASSWORD', value: '{pw.value}' },
        { name: 'ConnectionStrings__legacy', value: 'Host=old;Username=u;Password=Lit3ral-pw' },
      ],
      connectionString: 'Host={db.bindings.tcp.host};Password=Inline-pw',
    } as Resource,
  ],
  references: [],
  unmodelled: [
    {
      resource: 'db',
      construct: 'WithInitFiles',
      message: 'Init files are not modelled.',
      file: 'AppHost.cs',
      line: 9,
    },
  ],
};

describe('the design a bundle carries', () => {
  const text = designFile(topology, withDefaults(undefined)).text;
  it('holds no secret value', () => {
    expect(text).not.toContain('Hunter2!');
    expect(text).not.toContain('S3cret-typed-in');
    expect(text).not.toContain('Lit3ral-pw');
    expect(text).not.toContain('Inline-pw');
    expect(text).toContain('Host=old;Username=u;Password=<secret:redacted>');
    expect(text).toContain('{pw.value}');
    expect(text).toContain('"postgres"');
  });
  it('keeps what import could not model: what, where and on which resource (not the App Host text it quoted)', () => {
    expect((JSON.parse(text) as { topology: Topology }).topology.unmodelled).toEqual(
      topology.unmodelled!.map((u) => ({
        ...u,
        message:
          `Line ${u.line}: ${u.construct} on "${u.resource}" was not modelled (the App Host's text is left ` +
          `out of shared copies; import the App Host to read it).`,
      })),
    );
  });
});
