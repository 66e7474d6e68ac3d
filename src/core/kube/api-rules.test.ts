/**
 * The API facts layer, and a differential check against kubernetes-models (a devDependency the
 * shipped validator no longer imports): every path its OpenAPI validators flag for a wrong
 * enum value or a non-integer, our validator flags too.
 */
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Service } from 'kubernetes-models/v1/Service';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { describe, expect, it } from 'vitest';
import { apiRuleIssues } from './api-rules';
import { validateObjects } from './validate';

const deployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', labels: { port: 'x' } },
  spec: {
    replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
    selector: { matchLabels: { app: 'api' } },
    template: {
      metadata: { labels: { app: 'api' } },
      spec: {
        restartPolicy: 'Always',
        containers: [
          {
            name: 'api',
            image: 'api:1',
            imagePullPolicy: 'IfNotPresent',
            ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
            readinessProbe: { httpGet: { path: '/health', port: 'http', scheme: 'HTTP' }, periodSeconds: 5 },
          },
        ],
        initContainers: [{ name: 'wait', image: 'busybox', restartPolicy: 'Always' }],
      },
    },
  },
});
const service = () => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'api' },
  spec: {
    type: 'ClusterIP',
    selector: { type: 'x' },
    ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
  },
});
const pvc = () => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'd' },
  spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem', resources: { requests: { storage: '1Gi' } } },
});

type Obj = Record<string, any>;
const MUTATIONS: [string, () => Obj, (o: Obj) => void][] = [
  ['pod restartPolicy', deployment, (o) => (o.spec.template.spec.restartPolicy = 'Sometimes')],
  ['imagePullPolicy', deployment, (o) => (o.spec.template.spec.containers[0].imagePullPolicy = 'always')],
  ['port protocol', deployment, (o) => (o.spec.template.spec.containers[0].ports[0].protocol = 'tcp')],
  ['probe scheme', deployment, (o) => (o.spec.template.spec.containers[0].readinessProbe.httpGet.scheme = 'http')],
  ['strategy type', deployment, (o) => (o.spec.strategy.type = 'BlueGreen')],
  [
    'seccomp profile type',
    deployment,
    (o) => (o.spec.template.spec.securityContext = { seccompProfile: { type: 'Default' } }),
  ],
  ['fractional replicas', deployment, (o) => (o.spec.replicas = 1.5)],
  ['string replicas', deployment, (o) => (o.spec.replicas = 'two')],
  ['fractional containerPort', deployment, (o) => (o.spec.template.spec.containers[0].ports[0].containerPort = 80.5)],
  [
    'fractional periodSeconds',
    deployment,
    (o) => (o.spec.template.spec.containers[0].readinessProbe.periodSeconds = 0.5),
  ],
  ['service type', service, (o) => (o.spec.type = 'Public')],
  ['fractional targetPort', service, (o) => (o.spec.ports[0].targetPort = 80.5)],
  ['access mode', pvc, (o) => (o.spec.accessModes[0] = 'ReadWriteAlways')],
  ['volume mode', pvc, (o) => (o.spec.volumeMode = 'Disk')],
];

const MODELS: Record<string, new (d: any) => { validate(): void }> = { Deployment, Service, PersistentVolumeClaim };

function modelPaths(o: Obj): string[] {
  try {
    new MODELS[o.kind]!(o).validate();
    return [];
  } catch (e) {
    return ((e as { errors?: { instancePath: string }[] }).errors ?? []).map((x) => x.instancePath);
  }
}

describe('API facts (enums, whole numbers)', () => {
  it('accepts valid objects, and never reads user maps (labels, selectors) as fields', () => {
    for (const make of [deployment, service, pvc]) {
      const o = make();
      expect(modelPaths(o)).toEqual([]);
      expect(validateObjects([o])).toEqual([]);
    }
  });

  it('a container restartPolicy allows only Always', () => {
    const o = deployment();
    o.spec.template.spec.initContainers[0]!.restartPolicy = 'OnFailure';
    expect(apiRuleIssues('Deployment', o)).toEqual([
      { path: '/spec/template/spec/initContainers/0/restartPolicy', message: 'must be one of "Always"' },
    ]);
  });

  for (const [name, make, mutate] of MUTATIONS) {
    it(`flags what kubernetes-models flags: ${name}`, () => {
      const o = make();
      mutate(o);
      const theirs = modelPaths(o);
      expect(theirs.length).toBeGreaterThan(0);
      const ours = new Set(validateObjects([o]).map((i) => i.path));
      for (const p of theirs) expect(ours, `${name}: ${p}`).toContain(p);
    });
  }
});
