/**
 * The mutation catalogue: one realistic way to break the travel platform's bundle per entry,
 * each a plain text edit of `fixtures/parity/travel-good/bundle.yaml`, with the exact rows
 * whose status it must change (and to what). Used by mutations.test.ts.
 */
import { REACH_MUTATIONS } from './mutations-reach.fixture';
import type { ParityStatus } from './types';

export interface Mutation {
  name: string;
  /** Literal text to find (must occur exactly once) and its replacement. */
  find: string;
  replace: string;
  /** Further edits in other documents, applied after the first (one change can span documents). */
  also?: { find: string; replace: string }[];
  /** row id → expected status after the mutation ('absent': the row disappears); every other row keeps its status. */
  expect: Record<string, ParityStatus | 'absent'>;
}

const TRIP_ENV_CS = `            - name: ConnectionStrings__catalog
              valueFrom:
                secretKeyRef:
                  name: catalog-connection
                  key: connection-string
            - name: OTEL_EXPORTER_OTLP_ENDPOINT
              value: http://otel-collector:4317
            - name: OTEL_SERVICE_NAME
              value: trip-api`;

const TRIP_SERVICE = `kind: Service
metadata:
  name: trip-api
spec:
  type: ClusterIP`;

/** The bundle text after a mutation. */
export function mutate(text: string, m: Pick<Mutation, 'find' | 'replace' | 'also'>): string {
  let out = text.replace(m.find, m.replace);
  for (const a of m.also ?? []) out = out.replace(a.find, a.replace);
  return out;
}

