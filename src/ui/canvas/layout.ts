/**
 * Auto layout with elkjs ("layered", left → right: consumers left of what they reference).
 * elkjs is ~1.4 MB, so it is imported on first use and never part of the initial bundle.
 * Node sizes are fixed by CSS (NODE_WIDTH × NODE_HEIGHT), so layout needs no measuring and
 * can run before an import is committed — the import and its layout are one undo step.
 */
import type { XY } from '../../core/model/design';
import type { Topology } from '../../core/model/topology';
import { NODE_HEIGHT, NODE_WIDTH } from './to-flow';

type ElkCtor = new () => { layout(graph: unknown): Promise<{ children?: { id: string; x?: number; y?: number }[] }> };
let elkPromise: Promise<InstanceType<ElkCtor>> | undefined;

function loadElk(): Promise<InstanceType<ElkCtor>> {
  elkPromise ??= import('elkjs/lib/elk.bundled.js').then((m) => new (m.default as unknown as ElkCtor)());
  return elkPromise;
}

/** A simple grid, used when elk fails so the user still gets a readable canvas. */
export function gridLayout(topology: Topology): Record<string, XY> {
  const out: Record<string, XY> = {};
  const cols = Math.max(1, Math.ceil(Math.sqrt(topology.resources.length)));
  topology.resources.forEach((r, i) => {
    out[r.name] = { x: (i % cols) * (NODE_WIDTH + 60), y: Math.floor(i / cols) * (NODE_HEIGHT + 50) };
  });
  return out;
}

export async function layoutTopology(topology: Topology): Promise<Record<string, XY>> {
  if (topology.resources.length === 0) return {};
  const names = new Set(topology.resources.map((r) => r.name));
  const edges = [
    ...topology.references.filter((r) => names.has(r.from) && names.has(r.to)).map((r, i) => ({ id: `e${i}`, sources: [r.from], targets: [r.to] })),
    ...topology.resources
      .filter((r) => r.parent && names.has(r.parent))
      .map((r, i) => ({ id: `p${i}`, sources: [r.name], targets: [r.parent!] })),
  ];
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '36',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.spacing.componentComponent': '60',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: topology.resources.map((r) => ({ id: r.name, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges,
  };
  try {
    const elk = await loadElk();
    const res = await elk.layout(graph);
    const out: Record<string, XY> = {};
    for (const c of res.children ?? []) out[c.id] = { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
    return out;
  } catch {
    return gridLayout(topology);
  }
}
