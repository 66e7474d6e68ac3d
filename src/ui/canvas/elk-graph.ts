/**
 * The elk graph of a design and one elk run over it. Each server and its databases are one elk
 * node (a row), every edge end is its own port (see elkBlock), and the result comes back as node
 * positions and orthogonal routes in flow coordinates.
 * elkjs is ~1.4 MB, so it is imported on first use and never part of the initial bundle.
 */
import type { XY } from '../../core/model/design';
import type { Reference, Resource } from '../../core/model/topology';
import { NODE_HEIGHT, nodeWidth } from './node-size';

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
/** Between two edge ends on one side of a node. */
const PORT_GAP = 14;

/** One elk node: a resource, or a server followed by its databases in a row. */
export interface Block {
  id: string;
  members: { name: string; dx: number; w: number }[];
  width: number;
}

export function blocksOf(resources: readonly Resource[], names: ReadonlySet<string>): Block[] {
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

const ELK_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '64',
  'elk.spacing.edgeNode': '24',
  'elk.layered.spacing.edgeNodeBetweenLayers': '24',
  // Parallel segments in one channel: apart by several stroke widths, yet a channel of a dozen
  // tracks stays short enough for eShop to fit a 1440 px window at a readable zoom.
  'elk.spacing.edgeEdge': '12',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
  'elk.spacing.componentComponent': '80',
  // Unconnected parts are packed in rows about as wide as a landscape canvas, not one long row.
  'elk.aspectRatio': '1.8',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

interface EdgeEnds {
  id: string;
  from: string;
  to: string;
}

/**
 * An elk node with one port per edge end. Edges that share a port are one hyperedge to elk's
 * router, which draws them as a single bus line: every consumer of an event bus on one
 * horizontal segment, their labels stacked on it. A port per edge end gives every edge its own
 * track in the channel. A lone resource lets elk order its ports (fewest crossings); a server
 * row fixes each port inside the member it belongs to, so the edge still ends on the right
 * database.
 */
function elkBlock(b: Block, edges: readonly EdgeEnds[]) {
  const port = (id: string, x: number, y: number, side: 'NORTH' | 'SOUTH') => ({
    id,
    x,
    y,
    width: 0,
    height: 0,
    layoutOptions: { 'elk.port.side': side },
  });
  const ports = b.members.flatMap((m) => {
    const outs = edges.filter((e) => e.from === m.name);
    const ins = edges.filter((e) => e.to === m.name);
    const at = (i: number, n: number) => Math.round(m.dx + m.w / 2 + (i - (n - 1) / 2) * PORT_GAP);
    return [
      ...ins.map((e, i) => port(`${e.id}::t`, at(i, ins.length), 0, 'NORTH')),
      ...outs.map((e, i) => port(`${e.id}::s`, at(i, outs.length), NODE_HEIGHT, 'SOUTH')),
    ];
  });
  return {
    id: b.id,
    width: b.width,
    height: NODE_HEIGHT,
    layoutOptions: {
      'elk.portConstraints': b.members.length > 1 ? 'FIXED_POS' : 'FIXED_SIDE',
      // Ports in a tight group round the middle: nodes line up as they did with one port.
      'elk.portAlignment.default': 'CENTER',
      'elk.spacing.portPort': String(PORT_GAP),
    },
    ports,
  };
}

export interface ElkResult {
  positions: Record<string, XY>;
  routes: Record<string, XY[]>;
  /** The laid-out diagram's extent (left, right, bottom), for what goes beside it. */
  minX: number;
  maxX: number;
  maxY: number;
}

/** Lay out `blocks` joined by `refs` with elk (plus `options`); undefined when elk fails. */
export async function runElk(
  blocks: readonly Block[],
  refs: readonly Reference[],
  options: Record<string, string> = {},
): Promise<ElkResult | undefined> {
  const blockOf = new Map<string, Block>();
  for (const b of blocks) for (const m of b.members) blockOf.set(m.name, b);
  const ids = new Set<string>();
  const edges = refs
    .filter((r) => blockOf.has(r.from) && blockOf.has(r.to) && blockOf.get(r.from) !== blockOf.get(r.to))
    // One port per edge end: a repeated reference must not repeat a port id.
    .filter((r) => !ids.has(`${r.from}->${r.to}`) && !!ids.add(`${r.from}->${r.to}`))
    .map((r) => {
      const id = `ref:${r.from}->${r.to}`;
      return { id, from: r.from, to: r.to, sources: [`${id}::s`], targets: [`${id}::t`] };
    });
  const graph = {
    id: 'root',
    layoutOptions: { ...ELK_OPTIONS, ...options },
    children: blocks.map((b) => elkBlock(b, edges)),
    edges: edges.map(({ id, sources, targets }) => ({ id, sources, targets })),
  };
  let res: ElkOut;
  try {
    res = await (await loadElk()).layout(graph);
  } catch {
    return undefined;
  }
  const positions: Record<string, XY> = {};
  const routes: Record<string, XY[]> = {};
  let maxY = 0;
  let minX = Infinity;
  let maxX = 0;
  const byId = new Map(blocks.map((b) => [b.id, b]));
  for (const c of res.children ?? []) {
    const b = byId.get(c.id);
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
  return { positions, routes, minX: Number.isFinite(minX) ? minX : 0, maxX, maxY };
}
