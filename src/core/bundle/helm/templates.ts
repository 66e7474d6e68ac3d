/**
 * Generated objects → Helm template documents. Each object is copied, `{{` in user strings is
 * escaped, the fields a team varies are swapped for tokens (./tokens.ts) backed by values
 * declared in the ValuesModel, and the YAML is emitted and de-tokenised.
 *
 * Varied: images (registry/repository/tag per workload), Deployment replicas, container
 * resources, the OTLP endpoint, the namespace, Ingress class/host/TLS, which Secret each
 * user secret comes from (`existingSecret`), the values of the parameters ConfigMap, and each
 * database server's mode (objects and pod entries guarded by ./modes.ts's plan). Secret values
 * are never defaulted: `required`.
 */
import { revisionBase } from '../../kube/generator/job-revisions';
import type { GeneratedObject } from '../../kube/objects';
import { toYamlDocument } from '../../yaml/emit';
import { clone, list, rec, splitImage, type Rec, type Workload } from '../inspect';
import { containersOf, initContainersOf, podSpec } from './generations';
import { andExpr, guardedList, guardExpr } from './guards';
import type { Guard, Guarded, PodVariants } from './modes';
import type { TemplateContext } from './template-context';
import { templateIngress } from './template-ingress';
import { templateJob, templateJobReferences } from './template-job';
import { secretTemplate } from './template-secret';
import { escapeTemplate, escapeTemplates, goString, valuesAt } from './tokens';
import { IMAGE, PARAMETER, REPLICAS, RESOURCES, STRING } from './values';

export type { TemplateContext } from './template-context';
export { syntheticSecret } from './template-secret';

function workloadValues(ctx: TemplateContext, name: string, w: Workload): void {
  ctx.values.section(['workloads', name], `${w.object.kind} ${name}`);
}

/** Swap the namespace for the chart's namespace helper (values namespace.name or the release's). */
function templateNamespace(ctx: TemplateContext, obj: Rec): void {
  const meta = rec(obj.metadata);
  if (meta && typeof meta.namespace === 'string' && ctx.values.has(['namespace', 'name'])) {
    meta.namespace = ctx.tokens.scalar(`include ${goString(`${ctx.chart}.namespace`)} . | quote`);
  }
}

function templateImage(ctx: TemplateContext, name: string, container: Rec, built: boolean): void {
  if (typeof container.image !== 'string') return;
  const ref = splitImage(container.image, built ? ctx.settings.registry : undefined);
  ctx.values.set(['workloads', name, 'image'], {
    value: {
      registry: ref.registry,
      repository: ref.repository,
      tag: ref.tag,
      ...(ref.digest ? { digest: ref.digest } : {}),
    },
    schema: IMAGE,
    comment: built
      ? 'Image we build: registry and tag vary per environment.'
      : 'Third-party image, pinned; mirror it by setting registry.',
  });
  container.image = ctx.tokens.scalar(
    `include ${goString(`${ctx.chart}.image`)} ${valuesAt('workloads', name)}.image | quote`,
  );
}

function templateResources(ctx: TemplateContext, name: string, container: Rec): void {
  const res = rec(container.resources);
  if (!res) return;
  ctx.values.set(['workloads', name, 'resources'], {
    value: clone(res) as never,
    schema: RESOURCES,
    comment: 'Requests and limits of the main container.',
  });
  container.resources = ctx.tokens.block(
    (indent, key) =>
      `${indent}${key}:\n${indent}  {{- toYaml ${valuesAt('workloads', name)}.resources | nindent ` +
      `${indent.length + 2} }}`,
  );
}

function templateOtlp(ctx: TemplateContext, container: Rec): void {
  for (const e of list(container.env)) {
    const env = rec(e);
    if (env && env.name === 'OTEL_EXPORTER_OTLP_ENDPOINT' && env.value === ctx.settings.otlpEndpoint) {
      ctx.values.set(['otlp', 'endpoint'], {
        value: ctx.settings.otlpEndpoint,
        schema: STRING,
        comment: 'OTLP collector every service exports telemetry to (OTEL_EXPORTER_OTLP_ENDPOINT).',
      });
      env.value = ctx.tokens.scalar('.Values.otlp.endpoint | quote');
    }
  }
}

/** secretKeyRef / envFrom / volume references to a user secret follow `existingSecret`. */
function templateSecretRefs(ctx: TemplateContext, node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach((n) => templateSecretRefs(ctx, n));
    return;
  }
  const r = rec(node);
  if (!r) return;
  for (const [k, v] of Object.entries(r)) {
    const target = rec(v);
    if (target && (k === 'secretKeyRef' || k === 'secretRef' || k === 'secret')) {
      const field = k === 'secret' && typeof target.secretName === 'string' ? 'secretName' : 'name';
      const name = target[field];
      if (typeof name === 'string' && ctx.secrets.has(name)) {
        target[field] = ctx.tokens.scalar(
          `${valuesAt('secrets', name)}.existingSecret | default ${goString(name)} | quote`,
        );
        continue;
      }
    }
    templateSecretRefs(ctx, v);
  }
}

