/**
 * Workflow -> ELK graph (pure). Leaves get their measured size and one fixed-position port per
 * stream, exactly at `handlePoint`; groups become compound nodes sized by ELK around their
 * children; every edge is declared at the root (hierarchy handling INCLUDE_CHILDREN).
 * ELK ids are ours (`n<i>`, `n<i>.i<k>`, `n<i>.o<k>`, `e<j>`), never ids from the data.
 */
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api.js';
import { handlePoint } from './handles.js';
import { rootLayoutOptions, type ElkOptions } from './elk-options.js';
import { GROUP_MIN_SIZE, GROUP_PADDING, topDownOrder, type SkeletonGraph } from './prepared-graph.js';
import type { LayoutDirection } from './types.js';

export const elkNodeId = (i: number): string => `n${i}`;
export const elkInPortId = (i: number, k: number): string => `n${i}.i${k}`;
export const elkOutPortId = (i: number, k: number): string => `n${i}.o${k}`;
export const elkEdgeId = (j: number): string => `e${j}`;

/** Index from an id we generated (`n12` -> 12, `e3` -> 3), or -1. */
export function indexFromElkId(id: unknown, prefix: 'n' | 'e'): number {
  if (typeof id !== 'string' || id.length < 2 || id[0] !== prefix) return -1;
  const rest = id.slice(1);
  if (!/^(0|[1-9]\d{0,8})$/.test(rest)) return -1;
  return Number(rest);
}

export interface BuildOptions {
  /** Extra root options (tests and benchmarks); applied last. */
  readonly extraOptions?: ElkOptions;
}

const GROUP_PADDING_OPTION = `[top=${GROUP_PADDING.top},left=${GROUP_PADDING.left},bottom=${GROUP_PADDING.bottom},right=${GROUP_PADDING.right}]`;

/** The ELK input graph for `g`. A fresh object: give it to ELK as is (ELK mutates its input). */
export function buildElkGraph(g: SkeletonGraph, direction: LayoutDirection, options: BuildOptions = {}): ElkNode {
  const inSide = direction === 'down' ? 'NORTH' : 'WEST';
  const outSide = direction === 'down' ? 'SOUTH' : 'EAST';
  const elkNodes: ElkNode[] = new Array(g.nodes.length);
  const root: ElkNode = {
    id: 'root',
    layoutOptions: { ...rootLayoutOptions(direction, g.nodes.length, g.hasContainers), ...options.extraOptions },
    children: [],
    edges: [],
  };
  for (const i of topDownOrder(g)) {
    const pn = g.nodes[i]!;
    let en: ElkNode;
    if (pn.container) {
      en = {
        id: elkNodeId(i),
        width: GROUP_MIN_SIZE.width,
        height: GROUP_MIN_SIZE.height,
        layoutOptions: {
          'elk.padding': GROUP_PADDING_OPTION,
          'elk.nodeSize.constraints': 'MINIMUM_SIZE',
          'elk.nodeSize.minimum': `(${GROUP_MIN_SIZE.width},${GROUP_MIN_SIZE.height})`,
        },
        children: [],
      };
    } else {
      const box = { x: 0, y: 0, width: pn.width, height: pn.height };
      const ports: ElkPort[] = [];
      for (let k = 0; k < pn.ins; k++) {
        const p = handlePoint(box, 'in', k, pn.ins, direction);
        ports.push({ id: elkInPortId(i, k), x: p.x, y: p.y, width: 0, height: 0, layoutOptions: { 'elk.port.side': inSide } });
      }
      for (let k = 0; k < pn.outs; k++) {
        const p = handlePoint(box, 'out', k, pn.outs, direction);
        ports.push({ id: elkOutPortId(i, k), x: p.x, y: p.y, width: 0, height: 0, layoutOptions: { 'elk.port.side': outSide } });
      }
      en = {
        id: elkNodeId(i),
        width: pn.width,
        height: pn.height,
        layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
        ports,
      };
    }
    elkNodes[i] = en;
    const parent = pn.parent >= 0 ? elkNodes[pn.parent]! : root;
    (parent.children ??= []).push(en);
  }
  const edges: ElkExtendedEdge[] = root.edges!;
  for (const pe of g.edges) {
    edges.push({
      id: elkEdgeId(pe.index),
      sources: [pe.sourcePort >= 0 ? elkOutPortId(pe.source, pe.sourcePort) : elkNodeId(pe.source)],
      targets: [pe.targetPort >= 0 ? elkInPortId(pe.target, pe.targetPort) : elkNodeId(pe.target)],
    });
  }
  return root;
}
