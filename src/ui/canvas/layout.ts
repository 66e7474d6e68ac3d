/**
 * Auto layout with elkjs, for reading: layered top → bottom (consumers above what they
 * reference), orthogonal edge routing around nodes, each database beside its server (the server
 * and its databases are one elk node with a port per member, so edges still end on the right
 * database), and parameters/values that nothing references parked in a band below the diagram.
 * Node widths follow the names (node-size.ts), so layout needs no DOM measuring and can run
 * before an import is committed — the import and its layout are one undo step. elk's edge
 * sections are published to `useRoutes` and drawn by ReferenceEdge.
 * elkjs is ~1.4 MB, so it is imported on first use and never part of the initial bundle.
 */
import type { XY } from '../../core/model/design';
import type { Resource, Topology } from '../../core/model/topology';
import { NODE_HEIGHT, nodeWidth } from './node-size';
import { useRoutes } from './routes';

interface ElkPoint {
  x: number;
  y: number;
}
interface ElkOut {
  children?: { id: string; x?: number; y?: number }[];
  edges?: { id: string; sections?: { startPoint: ElkPoint; endPoint: ElkPoint; bendPoints?: ElkPoint[] }[] }[];
}
type ElkCtor = new () => { layout(graph: unknown): Promise<ElkOut> };
let elkPromise: Promise<InstanceType<ElkCtor>> | undefined;

function loadElk(): Promise<InstanceType<ElkCtor>> {
  elkPromise ??= import('elkjs/lib/elk.bundled.js').then((m) => new (m.default as unknown as ElkCtor)());
  return elkPromise;
}

/** Horizontal gap between a server and its databases. */
const MEMBER_GAP = 28;
const BAND_GAP = 24;

export interface Layout {
  positions: Record<string, XY>;
  /** Edge id (to-flow.ts) → polyline in flow coordinates. */
  routes: Record<string, XY[]>;
}

/** A simple grid, used when elk fails so the user still gets a readable canvas. */
export function gridLayout(topology: Topology): Record<string, XY> {
  const out: Record<string, XY> = {};
  const cols = Math.max(1, Math.ceil(Math.sqrt(topology.resources.length)));
  const colW = Math.max(0, ...topology.resources.map((r) => nodeWidth(r.name))) + 60;
  topology.resources.forEach((r, i) => {
    out[r.name] = { x: (i % cols) * colW, y: Math.floor(i / cols) * (NODE_HEIGHT + 50) };
  });
  return out;
}

/** One elk node: a resource, or a server followed by its databases in a row. */
interface Block {
  id: string;
  members: { name: string; dx: number; w: number }[];
  width: number;
}

function blocksOf(resources: readonly Resource[], names: ReadonlySet<string>): Block[] {
  const children = new Map<string, Resource[]>();
  for (const r of resources)
    if (r.parent && names.has(r.parent)) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const blocks: Block[] = [];
  for (const r of resources) {
    if (r.parent && names.has(r.parent)) continue;
    const members: Block['members'] = [];
    let dx = 0;
    for (const m of [r, ...(children.get(r.name) ?? [])]) {
      const w = nodeWidth(m.name);
      members.push({ name: m.name, dx, w });
      dx += w + MEMBER_GAP;
    }
    blocks.push({ id: r.name, members, width: dx - MEMBER_GAP });
  }
  return blocks;
}

/** Parameters and values nothing points at: they go in a band out of the way. */
function isLoose(r: Resource, linked: ReadonlySet<string>): boolean {
  return (r.kind === 'parameter' || r.kind === 'value') && !linked.has(r.name) && !r.parent;
}

