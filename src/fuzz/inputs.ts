/**
 * The input kinds the fuzzer feeds through import → convert → check and the share/save round
 * trips. Each kind is one entry: its file name (import dispatches on it), its seeds and how to
 * mutate them; App Host kinds need their importer (C# or TypeScript), passed by the caller.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CANARY_PREFIX, mutateJson, mutateText } from './mutate';
import type { Rng } from './rng';

export interface InputKind {
  name: string;
  /** The file name the input is imported as (import-any dispatches on the extension). */
  fileName: string;
  /** 'topology': imported, converted, checked and shared; 'yaml': checked against a topology. */
  role: 'topology' | 'yaml';
  seeds: string[];
  mutate(text: string, rng: Rng): string;
}

const C = CANARY_PREFIX;

/** Credentials in every place issue 15 names, each a canary the share link must not carry. */
export const HOSTILE_MANIFEST = JSON.stringify(
  {
    resources: {
      pw: {
        type: 'parameter.v0',
        value: '{pw.inputs.value}',
        inputs: { value: { type: 'string', secret: true, default: { value: `${C}param1` } } },
      },
      db: {
        type: 'container.v0',
        image: 'postgres:16',
        env: { POSTGRES_PASSWORD: `${C}env1`, POSTGRES_USER: 'app' },
        bindings: { tcp: { scheme: 'tcp', protocol: 'tcp', transport: 'tcp', targetPort: 5432 } },
      },
      legacy: { type: 'value.v0', connectionString: `Host=db;Username=app;Password=${C}cs1;Database=x` },
      api: {
        type: 'container.v0',
        image: 'api:1',
        env: {
          ConnectionStrings__legacy: '{legacy.connectionString}',
          GITHUB_TOKEN: `${C}tok1`,
          UPSTREAM: `https://svc:${C}url1@upstream.example.com/x`,
          DB_PASSWORD: '{pw.value}',
        },
        bindings: { http: { scheme: 'http', protocol: 'tcp', transport: 'http', targetPort: 8080, external: true } },
      },
    },
  },
  null,
  2,
);

export const HOSTILE_APPHOST = `var builder = DistributedApplication.CreateBuilder(args);
var pw = builder.AddParameter("pw", "${C}param2", secret: true);
var db = builder.AddPostgres("db").WithEnvironment("POSTGRES_PASSWORD", "${C}env2");
var cache = builder.AddRedis("cache");
builder.AddContainer("api", "api", "1")
  .WithEnvironment("GITHUB_TOKEN", "${C}tok2")
  .WithEnvironment("UPSTREAM", "https://svc:${C}url2@upstream.example.com/x")
  .WithEnvironment("ConnectionStrings__other", "Host=db;Password=${C}cs2")
  .WithReference(cache).WaitFor(cache)
  .WithHttpEndpoint(targetPort: 8080, name: "http");
builder.Build().Run();
`;

/**
 * Each canary with the text around it that makes it a credential (whitespace aside). While an
 * input still holds that text, whatever else was mutated, the share link must not carry the
 * canary; once a mutation broke it (renamed the variable, cut the `Password=`), it is just text.
 */
