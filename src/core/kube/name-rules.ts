/**
 * The apiserver's validation rules that no JSON schema encodes: name formats, uniqueness,
 * volume mounts that name a volume, selectors that match their pod template. Aspire's own
 * publisher shipped charts breaking several of these (names with dots or capitals, §12.12 of
 * aspire-manifest.md), so the validator checks them the way `ValidateObjectMeta`,
 * `ValidatePodSpec` and friends would, without a cluster.
 */

export interface NameRuleIssue {
  path: string;
  message: string;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** Env names accepted by every supported cluster (1.32 relaxed this behind a feature gate). */
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const WILDCARD_HOST = /^\*\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

type Obj = Record<string, unknown>;

function rec(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}
function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function esc(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function label(value: string, what: string): string | undefined {
  if (value.length > 63) return `${what} "${value}" is longer than 63 characters`;
  if (!DNS1123_LABEL.test(value))
    return `${what} "${value}" must be a lower-case RFC 1123 label (a-z, 0-9, '-', alphanumeric at both ends)`;
  return undefined;
}
function subdomain(value: string, what: string): string | undefined {
  if (value.length > 253) return `${what} "${value}" is longer than 253 characters`;
  if (!DNS1123_SUBDOMAIN.test(value))
    return `${what} "${value}" must be a lower-case RFC 1123 subdomain (a-z, 0-9, '-', '.')`;
  return undefined;
}
function dns1035(value: string, what: string): string | undefined {
  if (value.length > 63) return `${what} "${value}" is longer than 63 characters`;
  if (!DNS1035_LABEL.test(value))
    return `${what} "${value}" must be a lower-case RFC 1035 label (start with a letter; a-z, 0-9, '-')`;
  return undefined;
}
function portName(value: string, what: string): string | undefined {
  if (value.length > 15) return `${what} "${value}" is longer than 15 characters (IANA service name)`;
  if (!IANA_SVC_NAME.test(value) || value.includes('--') || !/[a-z]/.test(value)) {
    return `${what} "${value}" must be an IANA service name (lower-case a-z, 0-9, '-', at least one letter, no '--')`;
  }
  return undefined;
}
function qualifiedKey(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && subdomain(prefix, 'prefix')) return `label key "${key}" has an invalid prefix`;
  if (name.length > 63 || !QUALIFIED_NAME.test(name))
    return `label key "${key}" must be a qualified name (≤ 63 characters, alphanumeric at both ends)`;
  return undefined;
}

function metadataIssues(kind: string, obj: Obj, at: string, out: NameRuleIssue[], isTemplate = false): void {
  const meta = rec(obj.metadata);
  if (!meta) return;
  const name = meta.name;
  if (!isTemplate) {
    if (typeof name !== 'string' || name === '') {
      if (meta.generateName === undefined)
        out.push({ path: `${at}/metadata`, message: 'missing required field "name"' });
    } else {
      const problem =
        kind === 'Service'
          ? dns1035(name, 'Service name')
          : kind === 'Namespace'
            ? label(name, 'Namespace name')
            : subdomain(name, `${kind} name`);
      if (problem) out.push({ path: `${at}/metadata/name`, message: problem });
    }
    if (typeof meta.namespace === 'string') {
      const problem = label(meta.namespace, 'namespace');
      if (problem) out.push({ path: `${at}/metadata/namespace`, message: problem });
    }
  }
  const labels = rec(meta.labels) ?? {};
  for (const [k, v] of Object.entries(labels)) {
    const keyProblem = qualifiedKey(k);
    if (keyProblem) out.push({ path: `${at}/metadata/labels/${esc(k)}`, message: keyProblem });
    if (typeof v === 'string' && (v.length > 63 || !LABEL_VALUE.test(v))) {
      out.push({
        path: `${at}/metadata/labels/${esc(k)}`,
        message: `label value "${v}" must be ≤ 63 characters of [A-Za-z0-9-_.], alphanumeric at both ends`,
      });
    }
  }
  const annotations = rec(meta.annotations) ?? {};
  for (const k of Object.keys(annotations)) {
    const keyProblem = qualifiedKey(k);
    if (keyProblem)
      out.push({
        path: `${at}/metadata/annotations/${esc(k)}`,
        message: keyProblem.replace('label key', 'annotation key'),
      });
  }
}

function containerIssues(
  containers: unknown[],
  at: string,
  volumeNames: Set<string>,
  seenNames: Set<string>,
  out: NameRuleIssue[],
): void {
  containers.forEach((c, i) => {
    const container = rec(c);
    if (!container) return;
    const p = `${at}/${i}`;
    if (typeof container.name === 'string') {
      const problem = label(container.name, 'container name');
      if (problem) out.push({ path: `${p}/name`, message: problem });
      if (seenNames.has(container.name))
        out.push({ path: `${p}/name`, message: `container name "${container.name}" is used twice in the pod` });
      seenNames.add(container.name);
    }
    const portNames = new Set<string>();
    list(container.ports).forEach((port, j) => {
      const name = rec(port)?.name;
      if (typeof name !== 'string') return;
      const problem = portName(name, 'container port name');
      if (problem) out.push({ path: `${p}/ports/${j}/name`, message: problem });
      if (portNames.has(name))
        out.push({ path: `${p}/ports/${j}/name`, message: `port name "${name}" is used twice in the container` });
      portNames.add(name);
    });
    const envNames = new Set<string>();
    list(container.env).forEach((env, j) => {
      const name = rec(env)?.name;
      if (typeof name !== 'string') return;
      if (!ENV_NAME.test(name))
        out.push({
          path: `${p}/env/${j}/name`,
          message: `environment variable name "${name}" must match [-._a-zA-Z][-._a-zA-Z0-9]*`,
        });
      if (envNames.has(name))
        out.push({ path: `${p}/env/${j}/name`, message: `environment variable "${name}" is set twice` });
      envNames.add(name);
    });
    list(container.volumeMounts).forEach((m, j) => {
      const name = rec(m)?.name;
      if (typeof name === 'string' && !volumeNames.has(name)) {
        out.push({ path: `${p}/volumeMounts/${j}/name`, message: `volume mount "${name}" names no volume of the pod` });
      }
    });
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
      const port = rec(rec(rec(container[probe])?.httpGet))?.port ?? rec(rec(container[probe])?.tcpSocket)?.port;
      if (typeof port === 'string' && !portNames.has(port)) {
        out.push({
          path: `${p}/${probe}`,
          message: `${probe} targets port "${port}", which the container does not declare`,
        });
      }
    }
  });
}

