/**
 * Init container waits no WaitFor row judges: ones added to the bundle by hand, or left behind
 * after the App Host dropped the WaitFor. They block their pod just the same, so each that can
 * never end is a failing row: a poll of a host no Service answers (a worker has none), a poll of
 * a design resource that listens on no port, or a `kubectl wait` for a workload the bundle does
 * not hold. A wait that can end is not this rule's business (the cycle row judges loops).
 */
import { hasWorkload, resolveEndpoints } from '../../model/semantics';
import { asArr, evidenceAt, servicePorts, workloadsSelectedBy, type Container, type Workload } from '../bundle-index';
import { serviceOfHost } from '../connection-hosts';
import { row, type CheckContext } from '../context';
import type { InitWait } from '../init-waits';
import { findService } from '../reach';
import { generatedInitContainers } from '../regenerate';
import { fix, replaceFix } from '../snippets';
import type { ParityFix, ParityRow } from '../types';
import { serverOf } from './reachability';

/** A host the cluster's DNS answers only through a Service of the namespace (not a DNS name elsewhere). */
function inClusterName(host: string): boolean {
  if (!host.includes('.')) return true;
  return /\.svc(\.cluster\.local)?$/.test(host);
}

/** Names the resource's declared waits already judge (the target, its server, their workloads and Services). */
function declaredNames(ctx: CheckContext, resource: string): Set<string> {
  const out = new Set<string>();
  for (const ref of ctx.topology.references) {
    if (ref.from !== resource || ref.waitFor === 'none') continue;
    const declared = ctx.resources.get(ref.to);
    if (!declared) continue;
    for (const r of [declared, serverOf(ctx, declared)]) {
      out.add(ctx.k8sName(r.name));
      const m = ctx.match(r.name);
      if (m) [m.workload.name, ...m.services.map((s) => s.name)].forEach((n) => out.add(n));
    }
  }
  return out;
}

/** The design resource a name stands for when it listens on no port (a worker, a Job). */
function listenerless(ctx: CheckContext, name: string): string | undefined {
  const r = ctx.topology.resources.find((x) => ctx.k8sName(x.name) === name);
  if (!r || !hasWorkload(r)) return undefined;
  return resolveEndpoints(r).some((e) => e.endpoint.protocol === 'tcp') ? undefined : r.name;
}

/** Tools that wait on a host. An init container running none of them (`chown 1000 /data`) polls nothing,
 *  even when a word of it stands before a number; a design resource's name is a host in any case. */
const WAIT_TOOL =
  /(^|[\s;"'(])(nc|ncat|until|while|pg_isready|nslookup|dig|telnet|mysqladmin|redis-cli|wait-for[\w.-]*)(?=[\s;"')]|$)/;

function waitsOnHosts(c: Container): boolean {
  const text = [...asArr(c.spec.command), ...asArr(c.spec.args)].filter((x) => typeof x === 'string').join(' ');
  return WAIT_TOOL.test(text) || text.includes('://');
}

/** Why one wait of the init container can never end, or undefined when it can. */
function neverEnds(
  ctx: CheckContext,
  w: Workload,
  c: Container,
  wait: InitWait,
  judged: Set<string>,
): string | undefined {
  const tool = waitsOnHosts(c);
  for (const p of wait.polls) {
    const name = p.host.split('.')[0]!;
    if (judged.has(name) || !inClusterName(p.host) || /^\d+$/.test(name)) continue;
    if (!tool && !ctx.topology.resources.some((r) => ctx.k8sName(r.name) === name)) continue;
    const at = `${p.host}${p.port !== undefined ? `:${p.port}` : ''}`;
    const worker = listenerless(ctx, name);
    if (worker && !findService(ctx, p.host, w.namespace))
      return `it polls ${at}, but ${worker} listens on no port and no Service answers for it`;
    const svc = findService(ctx, p.host, w.namespace);
    if (!svc) {
      const ref = serviceOfHost(p.host, w.namespace);
      return `it polls ${at}, but the bundle has no Service named "${ref?.name ?? name}" to answer it`;
    }
    const ports = servicePorts(svc).map((x) => x.port);
    if (p.port !== undefined && !ports.includes(p.port))
      return `it polls ${at}, but Service ${svc.name} has no port ${p.port} (it has ${ports.join(', ') || 'none'})`;
    if (workloadsSelectedBy(ctx.idx, svc).length === 0)
      return `it polls ${at}, but Service ${svc.name} selects no pods, so nothing answers`;
  }
  for (const [i, n] of wait.completions.entries()) {
    if (judged.has(n)) continue;
    const kind = wait.completionKinds[i];
    const same = ctx.idx.workloads.filter((t) => t.name === n && (t.namespace ?? '') === (w.namespace ?? ''));
    if (same.length === 0)
      return `it waits for ${n} to complete or roll out, but the bundle holds no workload named ${n}`;
    if (kind && !same.some((t) => t.kind === kind))
      return `it waits for ${kind.toLowerCase()}/${n}, but ${n} runs as a ${same[0]!.kind}, so kubectl never finds it`;
  }
  return undefined;
}

/** The consumer's init containers as the generator writes them, when they stand alone as a fragment. */
function regeneratedWaits(ctx: CheckContext, resource: string | undefined, w: Workload): ParityFix {
  const generated = resource ? generatedInitContainers(ctx.topology, ctx.settings, resource) : [];
  // A kubectl wait needs its ServiceAccount and token volume: not a fragment on its own.
  if (resource && !generated.some((c) => asArr(c.volumeMounts).length > 0))
    return replaceFix(
      `Write ${resource}'s init containers as the generator does: only the waits the App Host declares.`,
      generated.length ? generated : null,
      w.doc.file,
      [...w.podPath, 'initContainers'],
      w.doc.startLine,
    );
  return fix('Remove this init container, or make it wait for something the bundle runs (a Service that answers).');
}

export function strayWaitRows(ctx: CheckContext, waitsOf: (w: Workload) => InitWait[]): ParityRow[] {
  const resourceOf = new Map<Workload, string>();
  for (const r of ctx.topology.resources) {
    const m = ctx.match(r.name);
    if (m) resourceOf.set(m.workload, r.name);
  }
  const rows: ParityRow[] = [];
  for (const w of ctx.idx.workloads) {
    if (w.initContainers.length === 0) continue;
    const resource = resourceOf.get(w);
    const declared = resource ? declaredNames(ctx, resource) : new Set<string>();
    // The WaitFor row judges the first init container naming its target; a second one naming
    // it again (a copy with a wrong port) is judged here.
    const claimed = new Set<string>();
    const waits = waitsOf(w);
    w.initContainers.forEach((c: Container, i) => {
      const wait = waits[i]!;
      const judged = new Set([...declared].filter((n) => !claimed.has(n)));
      const why = neverEnds(ctx, w, c, wait, judged);
      for (const n of [...wait.polls.map((p) => p.host.split('.')[0]!), ...wait.completions])
        if (declared.has(n)) claimed.add(n);
      if (!why) return;
      rows.push(
        row({
          rule: 'init-wait-ends',
          resource: resource ?? ctx.topology.name,
          detailKey: `${w.name}/${c.name}`,
          declaration: `init container ${c.name}`,
          requirement: `Every init container of ${w.name} can finish, so its pods start`,
          status: 'fail',
          detail: `Init container ${c.name} of ${w.kind} ${w.name} never finishes: ${why}; the pod never starts.`,
          evidence: [evidenceAt(w, c.path)],
          fix: regeneratedWaits(ctx, resource, w),
        }),
      );
    });
  }
  return rows;
}
