/**
 * How a resource is declared in an App Host, in the App Host's own C# words
 * (`AddPostgres("db")`). The generator writes it into YAML comments and the parity table names
 * each row's declaration with it, so both speak of a resource the same way. Names are quoted as
 * JSON strings, so a quote or control character in a name cannot break the comment it lands in.
 */
import { integrationForEngine } from './integrations';
import type { Resource } from './topology';

export function declarationOf(r: Resource): string {
  const n = JSON.stringify(r.name);
  switch (r.kind) {
    case 'project':
      return `AddProject(${n})`;
    case 'container':
      // The one integration table names the call (AddPostgres, AddYarp, …).
      return `${integrationForEngine(r.engine)?.csharp ?? 'AddContainer'}(${n})`;
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
