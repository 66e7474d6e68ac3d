/**
 * Issue 15, class 3: a share link carries the topology with every credential replaced, from
 * manifests and from App Host code, with the generator's own detection; class 10: the payload
 * size is capped with a clear message before anything is decompressed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { importAppHost } from '../core/aspire/apphost/import';
import { createCSharpParser } from '../core/aspire/apphost/parser';
import { importAny } from '../core/aspire/import-any';
import { emptyDesign, type DesignDoc } from '../core/model/design';
import type { Topology } from '../core/model/topology';
import { designForDisk } from './secret-policy';
import { decodeShareHash, encodeShareHash, MAX_SHARE_LENGTH, SHARE_PREFIX } from './share-link';

const SECRETS = ['hunter2', 'S3cr3tPw', 'pa55word', 'tok_abcdef', 'AcctKeyXYZ==', 'gen-default-9'];

const MANIFEST = JSON.stringify({
  resources: {
    pw: {
      type: 'parameter.v0',
      value: '{pw.inputs.value}',
      inputs: { value: { type: 'string', secret: true, default: { value: 'gen-default-9' } } },
    },
    db: {
      type: 'container.v0',
      image: 'postgres:16',
      env: { POSTGRES_PASSWORD: 'hunter2', POSTGRES_USER: 'app' },
      bindings: { tcp: { scheme: 'tcp', protocol: 'tcp', transport: 'tcp', targetPort: 5432 } },
    },
    legacy: { type: 'value.v0', connectionString: 'Host=db;Username=app;Password=S3cr3tPw;Database=x' },
    api: {
      type: 'container.v0',
      image: 'api:1',
      args: ['--redis', 'redis://:ignored@cache:6379', '--upstream=https://svc:pa55word@upstream.example.com/x'],
      env: {
        ConnectionStrings__legacy: '{legacy.connectionString}',
        GITHUB_TOKEN: 'tok_abcdef',
        STORAGE: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=AcctKeyXYZ==',
        DB_PASSWORD: '{pw.value}',
      },
    },
  },
});

const APPHOST = `var builder = DistributedApplication.CreateBuilder(args);
var pw = builder.AddParameter("pw", "gen-default-9", secret: true);
var db = builder.AddContainer("db", "postgres", "16").WithEnvironment("POSTGRES_PASSWORD", "hunter2");
var legacy = builder.AddConnectionString("legacy");
builder.AddContainer("api", "api", "1")
  .WithEnvironment("GITHUB_TOKEN", "tok_abcdef")
  .WithEnvironment("UPSTREAM", "https://svc:pa55word@upstream.example.com/x")
  .WithEnvironment("ConnectionStrings__other", "Host=db;Password=S3cr3tPw")
  .WithEnvironment("DB_PASSWORD", pw)
  .WithReference(legacy);
builder.Build().Run();
`;

function design(topology: Topology): DesignDoc {
  return { ...emptyDesign(), topology };
}

function decoded(doc: DesignDoc): string {
  const enc = encodeShareHash(doc);
  if (!enc.ok) throw new Error(enc.message);
  const dec = decodeShareHash(enc.hash);
  if (!dec?.ok) throw new Error(dec?.message ?? 'no design');
  return JSON.stringify(dec.doc);
}

describe('share links carry no credential', () => {
  it('from a manifest', () => {
    const { topology, diagnostics } = importAny(MANIFEST, 'aspire-manifest.json');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const doc = design(topology!);
    doc.edits['k8s/db-env.yaml'] = 'apiVersion: v1\nkind: Secret\nstringData:\n  POSTGRES_PASSWORD: hunter2\n';
    const text = decoded(doc);
    for (const s of SECRETS) expect(text, s).not.toContain(s);
    expect(text).toContain('<secret:redacted>');
    // What is not a credential stays: the reference, the user name, the host.
    expect(text).toContain('{pw.value}');
    expect(text).toContain('Username=app');
    expect(text).toContain('upstream.example.com');
  });

  it('from App Host code', async () => {
    // The App Host reader as the CLI builds it (state may not import cli code).
    const require = createRequire(import.meta.url);
    const parser = await createCSharpParser({
      runtime: new Uint8Array(readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'))),
      language: new Uint8Array(readFileSync(require.resolve('tree-sitter-c-sharp/tree-sitter-c_sharp.wasm'))),
    });
    const importer = (text: string) => importAppHost(parser, text);
    const { topology } = importAny(APPHOST, 'Program.cs', importer);
    expect(topology).toBeDefined();
    const raw = JSON.stringify(topology);
    expect(raw).toContain('hunter2'); // the import holds them; the link must not
    const text = decoded(design(topology!));
    for (const s of SECRETS) expect(text, s).not.toContain(s);
  });

  it('sees through hidden characters, repeats and junk fields (found by the fuzzer)', () => {
    const manifest = JSON.stringify({
      resources: {
        a: {
          type: 'container.v0',
          image: 'x:1',
          env: {
            'POSTGRES_PA\u2029SSWORD': 'CANARYhidden1',
            OTHER: 'Host=db;Pass\u200bword=CANARYhidden2',
            COPY: 'CANARYhidden3',
            API_TOKEN: 'CANARYhidden3',
          },
        },
        p: {
          type: 'parameter.v0',
          value: '{p.inputs.value}',
          inputs: {
            'va\u2066lue': {
              type: 'string',
              secret: true,
              default: { value: 'CANARYhidden4' },
              'default-2': { value: 'CANARYhidden4' },
            },
          },
        },
      },
    });
    const { topology } = importAny(manifest, 'aspire-manifest.json');
    const text = decoded(design(topology!));
    for (const n of [1, 2, 3, 4]) expect(text).not.toContain(`CANARYhidden${n}`);
  });

  it('replaces a credential quoted in an unmodelled call (found by the fuzzer)', () => {
    const { topology } = importAny(MANIFEST, 'aspire-manifest.json');
    topology!.unmodelled = [
      {
        construct: 'invocation_expression',
        message: 'Line 5: "builde) .WithEnvironment("GITHUB_TOKEN", "CANARYquoted") .With" is not understood; ignored.',
      },
    ];
    const text = decoded(design(topology!));
    expect(text).not.toContain('CANARYquoted');
    expect(text).toContain('GITHUB_TOKEN');
  });

  it(
    'keeps no App Host text of what import could not model: a garbled line hides credentials from every detector ' +
      '(found by the long fuzz run)',
    () => {
      const { topology } = importAny(MANIFEST, 'aspire-manifest.json');
      topology!.unmodelled = [
        {
          construct: 'syntax',
          message: 'Line 12: C# syntax error near "CANARYcs2") ."; the parser recovered.',
          line: 12,
        },
        {
          construct: 'WithEnvironment',
          resource: 'api',
          message: 'Line 15: CANARYmut3.WithEnvironment(…) is not understood.',
          line: 15,
        },
      ];
      const text = decoded(design(topology!));
      expect(text).not.toContain('CANARYcs2');
      expect(text).not.toContain('CANARYmut3');
      // What, where and on which resource survive, so the parity table still shows an unknown row.
      expect(text).toContain('Line 15: WithEnvironment on \\"api\\" was not modelled');
    },
  );

  it('saved designs and autosave leave them out by default and keep them on opt-in', () => {
    const doc = design(importAny(MANIFEST, 'aspire-manifest.json').topology!);
    const safe = JSON.stringify(designForDisk(doc, false));
    for (const s of SECRETS) expect(safe, s).not.toContain(s);
    expect(JSON.stringify(designForDisk(doc, true))).toContain('hunter2');
  });
});

/**
 * The lz-string URI stream of 'a' repeated k(k+1)/2 times, written directly (compressing
 * megabytes with lz-string takes many seconds): one literal, then each code names the entry
 * one past the dictionary's end (previous + its first character), so entry n is n+1 long.
 */
