/**
 * Synthetic App Host topologies of any size for benchmarks: a repeating "cell" of a SQL
 * server with a database, an API (external, waits for the database) and a worker that calls
 * the API, so every generator and parity rule has work to do.
 */
import type { Resource, Topology } from '../src/core/model/topology';

function project(name: string, env: Record<string, string>, external: boolean): Resource {
  return {
    name,
    kind: 'project',
    sourceType: 'project.v0',
    projectPath: `../${name}/${name}.csproj`,
    args: [],
    env: Object.entries(env).map(([n, value]) => ({ name: n, value })),
    endpoints:
      external || name.startsWith('api')
        ? [
            { name: 'http', scheme: 'http', protocol: 'tcp', transport: 'http', external },
            { name: 'https', scheme: 'https', protocol: 'tcp', transport: 'http', external: false },
          ]
        : [],
    volumes: [],
    bindMounts: [],
    settings: { replicas: 2 },
  };
}

export function syntheticTopology(resourceCount: number): Topology {
  const resources: Resource[] = [];
  const references: Topology['references'] = [];
  for (let i = 0; resources.length < resourceCount; i++) {
    const sql = `sql${i}`,
      pw = `sql${i}-password`,
      db = `db${i}`,
      api = `api${i}`,
      worker = `worker${i}`;
    resources.push(
      {
        name: pw,
        kind: 'parameter',
        sourceType: 'parameter.v0',
        args: [],
        env: [],
        endpoints: [],
        volumes: [],
        bindMounts: [],
        parameter: { secret: true, default: { kind: 'generate', minLength: 22 } },
        settings: {},
      },
      {
        name: sql,
        kind: 'container',
        sourceType: 'container.v0',
        engine: 'sqlserver',
        image: 'mcr.microsoft.com/mssql/server:2022-latest',
        args: [],
        env: [
          { name: 'ACCEPT_EULA', value: 'Y' },
          { name: 'MSSQL_SA_PASSWORD', value: `{${pw}.value}` },
        ],
        endpoints: [
          { name: 'tcp', scheme: 'tcp', protocol: 'tcp', transport: 'tcp', targetPort: 1433, external: false },
        ],
        volumes: [{ name: `${sql}-data`, target: '/var/opt/mssql', readOnly: false }],
        bindMounts: [],
        connectionString:
          `Server={${sql}.bindings.tcp.host},{${sql}.bindings.tcp.port};User ` +
          `ID=sa;Password={${pw}.value};TrustServerCertificate=true`,
        settings: {},
      },
      {
        name: db,
        kind: 'database',
        sourceType: 'value.v0',
        parent: sql,
        databaseName: db,
        connectionString: `{${sql}.connectionString};Database=${db}`,
        args: [],
        env: [],
        endpoints: [],
        volumes: [],
        bindMounts: [],
        settings: {},
      },
      project(
        api,
        { HTTP_PORTS: `{${api}.bindings.http.targetPort}`, [`ConnectionStrings__${db}`]: `{${db}.connectionString}` },
        i % 10 === 0,
      ),
      project(
        worker,
        {
          [`services__${api}__http__0`]: `{${api}.bindings.http.url}`,
          [`ConnectionStrings__${db}`]: `{${db}.connectionString}`,
        },
        false,
      ),
    );
    references.push(
      { from: sql, to: pw, kind: 'parameter', waitFor: 'none' },
      { from: api, to: db, kind: 'connection-string', waitFor: 'running' },
      { from: worker, to: api, kind: 'service-discovery', waitFor: 'running' },
      { from: worker, to: db, kind: 'connection-string', waitFor: 'running' },
    );
  }
  resources.length = resourceCount;
  const names = new Set(resources.map((r) => r.name));
  return {
    name: `synthetic-${resourceCount}`,
    resources,
    references: references.filter((r) => names.has(r.from) && names.has(r.to)),
  };
}
