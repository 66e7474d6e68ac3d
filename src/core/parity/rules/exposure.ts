/**
 * External endpoints → exactly the intended services are reachable from outside (Ingress,
 * Gateway HTTPRoute, LoadBalancer or NodePort); internal ones stay ClusterIP with no public
 * route; health endpoints are not routed publicly by name (warn) and a catch-all route leaves
 * it to the app to protect them (unknown: verify).
 */
import { healthPathsOf, resolveEndpoints, usesServiceDefaults } from '../../model/semantics';
import type { Resource } from '../../model/topology';
import { asArr, asRec, asStr, evidenceAt, getIn, serviceType, type KObj } from '../bundle-index';
import { row, type CheckContext, type ResourceMatch } from '../context';
import { generatedObjects } from '../regenerate';
import { fix, replaceFix } from '../snippets';
import type { Evidence, ParityFix, ParityRow } from '../types';

interface PublicRoute {
  via: KObj;
  service: string;
  path: string;
  evidence: Evidence;
  /** An Ingress path's place: its rule and index in that rule's paths. */
  at?: { rule: number; path: number };
}

/** Every (Service, path) an Ingress or HTTPRoute sends outside traffic to. */
export function publicRoutes(ctx: CheckContext): PublicRoute[] {
  const out: PublicRoute[] = [];
  for (const ing of ctx.idx.ingresses) {
    if (ing.kind === 'HTTPRoute') {
      asArr(getIn(ing.obj, ['spec', 'rules'])).forEach((rule, ri) => {
        const paths = asArr(asRec(rule)?.matches).map((mm) => asStr(getIn(mm, ['path', 'value'])) ?? '/');
        asArr(asRec(rule)?.backendRefs).forEach((b, bi) => {
          const svc = asStr(asRec(b)?.name);
          if (svc)
            for (const p of paths.length ? paths : ['/'])
              out.push({
                via: ing,
                service: svc,
                path: p,
                evidence: evidenceAt(ing, ['spec', 'rules', ri, 'backendRefs', bi]),
              });
        });
      });
      continue;
    }
    const def =
      asStr(getIn(ing.obj, ['spec', 'defaultBackend', 'service', 'name'])) ??
      asStr(getIn(ing.obj, ['spec', 'backend', 'serviceName']));
    if (def) out.push({ via: ing, service: def, path: '/', evidence: evidenceAt(ing, ['spec', 'defaultBackend']) });
    asArr(getIn(ing.obj, ['spec', 'rules'])).forEach((rule, ri) => {
      asArr(getIn(rule, ['http', 'paths'])).forEach((p, pi) => {
        const svc = asStr(getIn(p, ['backend', 'service', 'name'])) ?? asStr(getIn(p, ['backend', 'serviceName']));
        if (svc)
          out.push({
            via: ing,
            service: svc,
            path: asStr(asRec(p)?.path) ?? '/',
            evidence: evidenceAt(ing, ['spec', 'rules', ri, 'http', 'paths', pi]),
            at: { rule: ri, path: pi },
          });
      });
    });
  }
  return out;
}

export function exposureRows(ctx: CheckContext): ParityRow[] {
  // A resource's exposure rows read its match and the bundle's Ingresses and routes.
  const ingresses = ctx.version('ingresses', ctx.idx.ingresses);
  let routes: PublicRoute[] | undefined;
  return ctx.topology.resources.flatMap((r) => {
    const m = ctx.match(r.name);
    if (!m || r.endpoints.length === 0) return [];
    return ctx.remember('exposure', r, `${ctx.matchKey(r.name)}\u0000${ingresses}`, () =>
      rowsOf(ctx, r, m, (routes ??= publicRoutes(ctx))),
    );
  });
}

