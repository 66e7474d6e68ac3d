import { describe, expect, it } from 'vitest';
import { connectionEndpoints, defaultPort, serviceOfHost, isClusterServiceName } from './connection-hosts';
import { initWait } from './init-waits';

const hosts = (text: string, engine?: Parameters<typeof connectionEndpoints>[1]) =>
  connectionEndpoints(text, engine).endpoints;

describe('every host and port of a connection value', () => {
  it.each([
    [
      'SQL Server, port after a comma',
      'Server=tcp:catalog-sql,1433;Database=Catalog;User ID=sa;Password=p',
      'sqlserver',
      [{ host: 'catalog-sql', port: 1433 }],
    ],
    ['SQL Server named instance', 'Data Source=sql\\SQLEXPRESS;Initial Catalog=x', 'sqlserver', [{ host: 'sql' }]],
    [
      'Npgsql Host and Port',
      'Host=pg;Port=5433;Username=postgres;Password=p;Database=db',
      'postgres',
      [{ host: 'pg', port: 5433 }],
    ],
    [
      'Npgsql multiple hosts',
      'Host=pg-0:5432,pg-1;Port=5433;Database=db',
      'postgres',
      [
        { host: 'pg-0', port: 5432 },
        { host: 'pg-1', port: 5433 },
      ],
    ],
    ['MySQL', 'Server=mysql;Port=3306;User ID=root;Password=p;Database=shop', 'mysql', [{ host: 'mysql', port: 3306 }]],
    [
      'StackExchange.Redis',
      'cache:6379,cache-replica:6380,password=p,ssl=false',
      'redis',
      [
        { host: 'cache', port: 6379 },
        { host: 'cache-replica', port: 6380 },
      ],
    ],
    [
      'AMQP URL with credentials',
      'amqp://guest:p@w0rd@messaging:5672/vhost',
      'rabbitmq',
      [{ host: 'messaging', port: 5672 }],
    ],
    [
      'MongoDB replica set',
      'mongodb://u:p@mongo-0.mongo:27017,mongo-1.mongo:27018/db?replicaSet=rs0',
      'mongodb',
      [
        { host: 'mongo-0.mongo', port: 27017 },
        { host: 'mongo-1.mongo', port: 27018 },
      ],
    ],
    ['NATS URL', 'nats://nats:4222', 'nats', [{ host: 'nats', port: 4222 }]],
    [
      'Kafka bootstrap list',
      'kafka-0:9092,kafka-1:9092',
      'kafka',
      [
        { host: 'kafka-0', port: 9092 },
        { host: 'kafka-1', port: 9092 },
      ],
    ],
    [
      'JDBC with properties',
      'jdbc:sqlserver://sql:1433;databaseName=x;encrypt=true',
      'sqlserver',
      [{ host: 'sql', port: 1433 }],
    ],
    ['JDBC PostgreSQL', 'jdbc:postgresql://pg:5432/db?user=x', 'postgres', [{ host: 'pg', port: 5432 }]],
    [
      'Oracle EZConnect in a key list',
      'user id=system;password=p;data source=oracle:1521/FREEPDB1',
      'oracle',
      [{ host: 'oracle', port: 1521 }],
    ],
    [
      'an Endpoint key holding a URL',
      'Endpoint=http://milvus:19530;Key=root:p',
      'other',
      [{ host: 'milvus', port: 19530 }],
    ],
    ['IPv6 literal', 'Host=[fd00::1]:5432;Database=db', 'postgres', [{ host: 'fd00::1', port: 5432 }]],
  ] as const)('%s', (_name, text, engine, want) => {
    expect(hosts(text, engine)).toEqual(want);
  });

  it('knows the clients’ default ports', () => {
    expect(defaultPort('sqlserver')).toBe(1433);
    expect(defaultPort(undefined, 'amqps')).toBe(5671);
    expect(defaultPort('redis', 'rediss')).toBe(6380);
  });

  it('resolves cluster DNS names to Services, and leaves other names outside', () => {
    expect(serviceOfHost('pg', 'shop')).toEqual({ name: 'pg', namespace: 'shop' });
    expect(serviceOfHost('pg.data.svc.cluster.local', undefined)).toEqual({ name: 'pg', namespace: 'data' });
    expect(serviceOfHost('db.example.com', undefined)).toBeUndefined();
  });

  it('stays linear on hostile input (no backtracking)', () => {
    const evil = `${'a'.repeat(200_000)}:${'1'.repeat(200_000)}`;
    const t = performance.now();
    connectionEndpoints(`Server=${evil},${evil};Port=${'9'.repeat(100_000)}`, 'sqlserver');
    connectionEndpoints(`mongodb://${'u:'.repeat(100_000)}@${`h,`.repeat(100_000)}`);
    connectionEndpoints(`${'x,'.repeat(200_000)}`, 'redis');
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe('what an init container waits for', () => {
  const known = (h: string) => ['trip-api', 'catalog-sql', 'pg'].includes(h);
  const c = (command: string[]) => ({ index: 0, init: true, name: 'w', path: [], spec: { command } });
  it('reads port polls in the shapes people write them', () => {
    expect(initWait(c(['sh', '-c', 'until nc -z -w 2 catalog-sql 1433; do sleep 2; done']), known).polls).toEqual([
      { host: 'catalog-sql', port: 1433 },
    ]);
    expect(initWait(c(['sh', '-c', 'until pg_isready -h pg -p 5432; do sleep 1; done']), known).polls).toEqual([
      { host: 'pg', port: 5432 },
    ]);
    expect(
      initWait(c(['sh', '-c', 'until wget -qO- http://trip-api:8080/health; do sleep 1; done']), known).polls,
    ).toEqual([{ host: 'trip-api', port: 8080 }]);
    expect(initWait(c(['wait-for', 'trip-api:8080', '--', 'true']), known).polls).toEqual([
      { host: 'trip-api', port: 8080 },
    ]);
  });
  it('reads completion waits', () => {
    expect(
      initWait(c(['kubectl', 'wait', '--for=condition=complete', 'job/migrate', '--timeout=300s']), known).completions,
    ).toEqual(['migrate']);
    expect(initWait(c(['kubectl', 'rollout', 'status', 'deployment/worker']), known).completions).toEqual(['worker']);
  });
});

describe('Oracle and the cluster domain', () => {
  it('reads EZConnect with a leading // and the thin JDBC URL in both forms', () => {
    expect(connectionEndpoints('User Id=system;Data Source=//ora:1521/svc', 'oracle').endpoints).toEqual([
      { host: 'ora', port: 1521 },
    ]);
    expect(connectionEndpoints('jdbc:oracle:thin:@//ora:1522/svc').endpoints).toEqual([{ host: 'ora', port: 1522 }]);
    expect(connectionEndpoints('jdbc:oracle:thin:@ora:1523:ORCL').endpoints).toEqual([{ host: 'ora', port: 1523 }]);
  });
  it('knows x.ns.svc and x.ns.svc.cluster.local are Services, x.ns and public names may not be', () => {
    expect(isClusterServiceName('pg.shop.svc')).toBe(true);
    expect(isClusterServiceName('pg.shop.svc.cluster.local')).toBe(true);
    expect(isClusterServiceName('pg.shop')).toBe(false);
    expect(isClusterServiceName('myserver.database.windows.net')).toBe(false);
  });
});
