/**
 * Azure resources whose emulators run as containers. `RunAsEmulator()` acts in run mode only:
 * in publish mode (the manifest, and so a Kubernetes bundle) Aspire writes the Azure resource as
 * `azure.bicep.v0`, provisioned outside the cluster. The table keeps the emulator facts so
 * import recognises the images and the designer can say what the emulator was; these entries are
 * not offered by the palette (there is no in-cluster deployment to draw).
 */
import { httpEndpoint, tcpEndpoint, type IntegrationSpec } from './types';

export const AZURE_STORAGE: IntegrationSpec = {
  engine: 'azurite',
  label: 'Azure Storage (Azurite emulator)',
  group: 'Other',
  csharp: 'AddAzureStorage',
  typescript: 'addAzureStorage',
  params: [],
  package: 'Aspire.Hosting.Azure.Storage',
  source:
    'microsoft/aspire src/Aspire.Hosting.Azure.Storage/AzureStorageExtensions.cs, StorageEmulatorContainerImageTags.cs',
  image: { registry: 'mcr.microsoft.com', image: 'azure-storage/azurite', tag: '3.35.0' },
  imageAliases: /azurite/,
  endpoints: [httpEndpoint('blob', 10000), httpEndpoint('queue', 10001), httpEndpoint('table', 10002)],
  env: () => [],
  dataPath: '/data',
  publishesAsCloud: true,
};

export const AZURE_COSMOS_DB: IntegrationSpec = {
  engine: 'cosmosdb',
  label: 'Azure Cosmos DB (emulator)',
  group: 'Other',
  csharp: 'AddAzureCosmosDB',
  typescript: 'addAzureCosmosDB',
  params: [],
  package: 'Aspire.Hosting.Azure.CosmosDB',
  source:
    'microsoft/aspire src/Aspire.Hosting.Azure.CosmosDB/AzureCosmosDBExtensions.cs, ' +
    'CosmosDBEmulatorContainerImageTags.cs',
  image: { registry: 'mcr.microsoft.com', image: 'cosmosdb/linux/azure-cosmos-emulator', tag: 'vnext-latest' },
  imageAliases: /azure-cosmos-emulator/,
  endpoints: [tcpEndpoint('emulator', 8081), httpEndpoint('health', 8080)],
  unreferencedEndpoints: ['health'],
  env: () => [],
  dataPath: '/tmp/cosmos/appdata',
  publishesAsCloud: true,
};

export const AZURE_SERVICE_BUS: IntegrationSpec = {
  engine: 'servicebus',
  label: 'Azure Service Bus (emulator)',
  group: 'Other',
  csharp: 'AddAzureServiceBus',
  typescript: 'addAzureServiceBus',
  params: [],
  package: 'Aspire.Hosting.Azure.ServiceBus',
  source:
    'microsoft/aspire src/Aspire.Hosting.Azure.ServiceBus/AzureServiceBusExtensions.cs, ' +
    'ServiceBusEmulatorContainerImageTags.cs',
  image: { registry: 'mcr.microsoft.com', image: 'azure-messaging/servicebus-emulator', tag: '2.0.0' },
  imageAliases: /servicebus-emulator/,
  endpoints: [tcpEndpoint('emulator', 5672), httpEndpoint('emulatorhealth', 5300)],
  unreferencedEndpoints: ['emulatorhealth'],
  env: () => [],
  publishesAsCloud: true,
};

export const AZURE_EVENT_HUBS: IntegrationSpec = {
  engine: 'eventhubs',
  label: 'Azure Event Hubs (emulator)',
  group: 'Other',
  csharp: 'AddAzureEventHubs',
  typescript: 'addAzureEventHubs',
  params: [],
  package: 'Aspire.Hosting.Azure.EventHubs',
  source:
    'microsoft/aspire src/Aspire.Hosting.Azure.EventHubs/AzureEventHubsExtensions.cs, ' +
    'EventHubsEmulatorContainerImageTags.cs',
  image: { registry: 'mcr.microsoft.com', image: 'azure-messaging/eventhubs-emulator', tag: '2.2.0' },
  imageAliases: /eventhubs-emulator/,
  endpoints: [tcpEndpoint('emulator', 5672), httpEndpoint('emulatorhealth', 5300)],
  unreferencedEndpoints: ['emulatorhealth'],
  env: () => [],
  publishesAsCloud: true,
};
