/**
 * Kustomize `overlays/dev` and `overlays/prod`: image tags, replicas, resource requests and ingress hosts per
 * environment.
 */
import type { BundleFile, GeneratedBundle, GeneratedObject } from '../kube/objects';
import type { DeploySettings } from '../model/settings';
import { clone, joinImage, list, rec, splitImage, type Rec, type Workload } from './inspect';
import { yaml } from './kustomize-base';
import { minQuantity } from './quantity';

/** Requests a dev cluster gives each container at most: small, so a laptop cluster fits the app. */
const DEV_REQUESTS = { cpu: '50m', memory: '64Mi' };

/** Images we build, by the name kustomize's `images:` transformer matches (no tag). */
function builtImages(ws: Workload[], settings: DeploySettings): { name: string; tag: string }[] {
  const out: { name: string; tag: string }[] = [];
  for (const w of ws) {
    if (!w.built) continue;
    for (const c of w.containers) {
      if (typeof c.image !== 'string') continue;
      const ref = splitImage(c.image, settings.registry);
      const name = joinImage({ ...ref, tag: '', digest: '' });
      if (!ref.digest && !out.some((i) => i.name === name)) out.push({ name, tag: ref.tag || settings.tag });
    }
  }
  return out;
}

/** Strategic-merge patch setting container resources of one workload. */
function resourcesPatch(w: Workload, resources: (c: Rec) => Rec | undefined): Rec | undefined {
  const containers = w.containers.flatMap((c) => {
    const r = resources(c);
    return r && typeof c.name === 'string' ? [{ name: c.name, resources: r }] : [];
  });
  if (containers.length === 0) return undefined;
  return {
    apiVersion: w.object.apiVersion,
    kind: w.object.kind,
    metadata: {
      name: w.object.metadata.name,
      ...(w.object.metadata.namespace ? { namespace: w.object.metadata.namespace } : {}),
    },
    spec: { template: { spec: { containers } } },
  };
}

function devResources(c: Rec): Rec | undefined {
  const res = rec(c.resources);
  const req = rec(res?.requests);
  if (!res || !req) return undefined;
  const requests: Rec = {};
  for (const [k, floor] of Object.entries(DEV_REQUESTS)) {
    const v = req[k];
    if (typeof v === 'string' || typeof v === 'number') requests[k] = minQuantity(v, floor);
  }
  return Object.keys(requests).length ? { requests } : undefined;
}

function prodResources(c: Rec): Rec | undefined {
  const res = rec(c.resources);
  return res && Object.keys(res).length ? clone(res) : undefined;
}

interface IngressHost {
  ingress: GeneratedObject;
  rule: number;
  host: string | undefined;
}

function ingressHosts(gen: GeneratedBundle): IngressHost[] {
  const out: IngressHost[] = [];
  for (const g of gen.objects) {
    if (g.object.kind !== 'Ingress') continue;
    list(rec(g.object.spec)?.rules).forEach((r, i) => {
      const host = rec(r)?.host;
      out.push({ ingress: g, rule: i, host: typeof host === 'string' && host ? host : undefined });
    });
  }
  return out;
}

function hostPatch(h: IngressHost, host: string): Rec {
  const ops: Rec[] = [{ op: 'add', path: `/spec/rules/${h.rule}/host`, value: host }];
  // TLS entries naming the old host follow it, or the certificate would not match.
  list(rec(h.ingress.object.spec)?.tls).forEach((t, i) => {
    const hosts = list(rec(t)?.hosts);
    hosts.forEach((x, j) => {
      if (x === h.host) ops.push({ op: 'replace', path: `/spec/tls/${i}/hosts/${j}`, value: host });
    });
  });
  // kustomize wants the JSON 6902 patch as a string; JSON is valid YAML and needs no quoting care.
  return {
    target: { group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', name: h.ingress.object.metadata.name },
    patch: JSON.stringify(ops),
  };
}

export interface Overlay {
  name: 'dev' | 'prod';
  files: BundleFile[];
  notes: string[];
}

export function overlay(env: 'dev' | 'prod', gen: GeneratedBundle, ws: Workload[], settings: DeploySettings): Overlay {
  const dir = `overlays/${env}`;
  const k: Rec = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ['../../base'] };
  const files: BundleFile[] = [];
  const notes: string[] = [];

  const images = builtImages(ws, settings).map((i) => ({ name: i.name, newTag: env === 'dev' ? 'dev' : i.tag }));
  if (images.length) {
    k.images = images;
    notes.push(
      env === 'dev'
        ? 'images we build use the moving tag `dev`'
        : `images we build are pinned to the release tag (\`${settings.tag}\` by default; edit \`images:\`)`,
    );
  }

  // Replicas: Deployments only; StatefulSets (databases) do not scale by changing a number.
  const deployments = ws.filter((w) => w.object.kind === 'Deployment');
  if (deployments.length) {
    k.replicas = deployments.map((w) => ({
      name: w.object.metadata.name,
      count:
        env === 'dev'
          ? 1
          : typeof rec(w.object.spec)?.replicas === 'number'
            ? (rec(w.object.spec)!.replicas as number)
            : 1,
    }));
    notes.push(env === 'dev' ? 'every Deployment runs 1 replica' : 'Deployments run the designed replica counts');
  }

  const patches: Rec[] = [];
  const resourceDocs = ws.flatMap((w) => {
    const p = resourcesPatch(w, env === 'dev' ? devResources : prodResources);
    return p ? [p] : [];
  });
  if (resourceDocs.length) {
    // One patch file per workload keeps each patch a single document, which every kustomize reads.
    for (const doc of resourceDocs) {
      const meta = rec(doc.metadata)!;
      const file = `resources-${String(doc.kind).toLowerCase()}-${String(meta.name)}.yaml`;
      files.push({
        path: `${dir}/${file}`,
        text: yaml(
          doc,
          env === 'dev'
            ? 'Dev: smaller requests so the app fits a small cluster; limits stay.'
            : 'Prod: requests and limits per container; tune here.',
        ),
      });
      patches.push({ path: file });
    }
    notes.push(
      env === 'dev'
        ? `requests lowered to at most ${DEV_REQUESTS.cpu} CPU / ${DEV_REQUESTS.memory} memory`
        : 'requests and limits are spelled out per workload for tuning',
    );
  }

  for (const h of ingressHosts(gen)) {
    const name = h.ingress.object.metadata.name;
    if (env === 'dev') {
      patches.push(hostPatch(h, h.host ? `dev.${h.host}` : `${name}.localhost`));
    } else if (h.host) {
      patches.push(hostPatch(h, h.host));
    }
  }
  if (gen.objects.some((o) => o.object.kind === 'Ingress')) {
    notes.push(
      env === 'dev'
        ? 'ingress hosts get a `dev.` prefix (or `<name>.localhost` when unset)'
        : 'ingress hosts are set explicitly (edit the patches to change them)',
    );
  }
  if (patches.length) k.patches = patches;

  files.unshift({ path: `${dir}/kustomization.yaml`, text: yaml(k, `${env}: kubectl apply -k ${dir}`) });
  return { name: env, files, notes };
}
