/**
 * Design warnings: a topology that is valid but deploys something the user almost certainly did
 * not mean. Shown in the inspector (per resource) and by `convert` (the generator's diagnostics).
 */
import { diag, type Diagnostic } from './diagnostics';
import type { Resource, Topology } from './topology';

/** Database servers whose replicas are independent databases, not a cluster. */
const SINGLE_INSTANCE_ENGINES = new Set(['sqlserver', 'postgres', 'mysql', 'mongodb']);

function isDatabaseServer(r: Resource): boolean {
  return r.kind === 'container' && SINGLE_INSTANCE_ENGINES.has(r.engine ?? '');
}

export function designWarnings(topology: Topology): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byPath = new Map<string, string[]>();
  for (const r of topology.resources) {
    if (r.kind === 'project' && r.projectPath)
      byPath.set(r.projectPath, [...(byPath.get(r.projectPath) ?? []), r.name]);
    const replicas = r.settings.replicas ?? 1;
    if (isDatabaseServer(r) && replicas > 1 && r.settings.databaseMode !== 'external') {
      out.push(
        diag(
          'warning',
          'database-replicas',
          `"${r.name}" has ${replicas} replicas: that is ${replicas} independent databases behind one Service, each ` +
            `connection landing on any of them. Keep 1 replica, or use a managed (external) database for high ` +
            `availability.`,
          { resource: r.name, field: 'settings.replicas' },
        ),
      );
    }
  }
  for (const [path, names] of byPath) {
    if (names.length < 2) continue;
    for (const name of names) {
      const others = names
        .filter((n) => n !== name)
        .map((n) => `"${n}"`)
        .join(', ');
      out.push(
        diag(
          'warning',
          'duplicate-project-path',
          `"${name}" builds from ${path}, like ${others}: the same project deployed twice. Give each resource its ` +
            `own project path.`,
          { resource: name, field: 'projectPath' },
        ),
      );
    }
  }
  return out;
}
