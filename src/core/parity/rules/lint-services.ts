/** The lint rows of Services (they select pods, their targetPorts name container ports) and Ingress backends. */
import {
  asArr,
  asRec,
  asStr,
  containerPorts,
  evidenceAt,
  getIn,
  servicePorts,
  strMap,
  type BundleIndex,
  type KObj,
  type Workload,
} from '../bundle-index';
import type { ParityRow } from '../types';
import { CHECKS, IANA, lintRow } from './lint-checks';

/** 15: the Service selects pods; 17: its targetPort names name container ports. */
export function serviceLintRows(s: KObj, l: string, targets: Workload[]): ParityRow[] {
  const rows: ParityRow[] = [];
  const push = (r: ParityRow | undefined) => {
    if (r) rows.push(r);
  };
  const sel = strMap(getIn(s.obj, ['spec', 'selector']));
  if (Object.keys(sel).length === 0) return rows; // ExternalName / manual Endpoints
  push(
    lintRow(
      CHECKS.danglingService,
      l,
      targets.length ? 'pass' : 'fail',
      targets.length ? undefined : `Service ${s.name} selects ${JSON.stringify(sel)}: no pods match`,
      [evidenceAt(s, ['spec', 'selector'])],
      { detailKey: s.name },
    ),
  );
  const bad = servicePorts(s).filter(
    (p) =>
      typeof p.targetPort === 'string' &&
      !/^\d+$/.test(p.targetPort) &&
      (p.targetPort.length > 15 ||
        !IANA.test(p.targetPort) ||
        (targets.length > 0 &&
          !targets.some((w) => w.containers.some((c) => containerPorts(c).some((cp) => cp.name === p.targetPort))))),
  );
  push(
    lintRow(
      CHECKS.portNames,
      l,
      bad.length ? 'fail' : 'pass',
      bad.length
        ? `Service ${s.name} targetPort ${bad.map((p) => `"${String(p.targetPort)}"`).join(', ')} names no ` +
            `container port`
        : undefined,
      [evidenceAt(s, ['spec', 'ports'])],
      { detailKey: s.name },
    ),
  );
  return rows;
}

export function ingressLintRow(idx: BundleIndex, ing: KObj): ParityRow {
  const missing = ingressBackends(ing).filter(
    (b) => !idx.services.some((s) => s.name === b && (s.namespace ?? '') === (ing.namespace ?? '')),
  );
  return lintRow(
    CHECKS.ingress,
    `${ing.kind}/${ing.name}`,
    missing.length ? 'fail' : 'pass',
    missing.length ? `backend Service ${missing.join(', ')} is not in the bundle` : undefined,
    [evidenceAt(ing, ['spec'])],
  );
}

function ingressBackends(ing: KObj): string[] {
  const out: string[] = [];
  if (ing.kind === 'HTTPRoute') {
    for (const rule of asArr(getIn(ing.obj, ['spec', 'rules'])))
      for (const b of asArr(asRec(rule)?.backendRefs))
        if ((asStr(asRec(b)?.kind) ?? 'Service') === 'Service' && asStr(asRec(b)?.name))
          out.push(asStr(asRec(b)?.name)!);
    return [...new Set(out)];
  }
  const backend = (b: unknown) => {
    const n = asStr(getIn(b, ['service', 'name'])) ?? asStr(asRec(b)?.serviceName);
    if (n) out.push(n);
  };
  backend(getIn(ing.obj, ['spec', 'defaultBackend']));
  backend(getIn(ing.obj, ['spec', 'backend']));
  for (const rule of asArr(getIn(ing.obj, ['spec', 'rules'])))
    for (const p of asArr(getIn(rule, ['http', 'paths']))) backend(asRec(p)?.backend);
  return [...new Set(out)];
}
