/**
 * The mutation catalogue, part one (the first half of BASE_MUTATIONS, in order): the trip-api
 * Service deleted or unselected, connection strings misspelled or written literally, literal
 * passwords, a copied liveness probe, lost storage, a removed init container or OTEL name,
 * discovery at a wrong host or port, a public database Service. Same contract as ./mutations.fixture.ts.
 */
import type { Mutation } from './mutations.fixture';

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

export const WIRING_MUTATIONS: Mutation[] = [
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
];
