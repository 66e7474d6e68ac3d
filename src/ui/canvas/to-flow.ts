/**
 * Project the design (topology + positions + selection) onto React Flow nodes and edges.
 * Node objects are cached: an unchanged resource keeps the same node object (and its
 * `measured` size), so React Flow neither re-renders nor re-measures it (designer-ux §4).
 */
import type { Edge, Node } from '@xyflow/react';
import { positionOf, type XY } from '../../core/model/design';
import type { Reference, Resource, Topology } from '../../core/model/topology';
import { NODE_HEIGHT, NODE_MIN_WIDTH, nodeWidth } from './node-size';

export interface ResourceNodeData extends Record<string, unknown> {
  resource: Resource;
  /** What import could not model about this resource (Topology.unmodelled), one per line. */
  unmodelled?: string;
}
export type ResourceFlowNode = Node<ResourceNodeData, 'resource'>;

export interface ReferenceEdgeData extends Record<string, unknown> {
  kind: Reference['kind'] | 'parent';
  waitFor: Reference['waitFor'];
  /** The orthogonal route from the last auto layout, while it is still valid (routes.ts). */
  route?: XY[];
  /** Where the label goes on that route, clear of nodes and other labels (edge-labels.ts). */
  labelAt?: XY;
}
export type ReferenceFlowEdge = Edge<ReferenceEdgeData, 'reference'>;

/** Nodes are NODE_HEIGHT high and as wide as their name needs (node-size.ts), at least NODE_WIDTH. */
export const NODE_WIDTH = NODE_MIN_WIDTH;
export { NODE_HEIGHT };

export function buildNodes(
  prev: readonly ResourceFlowNode[],
  topology: Topology,
  positions: Record<string, XY>,
  selected: ReadonlySet<string>,
): ResourceFlowNode[] {
  const old = new Map(prev.map((n) => [n.id, n]));
  const notes = unmodelledByResource(topology);
  return topology.resources.map((r, i) => {
    const note = notes.get(r.name);
    const p = positionOf(positions, r.name) ?? { x: (i % 6) * 280, y: Math.floor(i / 6) * 140 };
    const o = old.get(r.name);
    const isSel = selected.has(r.name);
    const sameData = !!o && o.data.resource === r && o.data.unmodelled === note;
    if (o && sameData && o.position.x === p.x && o.position.y === p.y && !!o.selected === isSel) return o;
    const node: ResourceFlowNode = {
      id: r.name,
      type: 'resource',
      position: o && o.position.x === p.x && o.position.y === p.y ? o.position : { x: p.x, y: p.y },
      data: o && sameData ? o.data : note ? { resource: r, unmodelled: note } : { resource: r },
      selected: isSel,
      ariaLabel: r.name,
      width: nodeWidth(r.name),
      height: NODE_HEIGHT,
    };
    if (o?.measured) node.measured = o.measured;
    return node;
  });
}

export function buildEdges(
  topology: Topology,
  routes: ReadonlyMap<string, XY[]> = new Map(),
  labels: ReadonlyMap<string, XY> = new Map(),
): ReferenceFlowEdge[] {
  const names = new Set(topology.resources.map((r) => r.name));
  const edges: ReferenceFlowEdge[] = [];
  for (const ref of topology.references) {
    if (!names.has(ref.from) || !names.has(ref.to)) continue;
    edges.push({
      id: `ref:${ref.from}->${ref.to}`,
      source: ref.from,
      target: ref.to,
      type: 'reference',
      data: withRoute(
        { kind: ref.kind, waitFor: ref.waitFor },
        routes.get(`ref:${ref.from}->${ref.to}`),
        labels.get(`ref:${ref.from}->${ref.to}`),
      ),
      ariaLabel: `${ref.from} references ${ref.to}${ref.waitFor !== 'none' ? ', waits for it' : ''}`,
    });
  }
  for (const r of topology.resources) {
    if (!r.parent || !names.has(r.parent)) continue;
    edges.push({
      id: `parent:${r.parent}->${r.name}`,
      source: r.parent,
      target: r.name,
      type: 'reference',
      deletable: false,
      data: withRoute({ kind: 'parent', waitFor: 'none' }, routes.get(`parent:${r.parent}->${r.name}`)),
      ariaLabel: `${r.name} is a database in ${r.parent}`,
    });
  }
  return edges;
}

function withRoute(data: ReferenceEdgeData, route: XY[] | undefined, labelAt?: XY): ReferenceEdgeData {
  if (!route) return data;
  return labelAt ? { ...data, route, labelAt } : { ...data, route };
}

/** Unmodelled notes per resource, "construct: message (file:line)" one per line. */
export function unmodelledByResource(topology: Topology): Map<string, string> {
  const out = new Map<string, string>();
  for (const u of topology.unmodelled ?? []) {
    if (!u.resource) continue;
    const where = u.file ? ` (${u.file}${u.line !== undefined ? `:${u.line}` : ''})` : '';
    const line = `${u.construct}: ${u.message}${where}`;
    const prev = out.get(u.resource);
    out.set(u.resource, prev ? `${prev}\n${line}` : line);
  }
  return out;
}
