/**
 * Startup can finish. Each WaitFor's init container must reach what it waits for: a port poll
 * needs a Service selecting the target's pods on a port it listens on; a target with no
 * listener (a worker, a Job, WaitForCompletion) must be waited for by completion, since a port
 * poll on it never ends. And the waits of the bundle must not form a cycle: every pod of a
 * cycle waits for another, so none ever starts.
 */
import { hasWorkload, isExternalManaged, resolveEndpoints } from '../../model/semantics';
import type { Reference, Resource } from '../../model/topology';
import { evidenceAt, workloadsSelectedBy, type Workload } from '../bundle-index';
import { row, type CheckContext } from '../context';
import { initWait, type InitWait } from '../init-waits';
import { findService, reach, servicesKey, type Reach } from '../reach';
import { apiAccessProblem, completionWaitFix } from './completion-wait';
import { serviceFix } from './reach-fix';
import { generatedInitContainers } from '../regenerate';
import { fix } from '../snippets';
import type { ParityRow } from '../types';
import { serverOf } from './reachability';
import { strayWaitRows } from './stray-waits';
import { waitCycles } from './wait-cycles';

const COMPLETING = new Set(['Job', 'CronJob', 'Pod']);
const RBAC_KINDS = new Set(['ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding']);

/** Whether anything accepts connections for the target (a worker or a Job has no listener). */
function listens(ctx: CheckContext, target: Resource): boolean {
  const m = ctx.match(target.name);
  if (m && COMPLETING.has(m.workload.kind)) return false;
  return resolveEndpoints(target).some((e) => e.endpoint.protocol === 'tcp');
}

export function startupRows(ctx: CheckContext): ParityRow[] {
  const services = ctx.version('services', ctx.idx.services);
  const workloads = ctx.version('workloads', ctx.idx.workloads);
  // An API wait reads the bundle's ServiceAccounts, Roles and bindings (./completion-wait.ts).
  const rbac = ctx.version(
    'rbac',
    ctx.idx.objects.filter((o) => RBAC_KINDS.has(o.kind)),
  );
  // Hosts are words before a port, after -h, in host:port or URLs, or the design's names: the
  // reading depends on the document and the design alone (the memo's key has the design).
  const designNames = new Set(ctx.topology.resources.map((r) => ctx.k8sName(r.name)));
  const known = (h: string) => designNames.has(h);
  const waitsOf = (w: Workload) =>
    ctx.rememberDoc('init-waits', w, '', () => w.initContainers.map((c) => ({ c, w: initWait(c, known) })));
  const rows: ParityRow[] = [];
  for (const ref of ctx.topology.references) {
    if (ref.waitFor === 'none') continue;
    const consumer = ctx.resources.get(ref.from);
    const declared = ctx.resources.get(ref.to);
    if (!consumer || !declared) continue;
    const target = serverOf(ctx, declared);
    const cm = ctx.match(consumer.name);
    if (!cm || !hasWorkload(target) || isExternalManaged(target)) continue;
    // The rows read the Services the polls name (and the target's, in its match key).
    const polled = waitsOf(cm.workload).flatMap((x) => x.w.polls.map((p) => p.host));
    const targetWorkloads = ctx.match(target.name) ? '' : `\u0000${workloads}`;
    const key =
      `${ctx.matchKey(consumer.name)}\u0000${ctx.matchKey(target.name)}\u0000` +
      `${servicesKey(ctx, polled)}${targetWorkloads}\u0000${rbac}`;
    const r = ctx.remember('waitfor-reach', ref, key, () =>
      waitRow(ctx, ref, consumer, declared, target, cm.workload, waitsOf(cm.workload)),
    );
    if (r) rows.push(r);
  }
  const cycleKey = `${services}\u0000${workloads}`;
  rows.push(
    ...ctx.remember('waitfor-cycle', ctx.topology, cycleKey, () => waitCycles(ctx, (w) => waitsOf(w).map((x) => x.w))),
    ...ctx.remember('init-wait-ends', ctx.topology, cycleKey, () =>
      strayWaitRows(ctx, (w) => waitsOf(w).map((x) => x.w)),
    ),
  );
  return rows;
}

