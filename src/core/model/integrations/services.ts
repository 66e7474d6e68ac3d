/**
 * Identity, gateways, observability, search and AI: Keycloak, YARP, Seq, Elasticsearch, Qdrant,
 * Milvus (microsoft/aspire) and Ollama (CommunityToolkit/Aspire). Where a fact is not in a source
 * we could read for the 13.6 line it is left out rather than guessed, and the entry says so.
 */
import { bind, httpEndpoint, tcpEndpoint, val, type IntegrationSpec, type ServerContext } from './types';

const GENERATED = 22;

export const KEYCLOAK: IntegrationSpec = {
  engine: 'keycloak',
  label: 'Keycloak',
  group: 'Identity & gateways',
  baseName: 'keycloak',
  csharp: 'AddKeycloak',
  typescript: 'addKeycloak',
  params: ['port', 'adminUsername', 'adminPassword'],
  package: 'Aspire.Hosting.Keycloak',
  source:
    'microsoft/aspire src/Aspire.Hosting.Keycloak/KeycloakResourceBuilderExtensions.cs, KeycloakResource.cs; ' +
    'fixtures/manifests/playground-keycloak.json',
  image: { registry: 'quay.io', image: 'keycloak/keycloak', tag: '26.6' },
  imageAliases: /keycloak/,
  // The management interface (9000) serves /health/ready; WithReference leaves it out.
  endpoints: [httpEndpoint('http', 8080), httpEndpoint('management', 9000)],
  unreferencedEndpoints: ['management'],
  env: (s) => [
    { name: 'KC_BOOTSTRAP_ADMIN_USERNAME', value: 'admin' },
    { name: 'KC_BOOTSTRAP_ADMIN_PASSWORD', value: val(s.secret) },
    { name: 'KC_HEALTH_ENABLED', value: 'true' },
  ],
  // Publish mode runs "start" (run mode "start-dev"); "--import-realm" always follows.
  args: () => ['start', '--import-realm'],
  secret: { suffix: '-password', length: GENERATED },
  dataPath: '/opt/keycloak/data',
  health: { endpoint: 'management', path: '/health/ready' },
};

export const YARP: IntegrationSpec = {
  engine: 'yarp',
  label: 'YARP gateway',
  group: 'Identity & gateways',
  baseName: 'gateway',
  csharp: 'AddYarp',
  typescript: 'addYarp',
  params: [],
  package: 'Aspire.Hosting.Yarp',
  source:
    'microsoft/aspire src/Aspire.Hosting.Yarp/YarpResourceExtensions.cs, YarpContainerImageTags.cs; ' +
    'fixtures/manifests/playground-yarp.json',
  image: { registry: 'mcr.microsoft.com', image: 'dotnet/nightly/yarp', tag: '2.3-preview' },
  imageAliases: /(^|\/)yarp$/,
  endpoints: [httpEndpoint('http', 5000)],
  // builder.Environment.EnvironmentName: the corpus manifests were written under Development.
  env: () => [{ name: 'ASPNETCORE_ENVIRONMENT', value: 'Development' }],
  entrypoint: 'dotnet',
  args: () => ['/app/yarp.dll'],
};

export const SEQ: IntegrationSpec = {
  engine: 'seq',
  label: 'Seq',
  group: 'Observability',
  baseName: 'seq',
  csharp: 'AddSeq',
  typescript: 'addSeq',
  params: ['port'],
  package: 'Aspire.Hosting.Seq',
  source:
    'microsoft/aspire src/Aspire.Hosting.Seq/SeqBuilderExtensions.cs, SeqResource.cs, SeqContainerImageTags.cs; ' +
    'fixtures/manifests/playground-seq.json',
  image: { registry: 'docker.io', image: 'datalust/seq', tag: '2025.2' },
  imageAliases: /datalust\/seq/,
  endpoints: [httpEndpoint('http', 80)],
  env: () => [
    { name: 'ACCEPT_EULA', value: 'Y' },
    { name: 'SEQ_FIRSTRUN_NOAUTHENTICATION', value: 'True' },
  ],
  connectionString: (s) => bind(s.name, 'http', 'url'),
  properties: (s) => [
    ['Host', bind(s.name, 'http', 'host')],
    ['Port', bind(s.name, 'http', 'port')],
    ['Uri', bind(s.name, 'http', 'url')],
  ],
  dataPath: '/data',
  health: { endpoint: 'http', path: '/health' },
};

