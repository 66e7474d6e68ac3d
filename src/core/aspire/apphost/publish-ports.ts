/**
 * Target ports Aspire 13.6 decides only when it writes the manifest (publish mode), applied to
 * the App Host import in declaration order, as the manifest publisher walks the resources:
 * - a container endpoint given only a port listens on that port (`targetPort` = port, and the
 *   manifest then writes no separate port);
 * - a project endpoint other than the launch profile's `http`/`https` with no target port gets
 *   the next free port from 8000 up, skipping target ports already written before it.
 * Measured with the real Aspire (fixtures/oracle/project-ports, project-endpoints, orleans).
 */
import type { Resource } from '../../model/topology';

const FIRST_ALLOCATED_PORT = 8000;

export function assignPublishPorts(resources: readonly Resource[]): void {
  const used = new Set<number>();
  let next = FIRST_ALLOCATED_PORT;
  for (const r of resources) {
    for (const e of r.endpoints) {
      if (e.targetPort === undefined) {
        if ((r.kind === 'container' || r.kind === 'dockerfile') && e.port !== undefined) {
          e.targetPort = e.port;
          delete e.port;
        } else if (r.kind === 'project' && e.name !== 'http' && e.name !== 'https') {
          while (used.has(next)) next++;
          e.targetPort = next++;
        }
      }
      if (e.targetPort !== undefined) used.add(e.targetPort);
    }
  }
}
