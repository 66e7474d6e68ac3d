/**
 * MapDefaultEndpoints → liveness and readiness present, with different meanings (path or
 * port), each reaching a real container port, with a startup allowance. Workers without an
 * HTTP endpoint must not get HTTP probes (nothing listens; the pod would restart forever).
 */
import { healthPathsOf, resolveEndpoints, usesServiceDefaults } from '../../model/semantics';
import type { Resource } from '../../model/topology';
import { asRec, containerPorts, evidenceAt, resolvePortRef } from '../bundle-index';
import { row, type CheckContext, type ResourceMatch } from '../context';
import { fix } from '../snippets';
import type { ParityRow } from '../types';
import { generatedProbes, probeSnippet, regeneratedProbes } from './probe-fixes';
import { describe, probeShape, sameProbe } from './probe-shape';

export { probeShape, sameProbe, type ProbeShape } from './probe-shape';

export function probeRows(ctx: CheckContext): ParityRow[] {
  // A resource's probe rows read only the resource and its match.
  return ctx.topology.resources.flatMap((r) => ctx.remember('probes', r, ctx.matchKey(r.name), () => rowsOf(ctx, r)));
}

function rowsOf(ctx: CheckContext, r: Resource): ParityRow[] {
  const m = ctx.match(r.name);
  if (!m || !usesServiceDefaults(r)) return []; // databases and plain containers: lint rows cover probes
  if (m.workload.kind === 'Job' || m.workload.kind === 'CronJob') return [taskRow(ctx, r.name, m)];
  // gRPC (http2) endpoints are served by Kestrel too, so they carry the health endpoints.
  const http = resolveEndpoints(r).filter((e) => e.endpoint.transport !== 'tcp' || /^https?$/.test(e.endpoint.scheme));
  if (http.length === 0) return [workerRow(ctx, r.name, m)];
  return serviceDefaultRows(ctx, r.name, m, healthPathsOf(r), http[0]!.containerPort);
}

/** A Job (WaitForCompletion's target) is judged by its exit code; a liveness probe can kill it mid-task. */
function taskRow(ctx: CheckContext, name: string, m: ResourceMatch): ParityRow {
  const killers = (['livenessProbe', 'startupProbe'] as const).filter((k) => probeShape(m.container, k));
  return row({
    rule: 'probes-task',
    resource: name,
    declaration: 'MapDefaultEndpoints()',
    requirement:
      `${m.workload.kind} ${m.workload.name} runs to completion: its exit code says whether it ` +
      `succeeded, and no probe restarts it`,
    status: killers.length ? 'warn' : 'pass',
    detail: killers.length
      ? `${killers.join(' and ')} can kill ${name} before it finishes when it serves no health endpoint while working.`
      : 'No liveness or startup probe.',
    evidence: [evidenceAt(m.workload, killers.length ? [...m.container.path, killers[0]!] : m.container.path)],
    ...(killers.length ? { fix: regeneratedProbes(ctx, name, killers, m.workload.doc.file, m.container.path) } : {}),
    checklist: ['probes-distinct'],
  });
}

function workerRow(ctx: CheckContext, name: string, m: ResourceMatch): ParityRow {
  const bad = (['livenessProbe', 'readinessProbe', 'startupProbe'] as const).filter((k) => {
    const s = probeShape(m.container, k);
    return s && (s.kind === 'http' || s.kind === 'tcp' || s.kind === 'grpc');
  });
  return row({
    rule: 'probes-worker',
    resource: name,
    declaration: 'MapDefaultEndpoints()',
    requirement: `${name} has no HTTP endpoint, so it has no network probes`,
    status: bad.length ? 'fail' : 'pass',
    detail: bad.length
      ? `${bad.join(', ')} probe a port nothing listens on: the pod is restarted (liveness) or never ready.`
      : 'No network probes.',
    evidence: [evidenceAt(m.workload, bad.length ? [...m.container.path, bad[0]!] : m.container.path)],
    ...(bad.length ? { fix: regeneratedProbes(ctx, name, bad, m.workload.doc.file, m.container.path) } : {}),
    checklist: ['probes-distinct'],
  });
}