function podSpecIssues(spec: Obj, at: string, claimTemplates: string[], out: NameRuleIssue[]): void {
  const volumeNames = new Set<string>(claimTemplates);
  list(spec.volumes).forEach((v, i) => {
    const name = rec(v)?.name;
    if (typeof name !== 'string') return;
    const problem = label(name, 'volume name');
    if (problem) out.push({ path: `${at}/volumes/${i}/name`, message: problem });
    if (volumeNames.has(name))
      out.push({ path: `${at}/volumes/${i}/name`, message: `volume name "${name}" is used twice in the pod` });
    volumeNames.add(name);
  });
  const seen = new Set<string>();
  containerIssues(list(spec.initContainers), `${at}/initContainers`, volumeNames, seen, out);
  containerIssues(list(spec.containers), `${at}/containers`, volumeNames, seen, out);
}

function selectorMatches(selector: Obj | undefined, labels: Obj): boolean {
  if (!selector) return true;
  const match = rec(selector.matchLabels) ?? {};
  return Object.entries(match).every(([k, v]) => labels[k] === v);
}

function workloadIssues(kind: string, obj: Obj, out: NameRuleIssue[]): void {
  const spec = rec(obj.spec);
  const template = rec(spec?.template);
  if (!spec || !template) return;
  metadataIssues(kind, template, '/spec/template', out, true);
  const claimTemplates: string[] = [];
  list(spec.volumeClaimTemplates).forEach((t, i) => {
    const name = rec(rec(t)?.metadata)?.name;
    if (typeof name !== 'string') return;
    const problem = label(name, 'volume claim template name');
    if (problem) out.push({ path: `/spec/volumeClaimTemplates/${i}/metadata/name`, message: problem });
    claimTemplates.push(name);
  });
  const labels = rec(rec(template.metadata)?.labels) ?? {};
  if (kind !== 'Job' && !selectorMatches(rec(spec.selector), labels)) {
    out.push({ path: '/spec/selector', message: 'selector does not match the pod template labels' });
  }
  const podSpec = rec(template.spec);
  if (podSpec) podSpecIssues(podSpec, '/spec/template/spec', claimTemplates, out);
}

