/**
 * The mutation catalogue, part three: startup that can never finish. Init containers added by
 * hand to a bundle whose design declares no such wait: a self-wait, wait cycles of two and
 * three workloads (the database waiting for its own clients), a port poll of the worker (which
 * listens on nothing and has no Service), a poll of a Service the bundle lacks and a wait for a
 * Job it does not hold. And foreign naming that still resolves: the database's Service renamed
 * the way Aspire's publisher names it, with every reference (the connection string, the waits)
 * naming it so. Same contract as ./mutations.fixture.ts.
 */
import type { Mutation } from './mutations.fixture';

/** An init container as the travel bundle writes them (flow style, small requests). */
const init = (name: string, command: string) =>
  `        - name: ${name}\n          image: busybox:1.36\n          command: ${command}\n          resources:\n` +
  `            requests: { cpu: 10m, memory: 16Mi }\n            limits: { cpu: 50m, memory: 32Mi }\n`;
const poll = (host: string, port: number) => `["sh", "-c", "until nc -z ${host} ${port}; do sleep 2; done"]`;
/** Just before trip-api's container: after its one init container. */
const TRIP = `      containers:\n        - name: trip-api\n`;
/** The database's pod has no init container: the list is added with the wait. */
const SQL = `        runAsUser: 10001\n      containers:\n        - name: catalog-sql\n`;
/** The database poll in one pod (the same text in trip-api's and the worker's), ending at its container. */
const waitSql = (container: string, host: string) =>
  `until nc -z ${host} 1433; do sleep 2; done"]\n          resources:\n            requests: { cpu: 10m, memory: ` +
  `16Mi }\n            limits: { cpu: 50m, memory: 32Mi }\n      containers:\n        - name: ${container}`;
const sqlWaits = (...containers: string[]) =>
  SQL.replace('      containers:\n', `      initContainers:\n${containers.join('')}      containers:\n`);

export const STARTUP_MUTATIONS: Mutation[] = [
  {
    name: 'trip-api waits for itself',
    find: TRIP,
    replace: init('wait-self', poll('trip-api', 8080)) + TRIP,
    expect: {
      'waitfor-cycle:trip-api:trip-api': 'fail',
      'kube-linter:latest-tag:trip-api:wait-self': 'pass',
    },
  },
  {
    name: 'wait cycle of two: the database waits for its client trip-api',
    find: SQL,
    replace: sqlWaits(init('wait-for-trip-api', poll('trip-api', 8080))),
    expect: {
      'waitfor-cycle:catalog-sql:catalog-sql,trip-api': 'fail',
      'kube-linter:latest-tag:catalog-sql:wait-for-trip-api': 'pass',
    },
  },
  {
    name: 'wait cycle of three: the database waits for the worker, which waits for trip-api',
    find: SQL,
    replace: sqlWaits(init('wait-for-worker', '["kubectl", "rollout", "status", "deployment/availability-worker"]')),
    expect: {
      'waitfor-cycle:catalog-sql:availability-worker,catalog-sql,trip-api': 'fail',
      'kube-linter:latest-tag:catalog-sql:wait-for-worker': 'pass',
    },
  },
  {
    name: 'trip-api polls the worker, which listens on no port',
    find: TRIP,
    replace: init('wait-for-worker', poll('availability-worker', 8080)) + TRIP,
    expect: {
      'init-wait-ends:trip-api:trip-api/wait-for-worker': 'fail',
      'kube-linter:latest-tag:trip-api:wait-for-worker': 'pass',
    },
  },
  {
    name: 'trip-api polls a Service the bundle lacks',
    find: TRIP,
    replace: init('wait-for-cache', poll('cache', 6379)) + TRIP,
    expect: {
      'init-wait-ends:trip-api:trip-api/wait-for-cache': 'fail',
      'kube-linter:latest-tag:trip-api:wait-for-cache': 'pass',
    },
  },
  {
    name: 'trip-api waits for a migration Job the bundle does not hold',
    find: TRIP,
    replace: init('wait-for-migrator', '["kubectl", "wait", "--for=condition=complete", "job/migrator"]') + TRIP,
    expect: {
      'init-wait-ends:trip-api:trip-api/wait-for-migrator': 'fail',
      'kube-linter:latest-tag:trip-api:wait-for-migrator': 'pass',
    },
  },
  {
    name: 'a second database wait in trip-api, on the wrong port',
    find: TRIP,
    replace: init('wait-for-sql-again', poll('catalog-sql', 1533)) + TRIP,
    expect: {
      'init-wait-ends:trip-api:trip-api/wait-for-sql-again': 'fail',
      'kube-linter:latest-tag:trip-api:wait-for-sql-again': 'pass',
    },
  },
  {
    name: 'Aspire-publisher naming of the database: catalog-sql-service, named by the connection string and waits',
    find: '  name: catalog-sql\nspec:\n  clusterIP: None',
    replace: '  name: catalog-sql-service\nspec:\n  clusterIP: None',
    also: [
      { find: 'serviceName: catalog-sql\n', replace: 'serviceName: catalog-sql-service\n' },
      {
        find: 'connection-string: "<set before applying>"',
        replace: 'connection-string: "Server=catalog-sql-service,1433;Database=catalog;User ID=sa;Password=x"',
      },
      { find: waitSql('trip-api', 'catalog-sql'), replace: waitSql('trip-api', 'catalog-sql-service') },
      {
        find: waitSql('availability-worker', 'catalog-sql'),
        replace: waitSql('availability-worker', 'catalog-sql-service'),
      },
    ],
    expect: {
      'service-selector:catalog-sql:': 'warn',
      'kube-linter:dangling-service:catalog-sql:catalog-sql': 'absent',
      'kube-linter:invalid-target-ports:catalog-sql:catalog-sql': 'absent',
      'kube-linter:dangling-service:catalog-sql:catalog-sql-service': 'pass',
      'kube-linter:invalid-target-ports:catalog-sql:catalog-sql-service': 'pass',
    },
  },
];
