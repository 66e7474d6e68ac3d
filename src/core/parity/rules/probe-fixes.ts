/** The probe snippets the probe rows offer as fixes: a default HTTP probe, or what the generator writes. */
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
): ParityFix | undefined {
  const c = generatedContainer(ctx.topology, ctx.settings, resource);
  const probes = Object.fromEntries(keys.flatMap((k) => (c?.[k] ? [[k, c[k]]] : [])));
  return Object.keys(probes).length === keys.length
    ? fix(`Probe as the generator writes it (${keys.join(', ')}).`, probes, file, path, line)
    : undefined;
}