function rowsOf(ctx: CheckContext, r: Resource, m: ResourceMatch, routes: PublicRoute[]): ParityRow[] {
  const rows: ParityRow[] = [];
  const external = resolveEndpoints(r).filter((e) => e.endpoint.external);
  const names = new Set(m.services.map((s) => s.name));
  const myRoutes = routes.filter(
    (x) => names.has(x.service) && (x.via.namespace ?? '') === (m.workload.namespace ?? ''),
  );
  const publicServices = m.services.filter((s) => ['LoadBalancer', 'NodePort'].includes(serviceType(s)));
  const decl = external.length ? 'WithExternalHttpEndpoints()' : `${r.name} (internal)`;
  if (external.length === 0) {
    const leaks = [
      ...myRoutes.map((x) => `${x.via.kind} ${x.via.name} routes ${x.path} to it`),
      ...publicServices.map((s) => `Service ${s.name} is ${serviceType(s)}`),
    ];
    rows.push(
      row({
        rule: 'exposure',
        resource: r.name,
        declaration: decl,
        requirement:
          `${r.name} has no external endpoint, so it is reachable only inside the cluster (ClusterIP, no ` +
          `public route)`,
        status: leaks.length ? 'fail' : 'pass',
        detail: leaks.length
          ? `${leaks.join('; ')}.`
          : `${m.services.map((s) => `${s.name}: ${serviceType(s)}`).join(', ') || 'no Service'}.`,
        evidence: [
          ...myRoutes.map((x) => x.evidence),
          ...publicServices.map((s) => evidenceAt(s, ['spec', 'type'])),
          ...(leaks.length ? [] : m.services.map((s) => evidenceAt(s))),
        ],
        ...(leaks.length
          ? {
              fix: fix(
                publicServices.length ? 'Make the Service ClusterIP.' : `Remove the public route to ${r.name}.`,
                publicServices.length ? 'ClusterIP' : undefined,
                publicServices[0]?.doc.file,
                publicServices.length ? ['spec', 'type'] : undefined,
              ),
            }
          : {}),
        checklist: ['internal-clusterip'],
      }),
    );
    return rows;
  }
  const reach = [
    ...myRoutes.map((x) => `${x.via.kind} ${x.via.name} ${x.path}`),
    ...publicServices.map((s) => `${serviceType(s)} Service ${s.name}`),
  ];
  rows.push(
    row({
      rule: 'exposure',
      resource: r.name,
      declaration: decl,
      requirement:
        `${r.name}'s external endpoint${external.length > 1 ? 's are' : ' is'} reachable through an ` +
        `Ingress or LoadBalancer`,
      status: reach.length ? 'pass' : 'fail',
      detail: reach.length
        ? `${reach.join('; ')}.`
        : `No Ingress, route or LoadBalancer reaches ${[...names].join(', ') || r.name}.`,
      evidence: reach.length
        ? [...myRoutes.map((x) => x.evidence), ...publicServices.map((s) => evidenceAt(s, ['spec', 'type']))]
        : [evidenceAt(m.workload)],
      ...(reach.length
        ? {}
        : {
            fix: fix(`Add an Ingress for ${ctx.k8sName(r.name)}.`, {
              apiVersion: 'networking.k8s.io/v1',
              kind: 'Ingress',
              metadata: { name: ctx.k8sName(r.name) },
              spec: {
                ...(ctx.settings?.ingressClass ? { ingressClassName: ctx.settings.ingressClass } : {}),
                rules: [
                  {
                    http: {
                      paths: [
                        {
                          path: '/',
                          pathType: 'Prefix',
                          backend: {
                            service: {
                              name: m.services[0]?.name ?? ctx.k8sName(r.name),
                              port: { number: external[0]!.servicePort },
                            },
                          },
                        },
                      ],
                    },
                  },
                ],
              },
            }),
          }),
      checklist: ['external-entry'],
    }),
  );
  // Internal Services of an external resource are fine as ClusterIP behind the Ingress.
  if (usesServiceDefaults(r) && reach.length) {
    const hp = healthPathsOf(r);
    const named = myRoutes.filter((x) =>
      [hp.liveness, hp.readiness].some(
        (p) => x.path === p || (x.path !== '/' && p.startsWith(x.path.replace(/\/?\*?$/, '/'))),
      ),
    );
    const catchAll =
      myRoutes.some((x) => x.path === '/' || x.path === '/*' || x.path === '') || publicServices.length > 0;
    rows.push(
      row({
        rule: 'health-exposure',
        resource: r.name,
        declaration: 'MapDefaultEndpoints()',
        requirement: `Health endpoints (${hp.liveness}, ${hp.readiness}) are not exposed publicly without protection`,
        status: named.length ? 'warn' : catchAll ? 'unknown' : 'pass',
        detail: named.length
          ? `${named.map((x) => `${x.via.name} routes ${x.path}`).join('; ')} to the internet.`
          : catchAll
            ? `The public route covers every path; verify ${hp.readiness} and ${hp.liveness} are not served to the ` +
              `internet (Aspire maps them only in Development) or are protected.`
            : 'Public routes do not include the health paths.',
        evidence: named.length ? named.map((x) => x.evidence) : myRoutes.map((x) => x.evidence),
        ...(named.length ? { fix: healthRouteFix(ctx, r.name, named) } : {}),
        checklist: ['health-exposure'],
      }),
    );
  }
  return rows;
}

/**
 * The Ingress rule's paths without the health routes. When nothing would be left, the paths the
 * generator writes for the resource (a catch-all, which the row then marks for verification).
 */
function healthRouteFix(ctx: CheckContext, resource: string, named: PublicRoute[]): ParityFix {
  const first = named.find((x) => x.at && x.via.kind === 'Ingress');
  if (!first) return fix(`Route only the application's paths, not ${named.map((x) => x.path).join(', ')}.`);
  const { via, at } = first;
  const paths = asArr(getIn(via.obj, ['spec', 'rules', at!.rule, 'http', 'paths']));
  const health = new Set(named.filter((x) => x.via === via && x.at?.rule === at!.rule).map((x) => x.at!.path));
  const rest = paths.filter((_, i) => !health.has(i));
  const gen = generatedObjects(ctx.topology, ctx.settings, resource).find((o) => o.kind === 'Ingress');
  const genPaths = asArr(getIn(gen, ['spec', 'rules', 0, 'http', 'paths']));
  const value = rest.length ? rest : genPaths.length ? genPaths : undefined;
  if (!value) return fix(`Remove the routes for ${named.map((x) => x.path).join(', ')} from ${via.name}.`);
  return replaceFix(
    rest.length
      ? `Remove the routes for ${named.map((x) => x.path).join(', ')} from Ingress ${via.name}.`
      : `Route Ingress ${via.name} as the generator writes it, not to ${named.map((x) => x.path).join(', ')}.`,
    value,
    via.doc.file,
    ['spec', 'rules', at!.rule, 'http', 'paths'],
    via.doc.startLine,
  );
}
