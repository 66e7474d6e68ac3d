/**
 * Connection values as real clients write them, per engine: each format takes the right host
 * and port (H, P) and the ones under test (h, p), so a multi-host value breaks only its second
 * host, where a lazy parser that reads the first one would miss it. `port: false` marks a
 * format that names no port (the client's default is used).
 */
import type { Engine } from '../model/topology';

export interface Format {
  name: string;
  value: (H: string, P: number, h: string, p: number) => string;
  port?: false;
  /** Only when the server listens on the client's default port. */
  defaultPort?: number;
}

const SQLSERVER: Format[] = [
  { name: 'Server=h,port', value: (_H, _P, h, p) => `Server=${h},${p};Database=db;User ID=sa;Password=x` },
  { name: 'Data Source=tcp:h,port', value: (_H, _P, h, p) => `Data Source=tcp:${h},${p};Initial Catalog=db` },
  { name: 'Server=h (default port)', value: (_H, _P, h) => `Server=${h};Database=db`, port: false, defaultPort: 1433 },
  { name: 'jdbc:sqlserver', value: (_H, _P, h, p) => `jdbc:sqlserver://${h}:${p};databaseName=db;encrypt=false` },
];
const POSTGRES: Format[] = [
  { name: 'Npgsql Host=h;Port=p', value: (_H, _P, h, p) => `Host=${h};Port=${p};Username=u;Password=x;Database=db` },
  { name: 'Npgsql Host=h1:p,h2:p', value: (H, P, h, p) => `Host=${H}:${P},${h}:${p};Database=db` },
  { name: 'jdbc:postgresql', value: (_H, _P, h, p) => `jdbc:postgresql://${h}:${p}/db` },
  { name: 'postgres:// URL', value: (_H, _P, h, p) => `postgres://u:x@${h}:${p}/db?sslmode=disable` },
];
const MYSQL: Format[] = [
  { name: 'MySQL Server=h;Port=p', value: (_H, _P, h, p) => `Server=${h};Port=${p};User ID=root;Database=db` },
  { name: 'mysql:// URL', value: (_H, _P, h, p) => `mysql://root:x@${h}:${p}/db` },
];
const REDIS: Format[] = [
  { name: 'StackExchange h:port,password', value: (_H, _P, h, p) => `${h}:${p},password=x,ssl=false` },
  { name: 'redis:// URL', value: (_H, _P, h, p) => `redis://:x@${h}:${p}/0` },
  { name: 'rediss:// URL', value: (_H, _P, h, p) => `rediss://${h}:${p}` },
];
const AMQP: Format[] = [{ name: 'amqp:// URL', value: (_H, _P, h, p) => `amqp://guest:x@${h}:${p}/vhost` }];
const MONGO: Format[] = [
  { name: 'mongodb:// replica set', value: (H, P, h, p) => `mongodb://${H}:${P},${h}:${p}/db?replicaSet=rs` },
  // SRV lookup names no port: the client's default must not read as a wrong one.
  { name: 'mongodb+srv (no port)', value: (_H, _P, h) => `mongodb+srv://u:x@${h}/db`, port: false, defaultPort: 27017 },
];
const NATS: Format[] = [{ name: 'nats:// URL', value: (_H, _P, h, p) => `nats://${h}:${p}` }];
const KAFKA: Format[] = [{ name: 'bootstrap list', value: (H, P, h, p) => `${H}:${P},${h}:${p}` }];
const ORACLE: Format[] = [
  {
    name: 'Oracle Data Source=//h:p/svc',
    value: (_H, _P, h, p) => `User Id=system;Password=x;Data Source=//${h}:${p}/svc`,
  },
  { name: 'jdbc:oracle:thin', value: (_H, _P, h, p) => `jdbc:oracle:thin:@//${h}:${p}/svc` },
];
const HTTP: Format[] = [
  { name: 'Endpoint=http URL', value: (_H, _P, h, p) => `Endpoint=http://${h}:${p}` },
  { name: 'http URL', value: (_H, _P, h, p) => `http://${h}:${p}` },
];

export const FORMATS: Partial<Record<Engine, Format[]>> = {
  sqlserver: SQLSERVER,
  postgres: POSTGRES,
  mysql: MYSQL,
  redis: REDIS,
  valkey: REDIS,
  garnet: REDIS,
  rabbitmq: AMQP,
  mongodb: MONGO,
  nats: NATS,
  kafka: KAFKA,
  oracle: ORACLE,
  elasticsearch: HTTP,
  seq: HTTP,
  milvus: HTTP,
};

/** A JDBC URL for the engines that have one (Aspire 13's `X_JDBCCONNECTIONSTRING`). */
export const JDBC: Partial<Record<Engine, (h: string, p: number) => string>> = {
  postgres: (h, p) => `jdbc:postgresql://${h}:${p}/db`,
  sqlserver: (h, p) => `jdbc:sqlserver://${h}:${p};databaseName=db`,
  mysql: (h, p) => `jdbc:mysql://${h}:${p}/db`,
  oracle: (h, p) => `jdbc:oracle:thin:@//${h}:${p}/svc`,
};

/** The URI scheme Aspire 13 writes into `X_URI`. */
export const URI_SCHEME: Partial<Record<Engine, string>> = {
  postgres: 'postgresql',
  sqlserver: 'mssql',
  mysql: 'mysql',
  redis: 'redis',
  valkey: 'valkey',
  garnet: 'redis',
  rabbitmq: 'amqp',
  mongodb: 'mongodb',
  nats: 'nats',
  kafka: 'kafka',
  oracle: 'oracle',
  elasticsearch: 'http',
  seq: 'http',
  milvus: 'http',
};

/** Managed servers outside the cluster, written the way each client would. */
export const EXTERNAL: Partial<Record<Engine, string>> = {
  sqlserver: 'Server=tcp:myserver.database.windows.net,1433;Database=db;Encrypt=True',
  postgres: 'Host=mydb.postgres.database.azure.com;Port=5432;Database=db;SSL Mode=Require',
  mysql: 'Server=mydb.mysql.database.azure.com;Port=3306;Database=db',
  redis: 'mycache.redis.cache.windows.net:6380,password=x,ssl=true',
  mongodb: 'mongodb+srv://cluster0.abcde.mongodb.net/db',
  rabbitmq: 'amqps://u:x@b-1234.mq.eu-west-1.amazonaws.com:5671',
  kafka: 'b-1.msk.eu-west-1.amazonaws.com:9092,b-2.msk.eu-west-1.amazonaws.com:9092',
};
