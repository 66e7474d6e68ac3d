import { describe, expect, it } from 'vitest';
import { importManifest } from './import-manifest';
import { fixture, manifest, resource } from './test-helpers';

const errorsOf = (text: string) => importManifest(text).diagnostics.filter((d) => d.severity === 'error');

describe('importManifest: whole-file problems', () => {
  it('never throws, whatever the input', () => {
    const inputs: unknown[] = [
      '',
      '   ',
      'null',
      '[]',
      '"x"',
      '42',
      '{',
      '{"resources": []}',
      '{"resources": null}',
      '{"resources": {"a": 1}}',
      undefined,
      null,
      12,
    ];
    for (const input of inputs) expect(() => importManifest(input as string)).not.toThrow();
  });

  it('gives invalid JSON an error with line and column', () => {
    const [e] = errorsOf('{\n  "resources": {\n    "a": { "type": "value.v0" "connectionString": "x" }\n  }\n}');
    expect(e).toMatchObject({ code: 'json-syntax', line: 3, column: 31 });
    expect(e!.message).toMatch(/^Invalid JSON at line 3, column 31/);
  });

  it('names the file in syntax errors when given', () => {
    const { diagnostics } = importManifest('{', { fileName: 'shop/aspire-manifest.json' });
    expect(diagnostics[0]!.message).toMatch(/^shop\/aspire-manifest.json: Invalid JSON/);
  });

  it('explains a top level that is not a manifest', () => {
    expect(errorsOf('[1,2]')[0]!.message).toMatch(/top level should be an object.*array/);
    expect(errorsOf('{"name": "x"}')[0]!.message).toMatch(/no "resources" object/);
    expect(errorsOf('{"resources": "api"}')[0]!.message).toMatch(/"resources" should be an object/);
  });

  it('imports empty resources as an empty topology without errors', () => {
    const r = importManifest('{"resources": {}}');
    expect(r.topology.resources).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });

  it('accepts a UTF-8 BOM', () => {
    const r = importManifest(
      '\uFEFF' +
        manifest({ p: { type: 'parameter.v0', value: '{p.inputs.value}', inputs: { value: { type: 'string' } } } }),
    );
    expect(r.topology.resources).toHaveLength(1);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reads legacy preview "components" with a warning', () => {
    const r = importManifest('{"components": {"api": {"type": "project.v0", "path": "a.csproj"}}}');
    expect(r.topology.resources.map((x) => x.name)).toEqual(['api']);
    expect(r.diagnostics.some((d) => d.code === 'legacy-manifest' && d.severity === 'warning')).toBe(true);
  });

  it('ends huge and deeply nested input with an error', () => {
    const huge = importManifest(
      `{"resources":{"a":{"type":"value.v0","connectionString":"${'y'.repeat(20_000_000)}"}}}`,
    );
    expect(huge.diagnostics[0]).toMatchObject({ severity: 'error', code: 'json-too-large' });
    const deep = importManifest(
      `{"resources":{"a":{"type":"container.v0","args":${'['.repeat(100_000)}${']'.repeat(100_000)}}}}`,
    );
    expect(deep.diagnostics[0]).toMatchObject({ severity: 'error', code: 'json-too-deep' });
    expect(deep.diagnostics[0]!.message).toContain('64');
  });

  it('cannot be used to pollute prototypes', () => {
    const text = `{"resources": {
      "__proto__": {"type": "container.v0", "image": "x",
        "env": {"__proto__": "1", "constructor": "2"}, "polluted": true},
      "constructor": {"type": "value.v0", "connectionString": "{__proto__.connectionString}"},
      "prototype": {"type": "container.v0", "image": "y", "build": {"context": ".", "args": {"__proto__": "z"}},
        "bindings": {"__proto__": {"scheme": "http"}}}
    }, "__proto__": {"polluted": true}}`;
    const r = importManifest(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('type');
    expect(r.topology.resources.map((x) => x.name)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(resource(r.topology, '__proto__').env.map((e) => e.name)).toEqual(['__proto__', 'constructor']);
    expect(resource(r.topology, 'prototype').endpoints.map((e) => e.name)).toEqual(['__proto__']);
    expect(Object.keys(resource(r.topology, 'prototype').build!.args!)).toEqual(['__proto__']);
    expect(r.topology.references).toEqual([
      { from: 'constructor', to: '__proto__', kind: 'connection-string', waitFor: 'none' },
    ]);
  });

  it('derives the application name', () => {
    expect(importManifest('{"resources":{}}', { appName: 'Shop' }).topology.name).toBe('Shop');
    expect(
      importManifest('{"resources":{}}', { fileName: 'src/TestShop.AppHost/aspire-manifest.json' }).topology.name,
    ).toBe('testshop');
    expect(importManifest('{"resources":{}}', { fileName: 'playground-testshop.json' }).topology.name).toBe(
      'playground-testshop',
    );
    expect(importManifest('{"resources":{}}').topology.name).toBe('app');
  });
});

describe('importManifest: wrong field types', () => {
  it('reports bindings as a string with the resource and field, and imports the rest', () => {
    const r = importManifest(
      manifest({ api: { type: 'project.v0', path: 'a.csproj', bindings: 'http', env: { A: 'b' } } }),
    );
    const d = r.diagnostics.find((x) => x.field === 'bindings');
    expect(d).toMatchObject({ severity: 'warning', resource: 'api', code: 'wrong-type' });
    expect(d!.message).toContain('"api"');
    expect(d!.line).toBeGreaterThan(1);
    expect(resource(r.topology, 'api').env).toEqual([{ name: 'A', value: 'b' }]);
  });

  it('reports bad ports and keeps the endpoint', () => {
    const r = importManifest(
      manifest({
        c: {
          type: 'container.v0',
          image: 'nginx',
          bindings: {
            http: { scheme: 'http', targetPort: 'abc', port: 70000 },
            tcp: { scheme: 'tcp', targetPort: 5432.5 },
            s: { scheme: 'tcp', targetPort: '6379' },
          },
        },
      }),
    );
    const c = resource(r.topology, 'c');
    expect(c.endpoints.map((e) => [e.name, e.targetPort, e.port])).toEqual([
      ['http', undefined, undefined],
      ['tcp', undefined, undefined],
      ['s', 6379, undefined],
    ]);
    const fields = r.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.field);
    expect(fields).toEqual(['bindings.http.port', 'bindings.http.targetPort', 'bindings.tcp.targetPort']);
    expect(r.diagnostics.find((d) => d.field === 'bindings.http.targetPort')!.message).toMatch(/"abc"/);
    expect(r.diagnostics.find((d) => d.field === 'bindings.s.targetPort')!.severity).toBe('info');
  });

  it('coerces numeric and boolean env values with an info diagnostic, skips objects', () => {
    const r = importManifest(
      manifest({ c: { type: 'container.v0', image: 'x', env: { PORT: 8080, DEBUG: true, BAD: { a: 1 }, OK: 'y' } } }),
    );
    expect(resource(r.topology, 'c').env).toEqual([
      { name: 'PORT', value: '8080' },
      { name: 'DEBUG', value: 'true' },
      { name: 'OK', value: 'y' },
    ]);
    expect(r.diagnostics.find((d) => d.field === 'env.PORT')!.severity).toBe('info');
    expect(r.diagnostics.find((d) => d.field === 'env.BAD')!.severity).toBe('warning');
  });

  it('reports args that are not an array, and bad elements', () => {
    const r = importManifest(
      manifest({
        a: { type: 'container.v0', image: 'x', args: { x: 1 } },
        b: { type: 'container.v0', image: 'x', args: ['--x', 1, null] },
      }),
    );
    expect(resource(r.topology, 'a').args).toEqual([]);
    expect(resource(r.topology, 'b').args).toEqual(['--x', '1']);
    expect(r.diagnostics.find((d) => d.resource === 'a' && d.field === 'args')!.severity).toBe('warning');
    expect(r.diagnostics.find((d) => d.resource === 'b' && d.field === 'args.2')!.severity).toBe('warning');
  });

  it('skips a resource that is not an object with an error, and keeps the others', () => {
    const r = importManifest(manifest({ a: 'oops', b: { type: 'value.v0', connectionString: 'x' } }));
    expect(r.topology.resources.map((x) => x.name)).toEqual(['b']);
    expect(r.diagnostics.find((d) => d.resource === 'a')).toMatchObject({ severity: 'error', code: 'bad-resource' });
  });

  it('reports protocol and transport values outside the enums', () => {
    const r = importManifest(
      manifest({
        c: {
          type: 'container.v0',
          image: 'x',
          bindings: { q: { scheme: 'tcp', protocol: 'sctp', transport: 'quic', targetPort: 1 } },
        },
      }),
    );
    expect(resource(r.topology, 'c').endpoints[0]).toMatchObject({ protocol: 'tcp', transport: 'tcp' });
    expect(r.diagnostics.map((d) => d.field)).toEqual(['bindings.q.protocol', 'bindings.q.transport']);
  });
});

describe('importManifest: names', () => {
  it('reports Kubernetes name collisions', () => {
    const r = importManifest(fixture('edge-cases/name-collisions.json'));
    expect(r.topology.resources.map((x) => x.name)).toEqual(['Api', 'api', 'SpeciaL-ApP']);
    expect(r.diagnostics.find((d) => d.code === 'name-collision')).toMatchObject({
      severity: 'warning',
      resource: 'api',
    });
  });

  it('imports names that break Aspire rules with an info diagnostic', () => {
    const r = importManifest(fixture('edge-cases/unicode-names.json'));
    expect(r.topology.resources.map((x) => x.name)).toEqual(['café-api', 'бэкенд']);
    expect(r.diagnostics.filter((d) => d.code === 'aspire-name').map((d) => d.resource)).toEqual([
      'café-api',
      'бэкенд',
    ]);
    expect(resource(r.topology, 'café-api').env[0]).toEqual({ name: 'GREETING', value: 'héllo wörld ✓' });
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(false);
  });
});
