/**
 * Breakages of how the value reaches the process, resolved as the kubelet does: `$(VAR)`
 * expansion (an escape `$$(VAR)`, a variable that is undefined or defined later stays literal),
 * `configMapKeyRef` / `secretKeyRef` (Secret `data` in base64 and `stringData`), `envFrom` with
 * a prefix, optional references to objects or keys that are not there.
 */
import type { Breakage } from './reach-redteam-breakages.fixture';
import { containerOf, type Draft, type Obj, type Pair } from './reach-redteam-bundle.fixture';
import { FORMATS } from './reach-redteam-formats.fixture';

/** The value the consumer reads, with host h and port p, in the pair's first format. */
export function valueWith(pr: Pair, h: string, port = pr.port): string | undefined {
  if (pr.rule === 'discovery') return `http://${h}:${port}`;
  const f = FORMATS[pr.server.engine ?? ('' as never)]?.[0];
  return f?.value(pr.service, pr.port, h, port);
}

function env(c: Obj): Obj[] {
  if (!Array.isArray(c.env)) c.env = [];
  return c.env as Obj[];
}

/** Replace the consumer's entry (in place) with `entry`; `before`/`after` go around it. */
export function setValue(d: Draft, pr: Pair, entry: Obj | undefined, before: Obj[] = [], after: Obj[] = []): boolean {
  const c = containerOf(d.workload(pr.workload));
  if (!c) return false;
  const list = env(c);
  let at = list.findIndex((e) => e.name === pr.key);
  if (at >= 0) list.splice(at, 1);
  else at = list.length;
  list.splice(at, 0, ...before, ...(entry ? [{ name: pr.key, ...entry }] : []), ...after);
  return true;
}

type Typo = (s: string) => string;

function resolve(
  name: string,
  expect: Breakage['expect'],
  host: (p: Pair, typo: Typo) => string,
  put: (d: Draft, p: Pair, value: string, typo: Typo) => boolean,
): Breakage {
  return {
    name,
    family: 'resolve',
    expect,
    apply: (d, p, typo) => {
      const v = valueWith(p, host(p, typo));
      return v !== undefined && put(d, p, v, typo);
    },
  };
}

const bad = (p: Pair, typo: Typo) => typo(p.service);
const good = (p: Pair) => p.service;

const configMap = (name: string, data: Record<string, string>): Obj => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
});
const secret = (name: string, field: 'data' | 'stringData', data: Record<string, string>): Obj => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name },
  type: 'Opaque',
  [field]: field === 'data' ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, btoa(v)])) : data,
});

/** The value with `ref` where the host goes, and RT_HOST defined before or after it. */
const byVar = (d: Draft, p: Pair, hostVar: string, where: 'before' | 'after', ref = '$(RT_HOST)') =>
  setValue(
    d,
    p,
    { value: valueWith(p, ref) },
    where === 'before' ? [{ name: 'RT_HOST', value: hostVar }] : [],
    where === 'after' ? [{ name: 'RT_HOST', value: hostVar }] : [],
  );

function fromConfigMap(d: Draft, p: Pair, v: string, key = 'cs', optional = false): boolean {
  d.add(configMap('rt-config', { cs: v }));
  return setValue(d, p, {
    valueFrom: { configMapKeyRef: { name: 'rt-config', key, ...(optional ? { optional } : {}) } },
  });
}

function fromSecret(d: Draft, p: Pair, v: string, field: 'data' | 'stringData', key = 'cs'): boolean {
  d.add(secret('rt-secret', field, { cs: v }));
  return setValue(d, p, { valueFrom: { secretKeyRef: { name: 'rt-secret', key } } });
}

/** `envFrom` with prefix: the key is the env name without the prefix. */
function fromEnvFrom(d: Draft, p: Pair, v: string, kind: 'configMapRef' | 'secretRef'): boolean {
  const cut = p.key.indexOf('__') + 2;
  const [pre, key] = [p.key.slice(0, cut), p.key.slice(cut)];
  d.add(kind === 'configMapRef' ? configMap('rt-env', { [key]: v }) : secret('rt-env', 'stringData', { [key]: v }));
  const c = containerOf(d.workload(p.workload));
  if (!c || cut < 2) return false;
  c.envFrom = [...(Array.isArray(c.envFrom) ? c.envFrom : []), { prefix: pre, [kind]: { name: 'rt-env' } }];
  return setValue(d, p, undefined);
}

export const RESOLVE: Breakage[] = [
  resolve('$(VAR) host, right', 'pass', good, (d, p) => byVar(d, p, p.service, 'before')),
  resolve('$(VAR) host with a typo', 'fail', good, (d, p, _v, typo) => byVar(d, p, typo(p.service), 'before')),
  resolve('$$(VAR) escape stays literal', 'fail', good, (d, p) => byVar(d, p, p.service, 'before', '$$(RT_HOST)')),
  resolve('$(VAR) undefined stays literal', 'fail', good, (d, p) => byVar(d, p, p.service, 'before', '$(RT_NONE)')),
  resolve('$(VAR) defined after it stays literal', 'fail', good, (d, p) => byVar(d, p, p.service, 'after')),
  resolve('configMapKeyRef, right', 'pass', good, (d, p, v) => fromConfigMap(d, p, v)),
  resolve('configMapKeyRef host typo', 'fail', bad, (d, p, v) => fromConfigMap(d, p, v)),
  resolve('configMapKeyRef to a missing key', 'fail', good, (d, p, v) => fromConfigMap(d, p, v, 'other')),
  resolve('optional configMapKeyRef to a missing key', 'fail', good, (d, p, v) =>
    fromConfigMap(d, p, v, 'other', true),
  ),
  resolve('optional configMapKeyRef to a missing ConfigMap', 'fail', good, (d, p) =>
    setValue(d, p, { valueFrom: { configMapKeyRef: { name: 'rt-absent', key: 'cs', optional: true } } }),
  ),
  resolve('secretKeyRef data (base64), right', 'pass', good, (d, p, v) => fromSecret(d, p, v, 'data')),
  resolve('secretKeyRef data (base64) host typo', 'fail', bad, (d, p, v) => fromSecret(d, p, v, 'data')),
  resolve('secretKeyRef stringData host typo', 'fail', bad, (d, p, v) => fromSecret(d, p, v, 'stringData')),
  resolve('secretKeyRef to a key the Secret lacks', 'fail', good, (d, p, v) => fromSecret(d, p, v, 'data', 'other')),
  resolve('envFrom configMapRef with prefix, right', 'pass', good, (d, p, v) => fromEnvFrom(d, p, v, 'configMapRef')),
  resolve('envFrom configMapRef with prefix, host typo', 'fail', bad, (d, p, v) =>
    fromEnvFrom(d, p, v, 'configMapRef'),
  ),
  resolve('envFrom secretRef with prefix, host typo', 'fail', bad, (d, p, v) => fromEnvFrom(d, p, v, 'secretRef')),
  // Discovery has a second key (X_HTTP) the consumer may still read: only connection values.
  resolve('only an optional envFrom of a missing ConfigMap', 'doubt', good, (d, p) => {
    const c = containerOf(d.workload(p.workload));
    if (!c || p.rule !== 'reachability') return false;
    c.envFrom = [{ configMapRef: { name: 'rt-absent', optional: true } }];
    return setValue(d, p, undefined);
  }),
];
