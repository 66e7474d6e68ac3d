/** How a row names the App Host declaration it checks, in the App Host's own C# words. */
import type { Resource } from '../model/topology';

const ENGINE_CALL: Record<string, string> = {
  sqlserver: 'AddSqlServer',
  postgres: 'AddPostgres',
  mysql: 'AddMySql',
  mongodb: 'AddMongoDB',
  redis: 'AddRedis',
  rabbitmq: 'AddRabbitMQ',
  kafka: 'AddKafka',
  oracle: 'AddOracle',
  nats: 'AddNats',
};

export function declarationOf(r: Resource): string {
  const n = JSON.stringify(r.name);
  switch (r.kind) {
    case 'project':
      return `AddProject(${n})`;
    case 'container':
      return `${(r.engine && ENGINE_CALL[r.engine]) ?? 'AddContainer'}(${n})`;
    case 'dockerfile':
      return `AddDockerfile(${n})`;
    case 'executable':
      return `AddExecutable(${n})`;
    case 'database':
      return `AddDatabase(${n})`;
    case 'parameter':
      return r.parameter?.secret ? `AddParameter(${n}, secret: true)` : `AddParameter(${n})`;
    case 'connection-string':
      return `AddConnectionString(${n})`;
    default:
      return `${r.sourceType}(${n})`;
  }
}
