/**
 * Parameters that are credentials in practice although the App Host did not mark them secret:
 * a plain parameter that becomes a Redis `password=…` or the `REDIS_PASSWORD` of a container is
 * a password all the same, so it must live in a Secret, not in the shared parameters ConfigMap
 * (where every workload's connection string would carry it in clear).
 */
import { isSecretName } from '../../model/secret-values';
import { parseTemplate } from '../../model/template';
import type { Topology } from '../../model/topology';

/** Text right before the value that makes it a password: `Password=`, `pwd=`, URL user info. */
const CREDENTIAL_BEFORE = /(?:(?:^|[;,\s])(?:password|pwd)\s*=\s*|:\/\/[^:/@\s]*:)$/i;

function isParameterValue(p: unknown): p is { resource: string; path: { kind: string } } {
  return (
    typeof p === 'object' &&
    p !== null &&
    ['value', 'inputs.value'].includes((p as { path: { kind: string } }).path.kind)
  );
}

export function credentialParameters(topology: Topology): Set<string> {
  const params = new Set(topology.resources.filter((r) => r.kind === 'parameter').map((r) => r.name));
  const out = new Set<string>();
  const scan = (template: string | undefined, envName?: string) => {
    if (!template || !template.includes('{')) return;
    const parts = parseTemplate(template);
    parts.forEach((p, i) => {
      if (!isParameterValue(p) || !params.has(p.resource)) return;
      const before = i > 0 && typeof parts[i - 1] === 'string' ? (parts[i - 1] as string) : '';
      const whole = parts.length === 1;
      if (CREDENTIAL_BEFORE.test(before) || (whole && envName !== undefined && isSecretName(envName)))
        out.add(p.resource);
    });
  };
  for (const r of topology.resources) {
    scan(r.connectionString);
    for (const e of r.env) scan(e.value, e.name);
  }
  return out;
}
