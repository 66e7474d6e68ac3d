/**
 * The canvas. Nodes live in local state while the user drags (so a drag never touches the
 * store or its history); when the drag stops, one `move` commits the new positions — one
 * undo step. Everything else (connect, delete, select) goes straight to the design store.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useStore as useFlowStore,
  type Connection,
  type FinalConnectionState,
  type NodeChange,
  type OnBeforeDelete,
} from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { useShallow } from 'zustand/react/shallow';
import type { CatalogId } from '../../core/model/integrations/palette';
import { connectionProblem } from '../../core/model/commands';
import { useDesignApi, useDesignStore } from '../../state/app-state-context';
import { besideServer, freeSpot } from '../palette/free-spot';
import { canvasApi, FIT_VIEW_OPTIONS } from './canvas-api';
import { CanvasBridge } from './CanvasBridge';
import { isZoomedOut } from './detail-zoom';
import { useDeleteRequest } from './delete-request';
import { ReferenceEdge } from './ReferenceEdge';
import { ResourceNode } from './ResourceNode';
import { designRoutes } from './design-routes';
import { EmptyCanvas } from './EmptyCanvas';
import { labelSpots } from './edge-labels';
import { useRoutes, type RouteSet } from './routes';
import { buildEdges, buildNodes, type ReferenceFlowEdge, type ResourceFlowNode } from './to-flow';
import { CANVAS_DELETE_KEYS } from '../toolbar/actions';

/** Module scope: a new object per render would re-mount every node (designer-ux §4). */
const nodeTypes = { resource: ResourceNode };
const edgeTypes = { reference: ReferenceEdge };
const deleteKeys = CANVAS_DELETE_KEYS.map((k) => k.key);
export const PALETTE_MIME = 'application/x-aspire-palette';

function minimapColour(n: ResourceFlowNode): string {
  const r = n.data.resource;
  if (r.kind === 'project') return '#7c5cd6';
  if (r.kind === 'parameter' || r.kind === 'connection-string') return '#c28a19';
  if (r.kind === 'database' || r.engine) return '#2a7ab8';
  return '#5b6b7a';
}

