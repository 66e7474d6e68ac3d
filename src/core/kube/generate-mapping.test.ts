import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { generateBundle, plainStream } from '../bundle/plain';
import { container, envOf, find, load, objectsOf, travel } from '../../test-support/generate-fixture';
import { generate } from './generate';

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

  it(
    'offers a LoadBalancer instead of an Ingress when the user picks it, keeping the internal ' + 'Service ClusterIP',
    () => {
      const objs = objectsOf(travel(), { exposure: 'loadbalancer' });
      expect(objs.filter((o) => o.kind === 'Ingress')).toEqual([]);
      expect(find(objs, 'Service', 'trip-api-public').spec.type).toBe('LoadBalancer');
      expect(find(objs, 'Service', 'trip-api').spec.type).toBe('ClusterIP');
    },
  );

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
