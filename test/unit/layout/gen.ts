/**
 * Test data for layout tests: normalized Workflow objects built directly, and a seeded
 * generator of workflow-shaped graphs (1-4 input streams, 1-3 outputs, ~2 edges per node,
 * optional groups, self-loops and back edges). Written for this project; no fixture content.
 */
import type { Port, Workflow, WorkflowEdge, WorkflowNode } from '../../../src/model/types.js';
import type { NodeSize } from '../../../src/layout/types.js';

export function mulberry32(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const port = (key: string): Port => ({ key, kind: 'INT', nullable: false, children: [] });

export function makeNode(
  id: string,
  ins: number,
  outs: number,
  extra: Partial<Omit<WorkflowNode, 'ins' | 'outs'>> = {},
): WorkflowNode {
  return {
    id,
    kind: 'rekuest-map',
    typename: 'RekuestMapActionNode',
    title: id,
    description: '',
    ins: Array.from({ length: ins }, (_, k) => [port(`a${k}`)]),
    outs: Array.from({ length: outs }, (_, k) => [port(`r${k}`)]),
    constants: [],
    voids: [],
    constantsMap: new Map(),
    globalsMap: new Map(),
    ...extra,
  };
}

export function makeGroup(id: string, extra: Partial<WorkflowNode> = {}): WorkflowNode {
  return {
    ...makeNode(id, 1, 1),
    kind: 'agent-subflow',
    typename: 'AgentSubFlowNode',
    ins: [[]],
    outs: [[]],
    ...extra,
  };
}

export function makeEdge(id: string, source: string, sourceStream: number, target: string, targetStream: number): WorkflowEdge {
  return {
    id,
    source,
    sourceStream,
    target,
    targetStream,
    sourceHandle: `return_${sourceStream}`,
    targetHandle: `arg_${targetStream}`,
    kind: 'vanilla',
    items: [],
  };
}

export function makeWorkflow(nodes: WorkflowNode[], edges: WorkflowEdge[]): Workflow {
  return { generation: 'G2', id: 'wf', title: 'wf', description: '', nodes, edges, globals: [] };
}

/** A size per node: width 160-240, height from the stream count. */
export function sizesFor(workflow: Workflow, seed = 1): Map<string, NodeSize> {
  const rnd = mulberry32(seed);
  const m = new Map<string, NodeSize>();
  for (const n of workflow.nodes) {
    m.set(n.id, { width: 160 + Math.round(rnd() * 80), height: Math.max(48, 20 * Math.max(n.ins.length, n.outs.length) + 16) });
  }
  return m;
}

export interface GenOptions {
  /** Number of groups (AgentSubFlowNodes) holding some nodes. */
  groups?: number;
  /** Give every node an authored position (children relative to their group). */
  positions?: boolean;
  /** Add a few self-loops and back edges. */
  cycles?: boolean;
}

/** A seeded workflow-shaped graph of `n` leaf nodes (+ groups). */
export function genWorkflow(n: number, seed = 42, opts: GenOptions = {}): { workflow: Workflow; sizes: Map<string, NodeSize> } {
  const rnd = mulberry32(seed * 7919 + n);
  const ri = (a: number, b: number): number => a + Math.floor(rnd() * (b - a + 1));
  const L = Math.max(2, Math.round(1.2 * Math.sqrt(n)));
  const layers: number[][] = Array.from({ length: L }, () => []);
  const leaves: { id: string; layer: number; ins: number; outs: number; parent?: string }[] = [];
  const groups: WorkflowNode[] = [];
  const groupCount = opts.groups ?? 0;
  for (let g = 0; g < groupCount; g++) groups.push(makeGroup(`group-${g}`));
  for (let i = 0; i < n; i++) {
    const layer = i < L ? i : ri(0, L - 1);
    const leaf: { id: string; layer: number; ins: number; outs: number; parent?: string } = {
      id: `node-${i}`,
      layer,
      ins: ri(1, 4),
      outs: ri(1, 3),
    };
    if (groupCount && rnd() < 0.25) leaf.parent = `group-${ri(0, groupCount - 1)}`;
    leaves.push(leaf);
    layers[layer]!.push(i);
  }
  const edges: WorkflowEdge[] = [];
  for (const [i, leaf] of leaves.entries()) {
    if (leaf.layer === 0) continue;
    for (let k = 0; k < leaf.ins; k++) {
      if (rnd() > 0.85) continue;
      const back = rnd() > 0.85 ? ri(2, 4) : 1;
      const cand = layers[Math.max(0, leaf.layer - back)]!;
      const src = cand[ri(0, cand.length - 1)]!;
      edges.push(makeEdge(`e${edges.length}`, leaves[src]!.id, ri(0, leaves[src]!.outs - 1), leaf.id, k));
    }
    void i;
  }
  if (opts.cycles) {
    for (let c = 0; c < Math.max(1, Math.floor(n / 20)); c++) {
      const a = leaves[ri(0, n - 1)]!;
      edges.push(makeEdge(`loop${c}`, a.id, 0, a.id, 0));
      const b = leaves[ri(0, n - 1)]!;
      edges.push(makeEdge(`back${c}`, b.id, b.outs - 1, leaves[ri(0, n - 1)]!.id, 0));
    }
  }
  const nodes: WorkflowNode[] = [];
  const groupPos = new Map<string, { x: number; y: number }>();
  groups.forEach((g, k) => {
    const pos = { x: 100 + k * 900, y: 2000 };
    groupPos.set(g.id, pos);
    nodes.push(opts.positions ? { ...g, position: pos } : g);
  });
  const perGroup = new Map<string, number>();
  for (const [i, leaf] of leaves.entries()) {
    const extra: { -readonly [K in keyof WorkflowNode]?: WorkflowNode[K] } = {};
    if (leaf.parent) extra.parentId = leaf.parent;
    if (opts.positions) {
      if (leaf.parent) {
        const k = perGroup.get(leaf.parent) ?? 0;
        perGroup.set(leaf.parent, k + 1);
        extra.position = { x: 30 + (k % 3) * 280, y: 60 + Math.floor(k / 3) * 140 };
      } else {
        extra.position = { x: leaf.layer * 320, y: i * 10 + (layers[leaf.layer]!.indexOf(i) * 150) };
      }
    }
    nodes.push(makeNode(leaf.id, leaf.ins, leaf.outs, extra));
  }
  const workflow = makeWorkflow(nodes, edges);
  return { workflow, sizes: sizesFor(workflow, seed) };
}
