/**
 * The mutation catalogue, part one continued (the second half of BASE_MUTATIONS, in order):
 * replicas and workload kind, telemetry endpoints and ids, placeholders, image tags, the
 * connection Secret, container ports, probes (missing, on a worker, on the wrong port, no
 * startup allowance), a public health path, env duplicates and YAML 1.1 values, the StatefulSet's
 * Service name and a worker's lost connection string. Same contract as ./mutations.fixture.ts.
 */
import type { Mutation } from './mutations.fixture';

export const WORKLOAD_MUTATIONS: Mutation[] = [
  {
    name: 'wrong replica count',
    find: `  name: trip-api\nspec:\n  replicas: 3`,
    replace: `  name: trip-api\nspec:\n  replicas: 1`,
    expect: { 'replicas:trip-api:': 'fail' },
  },
  {
    name: 'localhost collector for the worker',
    find:
      `              value: http://otel-collector:4317\n            - name: OTEL_SERVICE_NAME\n              ` +
      `value: availability-worker`,
    replace:
      `              value: http://localhost:4317\n            - name: OTEL_SERVICE_NAME\n              ` +
      `value: availability-worker`,
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
    find:
      `              value: service.instance.id=$(POD_NAME)\n          livenessProbe:\n            httpGet: { ` +
      `path: /alive, port: http }`,
    replace:
      `              value: service.instance.id=trip-api\n          livenessProbe:\n            httpGet: { ` +
      `path: /alive, port: http }`,
    expect: { 'otel-instance-id:trip-api:': 'fail' },
  },
  {
    // The API's startup probe copied onto the worker (nothing listens on 8080 there).
    name: 'HTTP probe on a worker with no endpoint',
    find: `              command: ["/bin/sh", "-c", "test -f /tmp/ready"]\n`,
    replace:
      `              command: ["/bin/sh", "-c", "test -f /tmp/ready"]\n` +
      `          startupProbe:\n            httpGet: { path: /alive, port: 8080 }\n            failureThreshold: 30\n`,
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
    find:
      `            initialDelaySeconds: 10\n          readinessProbe:\n            httpGet: { path: /health, ` +
      `port: http }\n          startupProbe:\n            httpGet: { path: /alive, port: http }\n            ` +
      `failureThreshold: 30\n`,
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
    // A route added next to the application's own (the App Host maps /health only in Development).
    name: 'Ingress also routes the health endpoint publicly',
    find: `          - path: /api\n            pathType: Prefix`,
    replace:
      `          - path: /health\n            pathType: Prefix\n            backend:\n              service:\n` +
      `                name: trip-api\n                port:\n                  name: http\n` +
      `          - path: /api\n            pathType: Prefix`,
    expect: { 'health-exposure:trip-api:': 'warn' },
  },
  {
    name: 'duplicate env var',
    find: `            - name: OTEL_SERVICE_NAME\n              value: availability-worker\n`,
    replace:
      `            - name: OTEL_SERVICE_NAME\n              value: availability-worker\n            - name: ` +
      `OTEL_SERVICE_NAME\n              value: availability-worker\n`,
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
    find:
      `            - name: ConnectionStrings__catalog\n              valueFrom:\n                ` +
      `secretKeyRef:\n                  name: catalog-connection\n                  key: connection-string\n       ` +
      `     - name: OTEL_EXPORTER_OTLP_ENDPOINT\n              value: http://otel-collector:4317\n            - ` +
      `name: OTEL_SERVICE_NAME\n              value: availability-worker`,
    replace:
      `            - name: OTEL_EXPORTER_OTLP_ENDPOINT\n              value: http://otel-collector:4317\n    ` +
      `        - name: OTEL_SERVICE_NAME\n              value: availability-worker`,
    expect: {
      'connection-string:availability-worker:catalog': 'fail',
      'connection-secret:availability-worker:catalog': 'absent',
      'kube-linter:read-secret-from-env-var:availability-worker:': 'pass',
      'reachability:availability-worker:catalog': 'absent',
    },
  },
];