export async function layoutDesign(topology: Topology): Promise<Layout> {
  if (topology.resources.length === 0) return { positions: {}, routes: {} };
  const names = new Set(topology.resources.map((r) => r.name));
  const refs = topology.references.filter((r) => names.has(r.from) && names.has(r.to) && r.from !== r.to);
  const linked = new Set(refs.flatMap((r) => [r.from, r.to]));
  for (const r of topology.resources) if (r.parent && names.has(r.parent)) linked.add(r.parent);
  const loose = topology.resources.filter((r) => isLoose(r, linked));
  const looseSet = new Set(loose.map((r) => r.name));
  const blocks = blocksOf(
    topology.resources.filter((r) => !looseSet.has(r.name)),
    names,
  );
  const blockOf = new Map<string, Block>();
  for (const b of blocks) for (const m of b.members) blockOf.set(m.name, b);
  const edges = refs
    .filter((r) => blockOf.get(r.from) !== blockOf.get(r.to))
    .map((r) => ({ id: `ref:${r.from}->${r.to}`, sources: [`${r.from}::out`], targets: [`${r.to}::in`] }));
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '64',
      'elk.spacing.edgeNode': '24',
      'elk.layered.spacing.edgeNodeBetweenLayers': '24',
      'elk.spacing.edgeEdge': '12',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
      'elk.spacing.componentComponent': '80',
      // Unconnected parts are packed in rows about as wide as a landscape canvas, not one long row.
      'elk.aspectRatio': '1.8',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: blocks.map((b) => ({
      id: b.id,
      width: b.width,
      height: NODE_HEIGHT,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
      ports: b.members.flatMap((m) => [
        {
          id: `${m.name}::in`,
          x: m.dx + m.w / 2,
          y: 0,
          width: 0,
          height: 0,
          layoutOptions: { 'elk.port.side': 'NORTH' },
        },
        {
          id: `${m.name}::out`,
          x: m.dx + m.w / 2,
          y: NODE_HEIGHT,
          width: 0,
          height: 0,
          layoutOptions: { 'elk.port.side': 'SOUTH' },
        },
      ]),
    })),
    edges,
  };
  let res: ElkOut;
  try {
    res = await (await loadElk()).layout(graph);
  } catch {
    return { positions: gridLayout(topology), routes: {} };
  }
  const positions: Record<string, XY> = {};
  const routes: Record<string, XY[]> = {};
  let maxY = 0;
  let minX = Infinity;
  let maxX = 0;
  for (const c of res.children ?? []) {
    const b = blocks.find((x) => x.id === c.id);
    if (!b) continue;
    const x = Math.round(c.x ?? 0);
    const y = Math.round(c.y ?? 0);
    b.members.forEach((m, i) => {
      positions[m.name] = { x: x + m.dx, y };
      if (i > 0) {
        // The database hangs off its left neighbour (the server or the previous database).
        const prev = b.members[i - 1]!;
        routes[`parent:${b.id}->${m.name}`] = [
          { x: x + prev.dx + prev.w, y: y + NODE_HEIGHT / 2 },
          { x: x + m.dx, y: y + NODE_HEIGHT / 2 },
        ];
      }
    });
    maxY = Math.max(maxY, y + NODE_HEIGHT);
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x + b.width);
  }
  for (const e of res.edges ?? []) {
    const s = e.sections?.[0];
    if (!s || (e.sections?.length ?? 0) > 1) continue;
    routes[e.id] = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => ({ x: p.x, y: p.y }));
  }
  placeBand(loose, positions, Number.isFinite(minX) ? minX : 0, Math.max(maxX, 1200), blocks.length ? maxY + 90 : 0);
  return { positions, routes };
}

/** Loose parameters in rows under the diagram, as wide as the diagram. */
function placeBand(
  loose: readonly Resource[],
  positions: Record<string, XY>,
  left: number,
  right: number,
  top: number,
): void {
  let x = left;
  let y = top;
  for (const r of loose) {
    const w = nodeWidth(r.name);
    if (x > left && x + w > right) {
      x = left;
      y += NODE_HEIGHT + BAND_GAP;
    }
    positions[r.name] = { x, y };
    x += w + BAND_GAP;
  }
}

/** Lay out and publish the routes for exactly these positions; returns the positions. */
export async function layoutTopology(topology: Topology): Promise<Record<string, XY>> {
  const { positions, routes } = await layoutDesign(topology);
  useRoutes.setState({ routes, positions });
  return positions;
}

/** Do any two nodes overlap at their current sizes (e.g. a design saved when nodes were narrower)? */
export function hasOverlaps(positions: Record<string, XY>): boolean {
  const boxes = Object.entries(positions).map(([n, p]) => ({ x: p.x, y: p.y, w: nodeWidth(n) }));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + NODE_HEIGHT && b.y < a.y + NODE_HEIGHT) return true;
    }
  return false;
}
