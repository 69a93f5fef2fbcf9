/**
 * Content key of a layout request: the graph structure that matters to layout (node ids,
 * hierarchy, stream counts, measured sizes, edges and their streams, authored positions in
 * stored mode), the direction and the mode. Same graph -> same key; any change -> another key.
 */
import type { Workflow } from '../model/types.js';
import { prepareGraph, usablePosition, type PreparedGraph } from './prepared-graph.js';
import type { LayoutDirection, LayoutMode, NodeSize } from './types.js';

/** Bump when the layout algorithm or its options change, so stored keys stop matching. */
export const LAYOUT_ALGORITHM_VERSION = 2;

export interface LayoutKeyInput {
  readonly workflow: Workflow;
  readonly sizes: ReadonlyMap<string, NodeSize>;
  readonly direction: LayoutDirection;
  readonly mode: LayoutMode;
}

/** 53-bit string hash (cyrb53), as 14 hex digits. */
export function hashString(str: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return finish(h1, h2);
}

/** Seed of the key's second hash. */
const SECOND_SEED = 0x9e3779b9;

/**
 * `hashString(str) + hashString(str, SECOND_SEED)` in one pass over the text (the key of a
 * 1,000-node graph hashes ~50 KB on every first paint, performance.md F1).
 */
export function hashStringTwice(str: string): string {
  let a1 = 0xdeadbeef;
  let a2 = 0x41c6ce57;
  let b1 = 0xdeadbeef ^ SECOND_SEED;
  let b2 = 0x41c6ce57 ^ SECOND_SEED;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    a1 = Math.imul(a1 ^ ch, 2654435761);
    a2 = Math.imul(a2 ^ ch, 1597334677);
    b1 = Math.imul(b1 ^ ch, 2654435761);
    b2 = Math.imul(b2 ^ ch, 1597334677);
  }
  return finish(a1, a2) + finish(b1, b2);
}

/** cyrb53's final mix of the two lanes, as 14 hex digits. */
function finish(h1: number, h2: number): string {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, '0');
}

const num = (v: number): string => (Math.round(v * 100) / 100).toString();

/** The key for an already prepared graph. */
export function layoutKeyOf(g: PreparedGraph, direction: LayoutDirection, mode: LayoutMode): string {
  const parts: string[] = [];
  for (const pn of g.nodes) {
    // JSON.stringify quotes ids, so no id can forge a separator.
    let s = `${JSON.stringify(pn.id)}|${pn.parent}|${pn.container ? 'g' : `${pn.ins},${pn.outs},${num(pn.width)},${num(pn.height)}`}`;
    if (mode === 'stored') {
      const p = usablePosition(pn.node);
      s += p ? `@${num(p.x)},${num(p.y)}` : '@-';
    }
    parts.push(s);
  }
  parts.push('#');
  for (const pe of g.edges) parts.push(`${JSON.stringify(pe.id)}|${pe.source}:${pe.sourcePort}>${pe.target}:${pe.targetPort}`);
  const text = parts.join('\n');
  const d = direction === 'down' ? 'D' : 'R';
  const m = mode === 'stored' ? 'S' : 'A';
  return `L${LAYOUT_ALGORITHM_VERSION}${d}${m}-${g.nodes.length}-${g.edges.length}-${hashStringTwice(text)}`;
}

/** Content key of (workflow structure, sizes, direction, mode). */
export function layoutKey(req: LayoutKeyInput): string {
  return layoutKeyOf(prepareGraph(req.workflow, req.sizes), req.direction, req.mode);
}
