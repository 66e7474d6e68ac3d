/** How a row names the App Host declaration it checks, in the App Host's own C# words. */
import { integrationForEngine } from '../model/integrations';
import type { Resource } from '../model/topology';

export function declarationOf(r: Resource): string {
  const n = JSON.stringify(r.name);
  switch (r.kind) {
    case 'project':
      return `AddProject(${n})`;
    case 'container':
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
    default:
      return `${r.sourceType}(${n})`;
  }
}