function Canvas({ colorMode, showMinimap }: { colorMode: 'light' | 'dark'; showMinimap: boolean }) {
  const designStore = useDesignApi();
  const { topology, positions, selected } = useDesignStore(
    useShallow((s) => ({ topology: s.doc.topology, positions: s.doc.positions, selected: s.view.selected })),
  );
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const compact = useFlowStore(isZoomedOut);
  const [nodes, setNodes] = useState<ResourceFlowNode[]>([]);
  const container = useRef<HTMLDivElement>(null);
  // Re-project when the design or selection changes; unchanged nodes keep their identity.
  useEffect(() => {
    setNodes((prev) => buildNodes(prev, topology, positions, selectedSet));
  }, [topology, positions, selectedSet]);
  const routeSet = useRoutes();
  // The last routes and the layout they belong to: the next change re-routes only what it broke.
  const lastRoutes = useRef<{ layout: RouteSet; routes: RouteSet } | undefined>(undefined);
  const routes = useMemo(() => {
    const prev = lastRoutes.current?.layout === routeSet ? lastRoutes.current.routes : undefined;
    const out = designRoutes(routeSet, topology, positions, prev);
    lastRoutes.current = { layout: routeSet, routes: { routes: Object.fromEntries(out), positions } };
    return out;
  }, [routeSet, topology, positions]);
  const labels = useMemo(() => labelSpots(topology, positions, routes), [topology, positions, routes]);
  const edges = useMemo(() => buildEdges(topology, routes, labels), [topology, routes, labels]);

  const onNodesChange = useCallback((changes: NodeChange<ResourceFlowNode>[]) => {
    // Removals go through the delete dialog (onBeforeDelete); ignore them here.
    const kept = changes.filter((c) => c.type !== 'remove');
    setNodes((ns) => applyNodeChanges(kept, ns));
  }, []);

  const onSelectionChange = useCallback(
    ({ nodes: sel }: { nodes: ResourceFlowNode[] }) => {
      designStore.getState().select(sel.map((n) => n.id));
    },
    [designStore],
  );

  const onNodeDragStop = useCallback(
    (_e: unknown, _n: ResourceFlowNode, dragged: ResourceFlowNode[]) => {
      designStore
        .getState()
        .move(
          Object.fromEntries(dragged.map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }])),
        );
    },
    [designStore],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      designStore.getState().connect(c.source, c.target);
    },
    [designStore],
  );

  const isValidConnection = useCallback(
    (c: Connection | ReferenceFlowEdge) => !connectionProblem(designStore.getState().doc.topology, c.source, c.target),
    [designStore],
  );

  const onConnectEnd = useCallback(
    (e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode) return; // onConnect already ran, or nothing to do
      // Dropped anywhere on a node (not only on its handle): connect, or say why not.
      const pt = 'changedTouches' in e ? e.changedTouches[0] : e;
      const hit = pt ? nodeAt(pt.clientX, pt.clientY) : undefined;
      const other = hit ?? state.toNode?.id;
      if (!other || other === state.fromNode.id) return;
      const [from, to] = state.fromHandle?.type === 'target' ? [other, state.fromNode.id] : [state.fromNode.id, other];
      const st = designStore.getState();
      const reason = connectionProblem(st.doc.topology, from, to);
      if (reason) st.notify({ kind: 'error', text: reason });
      else st.connect(from, to);
    },
    [designStore],
  );

  const onBeforeDelete: OnBeforeDelete<ResourceFlowNode, ReferenceFlowEdge> = useCallback(
    async ({ nodes: ns, edges: es }) => {
      const st = designStore.getState();
      if (ns.length > 0)
        useDeleteRequest.getState().request(
          designStore,
          ns.map((n) => n.id),
        );
      else for (const e of es) if (e.data?.kind !== 'parent') st.disconnect(e.source, e.target);
      return false;
    },
    [designStore],
  );

  const onDragOver = useCallback((e: React.DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const id = e.dataTransfer.getData(PALETTE_MIME) as CatalogId;
      if (!id) return;
      e.preventDefault();
      e.stopPropagation();
      const p = designStore.getState();
      const { topology: t, positions: pos } = p.doc;
      // Dropped onto a server: that server is the parent, and the database goes beside it.
      const hit = id === 'database' ? nodeAt(e.clientX, e.clientY) : undefined;
      const parent = hit && t.resources.find((r) => r.name === hit) ? hit : undefined;
      const at =
        (parent ? besideServer(t, pos, parent) : undefined) ??
        freeSpot(pos, canvasApi.screenToFlow({ x: e.clientX, y: e.clientY }));
      p.addFromCatalog(id, at, parent);
    },
    [designStore],
  );

  return (
    <div className={`canvas${compact ? ' is-compact' : ''}`} ref={container} onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<ResourceFlowNode, ReferenceFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onSelectionChange={onSelectionChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onBeforeDelete={onBeforeDelete}
        deleteKeyCode={deleteKeys}
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        colorMode={colorMode}
        // React Flow asks that its attribution stay unless one subscribes to Pro (hiding it logs a
        // warning on every dev load); top right keeps it clear of the minimap and the controls.
        attributionPosition="top-right"
        minZoom={0.1}
        connectionRadius={28}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        aria-label="Design canvas"
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        {/* An empty design has nothing to map: no empty box in the corner. */}
        {showMinimap && topology.resources.length > 0 && (
          <MiniMap<ResourceFlowNode> pannable zoomable nodeColor={minimapColour} ariaLabel="Minimap" />
        )}
        <CanvasBridge container={container} />
      </ReactFlow>
      {topology.resources.length === 0 && <EmptyCanvas />}
    </div>
  );
}

/** The node under a screen point, if any. */
function nodeAt(x: number, y: number): string | undefined {
  const el = document.elementsFromPoint(x, y).find((e) => e.classList.contains('react-flow__node'));
  return el?.getAttribute('data-id') ?? undefined;
}

export function DesignCanvas(props: { colorMode: 'light' | 'dark'; showMinimap: boolean }) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}