function templateWorkload(ctx: TemplateContext, obj: Rec, w: Workload): void {
  // A Job's values are under the name it was made from: its revision changes with every release.
  const name = w.object.kind === 'Job' ? revisionBase(w.object.metadata.name) : w.object.metadata.name;
  workloadValues(ctx, name, w);
  const spec = rec(obj.spec);
  if (!spec) return;
  if (w.object.kind === 'Deployment') {
    const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
    ctx.values.set(['workloads', name, 'replicas'], { value: replicas, schema: REPLICAS, comment: 'Pod count.' });
    spec.replicas = ctx.tokens.scalar(`${valuesAt('workloads', name)}.replicas | int`);
  }
  const pod = rec(rec(spec.template)?.spec);
  const containers = list(pod?.containers).flatMap((c) => (rec(c) ? [rec(c)!] : []));
  const main = containers[0];
  if (main) {
    templateImage(ctx, name, main, w.built);
    templateResources(ctx, name, main);
  }
  for (const c of containers) templateOtlp(ctx, c);
  templateSecretRefs(ctx, pod);
}

/** The parameters ConfigMap: each value is a Helm value (non-secret, so a default is fine). */
function templateParameters(ctx: TemplateContext, obj: Rec, name: string): void {
  const data = rec(obj.data);
  if (!data) return;
  ctx.values.section(['parameters'], `AddParameter(…) values (not secret) the services read from ConfigMap ${name}.`);
  for (const [key, value] of Object.entries(data)) {
    const param = ctx.parameters.get(key);
    ctx.values.set(['parameters', key], {
      value: typeof value === 'string' ? value : String(value),
      schema: PARAMETER,
      ...(param ? { comment: `AddParameter(${JSON.stringify(param)})` } : {}),
    });
    data[key] = ctx.tokens.scalar(`${valuesAt('parameters', key)} | quote`);
  }
}

/**
 * Swap the pod's mode-dependent lists for every variant of their entries (copied like the
 * object, so later steps template them too); returns each variant's guard.
 */
function withPodVariants(obj: Rec, pod: PodVariants | undefined): Map<unknown, Guard | undefined> {
  const guards = new Map<unknown, Guard | undefined>();
  if (!pod) return guards;
  const take = (items: Guarded<Rec>[]) =>
    items.map(({ item, guard }) => {
      const copy = escapeTemplates(clone(item));
      guards.set(copy, guard);
      return copy;
    });
  for (const c of containersOf(obj)) {
    const env = pod.env.get(String(c.name));
    if (env) c.env = take(env);
  }
  if (pod.initContainers) podSpec(obj)!.initContainers = take(pod.initContainers);
  return guards;
}

/** After templating: wrap guarded list items in `{{- if }}` (lists swapped by withPodVariants). */
function guardPodLists(ctx: TemplateContext, obj: Rec, guards: Map<unknown, Guard | undefined>): void {
  if (guards.size === 0) return;
  const wrap = (owner: Rec, key: string) => {
    const items = list(owner[key]);
    if (items.some((x) => guards.has(x)))
      owner[key] = guardedList(
        ctx.tokens,
        items.map((item) => ({ item, guard: guards.get(item) })),
      );
  };
  for (const c of containersOf(obj)) wrap(c, 'env');
  if (initContainersOf(obj).length > 0) wrap(podSpec(obj)!, 'initContainers');
}

/** One object → one template document (without the `---` separator). */
export function templateDocument(
  ctx: TemplateContext,
  { item: g, guard: modeGuard }: Guarded<GeneratedObject>,
): string {
  const obj = escapeTemplates(clone(g.object)) as Rec;
  const kind = g.object.kind;
  let guard: string | undefined;
  let defines = '';
  const podGuards = withPodVariants(obj, ctx.pods.get(g));
  templateNamespace(ctx, obj);
  const w = ctx.workloads.get(g.object);
  if (w) templateWorkload(ctx, obj, w);
  if (kind === 'Ingress') {
    templateIngress(ctx, obj);
    guard = '.Values.ingress.enabled';
  }
  const userSecret = kind === 'Secret' ? ctx.secrets.get(g.object.metadata.name) : undefined;
  if (userSecret) {
    secretTemplate(ctx, obj, userSecret);
    guard = `not ${valuesAt('secrets', userSecret.name)}.existingSecret`;
  }
  if (kind === 'ConfigMap' && g.group === 'parameters') templateParameters(ctx, obj, g.object.metadata.name);
  if (kind === 'Namespace' && ctx.values.has(['namespace', 'name'])) {
    rec(obj.metadata)!.name = ctx.tokens.scalar(`include ${goString(`${ctx.chart}.namespace`)} . | quote`);
    guard = '.Values.namespace.create';
  }
  // Before the pod lists are guarded (that turns them into text): their variants name Jobs too. A
  // Job's own name is templateJob's; its spec may wait for another Job.
  templateJobReferences(ctx, kind === 'Job' ? obj.spec : obj);
  guardPodLists(ctx, obj, podGuards);
  if (kind === 'Job') defines = templateJob(ctx, obj, g.object.metadata.name);
  guard = andExpr(guardExpr(modeGuard), guard);
  // Leftover tokens would be our bug; tests assert there are none rather than throwing here.
  const comment = userSecret
    ? `Secret ${userSecret.name}: ${userSecret.keys.map((k) => k.description).join('; ')} (values: ` +
      `secrets.${userSecret.name})`
    : g.comment;
  const doc = toYamlDocument({ object: obj, comment: escapeTemplate(comment) });
  // Named templates stay outside the guard: a define renders nothing, and Helm reads it anywhere.
  const { text } = ctx.tokens.apply(guard ? `{{- if ${guard} }}\n${doc}{{- end }}\n` : doc);
  return ctx.tokens.apply(defines).text + text;
}
