/**
 * Relational and document databases. Facts from microsoft/aspire at the 13.6 line
 * (`src/Aspire.Hosting.<X>/<X>BuilderExtensions.cs`, `*ServerResource.cs`, `*DatabaseResource.cs`,
 * `*ContainerImageTags.cs`); PostgreSQL's image and strings checked against the 13.6.5 package
 * served here. Property keys are upper-cased into `<CONNECTION>_<KEY>` by WithReference.
 */
import {
  bind,
  combineProperties,
  tcpEndpoint,
  uriConst,
  uriVal,
  userOf,
  userUri,
  val,
  type IntegrationSpec,
  type Properties,
  type ServerContext,
} from './types';

const GENERATED = 22;
const host = (s: ServerContext) => bind(s.name, 'tcp', 'host');
const port = (s: ServerContext) => bind(s.name, 'tcp', 'port');
const pw = (s: ServerContext) => val(s.secret);

const sqlServerProps = (s: ServerContext): Properties => [
  ['Host', host(s)],
  ['Port', port(s)],
  ['Username', 'sa'],
  ['Password', pw(s)],
  ['Uri', `mssql://sa:${uriVal(s.secret)}@${host(s)}:${port(s)}`],
  ['JdbcConnectionString', `jdbc:sqlserver://${host(s)}:${port(s)};trustServerCertificate=true`],
];

export const SQL_SERVER: IntegrationSpec = {
  engine: 'sqlserver',
  label: 'SQL Server',
  group: 'Data',
  baseName: 'sql',
  csharp: 'AddSqlServer',
  typescript: 'addSqlServer',
  params: ['password', 'port'],
  package: 'Aspire.Hosting.SqlServer',
  source:
    'microsoft/aspire src/Aspire.Hosting.SqlServer/SqlServerBuilderExtensions.cs, SqlServerServerResource.cs, ' +
    'SqlServerDatabaseResource.cs',
  image: { registry: 'mcr.microsoft.com', image: 'mssql/server', tag: '2022-latest' },
  imageAliases: /mssql|sqlserver|azure-sql-edge/,
  endpoints: [tcpEndpoint('tcp', 1433)],
  env: (s) => [
    { name: 'ACCEPT_EULA', value: 'Y' },
    { name: 'MSSQL_SA_PASSWORD', value: pw(s) },
  ],
  secret: { suffix: '-password', length: GENERATED },
  connectionString: (s) => `Server=${host(s)},${port(s)};User ID=sa;Password=${pw(s)};TrustServerCertificate=true`,
  properties: sqlServerProps,
  dataPath: '/var/opt/mssql',
  child: {
    csharp: 'AddDatabase',
    typescript: 'addDatabase',
    // SqlConnectionStringBuilder spells "Database" as "Initial Catalog".
    connectionString: (s, d) => `{${s.name}.connectionString};Initial Catalog=${d}`,
    properties: (s, d) =>
      combineProperties(sqlServerProps(s), [
        ['DatabaseName', d],
        ['Uri', `mssql://sa:${uriVal(s.secret)}@${host(s)}:${port(s)}/${uriConst(d)}`],
        [
          'JdbcConnectionString',
          `jdbc:sqlserver://${host(s)}:${port(s)};databaseName=${uriConst(d)};trustServerCertificate=true`,
        ],
      ]),
  },
};

const postgresProps = (s: ServerContext): Properties => [
  ['Host', host(s)],
  ['Port', port(s)],
  ['Username', userOf(s, 'postgres')],
  ['Password', pw(s)],
  ['Uri', `postgresql://${userUri(s, 'postgres')}:${uriVal(s.secret)}@${host(s)}:${port(s)}`],
  ['JdbcConnectionString', `jdbc:postgresql://${host(s)}:${port(s)}`],
];

