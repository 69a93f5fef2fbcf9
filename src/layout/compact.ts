/**
 * The compact wire format between the page and the layout worker: the graph skeleton goes in
 * as typed arrays, the worker builds the ELK graph, runs ELK and sends back only numbers (node
 * boxes, edge polylines) in transferable typed arrays. This keeps the page's main thread free of
 * the big ELK JSON (cloning it both ways and walking it cost ~100 ms at 1,000 nodes).
 * Pure: no elkjs import; the caller passes an ELK instance.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { buildElkGraph, indexFromElkId } from './elk-graph.js';
import type { ElkOptions } from './elk-options.js';
import type { SkeletonEdge, SkeletonGraph, SkeletonNode } from './prepared-graph.js';
import type { LayoutDirection } from './types.js';

export const NODE_STRIDE = 6; // parent, container, width, height, ins, outs
export const EDGE_STRIDE = 4; // source, sourcePort, target, targetPort

export interface CompactRequest {
  readonly v: 1;
  readonly direction: LayoutDirection;
  readonly nodes: Float64Array;
  readonly edges: Int32Array;
  readonly extraOptions?: ElkOptions;
}

export interface CompactResult {
  /** x, y, width, height per node (NaN where ELK gave nothing). */
  readonly boxes: Float64Array;
  /** Edge j's points are points[2*off[j] .. 2*off[j+1]) as x, y pairs. */
  readonly edgeOffsets: Int32Array;
  readonly points: Float64Array;
  /** Set when ELK's output does not match the input (unknown or repeated nodes). */
  readonly problem?: string;
}

export interface ElkEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** Encodes a skeleton for the worker. */
export function encodeRequest(g: SkeletonGraph, direction: LayoutDirection, extraOptions?: ElkOptions): CompactRequest {
  const nodes = new Float64Array(g.nodes.length * NODE_STRIDE);
  g.nodes.forEach((n, i) => {
    const o = i * NODE_STRIDE;
    nodes[o] = n.parent;
    nodes[o + 1] = n.container ? 1 : 0;
    nodes[o + 2] = n.width;
    nodes[o + 3] = n.height;
    nodes[o + 4] = n.ins;
    nodes[o + 5] = n.outs;
  });
  const edges = new Int32Array(g.edges.length * EDGE_STRIDE);
  g.edges.forEach((e, j) => {
    const o = j * EDGE_STRIDE;
    edges[o] = e.source;
    edges[o + 1] = e.sourcePort;
    edges[o + 2] = e.target;
    edges[o + 3] = e.targetPort;
  });
  const req: CompactRequest = extraOptions ? { v: 1, direction, nodes, edges, extraOptions } : { v: 1, direction, nodes, edges };
  return req;
}

/** Decodes (and checks) a request; throws on anything malformed. */
export function decodeRequest(raw: unknown): { graph: SkeletonGraph; direction: LayoutDirection; extraOptions?: ElkOptions } {
  const r = raw as Partial<CompactRequest> | null;
  if (!r || r.v !== 1 || !(r.nodes instanceof Float64Array) || !(r.edges instanceof Int32Array)) {
    throw new TypeError('Malformed layout request.');
  }
  if (r.nodes.length % NODE_STRIDE || r.edges.length % EDGE_STRIDE) throw new TypeError('Malformed layout request.');
  const n = r.nodes.length / NODE_STRIDE;
  const nodes: (SkeletonNode & { children: number[] })[] = [];
  const roots: number[] = [];
  let hasContainers = false;
  for (let i = 0; i < n; i++) {
    const o = i * NODE_STRIDE;
    const parent = r.nodes[o]!;
    const container = r.nodes[o + 1] === 1;
    if (container) hasContainers = true;
    nodes.push({
      parent: Number.isInteger(parent) && parent >= 0 && parent < n && parent !== i ? parent : -1,
      children: [],
      container,
      width: r.nodes[o + 2]!,
      height: r.nodes[o + 3]!,
      ins: Math.max(0, Math.floor(r.nodes[o + 4]!)),
      outs: Math.max(0, Math.floor(r.nodes[o + 5]!)),
    });
  }
  nodes.forEach((node, i) => (node.parent >= 0 ? nodes[node.parent]!.children.push(i) : roots.push(i)));
  const edges: SkeletonEdge[] = [];
  const m = r.edges.length / EDGE_STRIDE;
  for (let j = 0; j < m; j++) {
    const o = j * EDGE_STRIDE;
    const source = r.edges[o]!;
    const target = r.edges[o + 2]!;
    if (source < 0 || source >= n || target < 0 || target >= n) throw new TypeError('Malformed layout request.');
    const sp = r.edges[o + 1]!;
    const tp = r.edges[o + 3]!;
    edges.push({
      index: j,
      source,
      target,
      sourcePort: sp >= 0 && sp < nodes[source]!.outs && !nodes[source]!.container ? sp : -1,
      targetPort: tp >= 0 && tp < nodes[target]!.ins && !nodes[target]!.container ? tp : -1,
    });
  }
  const direction: LayoutDirection = r.direction === 'down' ? 'down' : 'right';
  const out: { graph: SkeletonGraph; direction: LayoutDirection; extraOptions?: ElkOptions } = {
    graph: { nodes, edges, roots, hasContainers },
    direction,
  };
  if (r.extraOptions) out.extraOptions = r.extraOptions;
  return out;
}

