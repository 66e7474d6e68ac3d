/**
 * The bundle as Kubernetes objects: every parsed document with kind/name, plus lookups the
 * rules share (pod-owning workloads, Services, Secrets, ConfigMaps, claims, Ingresses).
 * Evidence helpers turn a path inside an object into a file:line range.
 */
import type { YamlDoc } from '../yaml/parse';
import type { Evidence } from './types';
import { asArr, asRec, asStr, getIn, strMap, type Path, type Rec } from './value-access';

export { asArr, asRec, asStr, getIn, strMap, type Path, type Rec } from './value-access';
export { servicesSelecting, workloadsSelectedBy } from './service-selection';

export interface KObj {
  doc: YamlDoc;
  kind: string;
  apiVersion: string;
  name: string;
  namespace?: string;
  obj: Rec;
}

export interface Container {
  /** Index in its list; `init` tells which list. */
  index: number;
  init: boolean;
  spec: Rec;
  name: string;
  /** Path from the document root to this container. */
  path: Path;
}

/** Anything that runs pods: Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, ReplicaSet, Rollout… */
export interface Workload extends KObj {
  podSpec: Rec;
  podPath: Path;
  templateLabels: Record<string, string>;
  /** matchLabels (or the pod's own labels for a bare Pod). */
  selector?: Record<string, string>;
  replicas?: number;
  containers: Container[];
  initContainers: Container[];
}

export interface BundleIndex {
  objects: KObj[];
  workloads: Workload[];
  services: KObj[];
  ingresses: KObj[];
  /** Secret name → keys it defines (data and stringData). */
  secrets: Map<string, { obj: KObj; keys: Set<string> }>;
  configMaps: Map<string, { obj: KObj; data: Record<string, string> }>;
  pvcs: Map<string, KObj>;
}

/** Where an object's document sits: evidence lines depend on it, so caches key on it. */
export function placeOf(o: KObj): string {
  return `${o.doc.file}\u0000${o.doc.index}\u0000${o.doc.startLine}`;
}

/** The ConfigMaps and Secrets: what a container's environment reads besides its own spec. */
export function configObjects(idx: BundleIndex): KObj[] {
  return [...[...idx.configMaps.values()].map((c) => c.obj), ...[...idx.secrets.values()].map((s) => s.obj)];
}

export function evidenceAt(o: KObj, path: Path = []): Evidence {
  const r = o.doc.rangeOf(path);
  return r.endLine > r.line
    ? { file: o.doc.file, line: r.line, endLine: r.endLine }
    : { file: o.doc.file, line: r.line };
}

