/**
 * The plain layout: one YAML file per resource plus shared files, ordered so `kubectl apply -f .`
 * creates the Namespace and Secrets before the workloads that need them.
 */
import { withDefaults, type DeploySettings } from '../model/settings';
import type { Topology } from '../model/topology';
import { generate } from '../kube/generate';
import type { BundleFile, GeneratedBundle, GeneratedObject } from '../kube/objects';
import { toYamlStream } from '../yaml/emit';
import { bundleReadme } from './readme';

/** File stems of the shared groups. A Map: groups are also resource names, and "constructor" must not find Object. */
const SHARED_ORDER: ReadonlyMap<string, string> = new Map([
  ['namespace', '00-namespace'],
  ['secrets', '01-secrets'],
  ['parameters', '02-parameters'],
]);

/** Objects grouped by file stem, in first-seen order. */
export function groupObjects(objects: readonly GeneratedObject[]): Map<string, GeneratedObject[]> {
  const groups = new Map<string, GeneratedObject[]>();
  for (const o of objects) {
    const list = groups.get(o.group);
    if (list) list.push(o);
    else groups.set(o.group, [o]);
  }
  return groups;
}

export function plainFileName(group: string): string {
  return `${SHARED_ORDER.get(group) ?? group}.yaml`;
}

export function plainBundle(
  gen: GeneratedBundle,
  topology: Topology,
  settingsInput?: Partial<DeploySettings>,
): BundleFile[] {
  const settings = withDefaults(settingsInput);
  const files: BundleFile[] = [];
  const groups = groupObjects(gen.objects);
  const ordered = [...groups.keys()].sort((a, b) => {
    const sa = SHARED_ORDER.has(a) ? 0 : 1;
    const sb = SHARED_ORDER.has(b) ? 0 : 1;
    return sa - sb || (sa === 0 ? plainFileName(a).localeCompare(plainFileName(b)) : 0);
  });
  for (const group of ordered) {
    const items = groups.get(group)!;
    files.push({
      path: plainFileName(group),
      text: toYamlStream(items.map((o) => ({ object: o.object, comment: o.comment }))),
    });
  }
  files.push({
    path: 'README.md',
    text: bundleReadme(topology, settings, gen, {
      applyCommands: [
        '# replace the placeholder values in 01-secrets.yaml first (or delete it and create the secrets below)',
        'kubectl apply -f .',
      ],
      secretsHowTo: [
        '`01-secrets.yaml` holds every Secret with the placeholder value `REPLACE_ME`. Replace the values ' +
          'before the first',
        'apply, or delete that file and create the Secrets yourself; do not commit real values.',
      ],
    }),
  });
  return files;
}

/** One multi-document stream of every object (for `convert --stdout`). */
export function plainStream(gen: GeneratedBundle): string {
  const files = groupObjects(gen.objects);
  const order = [...files.keys()].sort((a, b) => (SHARED_ORDER.has(a) ? 0 : 1) - (SHARED_ORDER.has(b) ? 0 : 1));
  return toYamlStream(order.flatMap((g) => files.get(g)!.map((o) => ({ object: o.object, comment: o.comment }))));
}

/** Convenience for the app and tests: topology → generated objects and plain files. */
export function generateBundle(
  topology: Topology,
  settings?: Partial<DeploySettings>,
): { generated: GeneratedBundle; files: BundleFile[] } {
  const generated = generate(topology, settings);
  return { generated, files: plainBundle(generated, topology, settings) };
}
