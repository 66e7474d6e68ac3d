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

/** Score how strongly a container looks like it runs the resource; 0 = not at all. */
function score(r: Resource, k8sName: string, w: Workload, c: Container): { score: number; by: string } {
  let s = 0;
  const by: string[] = [];
  if (c.name === k8sName || c.name === r.name) {
    s += 4;
    by.push(`container name "${c.name}"`);
  }
  const otel = otelName(c);
  if (otel !== undefined && (otel === r.name || otel === k8sName)) {
    s += 3;
    by.push(`OTEL_SERVICE_NAME "${otel}"`);
  }
  const image = asStr(c.spec.image);
  if (image) {
    const repo = imageRepo(image);
    if (r.image && imageRepo(r.image).replace(/^docker\.io\/(library\/)?/, '') === repo.replace(/^docker\.io\/(library\/)?/, '')) {
      s += 3;
      by.push(`image "${image}"`);
    } else if (lastSegment(repo) === k8sName || lastSegment(repo) === r.name.toLowerCase()) {
      s += 2;
      by.push(`image "${image}"`);
    }
  }
  if (w.name === k8sName || w.name === `${k8sName}-deployment` || w.name === `${k8sName}-statefulset`) {
    s += 2;
    by.push(`${w.kind} name "${w.name}"`);
  }
  return { score: s, by: by.join(', ') };
}

/**
 * The workload and container that run a resource: the best-scoring candidate. A weak lone
 * signal (only a similar image) is accepted because hand-written bundles often rename
 * containers; the row detail says what matched so a reviewer can judge.
 */
export function findWorkload(idx: BundleIndex, r: Resource, k8sName: string, claimed?: ReadonlySet<Workload>): WorkloadMatch | undefined {
  let best: WorkloadMatch | undefined;
  for (const w of idx.workloads) {
    if (claimed?.has(w)) continue;
    for (const c of w.containers) {
      const { score: s, by } = score(r, k8sName, w, c);
      if (s > 0 && (!best || s > best.score)) best = { workload: w, container: c, by, score: s };
    }
  }
  return best;
}

/** Services whose selector picks the workload's pods, the one named like the resource first. */
export function servicesFor(idx: BundleIndex, w: Workload, k8sName: string): KObj[] {
  return servicesSelecting(idx, w).sort((a, b) => Number(b.name === k8sName) - Number(a.name === k8sName));
}

/** Parse a URL-ish value into host (first DNS label), full host, port and scheme. */
export function parseServiceUrl(text: string): { scheme: string; host: string; fullHost: string; port?: number } | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?/i.exec(text.trim());
  if (!m) return undefined;
  const fullHost = m[2]!.toLowerCase();
  return { scheme: m[1]!.toLowerCase(), host: fullHost.split('.')[0]!, fullHost, ...(m[3] ? { port: Number(m[3]) } : {}) };
}