function podPathOf(kind: string, obj: Rec): Path | undefined {
  if (kind === 'Pod') return ['spec'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  if (asRec(getIn(obj, ['spec', 'template', 'spec']))) return ['spec', 'template', 'spec'];
  return undefined;
}

function containersOf(podSpec: Rec, podPath: Path, init: boolean): Container[] {
  const key = init ? 'initContainers' : 'containers';
  const list = podSpec[key];
  const out: Container[] = [];
  if (!Array.isArray(list)) return out;
  for (let index = 0; index < list.length; index++) {
    const spec = asRec(list[index]);
    if (spec) out.push({ index, init, spec, name: asStr(spec.name) ?? '', path: [...podPath, key, index] });
  }
  return out;
}

function emptyIndex(): BundleIndex {
  return {
    objects: [],
    workloads: [],
    services: [],
    ingresses: [],
    secrets: new Map(),
    configMaps: new Map(),
    pvcs: new Map(),
  };
}

/** One document's part of the index; its lists exist only when the document adds to them. */
interface DocPart {
  objects: KObj[];
  workloads?: Workload[];
  services?: KObj[];
  ingresses?: KObj[];
  secrets?: [string, { obj: KObj; keys: Set<string> }][];
  configMaps?: [string, { obj: KObj; data: Record<string, string> }][];
  pvcs?: [string, KObj][];
}

/**
 * Each document's own part of the index, kept while the document object lives: the YAML cache
 * hands back the same YamlDoc for an unchanged document in the same place, so a re-check after
 * a one-document edit indexes one document, and the rule memo finds the same objects again.
 * Parts are small (no empty Maps per document: those were a tenth of a cold check's garbage).
 */
const perDoc = new WeakMap<YamlDoc, DocPart>();

export function buildIndex(docs: readonly YamlDoc[]): BundleIndex {
  const idx = emptyIndex();
  for (const d of docs) {
    let part = perDoc.get(d);
    if (!part) perDoc.set(d, (part = indexDoc(d)));
    // Merged in document order with Map.set, exactly as indexing all documents at once would.
    for (const o of part.objects) idx.objects.push(o);
    if (part.workloads) for (const w of part.workloads) idx.workloads.push(w);
    if (part.services) for (const s of part.services) idx.services.push(s);
    if (part.ingresses) for (const i of part.ingresses) idx.ingresses.push(i);
    if (part.secrets) for (const [k, v] of part.secrets) idx.secrets.set(k, v);
    if (part.configMaps) for (const [k, v] of part.configMaps) idx.configMaps.set(k, v);
    if (part.pvcs) for (const [k, v] of part.pvcs) idx.pvcs.set(k, v);
  }
  return idx;
}

function indexDoc(d: YamlDoc): DocPart {
  const part: DocPart = { objects: [] };
  const obj = asRec(d.value);
  if (obj) addObject(part, d, obj);
  return part;
}

function addObject(part: DocPart, doc: YamlDoc, obj: Rec): void {
  const kind = asStr(obj.kind);
  if (!kind) return;
  if (kind === 'List') {
    // kubectl's List wraps items; positions point at the List document.
    for (const item of asArr(obj.items)) {
      const r = asRec(item);
      if (r) addObject(part, doc, r);
    }
    return;
  }
  const meta = asRec(obj.metadata) ?? {};
  const namespace = asStr(meta.namespace);
  const o: KObj = {
    doc,
    kind,
    apiVersion: asStr(obj.apiVersion) ?? '',
    name: asStr(meta.name) ?? '',
    obj,
    ...(namespace ? { namespace } : {}),
  };
  part.objects.push(o);
  const podPath = podPathOf(kind, obj);
  const podSpec = podPath ? asRec(getIn(obj, podPath)) : undefined;
  if (podPath && podSpec) {
    const template = kind === 'Pod' ? obj : getIn(obj, podPath.slice(0, -1));
    const labels = strMap(asRec(asRec(template)?.metadata)?.labels);
    const sel = asRec(getIn(obj, ['spec', 'selector']));
    const selector =
      kind === 'Pod'
        ? labels
        : sel
          ? strMap(sel.matchLabels ?? (kind === 'ReplicationController' ? sel : undefined))
          : undefined;
    const replicas = getIn(obj, ['spec', 'replicas']);
    (part.workloads ??= []).push({
      ...o,
      podSpec,
      podPath,
      templateLabels: labels,
      ...(selector ? { selector } : {}),
      ...(typeof replicas === 'number' ? { replicas } : {}),
      containers: containersOf(podSpec, podPath, false),
      initContainers: containersOf(podSpec, podPath, true),
    });
  }
  switch (kind) {
    case 'Service':
      (part.services ??= []).push(o);
      break;
    case 'Ingress':
    case 'HTTPRoute':
      (part.ingresses ??= []).push(o);
      break;
    case 'Secret':
      (part.secrets ??= []).push([
        o.name,
        { obj: o, keys: new Set([...Object.keys(asRec(obj.data) ?? {}), ...Object.keys(asRec(obj.stringData) ?? {})]) },
      ]);
      break;
    case 'ConfigMap':
      (part.configMaps ??= []).push([o.name, { obj: o, data: strMap(obj.data) }]);
      break;
    case 'PersistentVolumeClaim':
      (part.pvcs ??= []).push([o.name, o]);
      break;
  }
}

export interface ServicePort {
  index: number;
  name?: string;
  port: number;
  targetPort?: number | string;
  nodePort?: number;
}

export function servicePorts(s: KObj): ServicePort[] {
  return asArr(getIn(s.obj, ['spec', 'ports'])).flatMap((p, index) => {
    const r = asRec(p);
    if (!r || typeof r.port !== 'number') return [];
    const tp = r.targetPort;
    return [
      {
        index,
        port: r.port,
        ...(asStr(r.name) ? { name: asStr(r.name)! } : {}),
        ...(typeof tp === 'number' || typeof tp === 'string' ? { targetPort: tp } : {}),
      },
    ];
  });
}

export function serviceType(s: KObj): string {
  return asStr(getIn(s.obj, ['spec', 'type'])) ?? 'ClusterIP';
}

export interface ContainerPort {
  index: number;
  name?: string;
  containerPort: number;
}

export function containerPorts(c: Container): ContainerPort[] {
  return asArr(c.spec.ports).flatMap((p, index) => {
    const r = asRec(p);
    if (!r || typeof r.containerPort !== 'number') return [];
    return [{ index, containerPort: r.containerPort, ...(asStr(r.name) ? { name: asStr(r.name)! } : {}) }];
  });
}

/** The container port a Service port (or probe port) reaches: number, or a named container port. */
export function resolvePortRef(ref: number | string | undefined, c: Container, fallback?: number): number | undefined {
  if (typeof ref === 'number') return ref;
  if (typeof ref === 'string') {
    if (/^\d+$/.test(ref)) return Number(ref);
    return containerPorts(c).find((p) => p.name === ref)?.containerPort;
  }
  return fallback;
}
