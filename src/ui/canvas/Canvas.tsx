/**
 * The editor canvas. React Flow draws nodes and edges derived from the design in the store
 * (see store/convert.ts); every gesture comes back as a store action, so undo, autosave and
 * the running simulation all see one source of truth.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  ViewportPortal,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react';
import { NODE_KINDS, type Design, type NodeKind } from '../../model';
import { useDesign } from '../../store';
import { beginGesture } from '../../store/design';
import { setGesture } from '../../store/runner';
import { createFlowEdgeMapper, createFlowNodeMapper, type SimFlowEdge, type SimFlowNode, type Size } from '../../store/convert';
import { useUi } from '../../store/ui';
import { connectionProblem } from '../../store/connection';
import { addAt } from '../actions';
import { SimEdge } from './SimEdge';
import { SimNode } from './SimNode';
import { CanvasToolbar } from './CanvasToolbar';
import { GRID, NEW_NODE_SIZE, snapToGrid } from './placement';
import { openingViewport, whenMeasured } from './view';
import './canvas.css';

const nodeTypes = { sim: SimNode };
const edgeTypes = { sim: SimEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
const SNAP: [number, number] = [GRID, GRID];
/** Small designs are on screen whole; the minimap would only cover part of them. */
const MINIMAP_FROM_NODES = 13;
const MINIMAP_SIZE = { width: 168, height: 112 };

/** A different design was opened (example, import, link, undo of one): not an edit of this one. */
function isReplacement(prev: Design, next: Design): boolean {
  if (prev === next || next.nodes.length === 0) return false;
  const before = new Map(prev.nodes.map((n) => [n.id, n]));
  const sameIds = prev.nodes.length === next.nodes.length && next.nodes.every((n) => before.has(n.id));
  // An edit keeps most node objects (structural sharing); moving every node keeps the ids.
  return !sameIds && !next.nodes.some((n) => before.get(n.id) === n);
}
export const DRAG_MIME = 'application/x-archsim-kind';

