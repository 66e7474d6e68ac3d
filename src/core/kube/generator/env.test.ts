import { describe, expect, it } from 'vitest';
import { importManifest } from '../../aspire/manifest';
import { generate } from '../generate';

function generated(manifest: unknown) {
  const { topology, diagnostics } = importManifest(JSON.stringify(manifest), { appName: 'app' });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const gen = generate(topology, {});
  const deployment: any = gen.objects
    .map((o) => o.object)
    .find((o: any) => o.kind === 'Deployment' && o.metadata.name === 'c');
  const env = Object.fromEntries(deployment.spec.template.spec.containers[0].env.map((v: any) => [v.name, v.value]));
  return { env, warnings: gen.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message) };
}

describe('annotated.string with filter "uri" ({param:uri})', () => {
  it('URI-encodes a value known at generation time, as Uri.EscapeDataString does', () => {
    const { env } = generated({
      resources: {
        p: {
          type: 'parameter.v0',
          value: '{p.inputs.value}',
          inputs: { value: { type: 'string', default: { value: "a b&c/d!'" } } },
        },
        'p-uri-encoded': { type: 'annotated.string', value: '{p.value}', filter: 'uri' },
        c: {
          type: 'container.v0',
          image: 'nginx:1',
          env: { URL: 'https://x.example.com/?q={p-uri-encoded.value}', RAW: '{p.value}' },
        },
      },
    });
    expect(env.URL).toBe('https://x.example.com/?q=a%20b%26c%2Fd%21%27');
    expect(env.RAW).toBe("a b&c/d!'");
  });

  it('warns that a secret read at run time must be stored URI-encoded', () => {
    const { warnings } = generated({
      resources: {
        pw: { type: 'parameter.v0', value: '{pw.inputs.value}', inputs: { value: { type: 'string', secret: true } } },
        'pw-uri-encoded': { type: 'annotated.string', value: '{pw.value}', filter: 'uri' },
        c: {
          type: 'container.v0',
          image: 'nginx:1',
          env: {
            DB: 'postgresql://u:{pw-uri-encoded.value}@db:5432',
            DB2: 'postgresql://v:{pw-uri-encoded.value}@db:5432',
          },
        },
      },
    });
    expect(warnings.filter((w) => /^pw-uri-encoded: \{pw\.value\} is used URI-encoded/.test(w))).toHaveLength(1);
  });
});

describe('reference cycles', () => {
  it('stops at the cycle, names it once per consumer, and leaves the closing expression as written', () => {
    const { env, warnings } = generated({
      resources: {
        a: { type: 'value.v0', connectionString: '{b.connectionString}' },
        b: { type: 'value.v0', connectionString: 'x={a.connectionString}' },
        self: { type: 'value.v0', connectionString: '{self.connectionString}' },
        c: { type: 'container.v0', image: 'nginx:1', env: { A: '{a.connectionString}', S: '{self.connectionString}' } },
      },
    });
    expect(env.A).toBe('x={a.connectionString}');
    expect(env.S).toBe('{self.connectionString}');
    expect(warnings).toContain(
      'c: {a.connectionString} in b closes a reference cycle (a → b → a); it is left as written.',
    );
    expect(warnings).toContain(
      'c: {self.connectionString} in self closes a reference cycle (self → self); it is left as written.',
    );
  });

  it('lets a resource read its own connection string (not a cycle)', () => {
    const { env, warnings } = generated({
      resources: {
        c: {
          type: 'container.v0',
          image: 'nginx:1',
          connectionString: 'Host={c.bindings.tcp.host}',
          env: { SELF: '{c.connectionString}' },
          bindings: { tcp: { scheme: 'tcp', protocol: 'tcp', transport: 'tcp', targetPort: 6379 } },
        },
      },
    });
    expect(env.SELF).toBe('Host=c');
    expect(warnings.filter((w) => w.includes('cycle'))).toEqual([]);
  });
});
