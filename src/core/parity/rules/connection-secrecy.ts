/**
 * Whether a connection string needs a Secret: the design's string carries a secret (a secret
 * parameter or output, a password in the text), or it is opaque (given whole at deploy time).
 */
import { parseTemplate, withoutExpressions } from '../../model/template';
import type { Resource } from '../../model/topology';
import type { CheckContext } from '../context';

/** Whether the design's connection string for a target carries a secret (secret parameter, secret output, password). */
export function designHasSecret(ctx: CheckContext, target: Resource, depth = 0): boolean {
  const cs = target.connectionString ?? '';
  if (depth > 6) return true;
  // opaque: treat as sensitive
  if (target.kind === 'connection-string' || target.kind === 'cloud' || target.kind === 'unknown') return true;
  if (/password|pwd=|secret|key=/i.test(withoutExpressions(cs))) return true;
  for (const p of parseTemplate(cs)) {
    if (typeof p === 'string') continue;
    if (p.path.kind === 'output' && p.path.secret) return true;
    if (p.path.kind === 'keyvault-secret') return true;
    const r = ctx.resources.get(p.resource);
    if (!r) continue;
    if (r.kind === 'parameter' && r.parameter?.secret) return true;
    if (p.path.kind === 'connectionString' && r !== target && designHasSecret(ctx, r, depth + 1)) return true;
  }
  return false;
}
