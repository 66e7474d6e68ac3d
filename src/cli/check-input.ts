/**
 * What `check` checks: the topology file and the YAML, or a downloaded bundle zip alone (its
 * aspire-parity.design.json and the YAML beside it). A Kustomize or Helm zip is checked as it
 * renders (./render-layout.ts).
 */
import { readFileSync } from 'node:fs';
import { importAny } from '../core/aspire/import-any';
import { DESIGN_FILE } from '../core/bundle/design-file';
import { unzipBundle, ZipRefused } from '../core/bundle/zip';
import type { DeploySettings } from '../core/model/settings';
import type { Topology } from '../core/model/topology';
import type { SourceFile } from '../core/yaml/parse';
import type { BundleFile } from '../core/kube/objects';
import { collectYaml } from './collect-yaml';
import { renderLayout } from './render-layout';
import { CliError } from './io';
import { formatDiagnostic, loadTopology } from './load-topology';

export interface CheckSubject {
  topology: Topology;
  settings?: Partial<DeploySettings>;
  files: SourceFile[];
  fromZip: boolean;
}

/** The whole bundle under `root` (templates, .tpl, .env.example), paths relative to it, for rendering. */
function everything(zipPath: string, root: string): BundleFile[] {
  return unzipBundle(new Uint8Array(readFileSync(zipPath)), (p) => p.startsWith(root)).map((f) => ({
    path: f.path.slice(root.length),
    text: f.text,
  }));
}

function fromZip(zipPath: string, yamlPaths: string[], warn: (line: string) => void): CheckSubject {
  let entries;
  try {
    // Only what is checked is inflated: the design and the YAML (Chart.yaml, kustomization.yaml too).
    entries = unzipBundle(new Uint8Array(readFileSync(zipPath)), (p) => p.endsWith(DESIGN_FILE) || /\.ya?ml$/i.test(p));
  } catch (e) {
    if (e instanceof ZipRefused) throw new CliError(`${zipPath}: ${e.message}`);
    throw new CliError(`${zipPath}: not a readable zip (${(e as Error).message})`);
  }
  const design = entries
    .filter((f) => f.path === DESIGN_FILE || f.path.endsWith(`/${DESIGN_FILE}`))
    .sort((a, b) => a.path.length - b.path.length)[0];
  if (!design)
    throw new CliError(
      `${zipPath}: has no ${DESIGN_FILE} (download the bundle again, or pass the topology file and the YAML)`,
    );
  const root = design.path.slice(0, design.path.length - DESIGN_FILE.length);
  const imported = importAny(design.text, DESIGN_FILE);
  const error = imported.diagnostics.find((d) => d.severity === 'error');
  if (error || !imported.topology)
    throw new CliError(
      error ? formatDiagnostic(`${zipPath}:${design.path}`, error) : `${zipPath}: ${DESIGN_FILE} is not a saved design`,
    );
  const layout = entries.some((f) => /(^|\/)Chart\.yaml$/.test(f.path))
    ? 'helm'
    : entries.some((f) => /(^|\/)kustomization\.ya?ml$/.test(f.path))
      ? 'kustomize'
      : undefined;
  const files = yamlPaths.length
    ? collectYaml(yamlPaths, undefined, (line) => warn(`warning: ${line}`))
    : layout
      ? [renderLayout(zipPath, layout, everything(zipPath, root))]
      : entries
          .filter((f) => f.path.startsWith(root) && /\.ya?ml$/i.test(f.path))
          .map((f) => ({ path: f.path, text: f.text }));
  const settings = imported.kind === 'design' ? imported.document?.settings : undefined;
  return { topology: imported.topology, ...(settings ? { settings } : {}), files, fromZip: true };
}

/** `warn` prints one line to the user's stderr (escaped by the caller's printer). */
export async function topologyAndFiles(
  topologyArg: string,
  yamlPaths: string[],
  warn: (line: string) => void,
): Promise<CheckSubject> {
  if (/\.zip$/i.test(topologyArg)) return fromZip(topologyArg, yamlPaths, warn);
  if (yamlPaths.length === 0)
    throw new CliError(
      'name the Kubernetes YAML to check (files, folders, or - for standard input), or pass a bundle .zip',
    );
  const loaded = await loadTopology(topologyArg, warn);
  const files = collectYaml(yamlPaths, undefined, (line) => warn(`warning: ${line}`));
  if (files.length === 0) throw new CliError(`${yamlPaths.join(', ')}: no .yaml or .yml files`);
  return {
    topology: loaded.topology,
    ...(loaded.settings ? { settings: loaded.settings } : {}),
    files,
    fromZip: false,
  };
}