function serviceDefaultRows(
  ctx: CheckContext,
  name: string,
  m: ResourceMatch,
  paths: { liveness: string; readiness: string },
  port: number,
): ParityRow[] {
  const rows: ParityRow[] = [];
  const c = m.container;
  const w = m.workload;
  const file = w.doc.file;
  const live = probeShape(c, 'livenessProbe');
  const ready = probeShape(c, 'readinessProbe');
  const start = probeShape(c, 'startupProbe');
  const decl = 'MapDefaultEndpoints()';
  const portRef = containerPorts(c).find((p) => p.containerPort === port)?.name ?? port;
  const missing = [!live && 'livenessProbe', !ready && 'readinessProbe'].filter(Boolean) as string[];
  rows.push(
    row({
      rule: 'probes-present',
      resource: name,
      declaration: decl,
      requirement: 'Liveness and readiness probes are present',
      status: missing.length ? 'fail' : 'pass',
      detail: missing.length
        ? `No ${missing.join(' or ')}: Kubernetes ` +
          `${!ready ? 'sends traffic before the app is ready' : 'cannot restart a hung process'}.`
        : `liveness ${describe(live!)}, readiness ${describe(ready!)}.`,
      evidence: [evidenceAt(w, c.path)],
      ...(missing.length
        ? {
            fix: fix(
              `Add ${missing.join(' and ')} on ` +
                `${missing.includes('readinessProbe') ? paths.readiness : paths.liveness}.`,
              Object.fromEntries(
                missing.map((k) => [
                  k,
                  probeSnippet(k === 'livenessProbe' ? paths.liveness : paths.readiness, portRef, true),
                ]),
              ),
              file,
              c.path,
            ),
          }
        : {}),
      checklist: ['probes-distinct'],
    }),
  );

  const distinctReq = 'Liveness and readiness have different meanings (different path or port)';
  if (live && ready) {
    const same = sameProbe(live, ready, c);
    rows.push(
      row({
        rule: 'probes-distinct',
        resource: name,
        declaration: decl,
        requirement: distinctReq,
        status: same ? 'fail' : 'pass',
        detail: same
          ? `Both probe ${describe(live)}: a dependency outage restarts the pod instead of taking it out of rotation.`
          : `liveness ${describe(live)} ≠ readiness ${describe(ready)}.`,
        evidence: [evidenceAt(w, [...c.path, 'livenessProbe']), evidenceAt(w, [...c.path, 'readinessProbe'])],
        ...(same
          ? {
              fix: fix(
                `Probe liveness on ${paths.liveness} and readiness on ${paths.readiness}.`,
                probeSnippet(paths.liveness, portRef, true),
                file,
                [...c.path, 'livenessProbe'],
              ),
            }
          : {}),
        checklist: ['probes-distinct'],
      }),
    );
    const pathsOk =
      live.kind !== 'http' || ready.kind !== 'http' || (live.path === paths.liveness && ready.path === paths.readiness);
    rows.push(
      row({
        rule: 'probes-paths',
        resource: name,
        declaration: decl,
        requirement: `Probes use the service's health endpoints (${paths.liveness}, ${paths.readiness})`,
        status: pathsOk ? 'pass' : 'warn',
        detail: pathsOk
          ? undefined
          : `liveness ${live.path ?? live.kind}, readiness ${ready.path ?? ready.kind}; MapDefaultEndpoints serves ` +
            `${paths.liveness} (alive) and ${paths.readiness} (ready).`,
        evidence: [evidenceAt(w, [...c.path, 'livenessProbe']), evidenceAt(w, [...c.path, 'readinessProbe'])],
        checklist: ['probes-distinct'],
      }),
    );
  } else
    rows.push(
      row({
        rule: 'probes-distinct',
        resource: name,
        declaration: decl,
        requirement: distinctReq,
        status: 'fail',
        detail: 'Cannot differ: a probe is missing.',
        evidence: [evidenceAt(w, c.path)],
        checklist: ['probes-distinct'],
      }),
    );

  // Each probe reaches a real container port.
  const declared = containerPorts(c);
  const unreachable: string[] = [];
  const badKeys: string[] = [];
  for (const [k, s] of [
    ['livenessProbe', live],
    ['readinessProbe', ready],
    ['startupProbe', start],
  ] as const) {
    if (!s || s.kind === 'exec' || s.kind === 'none') continue;
    const resolved = resolvePortRef(s.port, c);
    if (resolved === undefined) unreachable.push(`${k} port "${String(s.port)}" names no container port`);
    else if (declared.length ? !declared.some((p) => p.containerPort === resolved) : resolved !== port)
      unreachable.push(`${k} port ${resolved} is not a container port`);
    else continue;
    badKeys.push(k);
  }
  if (live || ready)
    rows.push(
      row({
        rule: 'probes-port',
        resource: name,
        declaration: decl,
        requirement: 'Probes reach a port the container listens on',
        status: unreachable.length ? 'fail' : 'pass',
        detail: unreachable.length ? `${unreachable.join('; ')}.` : undefined,
        evidence: [evidenceAt(w, c.path)],
        ...(unreachable.length
          ? {
              fix:
                generatedProbes(
                  ctx,
                  name,
                  badKeys,
                  file,
                  c.path,
                  w.doc.startLine,
                  declared.flatMap((p) => (p.name ? [p.name] : [])),
                ) ?? fix(`Probe port ${portRef}.`),
            }
          : {}),
        checklist: ['health-exposure'],
      }),
    );

  // Startup allowance: a startupProbe, or an initial delay on liveness.
  const liveDelay = Number(asRec(c.spec.livenessProbe)?.initialDelaySeconds ?? 0);
  const ok = !!start || liveDelay > 0;
  if (live)
    rows.push(
      row({
        rule: 'probes-startup',
        resource: name,
        declaration: decl,
        requirement: 'Probes allow the application to start (startupProbe or initialDelaySeconds)',
        status: ok ? 'pass' : 'fail',
        detail: ok
          ? start
            ? 'startupProbe.'
            : `liveness initialDelaySeconds ${liveDelay}.`
          : 'Liveness starts probing at once: a slow start (migrations, JIT) is killed in a restart loop.',
        evidence: [evidenceAt(w, [...c.path, start ? 'startupProbe' : 'livenessProbe'])],
        ...(ok
          ? {}
          : {
              fix: fix(
                'Add a startupProbe on the liveness endpoint.',
                probeSnippet(paths.liveness, portRef, false),
                file,
                [...c.path, 'startupProbe'],
              ),
            }),
        checklist: ['probe-startup'],
      }),
    );
  return rows;
}
