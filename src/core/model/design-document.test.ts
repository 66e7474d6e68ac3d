import { describe, expect, it } from 'vitest';
import { importManifest } from '../aspire/manifest/import-manifest';
import { fixture } from '../aspire/manifest/test-helpers';
import { DESIGN_FORMAT, parseDesign, serializeDesign, type DesignDocument } from './design-document';

function seedDesign(): DesignDocument {
  const { topology } = importManifest(fixture('seed-travel-platform.json'), { appName: 'travel' });
  topology.resources[0]!.settings = {
    databaseMode: 'in-cluster',
    storageSize: '10Gi',
    compute: { requests: { cpu: '250m', memory: '1Gi' } },
  };
  topology.resources[2]!.settings = { replicas: 3, healthPaths: { readiness: '/ready' } };
  topology.references[1]!.waitFor = 'running';
  return {
    format: DESIGN_FORMAT,
    version: 1,
    topology,
    positions: { 'trip-api': { x: 10, y: 20.5 }, catalog: { x: -5, y: 0 } },
    settings: { namespace: 'travel', registry: 'ghcr.io/acme', tag: '2.0.0', exposure: 'loadbalancer' },
    edits: { 'trip-api/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\n' },
  };
}

describe('design document', () => {
  it('round-trips a design without loss or diagnostics', () => {
    const doc = seedDesign();
    const text = serializeDesign(doc);
    const back = parseDesign(text);
    expect(back.diagnostics).toEqual([]);
    expect(JSON.parse(JSON.stringify(back.document))).toEqual(JSON.parse(JSON.stringify(doc)));
    // Stable: the same document always gives the same bytes, and re-serialising is a fixed point.
    expect(serializeDesign(back.document!)).toBe(text);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).toContain('\n  "format": "aspire-parity-design"');
  });

  it('sorts the maps so key order does not change the bytes', () => {
    const a = seedDesign();
    const b = seedDesign();
    b.positions = { catalog: { x: -5, y: 0 }, 'trip-api': { x: 10, y: 20.5 } };
    expect(serializeDesign(a)).toBe(serializeDesign(b));
  });

  it('never throws and explains bad input', () => {
    for (const text of [
      '',
      '{',
      '[]',
      'null',
      '{"format":"other"}',
      '{"format":"aspire-parity-design"}',
      '{"format":"aspire-parity-design","version":1}',
    ]) {
      const r = parseDesign(text);
      expect(r.document, text).toBeUndefined();
      expect(
        r.diagnostics.some((d) => d.severity === 'error'),
        text,
      ).toBe(true);
    }
  });

  it('rejects a newer format version with a clear error', () => {
    const r = parseDesign(
      JSON.stringify({ format: DESIGN_FORMAT, version: 2, topology: { name: 'x', resources: [], references: [] } }),
    );
    expect(r.document).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', code: 'design-version' });
    expect(r.diagnostics[0]!.message).toMatch(/newer version/);
  });

  it('validates every resource field, naming resource and field, and keeps the rest', () => {
    const text = JSON.stringify(
      {
        format: DESIGN_FORMAT,
        version: 1,
        topology: {
          name: 'x',
          resources: [
            {
              name: 'api',
              kind: 'project',
              sourceType: 'project.v0',
              args: 'nope',
              env: [{ name: 'A', value: 1 }, { name: 'B' }],
              endpoints: [
                { name: 'http', scheme: 'http', protocol: 'tcp', transport: 'http', port: 'abc', external: false },
              ],
              volumes: [],
              bindMounts: [],
              settings: { replicas: -1, storageSize: 'lots' },
              futureField: { kept: true },
            },
            { name: 'api', kind: 'container' },
            { kind: 'weird', name: 'w' },
          ],
          references: [
            { from: 'api', to: 'ghost', kind: 'parameter', waitFor: 'none' },
            { from: 'api', to: 'w', kind: 'bogus', waitFor: 'never' },
          ],
        },
        positions: { api: { x: 'left', y: 0 } },
      },
      null,
      2,
    );
    const r = parseDesign(text);
    const api = r.document!.topology.resources[0]!;
    expect(api.args).toEqual(['nope']);
    expect(api.env).toEqual([{ name: 'A', value: '1' }]);
    expect(api.endpoints[0]).toEqual({
      name: 'http',
      scheme: 'http',
      protocol: 'tcp',
      transport: 'http',
      external: false,
    });
    expect(api.settings).toEqual({});
    expect((api as unknown as Record<string, unknown>).futureField).toEqual({ kept: true });
    expect(r.document!.topology.resources.map((x) => [x.name, x.kind])).toEqual([
      ['api', 'project'],
      ['w', 'unknown'],
    ]);
    expect(r.document!.topology.references).toEqual([
      { from: 'api', to: 'w', kind: 'connection-string', waitFor: 'none' },
    ]);
    expect(r.document!.positions).toEqual({});
    const fields = r.diagnostics.map((d) => `${d.resource ?? '-'}:${d.field ?? '-'}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'api:args',
        'api:env.0.value',
        'api:env.1.value',
        'api:endpoints.0.port',
        'api:settings.replicas',
        'api:settings.storageSize',
        'api:name',
        'w:kind',
        '-:kind',
        '-:waitFor',
        '-:positions.api',
      ]),
    );
    expect(r.diagnostics.find((d) => d.field === 'endpoints.0.port')!.line).toBeGreaterThan(1);
  });

  it('is immune to prototype pollution', () => {
    const text = `{"format":"aspire-parity-design","version":1,"__proto__":{"polluted":1},
      "topology":{"name":"x","resources":[
        {"name":"__proto__","kind":"value","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}
      ],"references":[]},
      "positions":{"__proto__":{"x":1,"y":2}},"edits":{"__proto__":"x"}}`;
    const r = parseDesign(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(r.document!.topology.resources[0]!.name).toBe('__proto__');
    expect(Object.keys(r.document!.positions!)).toEqual(['__proto__']);
  });
});
