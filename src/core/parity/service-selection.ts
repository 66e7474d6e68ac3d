/** Which Services select which workloads' pods, computed once per bundle index. */
import type { BundleIndex, KObj, Workload } from './bundle-index';
import { getIn, strMap } from './value-access';

interface Selection {
  byWorkload: Map<Workload, KObj[]>;
  byService: Map<KObj, Workload[]>;
}

/**
 * Which Services select which workloads, computed once per index: every rule asks, and the
 * naive "every Service against every workload, per workload" scan was quadratic in the bundle.
 * Services are bucketed by namespace and one selector label, so each workload only meets
 * Services that share one of its labels.
 */
const selections = new WeakMap<BundleIndex, Selection>();

function selection(idx: BundleIndex): Selection {
  let sel = selections.get(idx);
  if (sel) return sel;
  const buckets = new Map<string, { s: KObj; order: number; selector: Record<string, string>; keys: string[] }[]>();
  idx.services.forEach((s, order) => {
    const selector = strMap(getIn(s.obj, ['spec', 'selector']));
    const keys = Object.keys(selector);
    if (keys.length === 0) return;
    const b = `${s.namespace ?? ''}\0${keys[0]}\0${selector[keys[0]!]}`;
    const list = buckets.get(b);
    const entry = { s, order, selector, keys };
    if (list) list.push(entry);
    else buckets.set(b, [entry]);
  });
  sel = { byWorkload: new Map(), byService: new Map() };
  for (const w of idx.workloads) {
    const found: { s: KObj; order: number }[] = [];
    for (const [k, v] of Object.entries(w.templateLabels)) {
      for (const c of buckets.get(`${w.namespace ?? ''}\0${k}\0${v}`) ?? []) {
        if (
          (c.s.namespace ?? '') === (w.namespace ?? '') &&
          c.keys.every((key) => w.templateLabels[key] === c.selector[key])
        )
          found.push(c);
      }
    }
    // Idx order, as a filter over idx.services would give.
    const services = found.sort((a, b) => a.order - b.order).map((c) => c.s);
    sel.byWorkload.set(w, services);
    for (const s of services) {
      const ws = sel.byService.get(s);
      if (ws) ws.push(w);
      else sel.byService.set(s, [w]);
    }
  }
  selections.set(idx, sel);
  return sel;
}

/** The Services whose selector picks this workload's pods (same namespace, non-empty selector ⊆ labels). */
export function servicesSelecting(idx: BundleIndex, w: Workload): KObj[] {
  return [...(selection(idx).byWorkload.get(w) ?? [])];
}

/** The workloads whose pods a Service selects, in bundle order. */
export function workloadsSelectedBy(idx: BundleIndex, s: KObj): Workload[] {
  return [...(selection(idx).byService.get(s) ?? [])];
}
