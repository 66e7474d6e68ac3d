/**
 * Caches (Redis, Valkey, Garnet) and messaging (RabbitMQ, Kafka, NATS). Facts from
 * microsoft/aspire at the 13.6 line; Redis and RabbitMQ images and strings checked against the
 * 13.6.5 packages served here. The caches pass the password through `/bin/sh -c` and an env var
 * (aspire#3838), so the secret never appears in the container's args.
 */
import type { Endpoint } from '../topology';
import { bind, tcpEndpoint, uriVal, userOf, userUri, val, type IntegrationSpec, type ServerContext } from './types';

const GENERATED = 22;
const host = (s: ServerContext) => bind(s.name, 'tcp', 'host');
const port = (s: ServerContext) => bind(s.name, 'tcp', 'port');
const pw = (s: ServerContext) => val(s.secret);

/**
 * What Redis, Valkey and Garnet write when referenced (the StackExchange.Redis connection string
 * and Aspire 13's Host/Port/Password/Uri properties); only the URI scheme differs between them.
 */
function redisProtocol(scheme: (s: ServerContext) => string): Pick<IntegrationSpec, 'connectionString' | 'properties'> {
  return {
    connectionString: (s) => `${host(s)}:${port(s)}${s.secret ? `,password=${pw(s)}` : ''}`,
    properties: (s) => [
      ['Host', host(s)],
      ['Port', port(s)],
      ...(s.secret ? ([['Password', pw(s)]] as const) : []),
      ['Uri', `${scheme(s)}://${s.secret ? `:${uriVal(s.secret)}@` : ''}${host(s)}:${port(s)}`],
    ],
  };
}

export const REDIS: IntegrationSpec = {
  engine: 'redis',
  label: 'Redis',
  group: 'Caching',
  baseName: 'cache',
  csharp: 'AddRedis',
  typescript: 'addRedis',
  params: ['port', 'password'],
  package: 'Aspire.Hosting.Redis',
  source:
    'microsoft/aspire src/Aspire.Hosting.Redis/RedisBuilderExtensions.cs, RedisResource.cs, RedisContainerImageTags.cs',
  image: { registry: 'docker.io', image: 'library/redis', tag: '8.6' },
  imageAliases: /(^|\/)redis(-stack)?$|redis\/redis-stack/,
  endpoints: [tcpEndpoint('tcp', 6379, 'redis')],
  env: (s) => (s.secret ? [{ name: 'REDIS_PASSWORD', value: pw(s) }] : []),
  entrypoint: '/bin/sh',
  args: (s) => [
    '-c',
    [
      'redis-server',
      ...(s.secret ? ['--requirepass', '$REDIS_PASSWORD'] : []),
      ...(s.dataVolume ? ['--save', '60', '1'] : []),
    ].join(' '),
  ],
  secret: { suffix: '-password', length: GENERATED },
  ...redisProtocol((s) => bind(s.name, 'tcp', 'scheme')),
  dataPath: '/data',
};

export const VALKEY: IntegrationSpec = {
  engine: 'valkey',
  label: 'Valkey',
  group: 'Caching',
  baseName: 'valkey',
  csharp: 'AddValkey',
  typescript: 'addValkey',
  params: ['port', 'password'],
  package: 'Aspire.Hosting.Valkey',
  source:
    'microsoft/aspire src/Aspire.Hosting.Valkey/ValkeyBuilderExtensions.cs, ValkeyResource.cs, ' +
    'ValkeyContainerImageTags.cs',
  image: { registry: 'docker.io', image: 'valkey/valkey', tag: '9.1' },
  imageAliases: /valkey/,
  endpoints: [tcpEndpoint('tcp', 6379)],
  env: (s) => (s.secret ? [{ name: 'VALKEY_PASSWORD', value: pw(s) }] : []),
  entrypoint: '/bin/sh',
  args: (s) => [
    '-c',
    [
      'valkey-server',
      ...(s.secret ? ['--requirepass', '$VALKEY_PASSWORD'] : []),
      ...(s.dataVolume ? ['--save', '60', '1'] : []),
    ].join(' '),
  ],
  secret: { suffix: '-password', length: GENERATED },
  ...redisProtocol(() => 'valkey'),
  dataPath: '/data',
};

export const GARNET: IntegrationSpec = {
  engine: 'garnet',
  label: 'Garnet',
  group: 'Caching',
  baseName: 'garnet',
  csharp: 'AddGarnet',
  typescript: 'addGarnet',
  params: ['port', 'password'],
  package: 'Aspire.Hosting.Garnet',
  source:
    'microsoft/aspire src/Aspire.Hosting.Garnet/GarnetBuilderExtensions.cs, GarnetResource.cs, ' +
    'GarnetContainerImageTags.cs',
  image: { registry: 'ghcr.io', image: 'microsoft/garnet', tag: '1.0' },
  imageAliases: /garnet/,
  endpoints: [tcpEndpoint('tcp', 6379)],
  env: (s) => (s.secret ? [{ name: 'GARNET_PASSWORD', value: pw(s) }] : []),
  entrypoint: '/bin/sh',
  args: (s) => [
    '-c',
    [
      '/app/GarnetServer --protected-mode no',
      ...(s.secret ? ['--auth Password --password', '$GARNET_PASSWORD'] : []),
      ...(s.dataVolume
        ? ['--checkpointdir', '/data/checkpoints', '--recover', '--aof', '--aof-commit-freq', '60000']
        : []),
    ].join(' '),
  ],
  secret: { suffix: '-password', length: GENERATED },
  ...redisProtocol(() => 'redis'),
  dataPath: '/data',
};

