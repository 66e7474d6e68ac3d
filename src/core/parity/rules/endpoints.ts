/**
 * Each endpoint → a containerPort and a Service port clients use; the Service's selector
 * really picks the pods. (Which Services may be public is ./exposure.ts.)
 */
import { isReferencedBeyondWaits, runsToCompletion } from '../../model/completion';
import { resolveEndpoints, type ResolvedEndpoint } from '../../model/semantics';
import { containerPorts, evidenceAt, getIn, resolvePortRef, servicePorts, strMap, type KObj } from '../bundle-index';
import type { Resource } from '../../model/topology';
import { row, type CheckContext, type ResourceMatch } from '../context';
import { declarationOf } from '../declarations';
import { fix } from '../snippets';
import { symbolicServiceFix } from './service-naming';
import type { ParityRow } from '../types';

/** The Service port that reaches a container port (numbers, or names resolved on the container). */
export function servicePortFor(
  s: KObj,
  m: ResourceMatch,
  containerPort: number,
): ReturnType<typeof servicePorts>[number] | undefined {
  return servicePorts(s).find((p) => resolvePortRef(p.targetPort, m.container, p.port) === containerPort);
}

function endpointDecl(e: ResolvedEndpoint): string {
  return e.endpoint.external
    ? `WithExternalHttpEndpoints() · ${e.endpoint.name}`
    : `WithEndpoint("${e.endpoint.name}")`;
}

export function endpointRows(ctx: CheckContext): ParityRow[] {
  return ctx.topology.resources.flatMap((r) => {
    const m = ctx.match(r.name);
    if (!m || r.endpoints.length === 0) return [];
    // The selector row also reads the Service named for the resource, wherever it selects.
    const k8sName = ctx.k8sName(r.name);
    const named = ctx.idx.services.find(
      (s) => s.name === k8sName && (s.namespace ?? '') === (m.workload.namespace ?? ''),
    );
    // A Job run only to be waited for (WaitForCompletion) that nobody connects to needs no Service.
    const unreached =
      (m.workload.kind === 'Job' || m.workload.kind === 'CronJob') &&
      runsToCompletion(ctx.topology, r) &&
      !isReferencedBeyondWaits(ctx.topology, r);
    // No resource references it and no endpoint is external: nothing of the App Host calls it, so a
    // missing Service breaks no call (Aspire's own publisher writes none then). Said, as a warning.
    const uncalled =
      !r.endpoints.some((e) => e.external) &&
      !ctx.topology.references.some((ref) => ref.to === r.name || ctx.resources.get(ref.to)?.parent === r.name);
    return ctx.remember('endpoints', r, `${ctx.matchKey(r.name)}\u0000${ctx.docKey(named)}`, () =>
      rowsOf(r, m, k8sName, named)
        .filter((x) => !unreached || (x.rule !== 'service-selector' && x.rule !== 'service-port'))
        .map((x) => (uncalled && !named && m.services.length === 0 ? uncalledRow(x) : x))
        .map((x) =>
          // A Service under a foreign name (Aspire's publisher: `<name>-service`): the Fix adds the
          // generator's Service under the symbolic name, selecting the same pods.
          x.rule === 'service-selector' && x.status === 'warn' && !x.fix && m.services[0]
            ? { ...x, fix: symbolicServiceFix(ctx, r.name, k8sName, m.services[0]) }
            : x,
        ),
    );
  });
}

/** A missing-Service row of a resource nothing calls: a warning that says why. */
function uncalledRow(x: ParityRow): ParityRow {
  if ((x.rule !== 'service-selector' && x.rule !== 'service-port') || x.status !== 'fail') return x;
  return {
    ...x,
    status: 'warn',
    detail:
      `${x.detail} No resource of the App Host references it and no endpoint is external, so no call ` +
      `breaks; add the Service if something outside the App Host calls it.`,
  };
}

