/**
 * A container's environment as the process will see it: `env` entries (literal, Secret,
 * ConfigMap, downward API) and `envFrom` Secret/ConfigMap keys found in the bundle, with
 * `$(VAR)` expansion, so a rule can ask "where does ConnectionStrings__catalog come from?".
 */
import {
  asArr,
  asRec,
  asStr,
  configObjects,
  evidenceAt,
  getIn,
  placeOf,
  type BundleIndex,
  type Container,
  type KObj,
  type Path,
} from './bundle-index';
import type { Evidence } from './types';

export type EnvSource =
  'literal' | 'secret' | 'configmap' | 'field' | 'resource-field' | 'secret-envfrom' | 'configmap-envfrom' | 'unknown';

export interface EnvEntry {
  name: string;
  source: EnvSource;
  /** Literal value, or the ConfigMap value when it is in the bundle. */
  value?: string;
  secretName?: string;
  secretKey?: string;
  configMapName?: string;
  fieldPath?: string;
  /** Why the kubelet sets no value: a key the ConfigMap lacks, an optional ConfigMap the bundle lacks. */
  absent?: string;
  /** envFrom of an object not in the bundle: keys unknown. */
  evidence: Evidence;
  path: Path;
}

export interface ContainerEnv {
  entries: EnvEntry[];
  /** envFrom Secrets that are not in the bundle: they may define any key. */
  opaqueSecretSources: { name: string; prefix: string; evidence: Evidence }[];
  opaqueConfigMapSources: { name: string; prefix: string; evidence: Evidence }[];
  /** Last entry by name (later `env` entries win over envFrom, as in Kubernetes). */
  get(name: string): EnvEntry | undefined;
}

/**
 * One environment per container, kept across checks: the context, lint and parameter rules
 * all ask, and after a keystroke only the edited document's containers have a new spec. An
 * environment reads its container's spec, where its document sits (evidence lines) and the
 * bundle's ConfigMaps and Secrets, so those three are the key.
 */
const envCache = new WeakMap<object, { place: string; config: string; env: ContainerEnv }>();

export function containerEnv(idx: BundleIndex, w: KObj, c: Container): ContainerEnv {
  const place = `${placeOf(w)}\u0000${c.path.join('/')}`;
  const config = configIdentity(idx);
  const hit = envCache.get(c.spec);
  if (hit && hit.place === place && hit.config === config) return hit.env;
  const env = buildContainerEnv(idx, w, c);
  envCache.set(c.spec, { place, config, env });
  return env;
}

/** Numbers for parsed values, so a key can say "the same object" (equal numbers) as a string. */
const valueIds = new WeakMap<object, number>();
let nextValueId = 1;
function valueId(x: unknown): number {
  if (x === null || typeof x !== 'object') return nextValueId++;
  let id = valueIds.get(x);
  if (id === undefined) valueIds.set(x, (id = nextValueId++));
  return id;
}

/** The ConfigMaps and Secrets of an index as documents in places: equal strings, equal inputs. */
const configIdentities = new WeakMap<BundleIndex, string>();
function configIdentity(idx: BundleIndex): string {
  let id = configIdentities.get(idx);
  if (id === undefined) {
    id = configObjects(idx)
      .map((o) => `${valueId(o.obj)}@${placeOf(o)}`)
      .join(',');
    configIdentities.set(idx, id);
  }
  return id;
}

