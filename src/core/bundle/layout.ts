/**
 * One entry point for every bundle format, used by the CLI (`convert --format`) and the
 * "Download bundle" button, so both produce the same files for the same input.
 */
import type { BundleFile, GeneratedBundle } from '../kube/objects';
import type { DeploySettings } from '../model/settings';
import type { Topology } from '../model/topology';
import { helmBundle } from './helm/chart';
import { kustomizeBundle } from './kustomize';
import { plainBundle } from './plain';

export type BundleFormat = 'plain' | 'kustomize' | 'helm';

export const BUNDLE_FORMATS: readonly BundleFormat[] = ['plain', 'kustomize', 'helm'];

export function isBundleFormat(s: string): s is BundleFormat {
  return (BUNDLE_FORMATS as readonly string[]).includes(s);
}

export function layoutBundle(format: BundleFormat, gen: GeneratedBundle, topology: Topology, settings: DeploySettings): BundleFile[] {
  switch (format) {
    case 'kustomize':
      return kustomizeBundle(gen, topology, settings);
    case 'helm':
      return helmBundle(gen, topology, settings);
    default:
      return plainBundle(gen, topology, settings);
  }
}