export const POSTGRES: IntegrationSpec = {
  engine: 'postgres',
  label: 'PostgreSQL',
  group: 'Data',
  baseName: 'postgres',
  csharp: 'AddPostgres',
  typescript: 'addPostgres',
  params: ['userName', 'password', 'port'],
  package: 'Aspire.Hosting.PostgreSQL',
  source:
    'microsoft/aspire src/Aspire.Hosting.PostgreSQL/PostgresBuilderExtensions.cs, PostgresServerResource.cs, ' +
    'PostgresDatabaseResource.cs (image 18.3 as in the 13.6.5 package)',
  image: { registry: 'docker.io', image: 'library/postgres', tag: '18.3' },
  imageAliases: /postgres|pgvector|postgis|timescale/,
  endpoints: [tcpEndpoint('tcp', 5432)],
  env: (s) => [
    { name: 'POSTGRES_HOST_AUTH_METHOD', value: 'scram-sha-256' },
    { name: 'POSTGRES_INITDB_ARGS', value: '--auth-host=scram-sha-256 --auth-local=scram-sha-256' },
    { name: 'POSTGRES_USER', value: userOf(s, 'postgres') },
    { name: 'POSTGRES_PASSWORD', value: pw(s) },
  ],
  secret: { suffix: '-password', length: GENERATED },
  connectionString: (s) => `Host=${host(s)};Port=${port(s)};Username=${userOf(s, 'postgres')};Password=${pw(s)}`,
  properties: postgresProps,
  // PostgreSQL 18 images keep data one level up (GetPostgresDataDirectoryPath: tag ≥ 18).
  dataPath: '/var/lib/postgresql',
  child: {
    csharp: 'AddDatabase',
    typescript: 'addDatabase',
    connectionString: (s, d) => `{${s.name}.connectionString};Database=${d}`,
    properties: (s, d) =>
      combineProperties(postgresProps(s), [
        ['DatabaseName', d],
        ['Uri', `postgresql://${userUri(s, 'postgres')}:${uriVal(s.secret)}@${host(s)}:${port(s)}/${uriConst(d)}`],
        ['JdbcConnectionString', `jdbc:postgresql://${host(s)}:${port(s)}/${uriConst(d)}`],
      ]),
  },
};

const mysqlProps = (s: ServerContext): Properties => [
  ['Host', host(s)],
  ['Port', port(s)],
  ['Username', 'root'],
  ['Password', pw(s)],
  ['Uri', `mysql://root:${uriVal(s.secret)}@${host(s)}:${port(s)}`],
  ['JdbcConnectionString', `jdbc:mysql://${host(s)}:${port(s)}`],
];

export const MYSQL: IntegrationSpec = {
  engine: 'mysql',
  label: 'MySQL',
  group: 'Data',
  baseName: 'mysql',
  csharp: 'AddMySql',
  typescript: 'addMySql',
  params: ['password', 'port'],
  package: 'Aspire.Hosting.MySql',
  source:
    'microsoft/aspire src/Aspire.Hosting.MySql/MySqlBuilderExtensions.cs, MySqlServerResource.cs, ' +
    'MySqlDatabaseResource.cs',
  image: { registry: 'docker.io', image: 'library/mysql', tag: '9.7' },
  imageAliases: /mysql|mariadb/,
  endpoints: [tcpEndpoint('tcp', 3306)],
  env: (s) => [{ name: 'MYSQL_ROOT_PASSWORD', value: pw(s) }],
  secret: { suffix: '-password', length: GENERATED },
  connectionString: (s) => `Server=${host(s)};Port=${port(s)};User ID=root;Password=${pw(s)}`,
  properties: mysqlProps,
  dataPath: '/var/lib/mysql',
  child: {
    csharp: 'AddDatabase',
    typescript: 'addDatabase',
    connectionString: (s, d) => `{${s.name}.connectionString};Database=${d}`,
    properties: (s, d) =>
      combineProperties(mysqlProps(s), [
        ['DatabaseName', d],
        ['Uri', `mysql://root:${uriVal(s.secret)}@${host(s)}:${port(s)}/${uriConst(d)}`],
        ['JdbcConnectionString', `jdbc:mysql://${host(s)}:${port(s)}/${uriConst(d)}`],
      ]),
  },
};