export const ELASTICSEARCH: IntegrationSpec = {
  engine: 'elasticsearch',
  label: 'Elasticsearch',
  group: 'AI & search',
  baseName: 'elasticsearch',
  csharp: 'AddElasticsearch',
  typescript: 'addElasticsearch',
  params: ['password', 'port'],
  package: 'Aspire.Hosting.Elasticsearch',
  // The package left microsoft/aspire (aspire#9066); Elastic publishes Aspire.Hosting.Elasticsearch
  // for Aspire 13 (built on Aspire.Hosting 13.2.0) from elastic/elastic-aspire-dotnet. Its
  // ElasticsearchResource has no GetConnectionProperties, so IResourceWithConnectionString's default
  // (no properties) applies: WithReference writes ConnectionStrings__<name> only, no ELASTICSEARCH_*.
  // Its image tag is 8.17.3 (the 8.18.0 bump stayed behind in microsoft/aspire at fc618bc946^).
  source:
    'elastic/elastic-aspire-dotnet src/Aspire.Hosting.Elasticsearch/ElasticsearchBuilderExtensions.cs, ' +
    'ElasticsearchResource.cs, ElasticsearchContainerImageTags.cs (5350804, Aspire.Hosting 13.2.0); ' +
    'fixtures/manifests/history-elasticsearch.json',
  image: { registry: 'docker.io', image: 'library/elasticsearch', tag: '8.17.3' },
  imageAliases: /elasticsearch/,
  endpoints: [httpEndpoint('http', 9200), tcpEndpoint('internal', 9300)],
  env: (s) => [
    { name: 'discovery.type', value: 'single-node' },
    { name: 'xpack.security.enabled', value: 'true' },
    { name: 'ELASTIC_PASSWORD', value: val(s.secret) },
  ],
  secret: { suffix: '-password', length: GENERATED },
  connectionString: (s) =>
    `http://elastic:${val(s.secret)}@${bind(s.name, 'http', 'host')}:${bind(s.name, 'http', 'port')}`,
  dataPath: '/usr/share/elasticsearch/data',
};

const grpc = (s: ServerContext, p: string) => bind(s.name, 'grpc', p);

export const QDRANT: IntegrationSpec = {
  engine: 'qdrant',
  label: 'Qdrant',
  group: 'AI & search',
  baseName: 'qdrant',
  csharp: 'AddQdrant',
  typescript: 'addQdrant',
  params: ['apiKey', 'grpcPort', 'httpPort'],
  package: 'Aspire.Hosting.Qdrant',
  source:
    'microsoft/aspire src/Aspire.Hosting.Qdrant/QdrantBuilderExtensions.cs, QdrantServerResource.cs, ' +
    'QdrantContainerImageTags.cs; fixtures/manifests/playground-qdrant.json',
  image: { registry: 'docker.io', image: 'qdrant/qdrant', tag: 'v1.18.0' },
  imageAliases: /qdrant/,
  endpoints: [httpEndpoint('grpc', 6334, 'http2'), httpEndpoint('http', 6333)],
  env: (s) => [
    { name: 'QDRANT__SERVICE__API_KEY', value: val(s.secret) },
    { name: 'QDRANT__SERVICE__ENABLE_STATIC_CONTENT', value: '0' },
  ],
  secret: { suffix: '-Key', length: GENERATED },
  connectionString: (s) => `Endpoint=${grpc(s, 'url')};Key=${val(s.secret)}`,
  // QdrantBuilderExtensions.WithReference: the gRPC string inline, then `_http` for the REST endpoint.
  customReference: {
    inline: true,
    extra: (s) => [['http', `Endpoint=${bind(s.name, 'http', 'url')};Key=${val(s.secret)}`]],
  },
  properties: (s) => [
    ['GrpcHost', grpc(s, 'host')],
    ['GrpcPort', grpc(s, 'port')],
    ['HttpHost', bind(s.name, 'http', 'host')],
    ['HttpPort', bind(s.name, 'http', 'port')],
    ['ApiKey', val(s.secret)],
    ['Uri', grpc(s, 'url')],
    ['HttpUri', bind(s.name, 'http', 'url')],
  ],
  dataPath: '/qdrant/storage',
};

