/**
 * A cycle of waits in the bundle: workload A's init container waits for B, B's for A. No pod
 * of the cycle ever starts, so each cycle is one failing row naming its members in order.
 * Edges come from what the init containers really poll (through Services) or wait for.
 */
import { cyclesOf } from '../../model/cycles';
import { asArr, evidenceAt, workloadsSelectedBy, type Workload } from '../bundle-index';
import { row, type CheckContext } from '../context';
import type { InitWait } from '../init-waits';
import { findService } from '../reach';
import { generatedInitContainers } from '../regenerate';
import { fix, replaceFix } from '../snippets';
import type { ParityFix, ParityRow } from '../types';

function edgesOf(ctx: CheckContext, w: Workload, waits: InitWait[]): Workload[] {
  const out = new Set<Workload>();
  for (const wait of waits) {
    for (const p of wait.polls) {
      const s = findService(ctx, p.host, w.namespace);
      if (s) for (const t of workloadsSelectedBy(ctx.idx, s)) out.add(t);
    }
    for (const n of wait.completions)
      for (const t of ctx.idx.workloads) if (t.name === n && (t.namespace ?? '') === (w.namespace ?? '')) out.add(t);
  }
  return [...out];
}

export function waitCycles(ctx: CheckContext, waitsOf: (w: Workload) => InitWait[]): ParityRow[] {
  const edges = new Map<Workload, Workload[]>();
  const waiting = ctx.idx.workloads.filter((w) => w.initContainers.length > 0);
  for (const w of waiting) edges.set(w, edgesOf(ctx, w, waitsOf(w)));
  const resourceOf = new Map<Workload, string>();
  for (const r of ctx.topology.resources) {
    const m = ctx.match(r.name);
    if (m) resourceOf.set(m.workload, r.name);
  }
  const label = (w: Workload) => resourceOf.get(w) ?? `${w.kind}/${w.name}`;
  return cyclesOf(waiting, (w) => edges.get(w) ?? []).map((scc) => {
    const names = scc.map(label);
    const undeclared = undeclaredWait(ctx, scc, edges, resourceOf);
    // The row sits on the resource whose wait the App Host does not declare (the one its Fix edits);
    // when every wait is declared, on the first name, so the id stays the same from run to run.
    const first = undeclared?.from ?? [...names].sort()[0]!;
    // Told from the row's resource: A → B → C → A.
    const at = Math.max(0, names.indexOf(first));
    const ring = [...names.slice(at), ...names.slice(0, at)];
    return row({
      rule: 'waitfor-cycle',
      resource: first,
      detailKey: [...names].sort().join(','),
      declaration: `WaitFor cycle`,
      requirement: 'Startup waits form no cycle, so every pod can start',
      status: 'fail',
      detail:
        `${[...ring, ring[0]].join(' → ')}: each waits at startup for the next, so no pod of the cycle ever ` +
        `starts.${undeclared ? ` The App Host does not declare ${undeclared.from}'s wait.` : ''}`,
      evidence: scc.map((w) => evidenceAt(w, [...w.podPath, 'initContainers'])),
      fix:
        undeclared?.fix ??
        fix(
          `Remove one wait of the cycle (${names.join(', ')}); a service that needs another at run time ` +
            `should retry instead of waiting at startup.`,
        ),
    });
  });
}

/**
 * A wait of the cycle the design does not declare (no WaitFor between those resources) is the
 * one to drop: the fix is that workload's init containers as the generator writes them. When
 * every wait is declared, which to drop is the App Host's decision, so the fix is words.
 */
function undeclaredWait(
  ctx: CheckContext,
  scc: Workload[],
  edges: Map<Workload, Workload[]>,
  resourceOf: Map<Workload, string>,
): { from: string; fix: ParityFix } | undefined {
  const runs = (name: string) => ctx.resources.get(name)?.parent ?? name;
  for (const w of scc) {
    const from = resourceOf.get(w);
    if (!from) continue;
    const declared = new Set(
      ctx.topology.references
        .filter((ref) => ref.from === from && ref.waitFor !== 'none')
        .flatMap((ref) => [ref.to, runs(ref.to)]),
    );
    const undeclared = (edges.get(w) ?? []).filter((t) => scc.includes(t) && !declared.has(resourceOf.get(t) ?? ''));
    if (undeclared.length === 0) continue;
    const generated = generatedInitContainers(ctx.topology, ctx.settings, from);
    // A kubectl wait needs its ServiceAccount and token volume: not a fragment on its own.
    if (generated.some((c) => asArr(c.volumeMounts).length > 0)) continue;
    const f = replaceFix(
      `${from} waits for ${undeclared.map((t) => resourceOf.get(t) ?? t.name).join(', ')}, which the App Host ` +
        `does not declare: its init containers as the generator writes them.`,
      generated.length ? generated : null,
      w.doc.file,
      [...w.podPath, 'initContainers'],
      w.doc.startLine,
    );
    return { from, fix: f };
  }
  return undefined;
}