function serviceIssues(obj: Obj, out: NameRuleIssue[]): void {
  const ports = list(rec(obj.spec)?.ports);
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = rec(port);
    if (!p) return;
    if (typeof p.name === 'string') {
      const problem = label(p.name, 'Service port name');
      if (problem) out.push({ path: `/spec/ports/${i}/name`, message: problem });
      if (names.has(p.name))
        out.push({ path: `/spec/ports/${i}/name`, message: `Service port name "${p.name}" is used twice` });
      names.add(p.name);
    } else if (ports.length > 1) {
      out.push({ path: `/spec/ports/${i}`, message: 'every port of a multi-port Service needs a name' });
    }
    if (typeof p.targetPort === 'string') {
      const problem = portName(p.targetPort, 'Service targetPort');
      if (problem) out.push({ path: `/spec/ports/${i}/targetPort`, message: problem });
    }
  });
}

function dataKeyIssues(obj: Obj, out: NameRuleIssue[]): void {
  for (const field of ['data', 'stringData', 'binaryData']) {
    for (const key of Object.keys(rec(obj[field]) ?? {})) {
      if (key.length > 253 || !CONFIG_KEY.test(key)) {
        out.push({
          path: `/${field}/${esc(key)}`,
          message: `key "${key}" must consist of [-._a-zA-Z0-9] (≤ 253 characters)`,
        });
      }
    }
  }
}

function ingressIssues(obj: Obj, out: NameRuleIssue[]): void {
  list(rec(obj.spec)?.rules).forEach((r, i) => {
    const rule = rec(r);
    if (!rule) return;
    if (typeof rule.host === 'string' && !WILDCARD_HOST.test(rule.host) && subdomain(rule.host, 'host')) {
      out.push({
        path: `/spec/rules/${i}/host`,
        message: `host "${rule.host}" must be a lower-case DNS name (optionally starting with "*.")`,
      });
    }
    list(rec(rule.http)?.paths).forEach((pp, j) => {
      const path = rec(pp)?.path;
      if (typeof path === 'string' && !path.startsWith('/'))
        out.push({ path: `/spec/rules/${i}/http/paths/${j}/path`, message: `path "${path}" must start with "/"` });
      const backendPort = rec(rec(rec(rec(pp)?.backend)?.service)?.port);
      if (backendPort && backendPort.name === undefined && backendPort.number === undefined) {
        out.push({
          path: `/spec/rules/${i}/http/paths/${j}/backend/service/port`,
          message: 'backend port needs a name or a number',
        });
      }
    });
  });
}

/** Name and reference rules for one object of a kind the validator knows. */
export function nameRuleIssues(kind: string, obj: Obj): NameRuleIssue[] {
  const out: NameRuleIssue[] = [];
  metadataIssues(kind, obj, '', out);
  if (kind === 'Deployment' || kind === 'StatefulSet' || kind === 'Job') workloadIssues(kind, obj, out);
  if (kind === 'Service') serviceIssues(obj, out);
  if (kind === 'Secret' || kind === 'ConfigMap') dataKeyIssues(obj, out);
  if (kind === 'Ingress') ingressIssues(obj, out);
  return out;
}
