/**
 * The mutation catalogue, part three: breakages the reachability red team (reach-redteam.test.ts)
 * found un-caught or un-repaired, kept here so every run checks them row for row and repairs
 * each with its own Fix. Same contract as ./mutations.fixture.ts.
 */
import type { Mutation } from './mutations.fixture';

const TRIP_ENV = `            - name: OTEL_SERVICE_NAME\n              value: trip-api`;
const tripEnv = (extra: [string, string][]) =>
  TRIP_ENV + extra.map(([k, v]) => `\n            - name: ${k}\n              value: ${JSON.stringify(v)}`).join('');
const CS = `stringData:\n  connection-string: "<set before applying>"`;
const SQL_TARGET = `    - name: tcp\n      port: 1433\n      targetPort: tcp`;

export const REDTEAM_MUTATIONS: Mutation[] = [
  {
    // Was external (a warn): `x.ns.svc.cluster.local` is the cluster's own domain, never a DNS name elsewhere.
    name: 'connection string names a misspelt host in the cluster domain',
    find: CS,
    replace: `stringData:\n  connection-string: "Server=catalog-sqk.default.svc.cluster.local,1433;Database=Catalog"`,
    expect: { 'reachability:trip-api:catalog': 'fail', 'reachability:availability-worker:catalog': 'fail' },
  },
  {
    // Was a pass: the Secret lacks the key, so the kubelet never starts the container.
    name: 'connection string Secret lacks the key the consumers read',
    find: CS,
    replace: `stringData:\n  connection_string: "<set before applying>"`,
    expect: {
      'connection-secret:trip-api:catalog': 'fail',
      'connection-secret:availability-worker:catalog': 'fail',
      'reachability:trip-api:catalog': 'fail',
      'reachability:availability-worker:catalog': 'fail',
    },
  },
  {
    // Was a fail whose Fix rewrote CATALOG_HOST (already right): CATALOG_PORT is what to correct.
    name: 'connection property CATALOG_PORT names a port the Service lacks',
    find: TRIP_ENV,
    replace: tripEnv([
      ['CATALOG_HOST', 'catalog-sql'],
      ['CATALOG_PORT', '1434'],
    ]),
    expect: { 'reachability:trip-api:catalog': 'fail' },
  },
  {
    // Was never read: Aspire 13 writes the JDBC URL beside the connection string for Java clients.
    name: 'connection property CATALOG_JDBCCONNECTIONSTRING names a misspelt host',
    find: TRIP_ENV,
    replace: tripEnv([['CATALOG_JDBCCONNECTIONSTRING', 'jdbc:sqlserver://catalog-sqk:1433;databaseName=Catalog']]),
    expect: { 'reachability:trip-api:catalog': 'fail' },
  },
  {
    // Was a pass: `$$(X)` is the kubelet's escape, the process gets the literal text `$(X)` as host.
    name: 'services__ URL with an escaped $$(VAR) host',
    find: `              value: http://trip-api:8080`,
    replace: `              value: http://$$$$(TRIP_API_HOST):8080`,
    expect: { 'discovery:availability-worker:trip-api': 'fail' },
  },
  {
    name: 'database Service targets a port name the container does not declare',
    find: SQL_TARGET,
    replace: SQL_TARGET.replace('targetPort: tcp', 'targetPort: sql'),
    expect: {
      'service-port:catalog-sql:tcp': 'fail',
      'reachability:trip-api:catalog': 'fail',
      'reachability:availability-worker:catalog': 'fail',
      'waitfor-reach:trip-api:catalog': 'fail',
      'waitfor-reach:availability-worker:catalog': 'fail',
      'kube-linter:invalid-target-ports:catalog-sql:catalog-sql': 'fail',
    },
  },
];