export function Canvas() {
  const design = useDesign((s) => s.design);
  const selectedNodes = useUi((s) => s.selectedNodes);
  const selectedEdges = useUi((s) => s.selectedEdges);
  const focusRequest = useUi((s) => s.focusRequest);
  const flow = useReactFlow<SimFlowNode, SimFlowEdge>();
  const flowStore = useStoreApi<SimFlowNode, SimFlowEdge>();
  const viewRequest = useUi((s) => s.viewRequest);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const mapNodes = useMemo(createFlowNodeMapper, []);
  const mapEdges = useMemo(createFlowEdgeMapper, []);
  const nodes = useMemo(() => mapNodes(design, selectedNodes, measured), [mapNodes, design, selectedNodes, measured]);
  const edges = useMemo(() => mapEdges(design, selectedEdges), [mapEdges, design, selectedEdges]);
  const endGesture = useRef<(() => void) | null>(null);

  const onNodesChange = useCallback((changes: NodeChange<SimFlowNode>[]) => {
    const moves: { id: string; position: { x: number; y: number } }[] = [];
    let sizes: Map<string, Size> | null = null;
    let selection: Set<string> | null = null;
    for (const change of changes) {
      if (change.type === 'position' && change.position) moves.push({ id: change.id, position: change.position });
      else if (change.type === 'dimensions' && change.dimensions) {
        sizes ??= new Map();
        sizes.set(change.id, { width: change.dimensions.width, height: change.dimensions.height });
      } else if (change.type === 'select') {
        selection ??= new Set(useUi.getState().selectedNodes);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
    }
    if (moves.length > 0) useDesign.getState().moveNodes(moves);
    if (sizes) {
      const add = sizes;
      setMeasured((prev) => {
        const next = new Map(prev);
        for (const [id, size] of add) {
          const old = prev.get(id);
          if (!old || old.width !== size.width || old.height !== size.height) next.set(id, size);
        }
        return next;
      });
    }
    if (selection) useUi.getState().select(selection, useUi.getState().selectedEdges);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<SimFlowEdge>[]) => {
    let selection: Set<string> | null = null;
    for (const change of changes) {
      if (change.type === 'select') {
        selection ??= new Set(useUi.getState().selectedEdges);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
    }
    if (selection) useUi.getState().select(useUi.getState().selectedNodes, selection);
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    const result = useDesign.getState().connect(connection.source, connection.target);
    if (result.ok) useUi.getState().select([], [result.id]);
    else useUi.getState().notify('error', `Not connected: ${result.reason}`);
  }, []);

  // Dropped on a node but not on a handle (a client has none to drop on): still explain why not.
  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.isValid || !state.fromNode || state.fromHandle?.type !== 'source') return;
    const point = 'changedTouches' in event ? event.changedTouches[0] : event;
    const target = document.elementFromPoint(point.clientX, point.clientY)?.closest('.react-flow__node');
    const to = target?.getAttribute('data-id');
    if (!to) return;
    const reason = connectionProblem(useDesign.getState().design, state.fromNode.id, to);
    if (reason) useUi.getState().notify('error', `Not connected: ${reason}`);
  }, []);

  const onNodeDragStart = useCallback(() => {
    endGesture.current?.();
    endGesture.current = beginGesture(useDesign);
    setGesture(true);
  }, []);
  const onNodeDragStop = useCallback(() => {
    endGesture.current?.();
    endGesture.current = null;
    setGesture(false);
  }, []);
  // Pans and zooms, too, take live figures at a slower pace while they last (see setGesture).
  const onMoveStart = useCallback(() => setGesture(true), []);
  const onMoveEnd = useCallback(() => setGesture(false), []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(DRAG_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(DRAG_MIME) as NodeKind;
      if (!(NODE_KINDS as readonly string[]).includes(kind)) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addAt(kind, { x: snapToGrid(at.x - 100), y: snapToGrid(at.y - 30) });
    },
    [flow],
  );

  /** Puts the design in view as it opens (see view.ts); resolves when the view has settled. */
  const showOpening = useCallback(
    async (duration = 0) => {
      const ids = useDesign.getState().design.nodes.map((n) => n.id);
      if (ids.length === 0) return;
      const { width, height } = flowStore.getState();
      await flow.setViewport(openingViewport(flow.getNodesBounds(ids), width, height), { duration });
    },
    [flow, flowStore],
  );

  // Busy from the click until the view has settled on the new layout (the layout code loads on
  // first use, then the view animates): the button says so, and a second press meanwhile does nothing.
  const [tidying, setTidying] = useState(false);
  const tidy = useCallback(async () => {
    const current = useDesign.getState().design;
    if (current.nodes.length === 0 || tidying) return;
    setTidying(true);
    try {
      // dagre is only needed here: load it on first use to keep the first load small.
      const { tidyPositions } = await import('./layout');
      useDesign.getState().setPositions(tidyPositions(current, measured));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await showOpening(300);
    } finally {
      setTidying(false);
    }
  }, [measured, showOpening, tidying]);

  // The first visit, another design opened (example, import, link, undo of one) or a request
  // (ui.showOpeningView): the design's opening view, as soon as React Flow has measured its
  // nodes, in the same task, so no frame shows them elsewhere first.
  const shown = useRef(design);
  const [openings, setOpenings] = useState(0);
  useEffect(() => {
    const prev = shown.current;
    shown.current = design;
    if (isReplacement(prev, design)) setOpenings((n) => n + 1);
  }, [design]);
  useEffect(() => {
    const ids = useDesign.getState().design.nodes.map((n) => n.id);
    return whenMeasured(flowStore, ids, () => void showOpening());
  }, [openings, viewRequest, flowStore, showOpening]);

  useEffect(() => {
    if (!focusRequest) return;
    const node = useDesign.getState().design.nodes.find((n) => n.id === focusRequest.id);
    if (!node) return;
    const size = measured.get(node.id) ?? NEW_NODE_SIZE;
    void flow.setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, {
      zoom: Math.max(flow.getZoom(), 1),
      duration: 300,
    });
    // Only a new request should move the view, not a resize.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  return (
    <div className={`canvas${design.edges.length > 40 ? ' is-large' : ''}`} onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<SimFlowNode, SimFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onSelectionDragStart={onNodeDragStart}
        onSelectionDragStop={onNodeDragStop}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        snapToGrid
        snapGrid={SNAP}
        minZoom={0.1}
        maxZoom={2}
        colorMode="system"
        onlyRenderVisibleElements={design.nodes.length > 120}
        proOptions={{ hideAttribution: true }}
        aria-label="Design canvas"
      >
        <ViewportPortal>
          <div className="canvas-dots" aria-hidden />
        </ViewportPortal>
        {design.nodes.length >= MINIMAP_FROM_NODES && (
          <MiniMap pannable zoomable ariaLabel="Minimap" nodeBorderRadius={8} className="minimap" style={MINIMAP_SIZE} />
        )}
        <Controls showInteractive={false} position="bottom-right" aria-label="Zoom controls" />
        <CanvasToolbar onTidy={() => void tidy()} tidying={tidying} />
      </ReactFlow>
      {design.nodes.length === 0 && (
        <div className="canvas-empty">
          <p className="canvas-empty-title">An empty canvas</p>
          <p>Drag a component from the palette, or focus one and press Enter. Start with a Client.</p>
        </div>
      )}
    </div>
  );
}
