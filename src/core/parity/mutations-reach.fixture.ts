/**
 * The mutation catalogue, part two: ways to break what a connection or a wait really reaches
 * (the database Service, the host and port inside a connection string in every format, the
 * Aspire 13 connection properties, init-container polls, wait cycles), unpinned images and
 * foreign Service names. Same contract as ./mutations.fixture.ts.
 */
import type { Mutation } from './mutations.fixture';

const CS_SECRET = `  name: catalog-connection\ntype: Opaque\nstringData:\n  connection-string: "<set before applying>"`;
const cs = (v: string) => CS_SECRET.replace('"<set before applying>"', JSON.stringify(v));
const SQL_SVC =
  `  name: catalog-sql\nspec:\n  clusterIP: None\n  selector:\n    app.kubernetes.io/name: ` +
  `catalog-sql\n  ports:\n    - name: tcp\n      port: 1433\n      targetPort: tcp`;

export const REACH_MUTATIONS: Mutation[] = [
  {
    name: 'delete the database Service',
    find: `kind: Service\n${SQL_SVC.replace('  name', 'metadata:\n  name')}`,
    replace: `kind: ConfigMap\nmetadata:\n  name: catalog-sql`,
    expect: {
      'service-selector:catalog-sql:': 'fail',
      'service-port:catalog-sql:tcp': 'fail',
      'reachability:trip-api:catalog': 'fail',
      'reachability:availability-worker:catalog': 'fail',
      'waitfor-reach:trip-api:catalog': 'fail',
      'waitfor-reach:availability-worker:catalog': 'fail',
      'kube-score:statefulset-has-servicename:catalog-sql:': 'fail',
      'kube-linter:dangling-service:catalog-sql:catalog-sql': 'absent',
      'kube-linter:invalid-target-ports:catalog-sql:catalog-sql': 'absent',
    },
  },
  {
    name: 'database Service targets the wrong container port',
    find: SQL_SVC,
    replace: SQL_SVC.replace('targetPort: tcp', 'targetPort: 1434'),
    expect: {
      'service-port:catalog-sql:tcp': 'fail',
      'reachability:trip-api:catalog': 'fail',
      'reachability:availability-worker:catalog': 'fail',
      'waitfor-reach:trip-api:catalog': 'fail',
      'waitfor-reach:availability-worker:catalog': 'fail',
    },
  },
  {
    name: 'database Service listens on another port',
    find: SQL_SVC,
    replace: SQL_SVC.replace('port: 1433', 'port: 1434'),
    expect: {
      'reachability:trip-api:catalog': 'fail',
      'reachability:availability-worker:catalog': 'fail',
      'waitfor-reach:trip-api:catalog': 'fail',
      'waitfor-reach:availability-worker:catalog': 'fail',
    },
  },
  {
    name: 'database Service selects other pods',
    find: SQL_SVC,
    replace: SQL_SVC.replace('app.kubernetes.io/name: catalog-sql', 'app.kubernetes.io/name: catalog-db'),
    expect: {
      'service-selector:catalog-sql:': 'fail',
      'service-port:catalog-sql:tcp': 'fail',
      'reachability:trip-api:catalog': 'fail',
      'reachability:availability-worker:catalog': 'fail',
      'waitfor-reach:trip-api:catalog': 'fail',
      'waitfor-reach:availability-worker:catalog': 'fail',
      'kube-linter:dangling-service:catalog-sql:catalog-sql': 'fail',
    },
  },
  {
    name: 'one letter of the host in the connection string Secret',
    find: CS_SECRET,
    replace: cs('Server=catalog-sqk,1433;Database=Catalog;User ID=sa;Password=x;TrustServerCertificate=true'),
    expect: { 'reachability:trip-api:catalog': 'fail', 'reachability:availability-worker:catalog': 'fail' },
  },
  {
    name: 'connection string Secret names the wrong port',
    find: CS_SECRET,
    replace: cs('Server=catalog-sql,1434;Database=Catalog;User ID=sa;Password=x'),
    expect: { 'reachability:trip-api:catalog': 'fail', 'reachability:availability-worker:catalog': 'fail' },
  },
  {
    name: 'connection string Secret points at localhost',
    find: CS_SECRET,
    replace: cs('Server=localhost,1433;Database=Catalog;User ID=sa;Password=x'),
    expect: { 'reachability:trip-api:catalog': 'fail', 'reachability:availability-worker:catalog': 'fail' },
  },
  {
    name: 'Npgsql-style Host/Port keys with a misspelt host',
    find: CS_SECRET,
    replace: cs('Host=catalog-sqll;Port=1433;Database=Catalog;Username=sa;Password=x'),
    expect: { 'reachability:trip-api:catalog': 'fail', 'reachability:availability-worker:catalog': 'fail' },
  },
  {
    name: 'JDBC URL with the wrong port',
    find: CS_SECRET,
    replace: cs('jdbc:sqlserver://catalog-sql:1533;databaseName=Catalog'),
    expect: { 'reachability:trip-api:catalog': 'fail', 'reachability:availability-worker:catalog': 'fail' },
  },
  {
    name: 'base64 data with a misspelt host',
    find: CS_SECRET,
    replace:
      `  name: catalog-connection\ntype: Opaque\ndata:\n  connection-string: ` +
      `${btoa('Server=catalgo-sql,1433;Database=Catalog;User ID=sa;Password=x')}`,
    expect: { 'reachability:trip-api:catalog': 'fail', 'reachability:availability-worker:catalog': 'fail' },
  },
  {
    name: 'connection property CATALOG_HOST names a missing host',
    find: `            - name: OTEL_SERVICE_NAME\n              value: trip-api`,
    replace:
      `            - name: OTEL_SERVICE_NAME\n              value: trip-api\n            - name: ` +
      `CATALOG_HOST\n              value: catalog-sq\n            - name: CATALOG_PORT\n              ` +
      `value: "1433"`,
    expect: { 'reachability:trip-api:catalog': 'fail' },
  },
  {
    name: 'connection property CATALOG_URI names the wrong port',
    find: `            - name: OTEL_SERVICE_NAME\n              value: trip-api`,
    replace:
      `            - name: OTEL_SERVICE_NAME\n              value: trip-api\n            - name: ` +
      `CATALOG_URI\n              value: mssql://catalog-sql:1533`,
    expect: { 'reachability:trip-api:catalog': 'fail' },
  },
  {
    name: 'init container polls the wrong database port',
    find:
      `          command: ["sh", "-c", "until nc -z catalog-sql 1433; do sleep 2; done"]\n          ` +
      `resources:\n            requests: { cpu: 10m, memory: 16Mi }\n            limits: { cpu: 50m, memory: 32Mi ` +
      `}\n      containers:\n        - name: trip-api`,
    replace:
      `          command: ["sh", "-c", "until nc -z catalog-sql 1434; do sleep 2; done"]\n          ` +
      `resources:\n            requests: { cpu: 10m, memory: 16Mi }\n            limits: { cpu: 50m, memory: 32Mi ` +
      `}\n      containers:\n        - name: trip-api`,
    expect: { 'waitfor:trip-api:catalog': 'fail', 'waitfor-reach:trip-api:catalog': 'fail' },
  },
  {
    name: 'worker init container polls trip-api on the wrong port',
    find: `until nc -z trip-api 8080; do sleep 2; done`,
    replace: `until nc -z trip-api 8081; do sleep 2; done`,
    expect: { 'waitfor:availability-worker:trip-api': 'fail', 'waitfor-reach:availability-worker:trip-api': 'fail' },
  },
  {
    name: 'wait cycle: trip-api waits for the worker that waits for it',
    find:
      `      initContainers:\n        - name: wait-for-catalog-sql\n          image: busybox:1.36\n          ` +
      `command: ["sh", "-c", "until nc -z catalog-sql 1433; do sleep 2; done"]\n          resources:\n            ` +
      `requests: { cpu: 10m, memory: 16Mi }\n            limits: { cpu: 50m, memory: 32Mi }\n      containers:\n   ` +
      `     - name: trip-api`,
    replace:
      `      initContainers:\n        - name: wait-for-catalog-sql\n          image: busybox:1.36\n          ` +
      `command: ["sh", "-c", "until nc -z catalog-sql 1433; do sleep 2; done"]\n          resources:\n            ` +
      `requests: { cpu: 10m, memory: 16Mi }\n            limits: { cpu: 50m, memory: 32Mi }\n        - name: ` +
      `wait-for-worker\n          image: bitnami/kubectl:1.31.4\n          command: ["kubectl", "rollout", ` +
      `"status", "deployment/availability-worker"]\n          resources:\n            requests: { cpu: 10m, ` +
      `memory: 16Mi }\n            limits: { cpu: 50m, memory: 32Mi }\n      containers:\n        - name: trip-api`,
    expect: {
      'waitfor-cycle:trip-api:availability-worker,trip-api': 'fail',
      'kube-linter:latest-tag:trip-api:wait-for-worker': 'pass',
    },
  },
  {
    name: 'database container listens on another port',
    find: `            - name: tcp\n              containerPort: 1433`,
    replace: `            - name: tcp\n              containerPort: 1434`,
    expect: {
      'container-port:catalog-sql:tcp': 'fail',
      'service-port:catalog-sql:tcp': 'fail',
      'reachability:trip-api:catalog': 'fail',
      'reachability:availability-worker:catalog': 'fail',
      'waitfor-reach:trip-api:catalog': 'fail',
      'waitfor-reach:availability-worker:catalog': 'fail',
    },
  },
  {
    name: 'database image unpinned to :latest',
    find: 'image: mcr.microsoft.com/mssql/server:2022-CU16-ubuntu-22.04',
    replace: 'image: mcr.microsoft.com/mssql/server:latest',
    expect: { 'kube-linter:latest-tag:catalog-sql:catalog-sql': 'fail' },
  },
  {
    name: 'worker image untagged',
    find: 'image: registry.example.com/availability-worker:1.0.0',
    replace: 'image: registry.example.com/availability-worker',
    expect: { 'kube-linter:latest-tag:availability-worker:availability-worker': 'fail' },
  },
  {
    name: 'Aspire-publisher naming: trip-api-service, resolved through services__',
    find: `kind: Service\nmetadata:\n  name: trip-api\nspec:\n  type: ClusterIP`,
    replace: `kind: Service\nmetadata:\n  name: trip-api-service\nspec:\n  type: ClusterIP`,
    also: [
      { find: 'value: http://trip-api:8080', replace: 'value: http://trip-api-service:8080' },
      { find: 'until nc -z trip-api 8080', replace: 'until nc -z trip-api-service 8080' },
      {
        find: `              service:\n                name: trip-api`,
        replace: `              service:\n                name: trip-api-service`,
      },
    ],
    expect: {
      'service-selector:trip-api:': 'warn',
      'names:trip-api:': 'warn',
      'kube-linter:dangling-service:trip-api:trip-api': 'absent',
      'kube-linter:invalid-target-ports:trip-api:trip-api': 'absent',
      'kube-linter:dangling-service:trip-api:trip-api-service': 'pass',
      'kube-linter:invalid-target-ports:trip-api:trip-api-service': 'pass',
    },
  },
  {
    name: 'connection string Secret missing from the bundle, ConfigMap with a wrong host instead',
    find:
      `            - name: ConnectionStrings__catalog\n              valueFrom:\n                ` +
      `secretKeyRef:\n                  name: catalog-connection\n                  key: connection-string\n       ` +
      `     - name: OTEL_EXPORTER_OTLP_ENDPOINT\n              value: http://otel-collector:4317\n            - ` +
      `name: OTEL_SERVICE_NAME\n              value: trip-api`,
    replace:
      `            - name: ConnectionStrings__catalog\n              valueFrom:\n                ` +
      `configMapKeyRef:\n                  name: trip-api-config\n                  key: catalog\n            - ` +
      `name: OTEL_EXPORTER_OTLP_ENDPOINT\n              value: http://otel-collector:4317\n            - name: ` +
      `OTEL_SERVICE_NAME\n              value: trip-api`,
    also: [
      {
        find: `kind: Secret\nmetadata:\n  name: catalog-connection`,
        replace:
          `kind: ConfigMap\nmetadata:\n  name: trip-api-config\ndata:\n  catalog: ` +
          `"Server=catalogsql,1433;Database=Catalog"\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: ` +
          `catalog-connection`,
      },
    ],
    expect: {
      'connection-string:trip-api:catalog': 'fail',
      'connection-secret:trip-api:catalog': 'absent',
      'reachability:trip-api:catalog': 'fail',
      'kube-linter:read-secret-from-env-var:trip-api:': 'pass',
    },
  },
  {
    name: 'connection string composed with $(VAR) from a misspelt host variable',
    find:
      `            - name: ConnectionStrings__catalog\n              valueFrom:\n                ` +
      `secretKeyRef:\n                  name: catalog-connection\n                  key: connection-string\n       ` +
      `     - name: OTEL_EXPORTER_OTLP_ENDPOINT\n              value: http://otel-collector:4317\n            - ` +
      `name: OTEL_SERVICE_NAME\n              value: trip-api`,
    replace:
      `            - name: DB_HOST\n              value: catalog-sq1\n            - name: ` +
      `ConnectionStrings__catalog\n              value: "Server=$(DB_HOST),1433;Database=Catalog"\n            - ` +
      `name: OTEL_EXPORTER_OTLP_ENDPOINT\n              value: http://otel-collector:4317\n            - name: ` +
      `OTEL_SERVICE_NAME\n              value: trip-api`,
    expect: {
      'connection-string:trip-api:catalog': 'fail',
      'connection-secret:trip-api:catalog': 'absent',
      'reachability:trip-api:catalog': 'fail',
      'kube-linter:read-secret-from-env-var:trip-api:': 'pass',
    },
  },
];
