/**
 * Breakages a reviewer makes to a generated bundle so that a consumer no longer reaches the
 * server it references (or, marked `expect: 'pass'`, rewrites that still reach it, where a fail
 * would be a false one). Each applies to one proven pair; `typo` is the generative part: it
 * changes one character of a host (the test draws it with fast-check).
 */
import { envKeyName } from '../model/names';
import { containerOf, list, obj, setEnv, type Draft, type Obj, type Pair } from './reach-redteam-bundle.fixture';
import { EXTERNAL, FORMATS, JDBC, URI_SCHEME, type Format } from './reach-redteam-formats.fixture';
import { RESOLVE, setValue, valueWith } from './reach-redteam-resolve.fixture';

export interface Breakage {
  name: string;
  family: 'service' | 'host' | 'format' | 'resolve' | 'property' | 'external';
  /** `doubt`: the bundle cannot prove it either way (an object outside it); a non-pass row with its reason. */
  expect: 'fail' | 'pass' | 'doubt';
  /** False when the breakage does not apply to the pair (the row stays as it was). */
  apply: (d: Draft, p: Pair, typo: (s: string) => string) => boolean;
}

function service(d: Draft, p: Pair): Obj | undefined {
  return d.find('Service', p.service);
}
const ports = (svc: Obj | undefined) => list(obj(svc?.spec).ports);

function serverContainerPort(d: Draft, p: Pair, ref: unknown): number | undefined {
  if (typeof ref === 'number') return ref;
  const c = containerOf(d.workload(p.server.name.toLowerCase()));
  return list(c?.ports).find((x) => x.name === ref)?.containerPort as number | undefined;
}

const SERVICE: Breakage[] = [
  { name: 'delete the Service', family: 'service', expect: 'fail', apply: (d, p) => d.remove('Service', p.service) },
  {
    name: 'rename the Service',
    family: 'service',
    expect: 'fail',
    apply: (d, p) => !!service(d, p) && ((obj(service(d, p)!.metadata).name = `${p.service}-svc`), true),
  },
  {
    name: 'Service selector names other labels',
    family: 'service',
    expect: 'fail',
    apply: (d, p) => {
      const sel = obj(obj(service(d, p)?.spec).selector);
      for (const k of Object.keys(sel)) sel[k] = `${String(sel[k])}-other`;
      return Object.keys(sel).length > 0;
    },
  },
  {
    name: 'Service port off by one',
    family: 'service',
    expect: 'fail',
    apply: (d, p) => ports(service(d, p)).every((x) => ((x.port = Number(x.port) + 1), true)),
  },
  {
    name: 'numeric targetPort off by one',
    family: 'service',
    expect: 'fail',
    apply: (d, p) =>
      ports(service(d, p)).every((x) => {
        const cp = serverContainerPort(d, p, x.targetPort ?? x.port);
        return cp !== undefined && ((x.targetPort = cp + 1), true);
      }),
  },
  {
    name: 'named targetPort that no container port names',
    family: 'service',
    expect: 'fail',
    apply: (d, p) => ports(service(d, p)).every((x) => ((x.targetPort = 'nope'), true)),
  },
  {
    name: 'container port removed under a named targetPort',
    family: 'service',
    expect: 'fail',
    apply: (d, p) => {
      if (!ports(service(d, p)).some((x) => typeof x.targetPort === 'string')) return false;
      const c = containerOf(d.workload(p.server.name.toLowerCase()));
      return !!c?.ports && delete c.ports;
    },
  },
  {
    name: 'server moved to another namespace, host still short',
    family: 'service',
    expect: 'fail',
    apply: (d, p) => {
      inNamespace(d, 'shop');
      obj(service(d, p)?.metadata).namespace = 'data';
      obj(d.workload(p.server.name.toLowerCase())?.metadata).namespace = 'data';
      return true;
    },
  },
];

/** Every namespaced object of the bundle in `ns` (what `kubectl apply -n` with explicit namespaces writes). */
function inNamespace(d: Draft, ns: string): void {
  for (const doc of d.everyDoc()) if (doc.kind !== 'Namespace') obj((doc.metadata ??= {})).namespace = ns;
}

function literal(host: (p: Pair, typo: (s: string) => string) => string, expect: Breakage['expect'], name: string) {
  return {
    name,
    family: 'host' as const,
    expect,
    apply: (d: Draft, p: Pair, typo: (s: string) => string) => {
      inNamespace(d, 'shop');
      const v = valueWith(p, host(p, typo));
      return v !== undefined && setValue(d, p, { value: v });
    },
  };
}

