/**
 * A workload's environment as the kubelet gives it to the process: `envFrom` first, then `env`
 * in order; `valueFrom` reads the ConfigMap or Secret; `$(VAR)` expands to a variable defined
 * earlier in the same container (else stays as written); `$$` is a literal `$`.
 * Secrets and ConfigMaps are looked up in the bundle; a value the user must fill (the
 * generator's placeholder or an empty parameter) gets a distinct placeholder, so a test can
 * tell which secret reached which variable.
 */
import type { KubeObject } from '../../core/kube/objects';

// Free-form manifest JSON and Kubernetes objects, probed field by field as the tests do.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

export const placeholder = (kind: 'secret' | 'config', name: string, key: string): string =>
  kind === 'secret'
    ? `SECRET_${name}_${key}`.replace(/[^A-Za-z0-9]/g, '_')
    : // URL-shaped: a plain parameter is often a URL (AddExternalService("x", parameter)).
      `http://config.example/${name}/${key}`;

/** Kubernetes' dependent-variable expansion (k8s.io/kubernetes third_party/forked/golang/expansion). */
export function expand(text: string, defined: ReadonlyMap<string, string>): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '$' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const next = text[i + 1]!;
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '(') {
      const close = text.indexOf(')', i + 2);
      if (close < 0) {
        out += text.slice(i);
        break;
      }
      const name = text.slice(i + 2, close);
      out += defined.has(name) ? defined.get(name)! : `$(${name})`;
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}

function lookup(objects: readonly KubeObject[], kind: 'Secret' | 'ConfigMap', name: string, key: string): string {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name) as Obj | undefined;
  const data = { ...(o?.data ?? {}), ...(o?.stringData ?? {}) } as Record<string, string>;
  const value =
    kind === 'Secret' && o?.data?.[key] !== undefined ? Buffer.from(o.data[key], 'base64').toString('utf8') : data[key];
  const fill =
    kind === 'Secret'
      ? o?.metadata?.annotations?.['aspire-parity.io/placeholder'] === 'true' || value === undefined
      : value === undefined || value === '';
  return fill ? placeholder(kind === 'Secret' ? 'secret' : 'config', name, key) : value!;
}

function fromSource(objects: readonly KubeObject[], kind: 'Secret' | 'ConfigMap', name: string): [string, string][] {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name) as Obj | undefined;
  const keys = Object.keys({ ...(o?.data ?? {}), ...(o?.stringData ?? {}) });
  return keys.map((k) => [k, lookup(objects, kind, name, k)]);
}

/** The env of the first container of a Deployment or StatefulSet. */
export function containerEnv(workload: KubeObject, objects: readonly KubeObject[]): Record<string, string> {
  const container = ((workload as Obj).spec?.template?.spec?.containers ?? [])[0] as Obj | undefined;
  const defined = new Map<string, string>();
  for (const from of container?.envFrom ?? []) {
    const prefix = from.prefix ?? '';
    const pairs = from.configMapRef
      ? fromSource(objects, 'ConfigMap', from.configMapRef.name)
      : from.secretRef
        ? fromSource(objects, 'Secret', from.secretRef.name)
        : [];
    for (const [k, v] of pairs) defined.set(prefix + k, v);
  }
  for (const e of container?.env ?? []) {
    let value: string;
    if (e.valueFrom?.secretKeyRef)
      value = lookup(objects, 'Secret', e.valueFrom.secretKeyRef.name, e.valueFrom.secretKeyRef.key);
    else if (e.valueFrom?.configMapKeyRef)
      value = lookup(objects, 'ConfigMap', e.valueFrom.configMapKeyRef.name, e.valueFrom.configMapKeyRef.key);
    else if (e.valueFrom?.fieldRef)
      value = `FIELD_${String(e.valueFrom.fieldRef.fieldPath).replace(/[^A-Za-z0-9]/g, '_')}`;
    else value = expand(String(e.value ?? ''), defined);
    defined.set(e.name, value);
  }
  return Object.fromEntries(defined);
}
