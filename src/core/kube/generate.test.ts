import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { importManifest } from '../aspire/manifest';
import { generateBundle, plainStream } from '../bundle/plain';
import type { Topology } from '../model/topology';
import { generate } from './generate';
import type { KubeObject } from './objects';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/manifests/${name}`, import.meta.url), 'utf8');

function load(json: unknown, name = 'app'): Topology {
  const { topology, diagnostics } = importManifest(typeof json === 'string' ? json : JSON.stringify(json), {
    appName: name,
  });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return topology;
}

function travel(): Topology {
  const t = load(fixture('seed-travel-platform.json'), 'travel-platform');
  for (const r of t.references) if (r.from === 'trip-api' || r.from === 'availability-worker') r.waitFor = 'running';
  t.resources.find((r) => r.name === 'trip-api')!.settings.replicas = 3;
  return t;
}

function find(objs: KubeObject[], kind: string, name: string): any {
  const o = objs.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`no ${kind}/${name} in ${objs.map((x) => `${x.kind}/${x.metadata.name}`).join(', ')}`);
  return o;
}

const objectsOf = (t: Topology, settings = {}) => generate(t, settings).objects.map((o) => o.object);
const container = (o: any) => o.spec.template.spec.containers[0];
const envOf = (o: any) =>
  Object.fromEntries((container(o).env ?? []).map((e: any) => [e.name, e.value ?? e.valueFrom]));

describe('generate: the seed travel platform', () => {
  const objs = objectsOf(travel(), { namespace: 'travel', ingressHost: 'trips.example.com' });

  it('maps projects to Deployments with the designed replicas', () => {
    expect(find(objs, 'Deployment', 'trip-api').spec.replicas).toBe(3);
    expect(find(objs, 'Deployment', 'availability-worker').spec.replicas).toBe(1);
  });

  it('maps the SQL Server with a data volume to a StatefulSet with a headless Service and claims, never emptyDir', () => {
    const sts = find(objs, 'StatefulSet', 'catalog-sql');
    expect(sts.spec.serviceName).toBe('catalog-sql-headless');
    expect(find(objs, 'Service', 'catalog-sql-headless').spec.clusterIP).toBe('None');
    expect(sts.spec.volumeClaimTemplates).toHaveLength(1);
    const claim = sts.spec.volumeClaimTemplates[0].metadata.name;
    expect(container(sts).volumeMounts).toEqual([{ name: claim, mountPath: '/var/opt/mssql' }]);
    expect(JSON.stringify(objs)).not.toContain('emptyDir');
  });

  it('names each Service after the Aspire resource, selecting its pods, ClusterIP inside', () => {
    const svc = find(objs, 'Service', 'trip-api');
    expect(svc.spec.type).toBe('ClusterIP');
    expect(svc.spec.selector).toEqual(find(objs, 'Deployment', 'trip-api').spec.selector.matchLabels);
    expect(svc.spec.ports).toEqual([{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }]);
    expect(container(find(objs, 'Deployment', 'trip-api')).ports).toEqual([
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
    ]);
  });

  it('exposes only the external endpoint through one Ingress', () => {
    const ingresses = objs.filter((o) => o.kind === 'Ingress');
    expect(ingresses).toHaveLength(1);
    const rule = (ingresses[0] as any).spec.rules[0];
    expect(rule.host).toBe('trips.example.com');
    expect(rule.http.paths[0].backend.service).toEqual({ name: 'trip-api', port: { name: 'http' } });
    expect(objs.filter((o) => o.kind === 'Service' && (o as any).spec.type === 'LoadBalancer')).toEqual([]);
  });

  it('injects the connection string under the exact .NET key without any secret value in the workload', () => {
    const env = envOf(find(objs, 'Deployment', 'availability-worker'));
    expect(env['ConnectionStrings__catalog']).toBe(
      'Server=catalog-sql,1433;User ID=sa;Password=$(SECRET_CATALOG_SQL_PASSWORD);TrustServerCertificate=true;Database=catalog',
    );
    expect(env['SECRET_CATALOG_SQL_PASSWORD']).toEqual({
      secretKeyRef: { name: 'catalog-sql-password', key: 'value' },
    });
    expect(envOf(find(objs, 'StatefulSet', 'catalog-sql'))['MSSQL_SA_PASSWORD']).toEqual({
      secretKeyRef: { name: 'catalog-sql-password', key: 'value' },
    });
  });

  it('resolves service discovery to the Service name and port', () => {
    const env = envOf(find(objs, 'Deployment', 'availability-worker'));
    expect(env['services__trip-api__http__0']).toBe('http://trip-api:8080');
    // TLS ends at the Ingress: the https endpoint is served as plain HTTP inside the cluster.
    expect(env['services__trip-api__https__0']).toBe('http://trip-api:8080');
  });

  it('gives HTTP services different liveness and readiness probes plus a startup probe, and workers none', () => {
    const api = container(find(objs, 'Deployment', 'trip-api'));
    expect(api.livenessProbe.httpGet).toEqual({ path: '/alive', port: 'http', scheme: 'HTTP' });
    expect(api.readinessProbe.httpGet).toEqual({ path: '/health', port: 'http', scheme: 'HTTP' });
    expect(api.startupProbe).toBeDefined();
    const worker = container(find(objs, 'Deployment', 'availability-worker'));
    expect(worker.livenessProbe).toBeUndefined();
    expect(worker.readinessProbe).toBeUndefined();
    expect(container(find(objs, 'StatefulSet', 'catalog-sql')).readinessProbe.tcpSocket).toEqual({ port: 'tcp' });
  });

  it('wires OpenTelemetry with a per-pod instance id', () => {
    const env = envOf(find(objs, 'Deployment', 'trip-api'));
    expect(env['OTEL_EXPORTER_OTLP_ENDPOINT']).toBe('http://otel-collector:4317');
    expect(env['OTEL_SERVICE_NAME']).toBe('trip-api');
    expect(env['OTEL_RESOURCE_ATTRIBUTES']).toContain('service.instance.id=$(POD_UID)');
    expect(env['POD_UID']).toEqual({ fieldRef: { fieldPath: 'metadata.uid' } });
  });

  it('turns WaitFor into init containers waiting on the dependency Service (a database waits on its server)', () => {
    const api = find(objs, 'Deployment', 'trip-api').spec.template.spec.initContainers;
    expect(api.map((c: any) => c.name)).toEqual(['wait-for-catalog-sql']);
    expect(api[0].command.join(' ')).toContain('nc -z -w 2 catalog-sql 1433');
    const worker = find(objs, 'Deployment', 'availability-worker').spec.template.spec.initContainers.map(
      (c: any) => c.name,
    );
    expect(worker.sort()).toEqual(['wait-for-catalog-sql', 'wait-for-trip-api']);
  });

  it('sets recommended labels, namespace, a pinned image and resource requests', () => {
    const d = find(objs, 'Deployment', 'trip-api');
    expect(d.metadata.namespace).toBe('travel');
    expect(d.metadata.labels).toMatchObject({
      'app.kubernetes.io/name': 'trip-api',
      'app.kubernetes.io/part-of': 'travel-platform',
      'app.kubernetes.io/managed-by': 'aspire-parity',
    });
    expect(container(d).image).toBe('registry.example.com/trip-api:1.0.0');
    expect(container(d).resources.requests).toEqual({ cpu: '100m', memory: '128Mi' });
    expect(container(d).securityContext.allowPrivilegeEscalation).toBe(false);
    expect(find(objs, 'Namespace', 'travel')).toBeDefined();
  });

  it('emits one placeholder Secret per parameter, never a real password', () => {
    const secrets = objs.filter((o) => o.kind === 'Secret') as any[];
    expect(secrets.map((s) => s.metadata.name)).toEqual(['catalog-sql-password']);
    expect(secrets[0].stringData).toEqual({ value: 'REPLACE_ME' });
  });
});

describe('generate: mapping rules', () => {
  it('serves an external managed database as a connection Secret only, with no workload', () => {
    const t = travel();
    t.resources.find((r) => r.name === 'catalog-sql')!.settings.databaseMode = 'external';
    const objs = objectsOf(t);
    expect(objs.some((o) => o.metadata.name === 'catalog-sql')).toBe(false);
    expect(envOf(find(objs, 'Deployment', 'trip-api'))['ConnectionStrings__catalog']).toEqual({
      secretKeyRef: { name: 'catalog-connection', key: 'connection-string' },
    });
    expect(find(objs, 'Secret', 'catalog-connection').stringData).toEqual({ 'connection-string': 'REPLACE_ME' });
    expect(find(objs, 'Deployment', 'trip-api').spec.template.spec.initContainers).toBeUndefined();
  });

  it('uses the binding port as the Service port and targets the targetPort', () => {
    const objs = objectsOf(
      load({
        resources: {
          cache: {
            type: 'container.v0',
            image: 'redis:7.4',
            bindings: { tcp: { scheme: 'tcp', protocol: 'tcp', transport: 'tcp', port: 9999, targetPort: 6379 } },
          },
        },
      }),
    );
    expect(find(objs, 'Service', 'cache').spec.ports[0]).toMatchObject({ port: 9999, targetPort: 'tcp' });
    expect(container(find(objs, 'Deployment', 'cache')).ports[0]).toMatchObject({ containerPort: 6379, name: 'tcp' });
  });

  it('offers a LoadBalancer instead of an Ingress when the user picks it, keeping the internal Service ClusterIP', () => {
    const objs = objectsOf(travel(), { exposure: 'loadbalancer' });
    expect(objs.filter((o) => o.kind === 'Ingress')).toEqual([]);
    expect(find(objs, 'Service', 'trip-api-public').spec.type).toBe('LoadBalancer');
    expect(find(objs, 'Service', 'trip-api').spec.type).toBe('ClusterIP');
  });

  it('gives an HTTP/2-only endpoint gRPC/TCP probes, never HTTP GET', () => {
    const objs = objectsOf(
      load({
        resources: {
          grpc: {
            type: 'project.v0',
            path: 'g.csproj',
            bindings: { http: { scheme: 'http', protocol: 'tcp', transport: 'http2' } },
          },
        },
      }),
    );
    const c = container(find(objs, 'Deployment', 'grpc'));
    expect(JSON.stringify([c.livenessProbe, c.readinessProbe, c.startupProbe])).not.toContain('httpGet');
    expect(c.readinessProbe.grpc).toEqual({ port: 8080 });
    expect(find(objs, 'Service', 'grpc').spec.ports[0].appProtocol).toBe('kubernetes.io/h2c');
  });

  it('makes names DNS-1123 safe and reports collisions', () => {
    const gen = generate(
      load({
        resources: {
          'SpeciaL-ApP': { type: 'container.v0', image: 'nginx:1.27' },
          special_app: { type: 'container.v0', image: 'nginx:1.27' },
        },
      }),
    );
    const names = gen.objects.map((o) => o.object.metadata.name);
    expect(names).toContain('special-app');
    expect(names).toContain('special-app-2');
    expect(gen.diagnostics.some((d) => d.code === 'name-collision')).toBe(true);
    expect(container(gen.objects[0]!.object).name).toBe('special-app');
  });

  it('warns about executables and bind mounts instead of emitting something silently wrong', () => {
    const gen = generate(
      load({
        resources: {
          tool: { type: 'executable.v0', command: 'node', workingDirectory: '.', args: ['app.js'] },
          kc: {
            type: 'container.v0',
            image: 'quay.io/keycloak/keycloak:26.0',
            bindMounts: [
              { source: '../realms', target: '/opt/keycloak/data/import', readOnly: true },
              { source: './scratch', target: '/scratch', readOnly: false },
            ],
          },
        },
      }),
    );
    expect(gen.objects.some((o) => o.resource === 'tool')).toBe(false);
    expect(gen.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['executable-not-deployed', 'bind-mount-configmap', 'bind-mount-writable']),
    );
    const dep = gen.objects.find((o) => o.object.kind === 'Deployment')!.object as any;
    expect(dep.spec.template.spec.volumes).toEqual([{ name: 'bind-0', configMap: { name: 'kc-realms' } }]);
  });

  it('escapes literal $( so Kubernetes does not expand user text, and keeps literal braces', () => {
    const objs = objectsOf(
      load({
        resources: {
          api: { type: 'container.v0', image: 'x:1', env: { A: 'cost $(HOME)', ROUTE: '/api/{**catch-all}' } },
        },
      }),
    );
    const env = envOf(find(objs, 'Deployment', 'api'));
    expect(env['A']).toBe('cost $$(HOME)');
    expect(env['ROUTE']).toBe('/api/{**catch-all}');
  });

  it('quotes YAML 1.1 booleans and octal-looking strings', () => {
    const text = plainStream(
      generate(
        load({
          resources: { api: { type: 'container.v0', image: 'x:1', env: { A: 'yes', B: 'on', C: '0755', D: 'No' } } },
        }),
      ),
    );
    const doc = parseAllDocuments(text, { version: '1.1' })[0]!.toJS() as any;
    const env = Object.fromEntries(container(doc).env.map((e: any) => [e.name, e.value]));
    expect(env).toEqual({ A: 'yes', B: 'on', C: '0755', D: 'No' });
  });

  it('is deterministic: same input, same bytes', () => {
    const a = generateBundle(travel()).files;
    const b = generateBundle(travel()).files;
    expect(a).toEqual(b);
    expect(a.map((f) => f.path)).toEqual([
      '01-secrets.yaml',
      'catalog-sql.yaml',
      'trip-api.yaml',
      'availability-worker.yaml',
      'README.md',
    ]);
  });
});

describe('generate: secrets written as plain text in the input', () => {
  it('moves them to a placeholder Secret instead of copying them into the workload or the bundle', () => {
    const gen = generate(
      load({
        resources: {
          pg: {
            type: 'container.v0',
            image: 'postgres:16.4',
            env: {
              POSTGRES_PASSWORD: 'pass123',
              ConnectionStrings__db: 'Host=pg;Username=u;Password=pass123',
              PLAIN: 'hello',
            },
          },
        },
      }),
    );
    const text = plainStream(gen);
    expect(text).not.toContain('pass123');
    const env = envOf(gen.objects.find((o) => o.object.kind === 'Deployment')!.object);
    expect(env['POSTGRES_PASSWORD']).toEqual({ secretKeyRef: { name: 'pg-env', key: 'POSTGRES_PASSWORD' } });
    expect(env['ConnectionStrings__db']).toEqual({ secretKeyRef: { name: 'pg-env', key: 'ConnectionStrings__db' } });
    expect(env['PLAIN']).toBe('hello');
    expect(gen.diagnostics.filter((d) => d.code === 'literal-secret')).toHaveLength(2);
  });

  it('treats account keys, shared access keys and SAS signatures in a literal connection string as secrets', () => {
    const gen = generate(
      load({
        resources: {
          storage: {
            type: 'value.v0',
            connectionString:
              'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0S2V5;EndpointSuffix=core.windows.net',
          },
          bus: {
            type: 'value.v0',
            connectionString:
              'Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=sasKey123=',
          },
          blob: {
            type: 'value.v0',
            connectionString: 'https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=sigValue%3D',
          },
          plain: {
            type: 'value.v0',
            connectionString: 'Endpoint=https://search.example.com;SharedAccessKeyName=reader',
          },
          'milvus-key': {
            type: 'parameter.v0',
            value: '{milvus-key.inputs.value}',
            inputs: { value: { type: 'string', secret: true } },
          },
          milvus: { type: 'value.v0', connectionString: 'Endpoint=http://milvus:19530;Key=root:{milvus-key.value}' },
          api: {
            type: 'container.v0',
            image: 'api:1.0',
            env: {
              ConnectionStrings__storage: '{storage.connectionString}',
              ConnectionStrings__bus: '{bus.connectionString}',
              BLOB: '{blob.connectionString}',
              ConnectionStrings__plain: '{plain.connectionString}',
              ConnectionStrings__milvus: '{milvus.connectionString}',
            },
          },
        },
      }),
    );
    const text = plainStream(gen);
    for (const secret of ['c2VjcmV0S2V5', 'sasKey123', 'sigValue']) expect(text).not.toContain(secret);
    const env = envOf(gen.objects.find((o) => o.object.kind === 'Deployment')!.object);
    expect(env['ConnectionStrings__storage']).toEqual({
      secretKeyRef: { name: 'api-env', key: 'ConnectionStrings__storage' },
    });
    expect(env['ConnectionStrings__bus']).toEqual({ secretKeyRef: { name: 'api-env', key: 'ConnectionStrings__bus' } });
    expect(env['BLOB']).toEqual({ secretKeyRef: { name: 'api-env', key: 'BLOB' } });
    // A key *name* is not a key: nothing secret here, so it stays readable.
    expect(env['ConnectionStrings__plain']).toBe('Endpoint=https://search.example.com;SharedAccessKeyName=reader');
    // A key spliced from its Secret is wired already, not a literal.
    expect(env['ConnectionStrings__milvus']).toBe('Endpoint=http://milvus:19530;Key=root:$(SECRET_MILVUS_KEY)');
  });
});