export const MILVUS: IntegrationSpec = {
  engine: 'milvus',
  label: 'Milvus',
  group: 'AI & search',
  baseName: 'milvus',
  csharp: 'AddMilvus',
  typescript: 'addMilvus',
  params: ['apiKey', 'grpcPort'],
  package: 'Aspire.Hosting.Milvus',
  source:
    'microsoft/aspire src/Aspire.Hosting.Milvus/MilvusBuilderExtensions.cs, MilvusServerResource.cs, ' +
    'MilvusDatabaseResource.cs; fixtures/manifests/playground-milvus.json',
  image: { registry: 'docker.io', image: 'milvusdb/milvus', tag: 'v2.5.27' },
  imageAliases: /milvus/,
  endpoints: [httpEndpoint('grpc', 19530, 'http2')],
  env: (s) => [
    { name: 'COMMON_STORAGETYPE', value: 'local' },
    { name: 'ETCD_USE_EMBED', value: 'true' },
    { name: 'ETCD_DATA_DIR', value: '/var/lib/milvus/etcd' },
    { name: 'COMMON_SECURITY_AUTHORIZATIONENABLED', value: 'true' },
    { name: 'COMMON_SECURITY_DEFAULTROOTPASSWORD', value: val(s.secret) },
  ],
  args: () => ['milvus', 'run', 'standalone'],
  secret: { suffix: '-key', length: GENERATED },
  connectionString: (s) => `Endpoint=${grpc(s, 'url')};Key=root:${val(s.secret)}`,
  properties: (s) => [
    ['Host', grpc(s, 'host')],
    ['Port', grpc(s, 'port')],
    ['Token', `root:${val(s.secret)}`],
    ['Uri', grpc(s, 'url')],
  ],
  dataPath: '/var/lib/milvus',
  child: {
    csharp: 'AddDatabase',
    typescript: 'addDatabase',
    connectionString: (s, d) => `{${s.name}.connectionString};Database=${d}`,
    properties: (s, d) => [
      ['Host', grpc(s, 'host')],
      ['Port', grpc(s, 'port')],
      ['Token', `root:${val(s.secret)}`],
      ['Uri', grpc(s, 'url')],
      ['DatabaseName', d],
    ],
  },
};

const ollamaUrl = (s: ServerContext) =>
  `${bind(s.name, 'http', 'scheme')}://${bind(s.name, 'http', 'host')}:${bind(s.name, 'http', 'port')}`;

export const OLLAMA: IntegrationSpec = {
  engine: 'ollama',
  label: 'Ollama',
  group: 'AI & search',
  baseName: 'ollama',
  csharp: 'AddOllama',
  typescript: 'addOllama',
  params: ['port'],
  package: 'CommunityToolkit.Aspire.Hosting.Ollama',
  source:
    'CommunityToolkit/Aspire src/CommunityToolkit.Aspire.Hosting.Ollama/OllamaResourceBuilderExtensions.cs, ' +
    'OllamaResource.cs, OllamaModelResource.cs, OllamaContainerImageTags.cs',
  image: { registry: 'docker.io', image: 'ollama/ollama', tag: '0.32.15' },
  imageAliases: /ollama\/ollama/,
  endpoints: [httpEndpoint('http', 11434)],
  env: () => [],
  connectionString: (s) => `Endpoint=${ollamaUrl(s)}`,
  properties: (s) => [
    ['Host', bind(s.name, 'http', 'host')],
    ['Port', bind(s.name, 'http', 'port')],
    ['Uri', ollamaUrl(s)],
  ],
  dataPath: '/root/.ollama',
  health: { endpoint: 'http', path: '/' },
  child: {
    csharp: 'AddModel',
    typescript: 'addModel',
    connectionString: (s, model) => `{${s.name}.connectionString};Model=${model}`,
    properties: (s, model) => [
      ['Host', bind(s.name, 'http', 'host')],
      ['Port', bind(s.name, 'http', 'port')],
      ['Uri', ollamaUrl(s)],
      ['Model', model],
    ],
  },
};
