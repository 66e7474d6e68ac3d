/** The probe snippets the probe rows offer as fixes: a default HTTP probe, or what the generator writes. */
import { getIn } from '../bundle-index';
import { generatedContainer } from '../regenerate';
import type { CheckContext } from '../context';
import { fix } from '../snippets';
import type { ParityFix } from '../types';

export function probeSnippet(path: string, port: number | string, delay: boolean) {
  return {
    httpGet: { path, port },
    ...(delay ? { initialDelaySeconds: 10 } : {}),
    periodSeconds: 10,
    failureThreshold: 3,
  };
}

/** The probes the generator writes for the resource, for the keys that are broken. */
export function generatedProbes(
  ctx: CheckContext,
  resource: string,
  keys: string[],
  file: string,
  path: (string | number)[],
  line: number,
  /** The names of the bundle container's ports. */
  portNames: readonly string[] = [],
): ParityFix | undefined {
  const c = generatedContainer(ctx.topology, ctx.settings, resource);
  const probes: Record<string, unknown> = Object.fromEntries(keys.flatMap((k) => (c?.[k] ? [[k, c[k]]] : [])));
  if (Object.keys(probes).length !== keys.length) return undefined;
  // A probe names its port as the generator does: the container's ports too when that name is missing.
  const named = keys.map((k) => getIn(probes[k], ['httpGet', 'port']) ?? getIn(probes[k], ['tcpSocket', 'port']));
  const missing = named.some((p) => typeof p === 'string' && !portNames.includes(p));
  return fix(
    `Probe as the generator writes it (${keys.join(', ')}${missing ? ', with its container ports' : ''}).`,
    missing && c?.ports ? { ports: c.ports, ...probes } : probes,
    file,
    path,
    line,
  );
}

/**
 * The broken probe keys as the generator writes them, a key it does not write set to null, so
 * the fix removes it (an HTTP probe on a worker, a liveness probe on a Job).
 */
export function regeneratedProbes(
  ctx: CheckContext,
  resource: string,
  keys: readonly string[],
  file: string,
  path: (string | number)[],
): ParityFix {
  const c = generatedContainer(ctx.topology, ctx.settings, resource);
  const probes = Object.fromEntries(keys.map((k) => [k, c?.[k] ?? null]));
  const gone = keys.filter((k) => probes[k] === null);
  return fix(
    gone.length === keys.length
      ? `Remove ${keys.join(' and ')}: the generator writes none for ${resource}.`
      : `Probe as the generator writes it (${keys.join(', ')}${gone.length ? `; ${gone.join(', ')} removed` : ''}).`,
    probes,
    file,
    path,
  );
}
