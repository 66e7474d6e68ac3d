/**
 * How a resource is declared in an App Host, in the App Host's own C# words
 * (`AddPostgres("db")`). The generator writes it into YAML comments and the parity table names
 * each row's declaration with it, so both speak of a resource the same way. Names are quoted as
 * JSON strings, so a quote or control character in a name cannot break the comment it lands in.
 */
import type { Resource } from './topology';

/** The integration method of each database/cache/broker engine. */
const ENGINE_CALL: Readonly<Record<string, string>> = {
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
      return `${(r.engine && Object.hasOwn(ENGINE_CALL, r.engine) && ENGINE_CALL[r.engine]) || 'AddContainer'}(${n})`;
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
    case 'otlp-collector':
      // Not an Aspire resource: the designer adds it, so there is no App Host call to name.
      return `OTLP collector ${n}`;
    default:
      return `${r.sourceType}(${n})`;
  }
}