function aBomb(codes: number): string {
  const bits: number[] = [];
  const write = (v: number, width: number) => {
    for (let b = 0; b < width; b++) bits.push((v >> b) & 1);
  };
  write(0, 2);
  write(97, 8);
  let width = 3;
  let enlargeIn = 4;
  for (let i = 0; i < codes; i++) {
    write(4 + i, width);
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** width;
      width++;
    }
  }
  write(2, width);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  let out = '';
  for (let i = 0; i < bits.length; i += 6)
    out += alphabet[bits.slice(i, i + 6).reduce((v, b, j) => v | (b << (5 - j)), 0)];
  return out;
}

describe('share link size', () => {
  it('refuses an oversized link before decompressing it, with a clear message', () => {
    const hash = SHARE_PREFIX + 'A'.repeat(MAX_SHARE_LENGTH + 10);
    const t0 = performance.now();
    const r = decodeShareHash(hash);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(r?.ok).toBe(false);
    expect(!r?.ok && r?.message).toMatch(/too long to open \(\d+ kB; links from this app are at most 60 kB\)/);
  });

  it('refuses a short link that expands like a bomb, quickly', () => {
    const hash = SHARE_PREFIX + aBomb(3000);
    expect(hash.length).toBeLessThan(MAX_SHARE_LENGTH);
    const t0 = performance.now();
    const r = decodeShareHash(hash);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(!r?.ok && r?.message).toMatch(/expands to more than 4 MB/);
  });

  it('a link at the limit opens promptly', () => {
    const doc = emptyDesign();
    doc.topology.name = 'x'.repeat(10);
    const filler = compressToEncodedURIComponent(
      JSON.stringify({
        format: 'aspire-parity-design',
        version: 1,
        topology: { name: 'big', resources: [], references: [] },
        edits: { 'a.yaml': Array.from({ length: 4000 }, (_, i) => `k${i}: ${(i * 7919) % 100003}`).join('\n') },
      }),
    );
    const hash = SHARE_PREFIX + filler.slice(0, MAX_SHARE_LENGTH - SHARE_PREFIX.length);
    const t0 = performance.now();
    decodeShareHash(hash);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
