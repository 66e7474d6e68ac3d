/**
 * The 20 lint checks of k8s-validation.md §8, written here from their documented meaning and
 * reported under the upstream ids (kube-linter / kube-score / Polaris) so people who know
 * those tools recognise them. One row per check per object; opinions (resources, security
 * context) warn, broken wiring fails, contested policy is unknown ("verify your policy").
 * Plus the YAML 1.1 trap: env values that kubectl reads as booleans or numbers.
 */
import { servicesSelecting, workloadsSelectedBy, type KObj } from '../bundle-index';
import type { CheckContext } from '../context';
import type { ParityRow } from '../types';
import { ingressLintRow, serviceLintRows } from './lint-services';
import { workloadLintRows } from './lint-workload';

export function lintRows(ctx: CheckContext): ParityRow[] {
  const rows: ParityRow[] = [];
  const idx = ctx.idx;
  const labelOf = new Map<KObj, string>();
  for (const r of ctx.topology.resources) {
    const m = ctx.match(r.name);
    if (m) labelOf.set(m.workload, r.name);
  }
  const label = (o: KObj) => labelOf.get(o) ?? `${o.kind}/${o.name}`;
  // Per workload, the rows depend on its document, its label, whether a Service routes to it,
  // the bundle's ConfigMaps and Secrets (env expansion) and, for a StatefulSet, the Services.
  const config = ctx.configVersion;
  const services = ctx.version('services', idx.services);
  for (const w of idx.workloads) {
    const l = label(w);
    const targeted = servicesSelecting(idx, w).length > 0;
    const key = [w.podPath.join('/'), l, targeted, config, w.kind === 'StatefulSet' ? services : 0].join('\u0000');
    rows.push(...ctx.rememberDoc('lint', w, key, () => workloadLintRows(ctx, w, l, targeted)));
  }
  // 15: Services select pods; 17: Service targetPort names.
  // The first resource whose Kubernetes name a Service carries (a map, not a scan per Service).
  const resourceNamed = new Map<string, string>();
  for (const r of ctx.topology.resources)
    if (!resourceNamed.has(ctx.k8sName(r.name))) resourceNamed.set(ctx.k8sName(r.name), r.name);
  for (const s of idx.services) {
    const targets = workloadsSelectedBy(idx, s);
    // Label by the resource the Service is named for, so the row id survives a broken selector.
    const l = resourceNamed.get(s.name) ?? (targets[0] ? label(targets[0]) : `Service/${s.name}`);
    // A Service's rows read its document, its label and the documents of the pods it selects.
    rows.push(
      ...ctx.rememberDoc('lint-service', s, `${l}\u0000${targets.map((w) => ctx.docKey(w)).join(',')}`, () =>
        serviceLintRows(s, l, targets),
      ),
    );
  }
  // 18: Ingress backends (the Services' names are all they read).
  for (const ing of idx.ingresses)
    rows.push(...ctx.rememberDoc('lint-ingress', ing, String(services), () => [ingressLintRow(idx, ing)]));
  return rows;
}
