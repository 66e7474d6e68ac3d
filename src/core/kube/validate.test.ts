import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { VALIDATED_KINDS, validateObjects } from './validate';

const labels = { 'app.kubernetes.io/name': 'api' };

function deployment(): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api', namespace: 'shop', labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: 'api',
              image: 'registry.example.com/api:1.0.0',
              ports: [{ name: 'http', containerPort: 8080 }],
              env: [
                {
                  name: 'ConnectionStrings__db',
                  valueFrom: { secretKeyRef: { name: 'db', key: 'connection-string' } },
                },
                { name: 'FEATURE_X', value: 'yes' },
              ],
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: 1073741824, cpu: 1 } },
              readinessProbe: { httpGet: { path: '/health', port: 'http', scheme: 'HTTP' } },
              livenessProbe: { httpGet: { path: '/alive', port: 8080 } },
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

const goodObjects: unknown[] = [
  deployment(),
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'pg' },
    spec: {
      serviceName: 'pg',
      selector: { matchLabels: { app: 'pg' } },
      template: {
        metadata: { labels: { app: 'pg' } },
        spec: {
          containers: [
            {
              name: 'pg',
              image: 'postgres:17',
              volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
            },
          ],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } },
        },
      ],
    },
  },
  {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'm:1' }] } } },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'api' },
    spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  },
  {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db' },
    type: 'Opaque',
    stringData: { 'connection-string': 'x' },
  },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { OTEL_SERVICE_NAME: 'api' } },
  {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web' },
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: ['shop.example.com'], secretName: 'web-tls' }],
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } }],
          },
        },
      ],
    },
  },
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'api-waiter' }, automountServiceAccountToken: false },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'api-waiter' },
    rules: [
      { apiGroups: ['batch'], resources: ['jobs'], resourceNames: ['migrator'], verbs: ['get', 'list', 'watch'] },
    ],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'api-waiter' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'api-waiter' },
    subjects: [{ kind: 'ServiceAccount', name: 'api-waiter' }],
  },
];

function issuesFor(obj: unknown): string[] {
  return validateObjects([obj]).map((i) => `${i.path} ${i.message}`);
}

