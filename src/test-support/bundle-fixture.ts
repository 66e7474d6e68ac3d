/**
 * A small hand-built GeneratedBundle shaped like the generator's output (project + database +
 * secret parameter + Ingress), for layout tests that must not depend on the generator.
 */
import type { GeneratedBundle, GeneratedObject } from '../core/kube/objects';
import { DEFAULT_SETTINGS, type DeploySettings } from '../core/model/settings';
import type { Topology } from '../core/model/topology';

export const fixtureSettings: DeploySettings = {
  ...DEFAULT_SETTINGS,
  namespace: 'shop',
  ingressHost: 'shop.example.com',
};

export const fixtureTopology: Topology = {
  name: 'Shop.AppHost',
  resources: [
    {
      name: 'pg-password',
      kind: 'parameter',
      sourceType: 'parameter.v0',
      args: [],
      env: [],
      endpoints: [],
      volumes: [],
      bindMounts: [],
      parameter: { secret: true },
      settings: {},
    },
    {
      name: 'pg',
      kind: 'container',
      sourceType: 'container.v0',
      engine: 'postgres',
      image: 'docker.io/library/postgres:17.2',
      args: [],
      env: [],
      endpoints: [{ name: 'tcp', scheme: 'tcp', protocol: 'tcp', transport: 'tcp', targetPort: 5432, external: false }],
      volumes: [{ name: 'data', target: '/var/lib/postgresql/data', readOnly: false }],
      bindMounts: [],
      settings: {},
    },
    {
      name: 'Web-Api',
      kind: 'project',
      sourceType: 'project.v0',
      projectPath: 'Web/Web.csproj',
      args: [],
      env: [],
      endpoints: [{ name: 'http', scheme: 'http', protocol: 'tcp', transport: 'http', external: true }],
      volumes: [],
      bindMounts: [],
      settings: { replicas: 3 },
    },
  ],
  references: [{ from: 'Web-Api', to: 'pg', kind: 'connection-string', waitFor: 'running' }],
};

const ns = 'shop';
const part = 'app.kubernetes.io/part-of';
const labels = (name: string, component: string) => ({
  'app.kubernetes.io/name': name,
  [part]: 'shop-apphost',
  'app.kubernetes.io/component': component,
  'app.kubernetes.io/managed-by': 'aspire-parity',
});
const sel = (name: string) => ({ 'app.kubernetes.io/name': name });

const objects: GeneratedObject[] = [
  {
    group: 'namespace',
    comment: 'Namespace for the app',
    object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
  },
  {
    group: 'pg-password',
    resource: 'pg-password',
    comment: 'AddParameter("pg-password", secret: true)',
    object: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'pg-password', namespace: ns, labels: { [part]: 'shop-apphost' } },
      type: 'Opaque',
      stringData: { value: 'REPLACE-ME' },
    },
  },
  {
    group: 'pg',
    resource: 'pg',
    comment: 'AddPostgres("pg")',
    object: {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'pg', namespace: ns, labels: labels('pg', 'database') },
      spec: {
        serviceName: 'pg-headless',
        replicas: 1,
        selector: { matchLabels: sel('pg') },
        template: {
          metadata: { labels: labels('pg', 'database') },
          spec: {
            containers: [
              {
                name: 'pg',
                image: 'docker.io/library/postgres:17.2',
                ports: [{ name: 'tcp', containerPort: 5432 }],
                env: [
                  { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'pg-password', key: 'value' } } },
                ],
                resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '1Gi' } },
                readinessProbe: { tcpSocket: { port: 'tcp' } },
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
  },
  {
    group: 'pg',
    resource: 'pg',
    comment: 'pg endpoints',
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'pg', namespace: ns, labels: labels('pg', 'database') },
      spec: { selector: sel('pg'), ports: [{ name: 'tcp', port: 5432, targetPort: 'tcp' }] },
    },
  },
  {
    group: 'pg',
    resource: 'pg',
    comment: 'stable pod DNS',
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'pg-headless', namespace: ns, labels: labels('pg', 'database') },
      spec: { clusterIP: 'None', selector: sel('pg'), ports: [{ name: 'tcp', port: 5432, targetPort: 'tcp' }] },
    },
  },
  {
    group: 'web-api',
    resource: 'Web-Api',
    comment: 'AddProject("Web-Api")',
    object: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web-api', namespace: ns, labels: labels('web-api', 'service') },
      spec: {
        replicas: 3,
        selector: { matchLabels: sel('web-api') },
        template: {
          metadata: { labels: labels('web-api', 'service') },
          spec: {
            initContainers: [
              {
                name: 'wait-for-pg',
                image: 'busybox:1.36.1',
                command: ['sh', '-c', 'until nc -z pg 5432; do sleep 2; done'],
              },
            ],
            containers: [
              {
                name: 'web-api',
                image: 'registry.example.com/web-api:1.0.0',
                ports: [{ name: 'http', containerPort: 8080 }],
                env: [
                  { name: 'PG_PASSWORD', valueFrom: { secretKeyRef: { name: 'pg-password', key: 'value' } } },
                  {
                    name: 'ConnectionStrings__pg',
                    value: 'Host=pg;Port=5432;Username=postgres;Password=$(PG_PASSWORD)',
                  },
                  { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector:4317' },
                  { name: 'OTEL_SERVICE_NAME', value: 'web-api' },
                  { name: 'GREETING_TEMPLATE', value: 'Hello {{ .Name }}, "quoted" and on' },
                  { name: 'FEATURE_FLAG', value: 'yes' },
                ],
                resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '512Mi' } },
                readinessProbe: { httpGet: { path: '/health', port: 'http', scheme: 'HTTP' } },
                livenessProbe: { httpGet: { path: '/alive', port: 'http', scheme: 'HTTP' } },
              },
            ],
          },
        },
      },
    },
  },
  {
    group: 'web-api',
    resource: 'Web-Api',
    comment: 'Web-Api endpoints',
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web-api', namespace: ns, labels: labels('web-api', 'service') },
      spec: { selector: sel('web-api'), ports: [{ name: 'http', port: 8080, targetPort: 'http' }] },
    },
  },
  {
    group: 'web-api',
    resource: 'Web-Api',
    comment: 'external http endpoint',
    object: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web-api', namespace: ns, labels: labels('web-api', 'service') },
      spec: {
        ingressClassName: 'nginx',
        rules: [
          {
            host: 'shop.example.com',
            http: {
              paths: [
                { path: '/', pathType: 'Prefix', backend: { service: { name: 'web-api', port: { name: 'http' } } } },
              ],
            },
          },
        ],
      },
    },
  },
];

export const fixtureBundle: GeneratedBundle = {
  objects,
  secrets: [
    {
      secretName: 'pg-password',
      key: 'value',
      description: 'value of secret parameter "pg-password"',
      resource: 'pg-password',
    },
  ],
  diagnostics: [],
  k8sNames: new Map([
    ['pg-password', 'pg-password'],
    ['pg', 'pg'],
    ['Web-Api', 'web-api'],
  ]),
};
