/**
 * A completion Job (a WaitForCompletion target) in the chart is an ordinary release object, not a
 * hook, named for its rendered spec: `migrator-<first 8 hex of sha256(spec)>`.
 *
 * Not a hook, because Helm runs post-install/post-upgrade hooks only after `--wait` sees every
 * Deployment ready, and the Deployments that wait for the Job are ready only once it completed:
 * `helm install --wait` (and `--atomic`) never ended. A pre- hook runs before the Job's own
 * dependencies (the database, its Secret) exist. Hooks are also not part of the release, so
 * Helm never removes the Jobs of earlier versions.
 *
 * As a release object, the Job is created alongside the rest and the waiting Deployments become
 * ready once it completes, so `--wait` (and `--wait-for-jobs`) end. Named for its spec, a changed
 * Job is a new object: Helm creates it and deletes the previous one (it left the manifest), and
 * never patches a Job's immutable template. The hash is Helm's, over the rendered spec, because
 * values (image tag, database mode, resources) change the template the generator hashed.
 * The dependants' `kubectl wait job/…` and their Role's resourceNames include the same name.
 */
import { revisionBase } from '../../kube/generator/job-revisions';
import { toYamlDocument } from '../../yaml/emit';
import { rec, type Rec } from '../inspect';
import type { TemplateContext } from './template-context';
import { goString } from './tokens';

/** The chart's named templates for one generated Job revision (unique: modes may hold several). */
function defineOf(ctx: TemplateContext, revision: string): string {
  return `${ctx.chart}.job.${revision}`;
}

/** `include` of the Job's release name, for a template action. */
function nameInclude(ctx: TemplateContext, revision: string): string {
  return `include ${goString(`${defineOf(ctx, revision)}.name`)} .`;
}

/**
 * In a dependant (or its Role): every string naming a generated Job, `job/migrator-3f2a9c1e` or
 * `migrator-3f2a9c1e`, becomes the chart's name for it. Mutates in place, so pod-list variants
 * keep their identity (their mode guards are keyed by it).
 */
export function templateJobReferences(ctx: TemplateContext, node: unknown): void {
  if (ctx.jobs.size === 0) return;
  const swap = (v: unknown): unknown => {
    if (typeof v !== 'string') return undefined;
    const slash = v.lastIndexOf('/');
    const revision = v.slice(slash + 1);
    if (!ctx.jobs.has(revision)) return undefined;
    const prefix = v.slice(0, slash + 1);
    return ctx.tokens.scalar(
      prefix
        ? `printf "%s%s" ${goString(prefix)} (${nameInclude(ctx, revision)}) | quote`
        : `${nameInclude(ctx, revision)} | quote`,
    );
  };
  const visit = (n: unknown) => {
    if (Array.isArray(n)) {
      n.forEach((x, i) => {
        const t = swap(x);
        if (t !== undefined) n[i] = t;
        else visit(x);
      });
      return;
    }
    const r = rec(n);
    if (!r) return;
    for (const [k, x] of Object.entries(r)) {
      const t = swap(x);
      if (t !== undefined) r[k] = t;
      else visit(x);
    }
  };
  visit(node);
}

/**
 * The Job's spec and name as named templates, and the object's name and spec swapped for their
 * `include`s. Returns the `define` text, which goes before the document (outside any guard).
 */
export function templateJob(ctx: TemplateContext, obj: Rec, revision: string): string {
  const def = defineOf(ctx, revision);
  const base = revisionBase(revision);
  const spec = toYamlDocument({ object: { spec: obj.spec } });
  rec(obj.metadata)!.name = ctx.tokens.scalar(`${nameInclude(ctx, revision)} | quote`);
  // The spec is top-level, so its line is replaced by the include at column 0.
  obj.spec = ctx.tokens.block(() => `{{ include ${goString(`${def}.spec`)} . }}`);
  return (
    `{{- define ${goString(`${def}.spec`)} -}}\n${spec}{{- end }}\n` +
    `{{- define ${goString(`${def}.name`)} -}}\n` +
    `${base}-{{ include ${goString(`${def}.spec`)} . | sha256sum | trunc 8 }}\n{{- end }}\n`
  );
}

/** Every generated Job's revision name: the names dependants' waits and Roles carry. */
export function jobRevisions(objects: { object: { kind: string; metadata: { name: string } } }[]): Set<string> {
  return new Set(objects.filter((o) => o.object.kind === 'Job').map((o) => o.object.metadata.name));
}