export const CANARY_CONTEXTS: Record<string, string[]> = {
  [`${C}param1`]: [`"secret":true,"default":{"value":"${C}param1"}`],
  [`${C}env1`]: [`"POSTGRES_PASSWORD":"${C}env1"`],
  [`${C}cs1`]: [`;Password=${C}cs1;`],
  [`${C}tok1`]: [`"GITHUB_TOKEN":"${C}tok1"`],
  [`${C}url1`]: [`//svc:${C}url1@upstream`],
  [`${C}param2`]: [`AddParameter("pw","${C}param2",secret:true)`],
  [`${C}env2`]: [`.WithEnvironment("POSTGRES_PASSWORD","${C}env2")`],
  [`${C}tok2`]: [`.WithEnvironment("GITHUB_TOKEN","${C}tok2")`],
  [`${C}url2`]: [`"https://svc:${C}url2@upstream`],
  [`${C}cs2`]: [`;Password=${C}cs2"`],
  [`${C}param3`]: [`addParameter("pw","${C}param3",{secret:true})`],
  [`${C}env3`]: [`.withEnvironment("POSTGRES_PASSWORD","${C}env3")`],
  [`${C}tok3`]: [`.withEnvironment("GITHUB_TOKEN","${C}tok3")`],
  [`${C}url3`]: [`"https://svc:${C}url3@upstream`],
  [`${C}cs3`]: [`;Password=${C}cs3"`],
  [`${C}mut1`]: [`;Password=${C}mut1;`],
  [`${C}mut2`]: [`//u:${C}mut2@h`],
  [`${C}mut3`]: [`;AccountKey=${C}mut3==;`],
  [`${C}mut4`]: [`redis://:${C}mut4@cache`],
};

/** The same credentials in a TypeScript App Host (apphost.ts). */
export const HOSTILE_APPHOST_TS = `import { createBuilder } from './.modules/aspire.js';
const builder = await createBuilder();
const pw = await builder.addParameter("pw", "${C}param3", { secret: true });
const db = await builder.addPostgres("db").withEnvironment("POSTGRES_PASSWORD", "${C}env3");
const cache = await builder.addRedis("cache");
await builder.addContainer("api", "api:1")
    .withEnvironment("GITHUB_TOKEN", "${C}tok3")
    .withEnvironment("UPSTREAM", "https://svc:${C}url3@upstream.example.com/x")
    .withEnvironment("ConnectionStrings__other", "Host=db;Password=${C}cs3")
    .withReference(cache).waitFor(cache)
    .withHttpEndpoint({ targetPort: 8080, name: "http" });
await builder.build().run();
`;

function read(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

/** Small real manifests: fast cases, real shapes. */
function manifestSeeds(root: string): string[] {
  const dir = join(root, 'fixtures', 'manifests');
  const small = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => read(dir, f))
    .filter((t) => t.length < 6000);
  return [HOSTILE_MANIFEST, ...small.slice(0, 12)];
}

export function inputKinds(root: string): InputKind[] {
  return [
    {
      name: 'manifest',
      fileName: 'aspire-manifest.json',
      role: 'topology',
      seeds: manifestSeeds(root),
      mutate: mutateJson,
    },
    {
      name: 'apphost-cs',
      fileName: 'Program.cs',
      role: 'topology',
      seeds: [
        HOSTILE_APPHOST,
        ...readdirSync(join(root, 'fixtures', 'apphost'))
          .filter((f) => f.endsWith('.cs'))
          .map((f) => read(root, join('fixtures', 'apphost', f))),
      ],
      mutate: (t, rng) => {
        let out = t;
        for (let n = 1 + rng.int(3); n > 0; n--) out = mutateText(out, rng);
        return out;
      },
    },
    {
      name: 'apphost-ts',
      fileName: 'apphost.ts',
      role: 'topology',
      seeds: [HOSTILE_APPHOST_TS],
      mutate: (t, rng) => {
        let out = t;
        for (let n = 1 + rng.int(3); n > 0; n--) out = mutateText(out, rng);
        return out;
      },
    },
    {
      name: 'design',
      fileName: 'design.aspire-design.json',
      role: 'topology',
      seeds: [read(root, 'fixtures/parity/travel-design.json')],
      mutate: mutateJson,
    },
    {
      name: 'k8s-yaml',
      fileName: 'bundle.yaml',
      role: 'yaml',
      seeds: [read(root, 'fixtures/parity/travel-good/bundle.yaml')],
      mutate: (t, rng) => {
        let out = t;
        for (let n = 1 + rng.int(4); n > 0; n--) out = mutateText(out, rng);
        return out;
      },
    },
  ];
}
