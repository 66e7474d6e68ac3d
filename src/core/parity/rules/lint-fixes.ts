/** The fixes lint offers that write what the generator would (a quoted env value, a pinned image tag). */
import { generatedContainer, generatedEnv, generatedObjects } from '../regenerate';
import { unpinnedImage } from '../../kube/image-tag';
import { asArr, asRec, asStr, getIn, type Container, type Workload } from '../bundle-index';
import type { CheckContext } from '../context';
import { fix } from '../snippets';
import type { ParityFix } from '../types';

/** Each non-string env value as the string the generator writes for it (else its text), quoted. */
export function quoteFix(
  ctx: CheckContext,
  resource: string,
  w: Workload,
  c: Container | undefined,
): ParityFix | undefined {
  if (!c) return undefined;
  const env = asArr(c.spec.env).flatMap((e) => {
    const r = asRec(e);
    if (!r || r.value === undefined || r.value === null || typeof r.value === 'string') return [];
    const name = asStr(r.name) ?? '';
    const gen = ctx.resources.has(resource)
      ? asStr(generatedEnv(ctx.topology, ctx.settings, resource, name).at(-1)?.value)
      : undefined;
    return [{ name, value: gen ?? String(r.value) }];
  });
  return env.length
    ? fix(`Quote ${env.map((e) => e.name).join(', ')}.`, env, w.doc.file, [...c.path, 'env'], w.doc.startLine)
    : undefined;
}

/** The image the generator writes for the resource (its tag), on the bundle's own repository. */
export function pinFix(ctx: CheckContext, resource: string, w: Workload, c: Container, image: string): ParityFix {
  const gen =
    ctx.resources.has(resource) && !c.init
      ? asStr(generatedContainer(ctx.topology, ctx.settings, resource)?.image)
      : undefined;
  const tag = gen && !unpinnedImage(gen) ? gen.slice(gen.lastIndexOf(':') + 1) : undefined;
  if (!tag) return fix('Pin the image to a version tag or digest.');
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  const repo = colon > slash ? image.slice(0, colon) : image;
  return fix(
    `Pin the image to :${tag}, the tag the generator writes.`,
    `${repo}:${tag}`,
    w.doc.file,
    [...c.path, 'image'],
    w.doc.startLine,
  );
}

/** The design (App Host) itself names this unpinned image for the resource the workload runs. */
export function designImageUnpinned(ctx: CheckContext, resource: string, image: string): boolean {
  const r = ctx.resources.get(resource);
  if (!r?.image || !unpinnedImage(r.image)) return false;
  const repo = (s: string) =>
    s
      .replace(/^docker\.io\/(library\/)?/, '')
      .replace(/:latest$/i, '')
      .toLowerCase();
  return repo(r.image) === repo(image);
}

/**
 * Each env name defined twice, once: the entry the generator writes for it when it needs no
 * helper entry, else the bundle's last (the one Kubernetes uses). The fix replaces every entry
 * of that name, so one is left where the first stood.
 */
export function dedupFix(ctx: CheckContext, resource: string, w: Workload): ParityFix | undefined {
  for (const c of w.containers) {
    const env = asArr(c.spec.env).flatMap((e) => (asRec(e) ? [asRec(e)!] : []));
    const names = env.map((e) => asStr(e.name));
    const dup = [...new Set(names.filter((n, i): n is string => n !== undefined && names.indexOf(n) !== i))];
    if (dup.length === 0) continue;
    const entries = dup.map((name) => {
      const gen = ctx.resources.has(resource) ? generatedEnv(ctx.topology, ctx.settings, resource, name) : [];
      return gen.length === 1 ? gen[0]! : env.filter((e) => e.name === name).at(-1)!;
    });
    return fix(`Define ${dup.join(', ')} once.`, entries, w.doc.file, [...c.path, 'env'], w.doc.startLine);
  }
  return undefined;
}

/** The headless Service the generator writes for a StatefulSet, selecting the pods the bundle labels. */
export function headlessServiceFix(ctx: CheckContext, resource: string, w: Workload): ParityFix | undefined {
  if (!ctx.resources.has(resource)) return undefined;
  const gen = generatedObjects(ctx.topology, ctx.settings, resource).find(
    (o) => o.kind === 'Service' && getIn(o, ['spec', 'clusterIP']) === 'None',
  );
  if (!gen) return undefined;
  const selector = w.selector && Object.keys(w.selector).length ? w.selector : w.templateLabels;
  return fix(`Add the headless Service the generator writes for ${w.name}; then name it in serviceName.`, {
    ...gen,
    metadata: { ...gen.metadata, ...(w.namespace ? { namespace: w.namespace } : {}) },
    spec: { ...(gen.spec as Record<string, unknown>), selector },
  });
}
