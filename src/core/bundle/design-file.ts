/**
 * The design travels with every bundle as `aspire-parity.design.json`, so the bundle's README
 * check command works on the downloaded zip alone: `aspire-parity check` needs the topology the
 * bundle was generated from, and the design (topology, settings, what import could not model)
 * is that topology.
 */
import type { BundleFile } from '../kube/objects';
import { redactTopology } from '../kube/secret-redaction';
import { serializeDesign } from '../model/design-document';
import type { DeploySettings } from '../model/settings';
import type { Topology } from '../model/topology';

export const DESIGN_FILE = 'aspire-parity.design.json';

/**
 * The design without secret values: a bundle is shared (a zip, a repository), and the check
 * needs the topology's shape, not a secret parameter's default or a password typed into the App
 * Host. The same redaction as a share link (one detector, the generator's).
 */
export function designFile(topology: Topology, settings: DeploySettings): BundleFile {
  return { path: DESIGN_FILE, text: serializeDesign({ topology: redactTopology(topology).value, settings }) };
}

/**
 * The check command for a layout, run from the unzipped bundle's folder with the
 * `aspire-parity` CLI (the bin of the Aspire Parity package, installed from the tarball
 * `npm pack` makes in the repository, or `npm link`).
 */
export function checkCommands(layout: 'plain' | 'kustomize' | 'helm', chart?: string): string[] {
  switch (layout) {
    case 'kustomize':
      return [`kubectl kustomize overlays/prod | aspire-parity check ${DESIGN_FILE} -`];
    case 'helm':
      return [
        `helm template ${chart ?? 'app'} ${chart ?? '.'} -f ${chart ?? '.'}/ci/test-values.yaml | aspire-parity ` +
          `check ${DESIGN_FILE} -`,
      ];
    default:
      return [`aspire-parity check ${DESIGN_FILE} .`];
  }
}

/** README lines: how to get the CLI and run the check. */
export function checkHowTo(commands: string[]): string[] {
  return [
    'Run from this folder with the `aspire-parity` CLI. Install it once from the Aspire Parity repository:',
    '`npm ci && npm pack` there, then `npm install -g aspire-parity-<version>.tgz` (or `npm link` in the repository).',
    'The design this bundle was generated from is `aspire-parity.design.json`; exit code 1 means a parity row fails.',
    '',
    '```sh',
    ...commands,
    '```',
    '',
    'Or check the downloaded zip as it is, without unzipping (a Kustomize or Helm zip is rendered with',
    'the command above, so `kubectl` or `helm` must be on PATH): `aspire-parity check <downloaded>.zip`.',
  ];
}
