/**
 * The lint checks that read a workload's shape rather than its containers: selector, port names, StatefulSet Service.
 */
import {
  asStr,
  containerPorts,
  evidenceAt,
  getIn,
  servicesSelecting,
  type BundleIndex,
  type Workload,
} from '../bundle-index';
import { fix } from '../snippets';
import type { ParityFix, ParityRow } from '../types';
import { CHECKS, IANA, lintRow } from './lint-checks';

/** 16: selector ⊆ template labels; 17: container port names; 19: StatefulSet serviceName. */
export function workloadShapeLintRows(
  idx: BundleIndex,
  w: Workload,
  l: string,
  /** The headless Service the generator writes for the StatefulSet, when none selects its pods. */
  headlessFix?: () => ParityFix | undefined,
): ParityRow[] {
  const rows: ParityRow[] = [];
  const push = (r: ParityRow | undefined) => {
    if (r) rows.push(r);
  };
  // 16: selector ⊆ template labels.
  if (!['Pod', 'CronJob', 'Job'].includes(w.kind)) {
    const sel = w.selector ?? {};
    const keys = Object.keys(sel);
    const ok = keys.length > 0 && keys.every((k) => w.templateLabels[k] === sel[k]);
    push(
      lintRow(
        CHECKS.selector,
        l,
        ok ? 'pass' : 'fail',
        ok
          ? undefined
          : keys.length
            ? `selector ${JSON.stringify(sel)} does not match template labels ${JSON.stringify(w.templateLabels)}`
            : 'no selector.matchLabels',
        [evidenceAt(w, ['spec', 'selector'])],
      ),
    );
  }
  // 17: port names (containers).
  {
    const problems: string[] = [];
    for (const c of w.containers) {
      const seen = new Set<string>();
      for (const p of containerPorts(c)) {
        if (p.containerPort <= 0 || p.containerPort > 65535)
          problems.push(`${c.name}: containerPort ${p.containerPort}`);
        if (p.name === undefined) continue;
        if (p.name.length > 15 || !IANA.test(p.name) || p.name.includes('--'))
          problems.push(`${c.name}: port name "${p.name}"`);
        if (seen.has(p.name)) problems.push(`${c.name}: duplicate port name "${p.name}"`);
        seen.add(p.name);
      }
    }
    if (w.containers.some((c) => containerPorts(c).length))
      push(
        lintRow(CHECKS.portNames, l, problems.length ? 'fail' : 'pass', problems.join('; ') || undefined, [
          evidenceAt(w, w.podPath),
        ]),
      );
  }
  // 19: StatefulSet serviceName.
  if (w.kind === 'StatefulSet') {
    const sn = asStr(getIn(w.obj, ['spec', 'serviceName']));
    const svc = sn ? idx.services.find((s) => s.name === sn && (s.namespace ?? '') === (w.namespace ?? '')) : undefined;
    const headless = svc && asStr(getIn(svc.obj, ['spec', 'clusterIP'])) === 'None';
    // The fix names the headless Service that selects these pods, when the bundle has one.
    const own = headless
      ? undefined
      : servicesSelecting(idx, w).find((s) => asStr(getIn(s.obj, ['spec', 'clusterIP'])) === 'None');
    push(
      lintRow(
        CHECKS.stsService,
        l,
        headless ? 'pass' : 'fail',
        headless
          ? undefined
          : !sn
            ? 'no spec.serviceName'
            : !svc
              ? `Service ${sn} is not in the bundle`
              : `Service ${sn} is not headless (clusterIP: None)`,
        [evidenceAt(w, ['spec', sn ? 'serviceName' : 'selector'])],
        own
          ? {
              fix: fix(
                `Name the headless Service ${own.name}. serviceName cannot change on a StatefulSet that ` +
                  `exists: delete it first with kubectl delete statefulset ${w.name} --cascade=orphan ` +
                  `(its pods and claims stay).`,
                own.name,
                w.doc.file,
                ['spec', 'serviceName'],
                w.doc.startLine,
              ),
            }
          : headless
            ? {}
            : (() => {
                const f = headlessFix?.();
                return f ? { fix: f } : {};
              })(),
      ),
    );
  }
  return rows;
}