describe('validateObjects', () => {
  it('accepts one valid object of every kind it knows', () => {
    expect(VALIDATED_KINDS).toHaveLength(12);
    const kinds = new Set(goodObjects.map((o) => (o as { kind: string }).kind));
    expect([...kinds].sort()).toEqual([...VALIDATED_KINDS].sort());
    expect(validateObjects(goodObjects)).toEqual([]);
  });

  it('rejects a RoleBinding without roleRef and an unknown field in a Role rule', () => {
    expect(
      issuesFor({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'x' },
        subjects: [],
      }),
    ).toContain(' missing required field "roleRef"');
    expect(
      issuesFor({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'x' },
        rules: [{ verbs: ['get'], resource: ['jobs'] }],
      }),
    ).toContain('/rules/0 unknown field "resource"');
  });

  it('reports unknown fields and typos (strict schema layer)', () => {
    const d = deployment();
    const spec = d.spec as Record<string, unknown>;
    spec.templates = spec.template;
    const pod = (spec.template as { spec: Record<string, unknown> }).spec;
    pod.contaners = pod.containers;
    expect(issuesFor(d)).toEqual(
      expect.arrayContaining(['/spec unknown field "templates"', '/spec/template/spec unknown field "contaners"']),
    );
  });

  it('reports wrong types, enums and quantities (kubernetes-models layer)', () => {
    const d = deployment();
    const spec = d.spec as {
      replicas: unknown;
      template: { spec: { restartPolicy?: string; containers: Record<string, unknown>[] } };
    };
    spec.replicas = 'two';
    spec.template.spec.restartPolicy = 'Sometimes';
    const c = spec.template.spec.containers[0]!;
    (c.ports as Record<string, unknown>[])[0]!.containerPort = '8080';
    (c.readinessProbe as { httpGet: Record<string, unknown> }).httpGet.scheme = 'http';
    (c.resources as { requests: Record<string, unknown> }).requests.cpu = 'lots';
    const found = issuesFor(d);
    expect(found).toEqual(
      expect.arrayContaining([
        '/spec/replicas must be integer',
        '/spec/template/spec/restartPolicy must be one of "Always", "Never", "OnFailure"',
        '/spec/template/spec/containers/0/ports/0/containerPort must be integer',
        '/spec/template/spec/containers/0/readinessProbe/httpGet/scheme must be one of "HTTP", "HTTPS"',
        '/spec/template/spec/containers/0/resources/requests/cpu must be a quantity (string or number)',
      ]),
    );
  });

  it('reports missing required fields, including metadata', () => {
    expect(issuesFor({ apiVersion: 'v1', kind: 'ConfigMap', data: {} })).toContain(
      ' missing required field "metadata"',
    );
    const d = deployment();
    delete (d.spec as Record<string, unknown>).template;
    expect(issuesFor(d)).toContain('/spec missing required field "template"');
  });

  it('applies the apiserver name rules Aspire broke (dots, capitals, long port names)', () => {
    const d = deployment();
    (d.metadata as Record<string, unknown>).name = 'Api.Service';
    const pod = (
      d.spec as { template: { spec: { containers: Record<string, unknown>[]; volumes: Record<string, unknown>[] } } }
    ).template.spec;
    pod.containers[0]!.name = 'SpeciaL-ApP';
    (pod.containers[0]!.ports as Record<string, unknown>[])[0]!.name = 'a-very-long-port-name';
    pod.volumes[0]!.name = 'app.apphost-pg-data';
    const found = issuesFor(d);
    expect(found.some((f) => f.startsWith('/metadata/name Deployment name "Api.Service"'))).toBe(true);
    expect(found.some((f) => f.startsWith('/spec/template/spec/containers/0/name container name "SpeciaL-ApP"'))).toBe(
      true,
    );
    expect(
      found.some((f) =>
        f.startsWith('/spec/template/spec/containers/0/ports/0/name container port name "a-very-long-port-name"'),
      ),
    ).toBe(true);
    expect(
      found.some((f) => f.startsWith('/spec/template/spec/volumes/0/name volume name "app.apphost-pg-data"')),
    ).toBe(true);
    // The mount now names no volume, and the readiness probe's named port vanished.
    expect(found).toContain(
      '/spec/template/spec/containers/0/volumeMounts/0/name volume mount "tmp" names no volume of the pod',
    );
    expect(found).toContain(
      '/spec/template/spec/containers/0/readinessProbe readinessProbe targets port "http", which the container does ' +
        'not declare',
    );
  });

  it('reports a selector that does not match the template, and Service names that are not DNS-1035', () => {
    const d = deployment();
    (d.spec as { selector: unknown }).selector = { matchLabels: { app: 'other' } };
    expect(issuesFor(d)).toContain('/spec/selector selector does not match the pod template labels');
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: '1api' },
      spec: { ports: [{ port: 80 }, { port: 81 }] },
    };
    const found = issuesFor(svc);
    expect(found.some((f) => f.startsWith('/metadata/name Service name "1api"'))).toBe(true);
    expect(found).toContain('/spec/ports/0 every port of a multi-port Service needs a name');
  });

  it('catches the YAML 1.1 boolean trap once text is parsed as Kubernetes reads it', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata:\n  FEATURE_X: yes\n';
    const objs = parseAllDocuments(text, { version: '1.1' }).map((d) => d.toJS() as unknown);
    expect(validateObjects(objs).map((i) => `${i.path} ${i.message}`)).toContain('/data/FEATURE_X must be string');
  });

  it('never throws for junk input, and names unsupported kinds', () => {
    const found = validateObjects([
      null,
      42,
      'x',
      [],
      {},
      { kind: 'Deployment', apiVersion: 'v1' },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } },
    ]);
    expect(found.map((i) => i.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(found[5]!.message).toContain('apiVersion "apps/v1"');
    expect(found[6]!.message).toContain('kind "Pod" is not one of the kinds validated strictly');
  });
});
