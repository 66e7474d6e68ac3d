/**
 * Aspire 13.6 environment semantics in the generated workloads, from App Host code through the
 * real importer: HTTP_PORTS with every HTTP endpoint, services__ keys as Aspire names them,
 * ConnectionStrings with the portable alias, connection properties, and probes that follow
 * health checks and WithHttpProbe (never /alive on a non-.NET container).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppHost } from '../../aspire/apphost/import';
import type { CSharpParser } from '../../aspire/apphost/parser';
import { testParser } from '../../aspire/apphost/test-support';
import { generate } from '../generate';

let parser: CSharpParser;
beforeAll(async () => {
  parser = await testParser();
});

function workloads(code: string) {
  const imported = importAppHost(
    parser,
    `var builder = DistributedApplication.CreateBuilder(args);\n${code}\nbuilder.Build().Run();\n`,
    { name: 'app' },
  );
  expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const gen = generate(imported.topology, { namespace: 'app' });
  const container = (name: string): any => {
    const w: any = gen.objects
      .map((o) => o.object)
      .find((o: any) => (o.kind === 'Deployment' || o.kind === 'StatefulSet') && o.metadata.name === name);
    return w.spec.template.spec.containers[0];
  };
  const env = (name: string): Record<string, string | undefined> =>
    Object.fromEntries(container(name).env.map((v: any) => [v.name, v.value ?? JSON.stringify(v.valueFrom)]));
  return { container, env, gen };
}

describe('Aspire 13.6 environment in the bundle', () => {
  it('HTTP_PORTS lists every HTTP endpoint target port; HTTPS_PORTS the non-default https ones', () => {
    const { env } = workloads(
      'builder.AddProject<Projects.Api>("api").WithHttpEndpoint(name: "admin", targetPort: ' +
        '9001).WithHttpsEndpoint(name: "secure", targetPort: 9443);',
    );
    expect(env('api')['HTTP_PORTS']).toBe('8080;9001');
    expect(env('api')['HTTPS_PORTS']).toBe('9443');
  });

  it('services__ keys: the scheme for endpoints named http/https, the name for the others; NAME_ENDPOINT too', () => {
    const { env } =
      workloads(`var api = builder.AddProject<Projects.Api>("api").WithHttpEndpoint(name: "grpc", targetPort: 5005);
builder.AddProject<Projects.Web>("web").WithReference(api);`);
    const web = env('web');
    expect(web['services__api__http__0']).toBe('http://api:8080');
    expect(web['services__api__grpc__0']).toBe('http://api:5005');
    expect(web['API_GRPC']).toBe('http://api:5005');
    // The https endpoint is served as http on the same Service port (TLS ends at the ingress): no
    // services__ entry claims https, so https+http://api takes the http one (oracle/FINDINGS.md).
    expect(web).not.toHaveProperty('services__api__https__0');
    expect(web['API_HTTPS']).toBe('http://api:8080');
  });

  it('an https-only project served as http is discovered under the http key; a TLS endpoint keeps https', () => {
    const { env } = workloads(`var api = builder.AddProject<Projects.Api>("api", launchProfileName: null)
    .WithHttpsEndpoint();
var tls = builder.AddProject<Projects.Tls>("tls").WithHttpsEndpoint(name: "secure", targetPort: 9443);
builder.AddProject<Projects.Web>("web").WithReference(api).WithReference(tls);`);
    const web = env('web');
    expect(web['services__api__http__0']).toBe('http://api:8080');
    expect(web).not.toHaveProperty('services__api__https__0');
    // Listed in HTTPS_PORTS, so Kestrel serves TLS there: the entry tells the truth and stays.
    expect(env('tls')['HTTPS_PORTS']).toBe('9443');
    expect(web['services__tls__secure__0']).toBe('https://tls:9443');
    expect(web).not.toHaveProperty('services__tls__https__0');
  });

  it('ConnectionStrings__my-db and its portable alias my_db, then the connection properties', () => {
    const { container } = workloads(`var db = builder.AddPostgres("pg").AddDatabase("my-db");
builder.AddProject<Projects.Api>("api").WithReference(db);`);
    const names = container('api').env.map((v: any) => v.name);
    const at = (n: string) => names.indexOf(n);
    expect(at('ConnectionStrings__my_db')).toBe(at('ConnectionStrings__my-db') + 1);
    for (const k of [
      'MY_DB_HOST',
      'MY_DB_PORT',
      'MY_DB_USERNAME',
      'MY_DB_PASSWORD',
      'MY_DB_URI',
      'MY_DB_JDBCCONNECTIONSTRING',
      'MY_DB_DATABASENAME',
    ])
      expect(names).toContain(k);
    const env = Object.fromEntries(container('api').env.map((v: any) => [v.name, v]));
    expect(env['MY_DB_HOST'].value).toBe('pg');
    expect(env['MY_DB_PORT'].value).toBe('5432');
    expect(env['MY_DB_JDBCCONNECTIONSTRING'].value).toBe('jdbc:postgresql://pg:5432/my-db');
    // The password comes from the server's Secret, never as a literal.
    expect(env['MY_DB_PASSWORD'].valueFrom.secretKeyRef).toBeDefined();
  });

  it('a non-.NET container is probed on its health check path only: no /alive', () => {
    const { container } = workloads(
      'builder.AddContainer("go", "example/go-api", "1").WithHttpEndpoint(targetPort: ' +
        '8081).WithHttpHealthCheck("/healthz");\nbuilder.AddKeycloak("kc");',
    );
    const go = container('go');
    expect(go.readinessProbe.httpGet.path).toBe('/healthz');
    expect(go.livenessProbe).toBeUndefined();
    expect(JSON.stringify(go)).not.toContain('/alive');
    // Keycloak's own health check: /health/ready on the management port (9000).
    const kc = container('kc');
    expect(kc.readinessProbe.httpGet).toMatchObject({ path: '/health/ready', port: 'management' });
    expect(kc.ports.find((p: any) => p.name === 'management').containerPort).toBe(9000);
  });

  it('WithHttpProbe keeps its delays and thresholds, with Aspire defaults for the rest', () => {
    const { container } = workloads(
      'builder.AddContainer("web", "example/web", "1").WithHttpEndpoint(targetPort: ' +
        '3000).WithHttpProbe(ProbeType.Liveness, "/live", initialDelaySeconds: 20, failureThreshold: 7);',
    );
    expect(container('web').livenessProbe).toEqual({
      httpGet: { path: '/live', port: 'http', scheme: 'HTTP' },
      initialDelaySeconds: 20,
      periodSeconds: 5,
      timeoutSeconds: 1,
      failureThreshold: 7,
      successThreshold: 1,
    });
  });
});
