/**
 * Auto layout for reading: layered top → bottom (consumers above what they reference),
 * orthogonal edge routing around nodes, every edge on its own track, each database beside its
 * server, and parameters/values that nothing references parked in a band below the diagram
 * (elk-graph.ts builds and runs the elk graph). Node widths follow the names (node-size.ts), so
 * layout needs no DOM measuring and can run before an import is committed — the import and its
 * layout are one undo step. elk's edge sections are published to `useRoutes` and drawn by
 * ReferenceEdge.
 */
import type { XY } from '../../core/model/design';
import type { Resource, Topology } from '../../core/model/topology';
import { blocksOf, runElk } from './elk-graph';
import { NODE_HEIGHT, nodeWidth } from './node-size';
import { useRoutes } from './routes';

const BAND_GAP = 24;
/**
 * Wider than this (width / height) reads as a strip: many resources in one layer (the Azure
 * roles of a deployers App Host). Then the layout is redone with layers of bounded width.
 */
const STRIP = 2.5;

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
  let res = await runElk(blocks, refs);
  if (!res) return { positions: gridLayout(topology), routes: {} };
  if (res.maxX - res.minX > STRIP * res.maxY) {
    const narrow = await runElk(blocks, refs, { 'elk.layered.layering.strategy': 'MIN_WIDTH' });
    if (narrow && narrow.maxX - narrow.minX < res.maxX - res.minX) res = narrow;
  }
  const { positions, routes } = res;
  placeBand(loose, positions, res.minX, Math.max(res.maxX, 1200), blocks.length ? res.maxY + 60 : 0);
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
