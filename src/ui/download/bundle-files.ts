/**
 * What a download contains, per format. Plain YAML is exactly the editor's files (hand edits
 * included) plus the README; Kustomize and Helm are laid out from the design by the export
 * layouts and cannot carry free-form hand edits, which the picker says.
 */
import { helmBundle } from '../../core/bundle/helm/chart';
import { kustomizeBundle } from '../../core/bundle/kustomize';
import type { BundleFile, GeneratedBundle } from '../../core/kube/objects';
import { withDefaults, type DeploySettings } from '../../core/model/settings';
import type { Topology } from '../../core/model/topology';

export type BundleFormat = 'plain' | 'kustomize' | 'helm';

export const FORMATS: { id: BundleFormat; label: string }[] = [
  { id: 'plain', label: 'Plain YAML' },
  { id: 'kustomize', label: 'Kustomize' },
  { id: 'helm', label: 'Helm chart' },
];

export interface DownloadInput {
  format: BundleFormat;
  editorFiles: readonly BundleFile[];
  readme?: BundleFile;
  gen: GeneratedBundle;
  topology: Topology;
  settings: Partial<DeploySettings>;
}

export function bundleFiles(input: DownloadInput): BundleFile[] {
  const settings = withDefaults(input.settings);
  switch (input.format) {
    case 'plain':
      return [...input.editorFiles.map((f) => ({ path: f.path, text: f.text })), ...(input.readme ? [input.readme] : [])];
    case 'kustomize':
      return kustomizeBundle(input.gen, input.topology, settings);
    case 'helm':
      return helmBundle(input.gen, input.topology, settings);
  }
}

/** A file-system-safe archive name from the application name. */
export function archiveName(topology: Topology, format: BundleFormat): string {
  const base = topology.name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'app';
  return `${base}-${format === 'plain' ? 'k8s' : format}.zip`;
}