const oracleProps = (s: ServerContext): Properties => [
  ['Host', host(s)],
  ['Port', port(s)],
  ['Username', 'system'],
  ['Password', pw(s)],
  ['Uri', `oracle://system:${uriVal(s.secret)}@${host(s)}:${port(s)}`],
  ['JdbcConnectionString', `jdbc:oracle:thin:@//${host(s)}:${port(s)}`],
];

export const ORACLE: IntegrationSpec = {
  engine: 'oracle',
  label: 'Oracle Database',
  group: 'Data',
  baseName: 'oracle',
  csharp: 'AddOracle',
  typescript: 'addOracle',
  params: ['password', 'port'],
  package: 'Aspire.Hosting.Oracle',
  source:
    'microsoft/aspire src/Aspire.Hosting.Oracle/OracleDatabaseBuilderExtensions.cs, ' +
    'OracleDatabaseServerResource.cs, OracleDatabaseResource.cs',
  image: { registry: 'container-registry.oracle.com', image: 'database/free', tag: '23.26.1.0' },
  imageAliases: /oracle|database\/free|database\/enterprise/,
  endpoints: [tcpEndpoint('tcp', 1521)],
  env: (s) => [{ name: 'ORACLE_PWD', value: pw(s) }],
  secret: { suffix: '-password', length: GENERATED },
  connectionString: (s) => `user id=system;password=${pw(s)};data source=${host(s)}:${port(s)}`,
  properties: oracleProps,
  dataPath: '/opt/oracle/oradata',
  child: {
    csharp: 'AddDatabase',
    typescript: 'addDatabase',
    connectionString: (s, d) => `{${s.name}.connectionString}/${d}`,
    properties: (s, d) =>
      combineProperties(oracleProps(s), [
        ['DatabaseName', d],
        ['Uri', `oracle://system:${uriVal(s.secret)}@${host(s)}:${port(s)}/${uriConst(d)}`],
        ['JdbcConnectionString', `jdbc:oracle:thin:@//${host(s)}:${port(s)}/${uriConst(d)}`],
      ]),
  },
};

const mongoUrl = (s: ServerContext, database?: string) =>
  `mongodb://${userUri(s, 'admin')}:${uriVal(s.secret)}@${host(s)}:${port(s)}/${database !== undefined ? uriConst(database) : ''}?authSource=admin&authMechanism=SCRAM-SHA-256`;

const mongoProps = (s: ServerContext): Properties => [
  ['Host', host(s)],
  ['Port', port(s)],
  ['Username', userOf(s, 'admin')],
  ['Password', pw(s)],
  ['AuthenticationDatabase', 'admin'],
  ['AuthenticationMechanism', 'SCRAM-SHA-256'],
  ['Uri', mongoUrl(s)],
];

export const MONGODB: IntegrationSpec = {
  engine: 'mongodb',
  label: 'MongoDB',
  group: 'Data',
  baseName: 'mongo',
  csharp: 'AddMongoDB',
  typescript: 'addMongoDB',
  params: ['port', 'userName', 'password'],
  package: 'Aspire.Hosting.MongoDB',
  source:
    'microsoft/aspire src/Aspire.Hosting.MongoDB/MongoDBBuilderExtensions.cs, MongoDBServerResource.cs, ' +
    'MongoDBDatabaseResource.cs',
  image: { registry: 'docker.io', image: 'library/mongo', tag: '8.3' },
  imageAliases: /(^|\/)mongo$|mongodb/,
  endpoints: [tcpEndpoint('tcp', 27017)],
  env: (s) => [
    { name: 'MONGO_INITDB_ROOT_USERNAME', value: userOf(s, 'admin') },
    { name: 'MONGO_INITDB_ROOT_PASSWORD', value: pw(s) },
  ],
  secret: { suffix: '-password', length: GENERATED },
  connectionString: (s) => mongoUrl(s),
  properties: mongoProps,
  dataPath: '/data/db',
  child: {
    csharp: 'AddDatabase',
    typescript: 'addDatabase',
    // MongoDB repeats the server URL with the database in the path.
    connectionString: (s, d) => mongoUrl(s, d),
    properties: (s, d) =>
      combineProperties(mongoProps(s), [
        ['DatabaseName', d],
        ['Uri', mongoUrl(s, d)],
      ]),
  },
};
