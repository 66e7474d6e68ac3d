/**
 * Read-only views of a GeneratedBundle that the Kustomize and Helm layouts share: which
 * objects are workloads, which images we build (and so a team re-tags per environment),
 * which Secrets only hold placeholders the user must supply, and how image references split.
 */
import type { GeneratedBundle, GeneratedObject, KubeObject, SecretToCreate } from '../kube/objects';
import type { Topology } from '../model/topology';
import { PLACEHOLDER_ANNOTATION } from '../kube/generate';

export type Rec = Record<string, unknown>;

export function rec(v: unknown): Rec | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : undefined;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'Job']);

export interface Workload {
  generated: GeneratedObject;
  object: KubeObject;
  /** The pod's app containers (not init containers). */
  containers: Rec[];
  /** True when the Aspire resource is one we build (project, Dockerfile): its image is ours to tag. */
  built: boolean;
}

export function workloads(gen: GeneratedBundle, topology: Topology): Workload[] {
  const kinds = new Map(topology.resources.map((r) => [r.name, r.kind]));
  const out: Workload[] = [];
  for (const g of gen.objects) {
    if (!WORKLOAD_KINDS.has(g.object.kind)) continue;
    const pod = rec(rec(rec(g.object.spec)?.template)?.spec);
    const containers = list(pod?.containers).flatMap((c) => (rec(c) ? [rec(c)!] : []));
    const kind = g.resource ? kinds.get(g.resource) : undefined;
    out.push({ generated: g, object: g.object, containers, built: kind === 'project' || kind === 'dockerfile' });
  }
  return out;
}

/** A container image reference split the way registries and Helm charts think of it. */
export interface ImageRef {
  /** Registry host (and path) we prefixed; "" for third-party images kept whole in `repository`. */
  registry: string;
  repository: string;
  tag: string;
  digest: string;
}

/**
 * Split an image. For images we build, the configured registry is split off so it can vary;
 * third-party images keep their full name in `repository` (their registry is part of the pin).
 */
export function splitImage(image: string, registry: string | undefined): ImageRef {
  let rest = image;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = '';
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const prefix = registry ? `${registry.replace(/\/+$/, '')}/` : '';
  if (prefix && rest.startsWith(prefix))
    return { registry: prefix.slice(0, -1), repository: rest.slice(prefix.length), tag, digest };
  return { registry: '', repository: rest, tag, digest };
}

export function joinImage(ref: ImageRef): string {
  const repo = ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
  if (ref.digest) return `${repo}@${ref.digest}`;
  return ref.tag ? `${repo}:${ref.tag}` : repo;
}

/** Secrets the user provides, by Secret name, each with its keys and what belongs there. */
export interface UserSecret {
  name: string;
  keys: { key: string; description: string; resource: string }[];
  /** The placeholder Secret object the generator emitted for it, if any. */
  object?: KubeObject;
  group?: string;
}

export function userSecrets(gen: GeneratedBundle): UserSecret[] {
  const byName = new Map<string, UserSecret>();
  const add = (s: SecretToCreate): void => {
    let entry = byName.get(s.secretName);
    if (!entry) {
      entry = { name: s.secretName, keys: [] };
      byName.set(s.secretName, entry);
    }
    if (!entry.keys.some((k) => k.key === s.key))
      entry.keys.push({ key: s.key, description: s.description, resource: s.resource });
  };
  gen.secrets.forEach(add);
  for (const g of gen.objects) {
    if (g.object.kind !== 'Secret') continue;
    const entry = byName.get(g.object.metadata.name);
    if (!entry) continue;
    entry.object = g.object;
    entry.group = g.group;
    // Keys the placeholder object carries that the list missed still have to exist.
    for (const field of ['stringData', 'data']) {
      for (const key of Object.keys(rec(g.object[field]) ?? {})) {
        if (!entry.keys.some((k) => k.key === key))
          entry.keys.push({ key, description: `value of key "${key}"`, resource: g.resource ?? entry.name });
      }
    }
  }
  return [...byName.values()];
}

/**
 * The generator marks placeholder Secrets with an annotation; a Secret built from the user's
 * own files or values is no placeholder, so the mark must not follow it.
 */
export function withoutPlaceholderMark(
  annotations: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (!annotations) return undefined;
  const rest = Object.fromEntries(Object.entries(annotations).filter(([k]) => k !== PLACEHOLDER_ANNOTATION));
  return Object.keys(rest).length ? rest : undefined;
}

/** Group order as first seen, so files come out in generator order. */
export function groupsInOrder(objects: readonly GeneratedObject[]): string[] {
  const seen: string[] = [];
  for (const o of objects) if (!seen.includes(o.group)) seen.push(o.group);
  return seen;
}

/** Deep copy of plain JSON data (objects from the generator are JSON-safe). */
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
