/**
 * The layout's view of a Workflow: nodes by index with a safe hierarchy (no parent cycles,
 * no missing parents, depth capped), sanitized sizes, and only edges between existing nodes.
 * Everything downstream (ELK builder, stored layout, fallback, key) works on this.
 */
import type { Workflow, WorkflowEdge, WorkflowNode } from '../model/types.js';
import type { NodeSize } from './types.js';

/** Size used when the renderer gave none (or an unusable one). */
export const DEFAULT_NODE_SIZE: NodeSize = Object.freeze({ width: 200, height: 72 });
export const MIN_NODE_SIDE = 8;
export const MAX_NODE_SIDE = 4000;
/** Group (AgentSubFlowNode) box: padding around its children (top holds the label), minimum. */
export const GROUP_PADDING = Object.freeze({ top: 56, right: 24, bottom: 24, left: 24 });
export const GROUP_MIN_SIZE: NodeSize = Object.freeze({ width: 280, height: 180 });
/** Deeper hierarchies are flattened to the root (ELK overflows its stack around 3,000). */
export const MAX_HIERARCHY_DEPTH = 32;
/** Authored coordinates beyond this are treated as absent. */
export const MAX_COORDINATE = 1e6;

export interface PreparedNode {
  readonly index: number;
  readonly id: string;
  readonly node: WorkflowNode;
  /** Parent index, or -1 at the root. */
  parent: number;
  readonly children: number[];
  /** A group: box computed from its children (AgentSubFlowNode, or any node with children). */
  container: boolean;
  /** Measured size (leaves) or the minimum group size (containers, before fitting). */
  readonly width: number;
  readonly height: number;
  readonly ins: number;
  readonly outs: number;
}

export interface PreparedEdge {
  readonly index: number;
  readonly id: string;
  readonly edge: WorkflowEdge;
  readonly source: number;
  readonly target: number;
  /** Output stream index on the source, or -1 when the edge attaches to the node itself. */
  sourcePort: number;
  /** Input stream index on the target, or -1. */
  targetPort: number;
}

/** The part of a node that ELK graph building needs (also decoded inside the worker). */
export interface SkeletonNode {
  readonly parent: number;
  readonly children: readonly number[];
  readonly container: boolean;
  readonly width: number;
  readonly height: number;
  readonly ins: number;
  readonly outs: number;
}

export interface SkeletonEdge {
  readonly index: number;
  readonly source: number;
  readonly target: number;
  readonly sourcePort: number;
  readonly targetPort: number;
}

/** The structure ELK graph building needs; PreparedGraph is one. */
export interface SkeletonGraph {
  readonly nodes: readonly SkeletonNode[];
  readonly edges: readonly SkeletonEdge[];
  readonly roots: readonly number[];
  readonly hasContainers: boolean;
}

export interface PreparedGraph {
  readonly nodes: readonly PreparedNode[];
  readonly edges: readonly PreparedEdge[];
  readonly byId: ReadonlyMap<string, number>;
  /** Top-level node indexes, in input order. */
  readonly roots: readonly number[];
  readonly hasContainers: boolean;
}

function clampSide(v: unknown, fallback: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return fallback;
  return Math.min(MAX_NODE_SIDE, Math.max(MIN_NODE_SIDE, v));
}

/** A usable size from whatever the renderer measured. */
export function sanitizeSize(size: NodeSize | undefined): NodeSize {
  if (!size || typeof size !== 'object') return DEFAULT_NODE_SIZE;
  return {
    width: clampSide(size.width, DEFAULT_NODE_SIZE.width),
    height: clampSide(size.height, DEFAULT_NODE_SIZE.height),
  };
}

/** The authored position when it is usable (finite, within bounds), else undefined. */
export function usablePosition(node: WorkflowNode): { x: number; y: number } | undefined {
  const p = node.position;
  if (!p || typeof p !== 'object') return undefined;
  const { x, y } = p;
  if (typeof x !== 'number' || typeof y !== 'number') return undefined;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  if (Math.abs(x) > MAX_COORDINATE || Math.abs(y) > MAX_COORDINATE) return undefined;
  return { x, y };
}

function streamCount(v: unknown): number {
  return Array.isArray(v) ? v.length : 0;
}

