/**
 * The React Flow peer for R1 (bench only): the same generated workflow, at the same positions and
 * box sizes as our layout, with the same handles (inputs left, outputs right) and bezier edges,
 * rendered by @xyflow/react with onlyRenderVisibleElements on. No JSX (the project has no JSX setup).
 */
import { createElement as h, memo } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlow, Handle, Position, type Edge, type Node, type NodeProps, type ReactFlowInstance } from '@xyflow/react';
import type { WorkflowLayout } from '../../src/layout/types.js';

type Json = Record<string, unknown>;
type CardData = { title: string; ins: number; outs: number; w: number; h: number };
type CardNode = Node<CardData, 'card'>;

const handleTop = (k: number, count: number, height: number): number => ((k + 1) * height) / (count + 1);

const Card = memo(function Card({ data }: NodeProps<CardNode>) {
  const handles = [];
  for (let k = 0; k < data.ins; k++) handles.push(h(Handle, { key: `a${k}`, id: `arg_${k}`, type: 'target', position: Position.Left, style: { top: handleTop(k, data.ins, data.h) } }));
  for (let k = 0; k < data.outs; k++) handles.push(h(Handle, { key: `r${k}`, id: `return_${k}`, type: 'source', position: Position.Right, style: { top: handleTop(k, data.outs, data.h) } }));
  return h(
    'div',
    { style: { width: data.w, height: data.h, boxSizing: 'border-box', border: '1px solid #888', borderRadius: 8, background: '#fff', font: '600 13px sans-serif', padding: '10px 12px' } },
    h('div', { style: { fontSize: 10, color: '#666' } }, 'ACTION'),
    h('div', null, data.title),
    ...handles,
  );
});
const nodeTypes = { card: Card };

export interface ReactFlowHandle {
  ready(): boolean;
  viewport(): { x: number; y: number; zoom: number };
  setViewport(v: { x: number; y: number; zoom: number }): void;
  unmount(): void;
}

/** Mounts React Flow into `host` with the flow's nodes at the layout's boxes. */
export function mountReactFlow(host: HTMLElement, flow: Json, layout: WorkflowLayout): ReactFlowHandle {
  const graph = flow.graph as { nodes: Json[]; edges: Json[] };
  const boxes = new Map(layout.nodes.map((b) => [b.id, b]));
  const nodes: CardNode[] = [];
  for (const n of graph.nodes) {
    const b = boxes.get(String(n.id));
    if (!b) continue;
    const ins = (n.ins as unknown[]).length;
    const outs = (n.outs as unknown[]).length;
    const title = String(n.title || n.implementation || n.id);
    nodes.push({ id: String(n.id), type: 'card', position: { x: b.x, y: b.y }, width: b.width, height: b.height, data: { title, ins, outs, w: b.width, h: b.height } });
  }
  const edges: Edge[] = graph.edges.map((e) => ({ id: String(e.id), source: String(e.source), target: String(e.target), sourceHandle: String(e.sourceHandle), targetHandle: String(e.targetHandle) }));
  let instance: ReactFlowInstance<CardNode, Edge> | null = null;
  const root = createRoot(host);
  root.render(
    h(ReactFlow<CardNode, Edge>, {
      nodes,
      edges,
      nodeTypes,
      fitView: true,
      minZoom: 0.01,
      maxZoom: 8,
      onlyRenderVisibleElements: true,
      proOptions: { hideAttribution: true },
      onInit: (i: ReactFlowInstance<CardNode, Edge>) => {
        instance = i;
      },
    }),
  );
  return {
    ready: () => instance !== null,
    viewport: () => instance?.getViewport() ?? { x: 0, y: 0, zoom: 1 },
    setViewport: (v) => void instance?.setViewport(v),
    unmount: () => root.unmount(),
  };
}