/** Reads ELK's laid-out graph into numbers. Never throws; reports a mismatch in `problem`. */
export function extractResult(result: ElkNode, nodeCount: number, edgeCount: number): CompactResult {
  const boxes = new Float64Array(nodeCount * 4).fill(Number.NaN);
  const seen = new Uint8Array(nodeCount);
  const elkEdges = new Map<string, ElkExtendedEdge>();
  let problem: string | undefined;
  const stack: ElkNode[] = result && typeof result === 'object' ? [result] : [];
  if (!stack.length) problem = 'ELK returned no graph.';
  let visited = 0;
  while (stack.length) {
    const node = stack.pop()!;
    if (++visited > nodeCount + 1) {
      problem = 'ELK returned more nodes than it was given.';
      break;
    }
    if (Array.isArray(node.edges)) for (const e of node.edges) if (e && typeof e.id === 'string') elkEdges.set(e.id, e);
    if (node !== result) {
      const i = indexFromElkId(node.id, 'n');
      if (i < 0 || i >= nodeCount || seen[i]) {
        problem = 'ELK returned an unknown node.';
        continue;
      }
      seen[i] = 1;
      boxes[i * 4] = Number(node.x);
      boxes[i * 4 + 1] = Number(node.y);
      boxes[i * 4 + 2] = Number(node.width);
      boxes[i * 4 + 3] = Number(node.height);
    }
    if (Array.isArray(node.children)) for (const c of node.children) if (c && typeof c === 'object') stack.push(c);
  }
  const edgeOffsets = new Int32Array(edgeCount + 1);
  const pts: number[] = [];
  for (let j = 0; j < edgeCount; j++) {
    edgeOffsets[j] = pts.length / 2;
    const e = elkEdges.get(`e${j}`);
    const sections = e?.sections;
    if (!Array.isArray(sections) || !sections.length) continue;
    const start = pts.length;
    let ok = true;
    for (const s of sections) {
      if (!s || typeof s !== 'object' || !s.startPoint || !s.endPoint) {
        ok = false;
        break;
      }
      const bends = Array.isArray(s.bendPoints) ? s.bendPoints : [];
      for (const p of [s.startPoint, ...bends, s.endPoint]) pts.push(Number(p?.x), Number(p?.y));
    }
    if (!ok) pts.length = start;
  }
  edgeOffsets[edgeCount] = pts.length / 2;
  const out: CompactResult = { boxes, edgeOffsets, points: Float64Array.from(pts) };
  return problem ? { ...out, problem } : out;
}

/** Builds the ELK graph from a request, runs `elk`, and extracts the numbers. */
export async function computeCompact(elk: ElkEngine, raw: unknown): Promise<CompactResult> {
  const { graph, direction, extraOptions } = decodeRequest(raw);
  const elkGraph = buildElkGraph(graph, direction, extraOptions ? { extraOptions } : {});
  const result = await elk.layout(elkGraph);
  return extractResult(result, graph.nodes.length, graph.edges.length);
}
