/**
 * Project the design (topology + positions + selection) onto React Flow nodes and edges.
 * Node objects are cached: an unchanged resource keeps the same node object (and its
 * `measured` size), so React Flow neither re-renders nor re-measures it (designer-ux §4).
 */
import type { Edge, Node } from '@xyflow/react';
import { positionOf, type XY } from '../../core/model/design';
import type { Reference, Resource, Topology } from '../../core/model/topology';

export interface ResourceNodeData extends Record<string, unknown> {
  resource: Resource;
}
export type ResourceFlowNode = Node<ResourceNodeData, 'resource'>;

export interface ReferenceEdgeData extends Record<string, unknown> {
  kind: Reference['kind'] | 'parent';
  waitFor: Reference['waitFor'];
}
export type ReferenceFlowEdge = Edge<ReferenceEdgeData, 'reference'>;

/** Every node has this size (CSS fixes it), so layout and overlap checks need no measuring. */
export const NODE_WIDTH = 232;
export const NODE_HEIGHT = 92;

export function buildNodes(
  prev: readonly ResourceFlowNode[],
  topology: Topology,
  positions: Record<string, XY>,
  selected: ReadonlySet<string>,
): ResourceFlowNode[] {
  const old = new Map(prev.map((n) => [n.id, n]));
  return topology.resources.map((r, i) => {
    const p = positionOf(positions, r.name) ?? { x: (i % 6) * 280, y: Math.floor(i / 6) * 140 };
    const o = old.get(r.name);
    const isSel = selected.has(r.name);
    if (o && o.data.resource === r && o.position.x === p.x && o.position.y === p.y && !!o.selected === isSel) return o;
    const node: ResourceFlowNode = {
      id: r.name,
      type: 'resource',
      position: o && o.position.x === p.x && o.position.y === p.y ? o.position : { x: p.x, y: p.y },
      data: o && o.data.resource === r ? o.data : { resource: r },
      selected: isSel,
      ariaLabel: r.name,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    };
    if (o?.measured) node.measured = o.measured;
    return node;
  });
}

export function buildEdges(topology: Topology): ReferenceFlowEdge[] {
  const names = new Set(topology.resources.map((r) => r.name));
  const edges: ReferenceFlowEdge[] = [];
  for (const ref of topology.references) {
    if (!names.has(ref.from) || !names.has(ref.to)) continue;
    edges.push({
      id: `ref:${ref.from}->${ref.to}`,
      source: ref.from,
      target: ref.to,
      type: 'reference',
      data: { kind: ref.kind, waitFor: ref.waitFor },
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
      data: { kind: 'parent', waitFor: 'none' },
      ariaLabel: `${r.name} is a database in ${r.parent}`,
    });
  }
  return edges;
}