function waitRow(
  ctx: CheckContext,
  ref: Reference,
  consumer: Resource,
  declared: Resource,
  target: Resource,
  w: Workload,
  waits: { c: Workload['initContainers'][number]; w: InitWait }[],
): ParityRow | undefined {
  const tm = ctx.match(target.name);
  const names = new Set([
    ctx.k8sName(target.name),
    ...(tm ? [tm.workload.name, ...tm.services.map((s) => s.name)] : []),
  ]);
  const completing = ref.waitFor === 'completion' || !listens(ctx, target);
  const base = {
    rule: 'waitfor-reach',
    resource: consumer.name,
    detailKey: declared.name,
    declaration: ref.waitFor === 'completion' ? `WaitForCompletion(${declared.name})` : `WaitFor(${declared.name})`,
    requirement: completing
      ? `${consumer.name}'s wait for ${declared.name} ends when ${target.name} completes (it has no port to poll)`
      : `${consumer.name}'s init container reaches ${target.name} through a Service on a port it listens on`,
  };
  const ns = w.namespace;
  const generated = generatedInitContainers(ctx.topology, ctx.settings, consumer.name).filter((c) =>
    String(c.name ?? '').endsWith(ctx.k8sName(target.name)),
  );
  for (const { c, w: wait } of waits) {
    const ev = evidenceAt(w, c.path);
    const waited = wait.completions.findIndex((n) => names.has(n));
    const waitedKind = wait.completionKinds[waited];
    if (waited >= 0 && tm && waitedKind && tm.workload.kind !== waitedKind)
      return row({
        ...base,
        status: 'fail',
        detail:
          `Init container ${c.name} waits for ${waitedKind.toLowerCase()}/${wait.completions[waited]}, but ` +
          `${target.name} runs as ${tm.workload.kind} ${tm.workload.name}: kubectl finds no ${waitedKind} of that ` +
          `name, so the wait never ends and ${consumer.name} never starts.`,
        evidence: [ev],
        fix: fix(
          ref.waitFor === 'completion'
            ? `Run ${target.name} as the Job the generator writes (its workload-kind row's Fix); the wait then ` +
                `finds it.`
            : `Wait for ${tm.workload.kind.toLowerCase()}/${tm.workload.name}, the workload the bundle runs.`,
        ),
      });
    if (waited >= 0) {
      const denied = apiAccessProblem(ctx, w, c);
      const f = denied ? completionWaitFix(ctx, consumer.name, target.name, w) : undefined;
      return row({
        ...base,
        status: denied ? 'fail' : 'pass',
        detail: denied
          ? `Init container ${c.name} waits for ${target.name} through the API, but ${denied}.`
          : `Init container ${c.name} waits for ${target.name} to complete or roll out.`,
        evidence: [ev],
        ...(f ? { fix: f } : {}),
      });
    }
    const polls = wait.polls.filter(
      (p) =>
        names.has(p.host.split('.')[0]!) ||
        (tm &&
          findService(ctx, p.host, ns) &&
          workloadsSelectedBy(ctx.idx, findService(ctx, p.host, ns)!).includes(tm.workload)),
    );
    if (polls.length === 0) continue;
    if (completing) {
      const snippet = generated[0];
      const regenerated = completionWaitFix(ctx, consumer.name, target.name, w);
      return row({
        ...base,
        status: 'fail',
        detail:
          `Init container ${c.name} polls ` +
          `${[...new Set(polls.map((p) => `${p.host}${p.port ? `:${p.port}` : ''}`))].join(', ')}, but ` +
          `${target.name} ` +
          `${ref.waitFor === 'completion' ? 'is waited for until it completes' : 'listens on no port'}: the poll ` +
          `never succeeds and ${consumer.name} never starts.`,
        evidence: [ev],
        fix:
          regenerated ??
          (snippet
            ? fix(
                `Wait for ${target.name} to complete instead, as the generator writes it. That wait asks the ` +
                  `Kubernetes API: the pod needs the generator's ServiceAccount (a Role that may get/list/watch ` +
                  `${target.name}) and the volumes the init container mounts, if the bundle lacks them.`,
                snippet,
                w.doc.file,
                c.path,
              )
            : fix(
                `Replace ${c.name} with a wait for completion (kubectl wait --for=condition=complete ` +
                  `job/${ctx.k8sName(target.name)}) or drop the WaitFor.`,
              )),
      });
    }
    const problems: string[] = [];
    let first: Reach | undefined;
    for (const p of polls) {
      const r = reach(ctx, p, p.port, target, ns);
      if (!r.ok && !r.external) {
        problems.push(r.detail);
        first ??= r;
      }
    }
    if (first) {
      // The Service side broken: the generator's Service; else the poll names the wrong host or port.
      const sf = serviceFix(ctx, target, first);
      const f =
        sf === 'unfixable'
          ? undefined
          : (sf ??
            (generated[0] ? fix(`Wait as the generator writes it.`, generated[0], w.doc.file, c.path) : undefined));
      return row({
        ...base,
        status: 'fail',
        detail: `Init container ${c.name}: ${problems.join('; ')}; it waits forever.`,
        evidence: [ev],
        ...(f ? { fix: f } : {}),
      });
    }
    return row({
      ...base,
      status: 'pass',
      detail:
        `Init container ${c.name} polls ${[...new Set(polls.map((p) => `${p.host}:${p.port ?? ''}`))].join(', ')}, ` +
        `which ` +
        `reaches ${target.name}.`,
      evidence: [ev],
    });
  }
  return undefined;
}
