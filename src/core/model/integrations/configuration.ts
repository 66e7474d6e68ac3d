/**
 * Feature-flag and configuration servers run as containers: flagd (CommunityToolkit/Aspire).
 * FlagdResource has no GetConnectionProperties, so WithReference writes the string only.
 */
import { bind, httpEndpoint, type IntegrationSpec } from './types';

export const FLAGD: IntegrationSpec = {
  engine: 'flagd',
  label: 'flagd',
  group: 'Configuration',
  baseName: 'flagd',
  csharp: 'AddFlagd',
  typescript: 'addFlagd',
  params: ['port', 'ofrepPort'],
  package: 'CommunityToolkit.Aspire.Hosting.Flagd',
  source:
    'CommunityToolkit/Aspire src/CommunityToolkit.Aspire.Hosting.Flagd/FlagdBuilderExtensions.cs, ' +
    'FlagdResource.cs, FlagdContainerImageTags.cs (b6dadb7)',
  image: { registry: 'ghcr.io', image: 'open-feature/flagd', tag: 'v0.11.6' },
  imageAliases: /(^|\/)open-feature\/flagd$/,
  // Evaluation API (8013), health (8014, /healthz) and OFREP (8016), all WithHttpEndpoint.
  endpoints: [httpEndpoint('http', 8013), httpEndpoint('health', 8014), httpEndpoint('ofrep', 8016)],
  env: () => [],
  // WithBindFileSync adds "--uri file:./flags/<file>" and a bind mount at /flags/ on top of this.
  args: () => ['start'],
  connectionString: (s) =>
    `${bind(s.name, 'http', 'scheme')}://${bind(s.name, 'http', 'host')}:${bind(s.name, 'http', 'port')}`,
  health: { endpoint: 'health', path: '/healthz' },
};