export const BASE_MUTATIONS: Mutation[] = [
  {
    name: 'delete the trip-api Service',
    find: `apiVersion: v1\n${TRIP_SERVICE}`,
    replace: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: trip-api\nspec:\n  type: ClusterIP`,
    expect: {
      'service-selector:trip-api:': 'fail',
      'service-port:trip-api:http': 'fail',
      'discovery:availability-worker:trip-api': 'fail',
      'names:trip-api:': 'fail',
      'exposure:trip-api:': 'fail',
      'health-exposure:trip-api:': 'absent',
      'kube-linter:dangling-service:trip-api:trip-api': 'absent',
      'kube-linter:invalid-target-ports:trip-api:trip-api': 'absent',
      'kube-score:ingress-targets-service:Ingress/trip-api:': 'fail',
      'waitfor-reach:availability-worker:trip-api': 'fail',
    },
  },
  {
    name: 'misspell ConnectionStrings__catalg',
    find: TRIP_ENV_CS,
    replace: TRIP_ENV_CS.replace('ConnectionStrings__catalog', 'ConnectionStrings__catalg'),
    expect: {
      'connection-string:trip-api:catalog': 'fail',
      'connection-secret:trip-api:catalog': 'absent',
      'reachability:trip-api:catalog': 'absent',
    },
  },
  {
    name: 'move the connection string into a literal env value with a password',
    find: TRIP_ENV_CS,
    replace: TRIP_ENV_CS.replace(
      /valueFrom:\n\s+secretKeyRef:\n\s+name: catalog-connection\n\s+key: connection-string/,
      'value: "Server=catalog-sql,1433;Database=Catalog;User ID=sa;Password=Sup3rSecret!"',
    ),
    expect: {
      'connection-string:trip-api:catalog': 'fail',
      'connection-secret:trip-api:catalog': 'absent',
      'secret-literals:trip-api:': 'fail',
      'kube-linter:env-var-secret:trip-api:': 'fail',
      'kube-linter:read-secret-from-env-var:trip-api:': 'pass',
    },
  },
  {
    name: 'literal SA password on the database',
    find: `            - name: MSSQL_SA_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: catalog-sql-password
                  key: password`,
    replace: `            - name: MSSQL_SA_PASSWORD
              value: "Sup3rSecret!"`,
    expect: {
      'secret-parameter:catalog-sql-password:': 'fail',
      'secret-literals:catalog-sql:': 'fail',
      'kube-linter:env-var-secret:catalog-sql:': 'fail',
      'kube-linter:read-secret-from-env-var:catalog-sql:': 'pass',
    },
  },
  {
    name: 'liveness becomes a copy of readiness',
    find: `            httpGet: { path: /alive, port: http }
            initialDelaySeconds: 10
          readinessProbe:
            httpGet: { path: /health, port: http }`,
    replace: `            httpGet: { path: /health, port: http }
            initialDelaySeconds: 10
          readinessProbe:
            httpGet: { path: /health, port: http }`,
    expect: {
      'probes-distinct:trip-api:': 'fail',
      'probes-paths:trip-api:': 'warn',
      'kube-score:pod-probes-identical:trip-api:': 'fail',
    },
  },
  {
    name: 'drop the volumeClaimTemplates (and the mount)',
    find: `          volumeMounts:
            - name: catalog-sql-data
              mountPath: /var/opt/mssql
  volumeClaimTemplates:
    - metadata:
        name: catalog-sql-data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 5Gi`,
    replace: '',
    expect: { 'storage:catalog-sql:/var/opt/mssql': 'fail' },
  },
  {
    name: 'replace volumeClaimTemplates with emptyDir',
    find: `  volumeClaimTemplates:
    - metadata:
        name: catalog-sql-data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 5Gi`,
    replace: `      volumes:
        - name: catalog-sql-data
          emptyDir: {}`,
    expect: { 'storage:catalog-sql:/var/opt/mssql': 'fail' },
  },
  {
    name: 'break the trip-api Service selector',
    find: `  selector:\n    app.kubernetes.io/name: trip-api\n  ports:`,
    replace: `  selector:\n    app.kubernetes.io/name: trip-apii\n  ports:`,
    expect: {
      'service-selector:trip-api:': 'fail',
      'service-port:trip-api:http': 'fail',
      'discovery:availability-worker:trip-api': 'fail',
      'names:trip-api:': 'fail',
      'exposure:trip-api:': 'fail',
      'health-exposure:trip-api:': 'absent',
      'kube-linter:dangling-service:trip-api:trip-api': 'fail',
      'waitfor-reach:availability-worker:trip-api': 'fail',
    },
  },
  {
    name: 'remove the init container of trip-api',
    find: `      initContainers:
        - name: wait-for-catalog-sql
          image: busybox:1.36
          command: ["sh", "-c", "until nc -z catalog-sql 1433; do sleep 2; done"]
          resources:
            requests: { cpu: 10m, memory: 16Mi }
            limits: { cpu: 50m, memory: 32Mi }
      containers:
        - name: trip-api`,
    replace: `      containers:
        - name: trip-api`,
    expect: {
      'waitfor:trip-api:catalog': 'fail',
      'kube-linter:latest-tag:trip-api:wait-for-catalog-sql': 'absent',
      'waitfor-reach:trip-api:catalog': 'absent',
    },
  },
  {
    name: 'remove OTEL_SERVICE_NAME from trip-api',
    find: `            - name: OTEL_SERVICE_NAME\n              value: trip-api\n`,
    replace: '',
    expect: { 'otel-service-name:trip-api:': 'fail' },
  },
  {
    name: 'discovery points at a wrong port',
    find: 'value: http://trip-api:8080',
    replace: 'value: http://trip-api:80',
    expect: { 'discovery:availability-worker:trip-api': 'fail' },
  },
  {
    name: 'discovery points at a wrong host',
    find: 'value: http://trip-api:8080',
    replace: 'value: http://tripapi:8080',
    expect: { 'discovery:availability-worker:trip-api': 'fail' },
  },
  {
    name: 'make the internal database Service a LoadBalancer',
    find: `  name: catalog-sql\nspec:\n  clusterIP: None`,
    replace: `  name: catalog-sql\nspec:\n  type: LoadBalancer`,
    expect: { 'exposure:catalog-sql:': 'fail', 'kube-score:statefulset-has-servicename:catalog-sql:': 'fail' },
  },
  {
    name: 'wrong replica count',
    find: `  name: trip-api\nspec:\n  replicas: 3`,
    replace: `  name: trip-api\nspec:\n  replicas: 1`,
    expect: { 'replicas:trip-api:': 'fail' },
  },
  {
    name: 'localhost collector for the worker',
    find: `              value: http://otel-collector:4317\n            - name: OTEL_SERVICE_NAME\n              value: availability-worker`,
    replace: `              value: http://localhost:4317\n            - name: OTEL_SERVICE_NAME\n              value: availability-worker`,
    expect: {
      'otel-endpoint:availability-worker:': 'fail',
      'telemetry-collector:travel-platform:collector': 'fail',
      'localhost:availability-worker:': 'fail',
    },
  },
  {
    name: 'unresolved Aspire placeholder',
    find: 'value: http://trip-api:8080',
    replace: 'value: "{trip-api.bindings.http.url}"',
    expect: { 'discovery:availability-worker:trip-api': 'fail', 'placeholder:availability-worker:': 'fail' },
  },
  {
    name: ':latest image',
    find: 'image: registry.example.com/trip-api:1.0.0',
    replace: 'image: registry.example.com/trip-api:latest',
    expect: { 'kube-linter:latest-tag:trip-api:trip-api': 'fail' },
  },
  {
    name: 'remove the connection Secret',
    find: `kind: Secret\nmetadata:\n  name: catalog-connection`,
    replace: `kind: ConfigMap\nmetadata:\n  name: catalog-connection`,
    expect: { 'connection-secret:trip-api:catalog': 'fail', 'connection-secret:availability-worker:catalog': 'fail' },
  },
  {
    name: 'rename the container port the Service targets',
    find: `          ports:\n            - name: http\n              containerPort: 8080`,
    replace: `          ports:\n            - name: web\n              containerPort: 8080`,
    expect: {
      'service-port:trip-api:http': 'fail',
      'discovery:availability-worker:trip-api': 'fail',
      'probes-port:trip-api:': 'fail',
      'kube-linter:liveness-port:trip-api:': 'fail',
      'kube-linter:invalid-target-ports:trip-api:trip-api': 'fail',
      'waitfor-reach:availability-worker:trip-api': 'fail',
    },
  },
  {
    name: 'remove the readiness probe',
    find: `          readinessProbe:\n            httpGet: { path: /health, port: http }\n`,
    replace: '',
    expect: {
      'waitfor-readiness:availability-worker:trip-api': 'warn',
      'probes-present:trip-api:': 'fail',
      'probes-distinct:trip-api:': 'fail',
      'probes-paths:trip-api:': 'absent',
      'kube-linter:no-readiness-probe:trip-api:': 'fail',
      'kube-score:pod-probes-identical:trip-api:': 'absent',
    },
  },
  {
    name: 'per-pod instance id becomes a constant',
    find: `              value: service.instance.id=$(POD_NAME)\n          livenessProbe:\n            httpGet: { path: /alive, port: http }`,
    replace: `              value: service.instance.id=trip-api\n          livenessProbe:\n            httpGet: { path: /alive, port: http }`,
    expect: { 'otel-instance-id:trip-api:': 'fail' },
  },
  {
    name: 'HTTP probe on a worker with no endpoint',
    find: `            exec:\n              command: ["/bin/sh", "-c", "test -f /tmp/ready"]`,
    replace: `            httpGet: { path: /health, port: 8080 }`,
    expect: { 'probes-worker:availability-worker:': 'fail', 'kube-linter:liveness-port:availability-worker:': 'pass' },
  },
  {
    name: 'trip-api runs as a bare Pod-like DaemonSet',
    find: `kind: Deployment\nmetadata:\n  name: trip-api`,
    replace: `kind: DaemonSet\nmetadata:\n  name: trip-api`,
    expect: { 'workload-kind:trip-api:': 'fail', 'replicas:trip-api:': 'fail' },
  },
  {
    name: 'no startup allowance',
    find: `            initialDelaySeconds: 10\n          readinessProbe:\n            httpGet: { path: /health, port: http }\n          startupProbe:\n            httpGet: { path: /alive, port: http }\n            failureThreshold: 30\n`,
    replace: `          readinessProbe:\n            httpGet: { path: /health, port: http }\n`,
    expect: { 'probes-startup:trip-api:': 'fail' },
  },
  {
    name: 'probe on a port the container does not listen on',
    find: `          readinessProbe:\n            httpGet: { path: /health, port: http }\n          startupProbe:`,
    replace: `          readinessProbe:\n            httpGet: { path: /health, port: 9090 }\n          startupProbe:`,
    expect: { 'probes-port:trip-api:': 'fail', 'kube-linter:liveness-port:trip-api:': 'fail' },
  },
  {
    name: 'Ingress routes the health endpoint publicly',
    find: `          - path: /api\n            pathType: Prefix`,
    replace: `          - path: /health\n            pathType: Prefix`,
    expect: { 'health-exposure:trip-api:': 'warn' },
  },
  {
    name: 'duplicate env var',
    find: `            - name: OTEL_SERVICE_NAME\n              value: availability-worker\n`,
    replace: `            - name: OTEL_SERVICE_NAME\n              value: availability-worker\n            - name: OTEL_SERVICE_NAME\n              value: availability-worker\n`,
    expect: { 'kube-linter:duplicate-env-var:availability-worker:': 'fail' },
  },
  {
    name: 'YAML 1.1 boolean in env',
    find: `            - name: ACCEPT_EULA\n              value: "Y"`,
    replace: `            - name: ACCEPT_EULA\n              value: yes`,
    expect: { 'yaml-1.1:env-value-type:catalog-sql:': 'fail' },
  },
  {
    name: 'StatefulSet without its headless Service name',
    find: `  serviceName: catalog-sql\n`,
    replace: `  serviceName: catalog-sql-headless\n`,
    expect: { 'kube-score:statefulset-has-servicename:catalog-sql:': 'fail' },
  },
  {
    name: 'worker loses its connection string',
    find: `            - name: ConnectionStrings__catalog\n              valueFrom:\n                secretKeyRef:\n                  name: catalog-connection\n                  key: connection-string\n            - name: OTEL_EXPORTER_OTLP_ENDPOINT\n              value: http://otel-collector:4317\n            - name: OTEL_SERVICE_NAME\n              value: availability-worker`,
    replace: `            - name: OTEL_EXPORTER_OTLP_ENDPOINT\n              value: http://otel-collector:4317\n            - name: OTEL_SERVICE_NAME\n              value: availability-worker`,
    expect: {
      'connection-string:availability-worker:catalog': 'fail',
      'connection-secret:availability-worker:catalog': 'absent',
      'kube-linter:read-secret-from-env-var:availability-worker:': 'pass',
      'reachability:availability-worker:catalog': 'absent',
    },
  },
];

export const MUTATIONS: Mutation[] = [...BASE_MUTATIONS, ...REACH_MUTATIONS];
