/**
 * The design travels with every bundle as `aspire-parity.design.json`, so the bundle's README
 * check command works on the downloaded zip alone: `aspire-parity check` needs the topology the
 * bundle was generated from, and the design (topology, settings, what import could not model)
 * is that topology.
 */
import type { BundleFile } from '../kube/objects';
import { redactCredentials } from '../model/connection-string';
import { serializeDesign } from '../model/design-document';
import type { DeploySettings } from '../model/settings';
import type { Topology } from '../model/topology';

export const DESIGN_FILE = 'aspire-parity.design.json';

/** Names of values that hold credentials when written literally. */
const CREDENTIAL = /pass(word)?|pwd|secret|token|api_?key|access_?key|credential/i;

/**
 * The design without secret values: a bundle is shared (a zip, a repository), and the check
 * needs the topology's shape, not a secret parameter's default or a password typed into the App
 * Host. Same policy as a share link: secret parameter defaults go; literal credentials too.
 */
export function withoutSecrets(topology: Topology): Topology {
  const resources = topology.resources.map((r) => {
    let out = r;
    if (r.parameter?.secret && r.parameter.default?.kind === 'value') {
      const { default: _dropped, ...parameter } = r.parameter;
      out = { ...out, parameter };
    }
    // Literal values only: an expression ({pg-password.value}) names a secret, it does not hold one.
    const redact = (name: string, value: string) => (CREDENTIAL.test(name) && value !== '' && !value.includes('{') ? '<redacted>' : redactCredentials(value, '<redacted>'));
    if (out.env.some((e) => redact(e.name, e.value) !== e.value)) out = { ...out, env: out.env.map((e) => ({ ...e, value: redact(e.name, e.value) })) };
    if (out.connectionString !== undefined && redact('', out.connectionString) !== out.connectionString) out = { ...out, connectionString: redact('', out.connectionString) };
    return out;
  });
  return { ...topology, resources };
}

export function designFile(topology: Topology, settings: DeploySettings): BundleFile {
  return { path: DESIGN_FILE, text: serializeDesign({ topology: withoutSecrets(topology), settings }) };
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
      return [`helm template ${chart ?? 'app'} ${chart ?? '.'} -f ${chart ?? '.'}/ci/test-values.yaml | aspire-parity check ${DESIGN_FILE} -`];
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
  ];
}