function rowsOf(r: Resource, m: ResourceMatch, k8sName: string, named: KObj | undefined): ParityRow[] {
  const rows: ParityRow[] = [];
  const w = m.workload;
  const ports = containerPorts(m.container);

  // The selector row: some Service picks these pods (and a Service named for the resource does).
  const selReq = `A Service named "${k8sName}" selects the pods of ${w.kind} ${w.name}`;
  if (m.services.length > 0 && (!named || m.services.includes(named))) {
    const s = m.services[0]!;
    rows.push(
      row({
        rule: 'service-selector',
        resource: r.name,
        declaration: declarationOf(r),
        requirement: selReq,
        status: s.name === k8sName ? 'pass' : 'warn',
        detail:
          s.name === k8sName
            ? `Service ${s.name} selects ${JSON.stringify(strMap(getIn(s.obj, ['spec', 'selector'])))}.`
            : `Service ${s.name} selects the pods, but clients resolve the symbolic name "${k8sName}".`,
        evidence: [
          evidenceAt(s, ['spec', 'selector']),
          evidenceAt(w, [...w.podPath.slice(0, -1), 'metadata', 'labels']),
        ],
        checklist: ['service-name'],
      }),
    );
  } else if (named) {
    rows.push(
      row({
        rule: 'service-selector',
        resource: r.name,
        declaration: declarationOf(r),
        requirement: selReq,
        status: 'fail',
        detail:
          `Service ${named.name} selects ${JSON.stringify(strMap(getIn(named.obj, ['spec', 'selector'])))}, ` +
          `which does not match the pod labels ${JSON.stringify(w.templateLabels)}: it has no endpoints.`,
        evidence: [
          evidenceAt(named, ['spec', 'selector']),
          evidenceAt(w, [...w.podPath.slice(0, -1), 'metadata', 'labels']),
        ],
        fix: fix(
          `Make the Service selector a subset of the pod labels.`,
          w.selector && Object.keys(w.selector).length ? w.selector : w.templateLabels,
          named.doc.file,
          ['spec', 'selector'],
        ),
        checklist: ['service-name'],
      }),
    );
  } else {
    const resolved = resolveEndpoints(r);
    rows.push(
      row({
        rule: 'service-selector',
        resource: r.name,
        declaration: declarationOf(r),
        requirement: selReq,
        status: 'fail',
        detail: `No Service selects the pods of ${w.kind} ${w.name}; clients cannot resolve "${k8sName}".`,
        evidence: [evidenceAt(w, [...w.podPath.slice(0, -1), 'metadata', 'labels'])],
        fix: fix(`Add a ClusterIP Service ${k8sName}.`, {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: k8sName },
          spec: {
            selector: w.selector && Object.keys(w.selector).length ? w.selector : w.templateLabels,
            ports: resolved
              .filter((e) => !e.sharesPortWith)
              .map((e) => ({
                name: e.portName,
                port: e.servicePort,
                targetPort: e.containerPort,
                protocol: e.endpoint.protocol.toUpperCase(),
              })),
          },
        }),
        checklist: ['service-name'],
      }),
    );
  }

  for (const e of resolveEndpoints(r)) {
    if (e.sharesPortWith) continue; // a project's https is served on the http port inside the cluster
    const decl = endpointDecl(e);
    // containerPort
    const cp = ports.find((p) => p.containerPort === e.containerPort);
    const portsPath = [...m.container.path, 'ports'];
    if (cp)
      rows.push(
        row({
          rule: 'container-port',
          resource: r.name,
          detailKey: e.endpoint.name,
          declaration: decl,
          requirement: `The container listens on port ${e.containerPort} (endpoint "${e.endpoint.name}")`,
          status: 'pass',
          detail: `containerPort ${cp.containerPort}${cp.name ? ` (${cp.name})` : ''}.`,
          evidence: [evidenceAt(w, [...portsPath, cp.index])],
        }),
      );
    else
      rows.push(
        row({
          rule: 'container-port',
          resource: r.name,
          detailKey: e.endpoint.name,
          declaration: decl,
          requirement: `The container listens on port ${e.containerPort} (endpoint "${e.endpoint.name}")`,
          status: ports.length === 0 ? 'warn' : 'fail',
          detail:
            ports.length === 0
              ? `Container ${m.container.name} declares no ports; Services can still target ${e.containerPort} by ` +
                `number, but probes and named targetPorts cannot.`
              : `Container ${m.container.name} declares ${ports.map((p) => p.containerPort).join(', ')}, not ` +
                `${e.containerPort}.`,
          evidence: [evidenceAt(w, ports.length ? portsPath : m.container.path)],
          fix: fix(
            `Declare containerPort ${e.containerPort}.`,
            [{ name: e.portName, containerPort: e.containerPort, protocol: e.endpoint.protocol.toUpperCase() }],
            w.doc.file,
            portsPath,
          ),
        }),
      );

    // Service port
    const req = `A Service port reaches container port ${e.containerPort} (endpoint "${e.endpoint.name}")`;
    let found: { s: KObj; p: NonNullable<ReturnType<typeof servicePortFor>> } | undefined;
    for (const s of m.services) {
      const p = servicePortFor(s, m, e.containerPort);
      if (p) {
        found = { s, p };
        break;
      }
    }
    if (!found) {
      const s = m.services[0];
      rows.push(
        row({
          rule: 'service-port',
          resource: r.name,
          detailKey: e.endpoint.name,
          declaration: decl,
          requirement: req,
          status: 'fail',
          detail: s
            ? `Service ${s.name} has ports ${
                servicePorts(s)
                  .map((p) => `${p.port}→${p.targetPort ?? p.port}`)
                  .join(', ') || 'none'
              }; none reaches ${e.containerPort}${namedTargetPortNote(s)}.`
            : `No Service selects ${w.name}.`,
          evidence: s ? [evidenceAt(s, ['spec', 'ports'])] : [evidenceAt(w)],
          fix: fix(
            `Add a Service port for "${e.endpoint.name}".`,
            [
              {
                name: e.portName,
                port: e.servicePort,
                targetPort: e.containerPort,
                protocol: e.endpoint.protocol.toUpperCase(),
              },
            ],
            s?.doc.file,
            s ? ['spec', 'ports'] : undefined,
          ),
          checklist: ['service-name'],
        }),
      );
      continue;
    }
    const multi = servicePorts(found.s).length > 1;
    const nameOk = !multi || found.p.name === e.portName || found.p.name === e.endpoint.name;
    rows.push(
      row({
        rule: 'service-port',
        resource: r.name,
        detailKey: e.endpoint.name,
        declaration: decl,
        requirement: req,
        status: nameOk ? 'pass' : 'warn',
        detail: nameOk
          ? `Service ${found.s.name} port ${found.p.port}${found.p.name ? ` (${found.p.name})` : ''} → ` +
            `${e.containerPort}.`
          : `Service ${found.s.name} port ${found.p.port} is named "${found.p.name ?? ''}"; clients discover the ` +
            `named endpoint "${e.endpoint.name}".`,
        evidence: [evidenceAt(found.s, ['spec', 'ports', found.p.index])],
        checklist: ['service-name'],
      }),
    );
  }
  return rows;
}

/** A named targetPort resolves only through a container port of that name, so say so when one is used. */
function namedTargetPortNote(s: Parameters<typeof servicePorts>[0]): string {
  return servicePorts(s).some((p) => typeof p.targetPort === 'string')
    ? ' (a named targetPort must name a container port)'
    : '';
}
