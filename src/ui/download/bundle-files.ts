/**
 * What a download contains, per format: the core's `layoutBundle`, the same function
 * `convert --out` writes, so the zip and the CLI's folder hold the same files. Plain YAML also
 * carries the editor's hand edits; Kustomize and Helm are laid out from the design and cannot
 * carry free-form edits, which the picker says.
 */
import { layoutBundle, withEditorFiles, type BundleFormat } from '../../core/bundle/layout';
import type { BundleFile, GeneratedBundle } from '../../core/kube/objects';
import type { DeploySettings } from '../../core/model/settings';
import type { Topology } from '../../core/model/topology';

export type { BundleFormat };

export const FORMATS: { id: BundleFormat; label: string }[] = [
  { id: 'plain', label: 'Plain YAML' },
  { id: 'kustomize', label: 'Kustomize' },
  { id: 'helm', label: 'Helm chart' },
];

export interface DownloadInput {
  format: BundleFormat;
  /** The YAML files the editor shows (generated text with the user's edits). */
  editorFiles: readonly BundleFile[];
  gen: GeneratedBundle;
  topology: Topology;
  /** Completed once for the design (state/effective-settings.ts). */
  settings: DeploySettings;
}

export function bundleFiles(input: DownloadInput): BundleFile[] {
  const files = layoutBundle(input.format, input.gen, input.topology, input.settings);
  return input.format === 'plain' ? withEditorFiles(files, input.editorFiles) : files;
}

/** A file-system-safe archive name from the application name. */
export function archiveName(topology: Topology, format: BundleFormat): string {
  const base =
    topology.name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'app';
  return `${base}-${format === 'plain' ? 'k8s' : format}.zip`;
}
