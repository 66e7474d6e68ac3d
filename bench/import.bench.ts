/**
 * Manifest import speed: the largest corpus manifest and synthetic 100- and 1000-resource
 * manifests (a realistic mix: servers with a password parameter and a database, and projects
 * referencing a database and a neighbouring service), to show cost grows about linearly.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importManifest } from '../src/core/aspire/manifest';
import { measure, type BenchResult } from './harness';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'manifests');

function largestCorpusManifest(): { name: string; text: string } {
  const files = readdirSync(fixtures)
    .filter((f) => f.endsWith('.json') && !f.startsWith('invalid-'))
    .map((f) => ({ f, size: statSync(join(fixtures, f)).size }))
    .sort((a, b) => b.size - a.size);
  const name = files[0]!.f;
  return { name, text: readFileSync(join(fixtures, name), 'utf8') };
}

/** n resources: every 4th a server group (server, password, database), the rest projects. */
export function syntheticManifest(n: number): string {
  const resources: Record<string, unknown> = {};
  let servers = 0;
  let i = 0;
  while (Object.keys(resources).length < n) {
    if (i % 4 === 0 && Object.keys(resources).length + 3 <= n) {
      const s = `pg${servers}`;
      resources[s] = {
        type: 'container.v0',
        connectionString:
          `Host={${s}.bindings.tcp.host};Port={${s}.bindings.tcp.port};` +
          `Username=postgres;Password={${s}-password.value}`,
        image: 'docker.io/library/postgres:17.6',
        volumes: [{ name: `app-${s}-data`, target: '/var/lib/postgresql/data', readOnly: false }],
        env: {
          POSTGRES_HOST_AUTH_METHOD: 'scram-sha-256',
          POSTGRES_USER: 'postgres',
          POSTGRES_PASSWORD: `{${s}-password.value}`,
        },
        bindings: { tcp: { scheme: 'tcp', protocol: 'tcp', transport: 'tcp', targetPort: 5432 } },
      };
      resources[`${s}-password`] = {
        type: 'parameter.v0',
        value: `{${s}-password.inputs.value}`,
        inputs: { value: { type: 'string', secret: true, default: { generate: { minLength: 22 } } } },
      };
      resources[`${s}-db`] = { type: 'value.v0', connectionString: `{${s}.connectionString};Database=${s}-db` };
      servers++;
    } else {
      const name = `svc${i}`;
      const prev = `svc${i - 1}`;
      const db = `pg${Math.max(0, servers - 1)}-db`;
      resources[name] = {
        type: 'project.v0',
        path: `../${name}/${name}.csproj`,
        env: {
          OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY: 'in_memory',
          ASPNETCORE_FORWARDEDHEADERS_ENABLED: 'true',
          HTTP_PORTS: `{${name}.bindings.http.targetPort}`,
          ...(resources[db] ? { [`ConnectionStrings__${db}`]: `{${db}.connectionString}` } : {}),
          ...(resources[prev]
            ? {
                [`services__${prev}__http__0`]: `{${prev}.bindings.http.url}`,
                [`services__${prev}__https__0`]: `{${prev}.bindings.https.url}`,
              }
            : {}),
        },
        bindings: {
          http: { scheme: 'http', protocol: 'tcp', transport: 'http', external: i % 10 === 1 },
          https: { scheme: 'https', protocol: 'tcp', transport: 'http' },
        },
      };
    }
    i++;
  }
  return JSON.stringify({ resources }, null, 2);
}

export default async function (): Promise<BenchResult[]> {
  const largest = largestCorpusManifest();
  const s100 = syntheticManifest(100);
  const s1000 = syntheticManifest(1000);
  return [
    measure(
      `import: largest corpus manifest (${largest.name}, ${(largest.text.length / 1024).toFixed(0)} KB)`,
      () => importManifest(largest.text),
      { runs: 50, targetMs: 5 },
    ),
    measure(`import: synthetic 100 resources (${(s100.length / 1024).toFixed(0)} KB)`, () => importManifest(s100), {
      runs: 30,
    }),
    measure(`import: synthetic 1000 resources (${(s1000.length / 1024).toFixed(0)} KB)`, () => importManifest(s1000), {
      runs: 20,
      targetMs: 150,
    }),
  ];
}