/** Builds the layout view of `workflow`. Never throws on odd data; drops what it cannot use. */
export function prepareGraph(workflow: Workflow, sizes: ReadonlyMap<string, NodeSize> | undefined): PreparedGraph {
  const nodes: PreparedNode[] = [];
  const byId = new Map<string, number>();
  const srcNodes = Array.isArray(workflow?.nodes) ? workflow.nodes : [];
  for (const node of srcNodes) {
    if (!node || typeof node.id !== 'string' || byId.has(node.id)) continue; // first wins
    const index = nodes.length;
    const size = sanitizeSize(sizes?.get(node.id));
    nodes.push({
      index,
      id: node.id,
      node,
      parent: -1,
      children: [],
      container: node.kind === 'agent-subflow',
      width: size.width,
      height: size.height,
      ins: streamCount(node.ins),
      outs: streamCount(node.outs),
    });
    byId.set(node.id, index);
  }

  // Parents: must exist, not self, no cycle, depth capped. Iterative, with visited sets.
  for (const pn of nodes) {
    const pid = pn.node.parentId;
    if (typeof pid !== 'string') continue;
    const p = byId.get(pid);
    if (p === undefined || p === pn.index) continue;
    pn.parent = p;
  }
  for (const pn of nodes) {
    if (pn.parent < 0) continue;
    const seen = new Set<number>([pn.index]);
    let cur = pn.parent;
    let depth = 1;
    let ok = true;
    while (cur >= 0) {
      if (seen.has(cur) || depth > MAX_HIERARCHY_DEPTH) {
        ok = false;
        break;
      }
      seen.add(cur);
      cur = nodes[cur]!.parent;
      depth++;
    }
    if (!ok) pn.parent = -1;
  }
  // A second pass: flattening one node can leave another's chain pointing at a cycle member
  // that was itself flattened; the walk above already made every remaining chain acyclic.
  const roots: number[] = [];
  for (const pn of nodes) {
    if (pn.parent >= 0) {
      const parent = nodes[pn.parent]!;
      parent.children.push(pn.index);
      parent.container = true;
    } else roots.push(pn.index);
  }
  let hasContainers = false;
  for (const pn of nodes) if (pn.container) hasContainers = true;

  const edges: PreparedEdge[] = [];
  const edgeIds = new Set<string>();
  const srcEdges = Array.isArray(workflow?.edges) ? workflow.edges : [];
  for (const edge of srcEdges) {
    if (!edge || typeof edge.id !== 'string' || edgeIds.has(edge.id)) continue;
    const s = byId.get(edge.source);
    const t = byId.get(edge.target);
    if (s === undefined || t === undefined) continue;
    edgeIds.add(edge.id);
    const sn = nodes[s]!;
    const tn = nodes[t]!;
    const ss = edge.sourceStream;
    const ts = edge.targetStream;
    edges.push({
      index: edges.length,
      id: edge.id,
      edge,
      source: s,
      target: t,
      sourcePort: !sn.container && Number.isInteger(ss) && ss >= 0 && ss < sn.outs ? ss : -1,
      targetPort: !tn.container && Number.isInteger(ts) && ts >= 0 && ts < tn.ins ? ts : -1,
    });
  }
  return { nodes, edges, byId, roots, hasContainers };
}

/** Node indexes with parents before children (depth-first from the roots, iterative). */
export function topDownOrder(g: SkeletonGraph): number[] {
  const out: number[] = [];
  const stack = [...g.roots].reverse();
  while (stack.length) {
    const i = stack.pop()!;
    out.push(i);
    const ch = g.nodes[i]!.children;
    for (let k = ch.length - 1; k >= 0; k--) stack.push(ch[k]!);
  }
  return out;
}

/** All descendants of `tops` plus `tops` themselves (iterative). */
export function withDescendants(g: PreparedGraph, tops: readonly number[]): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const stack = [...tops];
  while (stack.length) {
    const i = stack.pop()!;
    if (seen.has(i)) continue;
    seen.add(i);
    out.push(i);
    for (const c of g.nodes[i]!.children) stack.push(c);
  }
  return out.sort((a, b) => a - b);
}

/**
 * The subgraph of `members` (indexes into g), re-indexed from 0 in input order. Parents outside
 * the set become roots; edges need both ends inside. Node and edge ids are unchanged.
 */
export function inducedSubgraph(g: PreparedGraph, members: readonly number[]): PreparedGraph {
  const sorted = [...new Set(members)].sort((a, b) => a - b);
  const map = new Map<number, number>();
  sorted.forEach((old, k) => map.set(old, k));
  const nodes: PreparedNode[] = sorted.map((old, k) => {
    const pn = g.nodes[old]!;
    return { ...pn, index: k, parent: -1, children: [], container: pn.node.kind === 'agent-subflow' };
  });
  const roots: number[] = [];
  sorted.forEach((old, k) => {
    const p = map.get(g.nodes[old]!.parent);
    if (p !== undefined) {
      nodes[k]!.parent = p;
      nodes[p]!.children.push(k);
      nodes[p]!.container = true;
    } else roots.push(k);
  });
  const byId = new Map<string, number>();
  for (const n of nodes) byId.set(n.id, n.index);
  const edges: PreparedEdge[] = [];
  for (const pe of g.edges) {
    const s = map.get(pe.source);
    const t = map.get(pe.target);
    if (s === undefined || t === undefined) continue;
    edges.push({
      ...pe,
      index: edges.length,
      source: s,
      target: t,
      sourcePort: nodes[s]!.container ? -1 : pe.sourcePort,
      targetPort: nodes[t]!.container ? -1 : pe.targetPort,
    });
  }
  return { nodes, edges, byId, roots, hasContainers: nodes.some((n) => n.container) };
}