const HOSTS: Breakage[] = [
  literal((p) => `${p.service}.shop`, 'pass', 'host x.ns, right namespace'),
  literal((p) => `${p.service}.shop.svc`, 'pass', 'host x.ns.svc, right namespace'),
  literal((p) => `${p.service}.shop.svc.cluster.local`, 'pass', 'host FQDN, right namespace'),
  literal((p) => `${p.service}.other`, 'fail', 'host x.ns, wrong namespace'),
  literal((p) => `${p.service}.other.svc`, 'fail', 'host x.ns.svc, wrong namespace'),
  literal((p) => `${p.service}.other.svc.cluster.local`, 'fail', 'host FQDN, wrong namespace'),
  literal((p, typo) => `${typo(p.service)}.shop.svc.cluster.local`, 'fail', 'host FQDN with a typo'),
];

function formatBreakages(f: Format): Breakage[] {
  const fits = (p: Pair) =>
    p.rule === 'reachability' &&
    FORMATS[p.server.engine ?? ('' as never)]?.includes(f) === true &&
    (f.defaultPort === undefined || f.defaultPort === p.port);
  const put = (d: Draft, p: Pair, h: string, port: number) =>
    fits(p) && setValue(d, p, { value: f.value(p.service, p.port, h, port) });
  const out: Breakage[] = [
    { name: `${f.name}, right`, family: 'format', expect: 'pass', apply: (d, p) => put(d, p, p.service, p.port) },
    {
      name: `${f.name}, host typo`,
      family: 'format',
      expect: 'fail',
      apply: (d, p, typo) => put(d, p, typo(p.service), p.port),
    },
  ];
  if (f.port !== false)
    out.push({
      name: `${f.name}, port typo`,
      family: 'format',
      expect: 'fail',
      apply: (d, p) => put(d, p, p.service, p.port + 1),
    });
  return out;
}

const FORMAT_BREAKAGES = [...new Set(Object.values(FORMATS).flat())].flatMap(formatBreakages);

function property(name: string, expect: Breakage['expect'], set: (p: Pair, typo: (s: string) => string) => Obj[]) {
  return {
    name,
    family: 'property' as const,
    expect,
    apply: (d: Draft, p: Pair, typo: (s: string) => string) => {
      const c = containerOf(d.workload(p.workload));
      const entries = p.rule === 'reachability' ? set(p, typo) : [];
      if (!c || entries.length === 0) return false;
      for (const e of entries) setEnv(c, e);
      return true;
    },
  };
}
const prefix = (p: Pair) => envKeyName(p.target.name);
const scheme = (p: Pair) => URI_SCHEME[p.server.engine ?? ('' as never)];
const jdbc = (p: Pair) => JDBC[p.server.engine ?? ('' as never)];

const PROPERTIES: Breakage[] = [
  property('X_HOST and X_PORT, right', 'pass', (p) => [
    { name: `${prefix(p)}_HOST`, value: p.service },
    { name: `${prefix(p)}_PORT`, value: String(p.port) },
  ]),
  property('X_HOST typo', 'fail', (p, typo) => [{ name: `${prefix(p)}_HOST`, value: typo(p.service) }]),
  property('X_PORT typo', 'fail', (p) => [
    { name: `${prefix(p)}_HOST`, value: p.service },
    { name: `${prefix(p)}_PORT`, value: String(p.port + 1) },
  ]),
  property('X_URI host typo', 'fail', (p, typo) =>
    scheme(p) ? [{ name: `${prefix(p)}_URI`, value: `${scheme(p)}://u:x@${typo(p.service)}:${p.port}` }] : [],
  ),
  property('X_JDBCCONNECTIONSTRING host typo', 'fail', (p, typo) =>
    jdbc(p) ? [{ name: `${prefix(p)}_JDBCCONNECTIONSTRING`, value: jdbc(p)!(typo(p.service), p.port) }] : [],
  ),
  property('X_JDBCCONNECTIONSTRING port typo', 'fail', (p) =>
    jdbc(p) ? [{ name: `${prefix(p)}_JDBCCONNECTIONSTRING`, value: jdbc(p)!(p.service, p.port + 1) }] : [],
  ),
];

const EXTERNALS: Breakage[] = [
  {
    name: 'connection string to a managed server outside the cluster',
    family: 'external',
    expect: 'pass',
    apply: (d, p) => {
      const v = p.rule === 'reachability' ? EXTERNAL[p.server.engine ?? ('' as never)] : undefined;
      return v !== undefined && setValue(d, p, { value: v });
    },
  },
];

export const BREAKAGES: Breakage[] = [
  ...SERVICE,
  ...HOSTS,
  ...FORMAT_BREAKAGES,
  ...RESOLVE,
  ...PROPERTIES,
  ...EXTERNALS,
];
