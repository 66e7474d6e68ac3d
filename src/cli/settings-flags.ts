/** Deployment settings from CLI flags, validated so a typo fails before anything is written. */
import { isK8sName } from '../core/model/names';
import { withDefaults, type DeploySettings } from '../core/model/settings';
import { CliError } from './io';

export interface SettingsFlags {
  namespace?: string;
  registry?: string;
  tag?: string;
  otlpEndpoint?: string;
  ingressHost?: string;
  ingressClass?: string;
  exposure?: string;
}

const HOST = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Only the settings the flags give, validated. A saved design's own settings apply under these:
 * filling in defaults here would silently replace the design's registry, tag, exposure….
 */
export function flagSettings(flags: SettingsFlags): Partial<DeploySettings> {
  if (flags.namespace !== undefined && !isK8sName(flags.namespace)) {
    throw new CliError(
      `--namespace "${flags.namespace}": must be a lower-case DNS label (a-z, 0-9, "-", at most 63 characters)`,
    );
  }
  if (flags.tag !== undefined && !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(flags.tag)) {
    throw new CliError(`--tag "${flags.tag}": not a valid image tag`);
  }
  if (flags.registry !== undefined && !/^[a-z0-9.-]+(:[0-9]+)?(\/[a-z0-9._/-]+)?$/i.test(flags.registry)) {
    throw new CliError(`--registry "${flags.registry}": not a valid registry (e.g. registry.example.com/team)`);
  }
  if (flags.otlpEndpoint !== undefined) {
    let ok: boolean;
    try {
      ok = ['http:', 'https:'].includes(new URL(flags.otlpEndpoint).protocol);
    } catch {
      ok = false;
    }
    if (!ok)
      throw new CliError(
        `--otlp-endpoint "${flags.otlpEndpoint}": must be an http(s) URL, e.g. http://otel-collector:4317`,
      );
  }
  if (flags.ingressHost !== undefined && !HOST.test(flags.ingressHost)) {
    throw new CliError(`--ingress-host "${flags.ingressHost}": not a valid host name`);
  }
  if (flags.exposure !== undefined && flags.exposure !== 'ingress' && flags.exposure !== 'loadbalancer') {
    throw new CliError(`--exposure "${flags.exposure}": use "ingress" or "loadbalancer"`);
  }
  return {
    ...(flags.namespace ? { namespace: flags.namespace } : {}),
    ...(flags.registry ? { registry: flags.registry } : {}),
    ...(flags.tag ? { tag: flags.tag } : {}),
    ...(flags.otlpEndpoint ? { otlpEndpoint: flags.otlpEndpoint } : {}),
    ...(flags.ingressHost ? { ingressHost: flags.ingressHost } : {}),
    ...(flags.ingressClass ? { ingressClass: flags.ingressClass } : {}),
    ...(flags.exposure ? { exposure: flags.exposure as DeploySettings['exposure'] } : {}),
  };
}

/**
 * The settings a bundle is built with: a saved design's own settings, overridden by the flags
 * given, defaults for the rest. The app's "Download bundle" uses the design's settings, so for
 * a design without flags the CLI writes the same files as the app's zip holds.
 */
export function bundleSettings(saved: Partial<DeploySettings> | undefined, flags: SettingsFlags): DeploySettings {
  return withDefaults({ ...(saved ?? {}), ...flagSettings(flags) });
}
