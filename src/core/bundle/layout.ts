/**
 * One entry point for every bundle format, used by the CLI (`convert --format`) and the
 * "Download bundle" button, so both produce the same files for the same input. The button
 * differs only by the hand edits made in the editor (`withEditorFiles`), which the CLI has none of.
 */
import type { BundleFile, GeneratedBundle } from '../kube/objects';
import type { DeploySettings } from '../model/settings';
import type { Topology } from '../model/topology';
import { helmBundle } from './helm/chart';
import { kustomizeBundle } from './kustomize';
import { plainBundle } from './plain';
import { safeLine, safeText } from '../model/safe-text';
import { checkCommands, checkHowTo, designFile } from './design-file';

export type BundleFormat = 'plain' | 'kustomize' | 'helm';

export const BUNDLE_FORMATS: readonly BundleFormat[] = ['plain', 'kustomize', 'helm'];

export function isBundleFormat(s: string): s is BundleFormat {
  return (BUNDLE_FORMATS as readonly string[]).includes(s);
}

function layoutFiles(
  format: BundleFormat,
  gen: GeneratedBundle,
  topology: Topology,
  settings: DeploySettings,
): BundleFile[] {
  // Every layout carries its design, so `aspire-parity check` runs on the bundle alone.
  const design = designFile(topology, settings);
  switch (format) {
    case 'kustomize':
      return [...kustomizeBundle(gen, topology, settings), design];
    case 'helm': {
      const files = helmBundle(gen, topology, settings);
      const chart = files[0]?.path.split('/')[0] ?? 'chart';
      // The chart has no README of its own: the check command sits beside the design.
      return [
        ...files,
        design,
        {
          path: 'CHECK.md',
          text: [
            `# Check ${topology.name}'s chart against its design`,
            '',
            ...checkHowTo(checkCommands('helm', chart)),
            '',
          ].join('\n'),
        },
      ];
    }
    default:
      return [...plainBundle(gen, topology, settings), design];
  }
}

/**
 * Every file we hand out passes the one sanitiser last: README lines, NOTES.txt, Helm
 * templates and values carry names and values from the input, and a line separator or an
 * escape sequence in them must reach nobody raw (issue 15). YAML writers already escape; this
 * pass turns whatever else is left into visible `\uXXXX` text.
 */
export function layoutBundle(
  format: BundleFormat,
  gen: GeneratedBundle,
  topology: Topology,
  settings: DeploySettings,
): BundleFile[] {
  return layoutFiles(format, gen, topology, settings).map((f) => ({ path: safeLine(f.path), text: safeText(f.text) }));
}

/**
 * The plain layout as the workbench editor holds it: an edited file's text replaces the
 * generated text at the same path (same place in the list), and edited files the generator no
 * longer writes are kept after the rest, because the editor never drops the user's work.
 * Without edits this is `files` unchanged, so the download equals `convert --out`.
 */
export function withEditorFiles(files: readonly BundleFile[], editorFiles: readonly BundleFile[]): BundleFile[] {
  const edited = new Map(editorFiles.map((f) => [f.path, f.text]));
  const out = files.map((f) => ({ path: f.path, text: edited.get(f.path) ?? f.text }));
  const generated = new Set(files.map((f) => f.path));
  for (const f of editorFiles) if (!generated.has(f.path)) out.push({ path: f.path, text: f.text });
  return out;
}
