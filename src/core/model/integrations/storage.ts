/**
 * Object storage run as a container: MinIO (CommunityToolkit/Aspire). SQLite is a file and a
 * SqlProject a dacpac deploy; neither runs a server, so neither is a row here.
 */
import { bind, httpEndpoint, userOf, val, type IntegrationSpec, type ServerContext } from './types';

const minioUri = (s: ServerContext) => `http://${bind(s.name, 'http', 'host')}:${bind(s.name, 'http', 'port')}`;

export const MINIO: IntegrationSpec = {
  engine: 'minio',
  label: 'MinIO',
  group: 'Data',
  baseName: 'minio',
  // The public method is AddMinioContainer (App Hosts call it as such).
  csharp: 'AddMinioContainer',
  typescript: 'addMinioContainer',
  params: ['rootUser', 'rootPassword', 'port'],
  package: 'CommunityToolkit.Aspire.Hosting.Minio',
  source:
    'CommunityToolkit/Aspire src/CommunityToolkit.Aspire.Hosting.Minio/MinioBuilderExtensions.cs, ' +
    'MinioContainerResource.cs, MinioContainerImageTags.cs (15313d9)',
  image: { registry: 'docker.io', image: 'minio/minio', tag: 'RELEASE.2025-09-07T16-13-09Z' },
  imageAliases: /(^|\/)minio\/minio$/,
  // "http" is the S3 API (9000), "console" the web console (9001); both are WithHttpEndpoint.
  endpoints: [httpEndpoint('http', 9000), httpEndpoint('console', 9001)],
  // Without rootUser the integration uses an unregistered parameter whose value is "minioadmin".
  env: (s) => [
    { name: 'MINIO_ROOT_USER', value: userOf(s, 'minioadmin') },
    { name: 'MINIO_ROOT_PASSWORD', value: val(s.secret) },
  ],
  args: () => ['server', '/data', '--console-address', ':9001'],
  // CreateDefaultPasswordParameter(builder, $"{name}-rootPassword"): 22 characters.
  secret: { suffix: '-rootPassword', length: 22 },
  connectionString: (s) => `Endpoint=${minioUri(s)};AccessKey=${userOf(s, 'minioadmin')};SecretKey=${val(s.secret)}`,
  properties: (s) => [
    ['Host', bind(s.name, 'http', 'host')],
    ['Port', bind(s.name, 'http', 'port')],
    ['AccessKey', userOf(s, 'minioadmin')],
    ['SecretKey', val(s.secret)],
    ['Uri', minioUri(s)],
  ],
  dataPath: '/data',
};
