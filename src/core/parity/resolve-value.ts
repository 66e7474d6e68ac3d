/**
 * An environment variable's value as the process receives it: the kubelet expands `$(VAR)` in
 * `value` (only there; ConfigMap and Secret values arrive verbatim), and a Secret in the bundle
 * is read from `stringData` or base64 `data`. What cannot be known from the bundle (a Secret
 * created outside it, a placeholder to replace) is reported as opaque, with the reason.
 */
import { asRec, asStr, type BundleIndex } from './bundle-index';
import type { ContainerEnv, EnvEntry } from './env';

/** `absent`: the bundle itself proves the process gets no value (a key the ConfigMap lacks). */
export type Resolved = { text: string } | { opaque: string } | { absent: string };

/** Values people leave for someone to fill: they name no host. */
export function isPlaceholder(v: string): boolean {
  const t = v.trim();
  return (
    t === '' || t === 'REPLACE_ME' || (t.startsWith('<') && t.endsWith('>')) || t.startsWith('${') || t === 'changeme'
  );
}

function decodeBase64(s: string): string | undefined {
  try {
    const bin = atob(s.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A key of a Secret in the bundle, decoded; undefined when the Secret or key is not there. */
export function secretValue(idx: BundleIndex, name: string, key: string): string | undefined {
  const s = idx.secrets.get(name);
  if (!s) return undefined;
  const sd = asStr(asRec(s.obj.obj.stringData)?.[key]);
  if (sd !== undefined) return sd;
  const d = asStr(asRec(s.obj.obj.data)?.[key]);
  return d === undefined ? undefined : decodeBase64(d);
}

function resolveAt(idx: BundleIndex, env: ContainerEnv, entry: EnvEntry, depth: number): Resolved {
  switch (entry.source) {
    case 'secret':
    case 'secret-envfrom': {
      const v = secretValue(idx, entry.secretName ?? '', entry.secretKey ?? '');
      // The Secret is in the bundle without the key: the kubelet refuses to start the container.
      if (v === undefined && idx.secrets.get(entry.secretName ?? '')?.keys.has(entry.secretKey ?? '') === false)
        return { absent: `Secret ${entry.secretName} has no key ${entry.secretKey}, so the pod does not start` };
      if (v === undefined) return { opaque: `Secret ${entry.secretName}/${entry.secretKey} is not in the bundle` };
      return isPlaceholder(v)
        ? { opaque: `Secret ${entry.secretName}/${entry.secretKey} holds a placeholder` }
        : { text: v };
    }
    case 'configmap':
    case 'configmap-envfrom':
      if (entry.absent) return { absent: entry.absent };
      if (entry.value === undefined) return { opaque: `ConfigMap ${entry.configMapName} is not in the bundle` };
      return isPlaceholder(entry.value)
        ? { opaque: `ConfigMap ${entry.configMapName} holds a placeholder` }
        : { text: entry.value };
    case 'literal':
      return expandLiteral(idx, env, entry, depth);
    default:
      return {
        opaque:
          `${entry.name} comes from the pod's ` +
          `${entry.source === 'field' ? `field ${entry.fieldPath}` : 'runtime'}`,
      };
  }
}

/** `$(VAR)` names a variable defined earlier in the same container; anything else stays as written. */
function expandLiteral(idx: BundleIndex, env: ContainerEnv, entry: EnvEntry, depth: number): Resolved {
  const raw = entry.value ?? '';
  const before = env.entries.slice(0, env.entries.indexOf(entry));
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const start = raw.indexOf('$(', i);
    if (start < 0) break;
    const end = raw.indexOf(')', start + 2);
    if (end < 0) break;
    out += raw.slice(i, start);
    const name = raw.slice(start + 2, end);
    // `$$(X)` is the escape for a literal `$(X)`.
    if (start > 0 && raw[start - 1] === '$') {
      out = out.slice(0, -1) + raw.slice(start, end + 1);
    } else {
      const ref = before.filter((e) => e.name === name).pop();
      if (!ref || depth > 8) out += raw.slice(start, end + 1);
      else {
        const sub = resolveAt(idx, env, ref, depth + 1);
        // A credential part that cannot be read does not hide the host around it.
        out += 'text' in sub ? sub.text : `$(${name})`;
      }
    }
    i = end + 1;
  }
  out += raw.slice(i);
  return isPlaceholder(out) ? { opaque: `${entry.name} is a placeholder` } : { text: out };
}

export function resolveValue(idx: BundleIndex, env: ContainerEnv, entry: EnvEntry): Resolved {
  return resolveAt(idx, env, entry, 0);
}