function buildContainerEnv(idx: BundleIndex, w: KObj, c: Container): ContainerEnv {
  const entries: EnvEntry[] = [];
  const opaqueSecretSources: ContainerEnv['opaqueSecretSources'] = [];
  const opaqueConfigMapSources: ContainerEnv['opaqueConfigMapSources'] = [];
  asArr(c.spec.envFrom).forEach((f, i) => {
    const r = asRec(f);
    if (!r) return;
    const path = [...c.path, 'envFrom', i];
    const prefix = asStr(r.prefix) ?? '';
    const sname = asStr(asRec(r.secretRef)?.name);
    const cname = asStr(asRec(r.configMapRef)?.name);
    const evidence = evidenceAt(w, path);
    if (sname !== undefined) {
      const s = idx.secrets.get(sname);
      if (s)
        for (const k of s.keys)
          entries.push({ name: prefix + k, source: 'secret-envfrom', secretName: sname, secretKey: k, evidence, path });
      else opaqueSecretSources.push({ name: sname, prefix, evidence });
    }
    if (cname !== undefined) {
      const cm = idx.configMaps.get(cname);
      if (cm)
        for (const [k, v] of Object.entries(cm.data))
          entries.push({
            name: prefix + k,
            source: 'configmap-envfrom',
            configMapName: cname,
            value: v,
            evidence: cmKeyEvidence(cm.obj, k) ?? evidence,
            path,
          });
      else opaqueConfigMapSources.push({ name: cname, prefix, evidence });
    }
  });
  asArr(c.spec.env).forEach((e, i) => {
    const r = asRec(e);
    const name = asStr(r?.name);
    if (!r || name === undefined) return;
    const path = [...c.path, 'env', i];
    const evidence = evidenceAt(w, path);
    const vf = asRec(r.valueFrom);
    if (!vf) {
      entries.push({
        name,
        source: 'literal',
        value: r.value === undefined || r.value === null ? '' : (asStr(r.value) ?? ''),
        evidence,
        path,
      });
      return;
    }
    const sk = asRec(vf.secretKeyRef);
    const ck = asRec(vf.configMapKeyRef);
    const fr = asRec(vf.fieldRef);
    if (sk)
      entries.push({
        name,
        source: 'secret',
        secretName: asStr(sk.name) ?? '',
        secretKey: asStr(sk.key) ?? '',
        evidence,
        path,
      });
    else if (ck) {
      const cmName = asStr(ck.name) ?? '';
      const key = asStr(ck.key) ?? '';
      const cm = idx.configMaps.get(cmName);
      const optional = ck.optional === true;
      // A missing key stops the pod (CreateContainerConfigError) unless optional, which leaves the variable unset.
      const absent = cm
        ? cm.data[key] === undefined
          ? `ConfigMap ${cmName} has no key ${key}, so ${optional ? `${name} is unset` : 'the pod does not start'}`
          : undefined
        : optional
          ? `optional ConfigMap ${cmName} is not in the bundle, so ${name} is unset`
          : undefined;
      entries.push({
        name,
        source: 'configmap',
        configMapName: cmName,
        ...(cm?.data[key] !== undefined ? { value: cm.data[key] } : {}),
        ...(absent ? { absent } : {}),
        evidence,
        path,
      });
    } else if (fr) entries.push({ name, source: 'field', fieldPath: asStr(fr.fieldPath) ?? '', evidence, path });
    else if (vf.resourceFieldRef) entries.push({ name, source: 'resource-field', evidence, path });
    else entries.push({ name, source: 'unknown', evidence, path });
  });
  const byName = new Map<string, EnvEntry>();
  for (const e of entries) byName.set(e.name, e);
  return { entries, opaqueSecretSources, opaqueConfigMapSources, get: (n) => byName.get(n) };
}

function cmKeyEvidence(cm: KObj, key: string): Evidence | undefined {
  return getIn(cm.obj, ['data', key]) === undefined ? undefined : evidenceAt(cm, ['data', key]);
}

export interface Expanded {
  /** Value with `$(VAR)` replaced; secret parts become `<secret:NAME/KEY>`, unknown parts stay `$(VAR)`. */
  text: string;
  /** True when some of the value comes from a Secret. */
  fromSecret: boolean;
  /** True when the whole value comes from a Secret (directly or by expansion of only secret parts and literals). */
  literalParts: string;
  fieldPaths: string[];
}

/** Expand an entry's value the way the kubelet does: `$(VAR)` names earlier variables. */
export function expand(env: ContainerEnv, entry: EnvEntry, depth = 0): Expanded {
  if (entry.source === 'secret' || entry.source === 'secret-envfrom')
    return {
      text: `<secret:${entry.secretName}/${entry.secretKey}>`,
      fromSecret: true,
      literalParts: '',
      fieldPaths: [],
    };
  if (entry.source === 'field')
    return {
      text: `<field:${entry.fieldPath}>`,
      fromSecret: false,
      literalParts: '',
      fieldPaths: [entry.fieldPath ?? ''],
    };
  const raw = entry.value ?? '';
  let fromSecret = false;
  let literalParts = '';
  const fieldPaths: string[] = [];
  let last = 0;
  let text = '';
  const re = /\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw)) !== null) {
    literalParts += raw.slice(last, m.index);
    text += raw.slice(last, m.index);
    last = m.index + m[0].length;
    // Only variables defined before this one expand (Kubernetes rule); depth guards cycles.
    const ref = env.entries
      .slice(0, env.entries.indexOf(entry))
      .filter((e) => e.name === m![1])
      .pop();
    if (!ref || depth > 8) {
      text += m[0];
      continue;
    }
    const sub = expand(env, ref, depth + 1);
    text += sub.text;
    literalParts += sub.literalParts;
    fromSecret ||= sub.fromSecret;
    fieldPaths.push(...sub.fieldPaths);
  }
  literalParts += raw.slice(last);
  text += raw.slice(last);
  return { text, fromSecret, literalParts, fieldPaths };
}