/** RabbitMQ's management plugin: the `<tag>-management` image and an HTTP endpoint on 15672. */
export const RABBITMQ_MANAGEMENT: Endpoint = {
  name: 'management',
  scheme: 'http',
  protocol: 'tcp',
  transport: 'http',
  targetPort: 15672,
  external: false,
};

export const RABBITMQ: IntegrationSpec = {
  engine: 'rabbitmq',
  label: 'RabbitMQ',
  group: 'Messaging',
  baseName: 'messaging',
  csharp: 'AddRabbitMQ',
  typescript: 'addRabbitMQ',
  params: ['userName', 'password', 'port'],
  package: 'Aspire.Hosting.RabbitMQ',
  source:
    'microsoft/aspire src/Aspire.Hosting.RabbitMQ/RabbitMQBuilderExtensions.cs, RabbitMQServerResource.cs (image ' +
    '4.3 as in the 13.6.5 package)',
  image: { registry: 'docker.io', image: 'library/rabbitmq', tag: '4.3' },
  imageAliases: /rabbitmq/,
  endpoints: [tcpEndpoint('tcp', 5672)],
  env: (s) => [
    { name: 'RABBITMQ_DEFAULT_USER', value: userOf(s, 'guest') },
    { name: 'RABBITMQ_DEFAULT_PASS', value: pw(s) },
  ],
  secret: { suffix: '-password', length: GENERATED },
  connectionString: (s) => `amqp://${userUri(s, 'guest')}:${uriVal(s.secret)}@${host(s)}:${port(s)}`,
  properties: (s) => [
    ['Host', host(s)],
    ['Port', port(s)],
    ['Username', userOf(s, 'guest')],
    ['Password', pw(s)],
    ['Uri', `amqp://${userUri(s, 'guest')}:${uriVal(s.secret)}@${host(s)}:${port(s)}`],
  ],
  dataPath: '/var/lib/rabbitmq',
};

export const KAFKA: IntegrationSpec = {
  engine: 'kafka',
  label: 'Kafka',
  group: 'Messaging',
  baseName: 'kafka',
  csharp: 'AddKafka',
  typescript: 'addKafka',
  params: ['port'],
  package: 'Aspire.Hosting.Kafka',
  source:
    'microsoft/aspire src/Aspire.Hosting.Kafka/KafkaBuilderExtensions.cs, KafkaServerResource.cs, ' +
    'KafkaContainerImageTags.cs',
  image: { registry: 'docker.io', image: 'confluentinc/confluent-local', tag: '8.2.0' },
  imageAliases: /kafka|confluent/,
  endpoints: [tcpEndpoint('tcp', 9092), tcpEndpoint('internal', 9093)],
  env: (s) => [
    {
      name: 'KAFKA_LISTENERS',
      value:
        'PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,PLAINTEXT_HOST://0.0.0.0:9092,PLAINTEXT_INTERNAL://0.0.0.0:9093',
    },
    {
      name: 'KAFKA_LISTENER_SECURITY_PROTOCOL_MAP',
      value: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT,PLAINTEXT_INTERNAL:PLAINTEXT',
    },
    {
      name: 'KAFKA_ADVERTISED_LISTENERS',

      value: `PLAINTEXT://${host(s)}:29092,PLAINTEXT_HOST://${host(s)}:${port(s)},PLAINTEXT_INTERNAL://${bind(s.name, 'internal', 'host')}:${bind(s.name, 'internal', 'port')}`,
    },
    // WithDataVolume points the broker's log directory at the volume.
    ...(s.dataVolume ? [{ name: 'KAFKA_LOG_DIRS', value: '/var/lib/kafka/data' }] : []),
  ],
  connectionString: (s) => `${host(s)}:${port(s)}`,
  properties: (s) => [
    ['Host', host(s)],
    ['Port', port(s)],
  ],
  dataPath: '/var/lib/kafka/data',
};

export const NATS: IntegrationSpec = {
  engine: 'nats',
  label: 'NATS',
  group: 'Messaging',
  baseName: 'nats',
  csharp: 'AddNats',
  typescript: 'addNats',
  params: ['port', 'userName', 'password'],
  package: 'Aspire.Hosting.Nats',
  source:
    'microsoft/aspire src/Aspire.Hosting.Nats/NatsBuilderExtensions.cs, NatsServerResource.cs, ' +
    'NatsContainerImageTags.cs',
  image: { registry: 'docker.io', image: 'library/nats', tag: '2.14' },
  imageAliases: /(^|\/)nats$/,
  endpoints: [tcpEndpoint('tcp', 4222)],
  env: () => [],
  args: (s) => ['--user', userOf(s, 'nats'), '--pass', pw(s), ...(s.dataVolume ? ['-sd', '/var/lib/nats'] : [])],
  secret: { suffix: '-password', length: GENERATED },
  connectionString: (s) => `nats://${userUri(s, 'nats')}:${uriVal(s.secret)}@${host(s)}:${port(s)}`,
  properties: (s) => [
    ['Host', host(s)],
    ['Port', port(s)],
    ['Username', userOf(s, 'nats')],
    ['Password', pw(s)],
    ['Uri', `nats://${userUri(s, 'nats')}:${uriVal(s.secret)}@${host(s)}:${port(s)}`],
  ],
  dataPath: '/var/lib/nats',
};
