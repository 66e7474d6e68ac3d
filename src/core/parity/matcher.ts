/**
 * Finding, by meaning, which workload runs an Aspire resource and which Services reach it.
 * Never by our generator's naming scheme: a hand-written or third-party bundle (Aspire's own
 * publisher names Deployments `api-deployment`) must match too.
 */
import type { Resource } from '../model/topology';
import { asStr, servicesSelecting, type BundleIndex, type Container, type KObj, type Workload } from './bundle-index';

export interface WorkloadMatch {
  workload: Workload;
  container: Container;
  /** How it was recognised, for the row's detail. */
  by: string;
  score: number;
}

function imageRepo(image: string): string {
  // Drop digest and tag (a ':' after the last '/'), keep registry/path.
  const noDigest = image.split('@')[0]!;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return (colon > slash ? noDigest.slice(0, colon) : noDigest).toLowerCase();
}

/** `docker.io/library/redis` and `redis` are the same image. */
function bareRepo(repo: string): string {
  return repo.replace(/^docker\.io\/(library\/)?/, '');
}

function lastSegment(repo: string): string {
  return repo.slice(repo.lastIndexOf('/') + 1);
}

function otelName(c: Container): string | undefined {
  for (const e of Array.isArray(c.spec.env) ? c.spec.env : []) {
    const r = e as { name?: unknown; value?: unknown };
    if (r && r.name === 'OTEL_SERVICE_NAME') return asStr(r.value);
  }
  return undefined;
}

/** A container with what matching reads from it, derived once per bundle index. */
interface Candidate {
  workload: Workload;
  container: Container;
  /** Position in the bundle: ties go to the first, as a reader scanning the files would. */
  order: number;
  otel?: string;
  image?: string;
  bare?: string;
  last?: string;
}

/**
 * Candidates by every signal that can score (container name, OTEL_SERVICE_NAME, image, image
 * name, workload name): a resource looks up only the containers that could match it, instead
 * of scoring every container in the bundle (300 resources × 300 workloads was most of a check).
 */
const candidateIndex = new WeakMap<BundleIndex, Map<string, Candidate[]>>();

function candidatesOf(idx: BundleIndex): Map<string, Candidate[]> {
  let byKey = candidateIndex.get(idx);
  if (byKey) return byKey;
  byKey = new Map();
  const add = (key: string, c: Candidate) => {
    const list = byKey!.get(key);
    if (!list) byKey!.set(key, [c]);
    else if (list.at(-1) !== c) list.push(c);
  };
  let order = 0;
  for (const w of idx.workloads) {
    for (const container of w.containers) {
      const c: Candidate = { workload: w, container, order: order++ };
      const otel = otelName(container);
      if (otel !== undefined) c.otel = otel;
      const image = asStr(container.spec.image);
      if (image) {
        const repo = imageRepo(image);
        c.image = image;
        c.bare = bareRepo(repo);
        c.last = lastSegment(repo);
      }
      add(`c:${container.name}`, c);
      if (c.otel !== undefined) add(`o:${c.otel}`, c);
      if (c.bare !== undefined) add(`i:${c.bare}`, c);
      if (c.last !== undefined) add(`l:${c.last}`, c);
      add(`w:${w.name}`, c);
    }
  }
  candidateIndex.set(idx, byKey);
  return byKey;
}

/**
 * How strongly a container looks like it runs the resource (0 = not at all) and what made it,
 * for the row's detail. Only a resource's few indexed candidates are scored.
 */
function score(r: Resource, k8sName: string, rBare: string | undefined, c: Candidate): { score: number; by: string[] } {
  let s = 0;
  const by: string[] = [];
  if (c.container.name === k8sName || c.container.name === r.name) {
    s += 4;
    by.push(`container name "${c.container.name}"`);
  }
  if (c.otel !== undefined && (c.otel === r.name || c.otel === k8sName)) {
    s += 3;
    by.push(`OTEL_SERVICE_NAME "${c.otel}"`);
  }
  if (c.bare !== undefined) {
    const points =
      rBare !== undefined && rBare === c.bare ? 3 : c.last === k8sName || c.last === r.name.toLowerCase() ? 2 : 0;
    if (points) {
      s += points;
      by.push(`image "${c.image}"`);
    }
  }
  const w = c.workload;
  if (w.name === k8sName || w.name === `${k8sName}-deployment` || w.name === `${k8sName}-statefulset`) {
    s += 2;
    by.push(`${w.kind} name "${w.name}"`);
  }
  return { score: s, by };
}

/**
 * The workload and container that run a resource: the best-scoring candidate. A weak lone
 * signal (only a similar image) is accepted because hand-written bundles often rename
 * containers; the row detail says what matched so a reviewer can judge.
 */
export function findWorkload(
  idx: BundleIndex,
  r: Resource,
  k8sName: string,
  claimed?: ReadonlySet<Workload>,
): WorkloadMatch | undefined {
  const byKey = candidatesOf(idx);
  const rBare = r.image ? bareRepo(imageRepo(r.image)) : undefined;
  const keys = [
    `c:${k8sName}`,
    `c:${r.name}`,
    `o:${r.name}`,
    `o:${k8sName}`,
    `l:${k8sName}`,
    `l:${r.name.toLowerCase()}`,
    `w:${k8sName}`,
    `w:${k8sName}-deployment`,
    `w:${k8sName}-statefulset`,
  ];
  if (rBare !== undefined) keys.push(`i:${rBare}`);
  const seen = new Set<Candidate>();
  for (const k of keys) for (const c of byKey.get(k) ?? []) seen.add(c);
  let best: WorkloadMatch | undefined;
  for (const c of [...seen].sort((a, b) => a.order - b.order)) {
    if (claimed?.has(c.workload)) continue;
    const { score: s, by } = score(r, k8sName, rBare, c);
    if (s > (best?.score ?? 0)) best = { workload: c.workload, container: c.container, by: by.join(', '), score: s };
  }
  return best;
}

/** Services whose selector picks the workload's pods, the one named like the resource first. */
export function servicesFor(idx: BundleIndex, w: Workload, k8sName: string): KObj[] {
  return servicesSelecting(idx, w).sort((a, b) => Number(b.name === k8sName) - Number(a.name === k8sName));
}

/** Parse a URL-ish value into host (first DNS label), full host, port and scheme. */
export function parseServiceUrl(
  text: string,
): { scheme: string; host: string; fullHost: string; port?: number } | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?/i.exec(text.trim());
  if (!m) return undefined;
  const fullHost = m[2]!.toLowerCase();
  return {
    scheme: m[1]!.toLowerCase(),
    host: fullHost.split('.')[0]!,
    fullHost,
    ...(m[3] ? { port: Number(m[3]) } : {}),
  };
}
