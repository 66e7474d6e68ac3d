/** How each resource kind looks: a short glyph and a colour class (no icon font, no network). */
import type { Resource } from '../../core/model/topology';

export interface KindStyle {
  glyph: string;
  label: string;
  tone: string;
}

export function kindStyle(r: Resource): KindStyle {
  // A database inside a server is not the server: "DB", named with its engine.
  if (r.kind === 'database') {
    const server = r.engine ? kindStyle({ ...r, kind: 'container' }).label : undefined;
    return { glyph: 'DB', label: server ? `${server} database` : 'Database', tone: 'data' };
  }
  switch (r.engine) {
    case 'sqlserver':
      return { glyph: 'SQL', label: 'SQL Server', tone: 'data' };
    case 'postgres':
      return { glyph: 'PG', label: 'PostgreSQL', tone: 'data' };
    case 'mysql':
      return { glyph: 'My', label: 'MySQL', tone: 'data' };
    case 'mongodb':
      return { glyph: 'Mg', label: 'MongoDB', tone: 'data' };
    case 'redis':
      return { glyph: 'Rd', label: 'Redis', tone: 'cache' };
    case 'rabbitmq':
      return { glyph: 'MQ', label: 'RabbitMQ', tone: 'msg' };
    case 'kafka':
      return { glyph: 'Kf', label: 'Kafka', tone: 'msg' };
    default:
      break;
  }
  switch (r.kind) {
    case 'project':
      return { glyph: 'C#', label: '.NET project', tone: 'project' };
    case 'dockerfile':
      return { glyph: 'DF', label: 'Dockerfile', tone: 'container' };
    case 'container':
      return { glyph: 'Ct', label: 'Container', tone: 'container' };
    case 'parameter':
      return r.parameter?.secret
        ? { glyph: 'Sx', label: 'Secret', tone: 'param' }
        : { glyph: 'Pa', label: 'Parameter', tone: 'param' };
    case 'connection-string':
      return { glyph: 'Ex', label: 'External service', tone: 'param' };
    case 'otlp-collector':
      return { glyph: 'OT', label: 'OTLP collector', tone: 'other' };
    case 'executable':
      return { glyph: 'Ex', label: 'Executable', tone: 'other' };
    case 'cloud':
      return { glyph: 'Cl', label: 'Cloud', tone: 'other' };
    case 'value':
      return { glyph: 'Va', label: 'Value', tone: 'param' };
    default:
      return { glyph: '?', label: r.sourceType || 'Unknown', tone: 'other' };
  }
}
