/**
 * The fallback layout (pure, no ELK): nodes in layers by topological order (cycles broken at
 * the lowest remaining index), groups laid out recursively inside their padded box. Used when
 * ELK fails, times out or is unavailable, and for unpositioned nodes in stored mode when ELK
 * cannot run.
 */
import { routeAllEdges } from './edge-routes.js';
import { finalizeLayout } from './finalize.js';
import { GROUP_MIN_SIZE, GROUP_PADDING, topDownOrder, type PreparedGraph } from './prepared-graph.js';
import type { LayoutDirection, NodeBox, WorkflowLayout } from './types.js';

export const SIMPLE_LAYER_GAP = 64;
export const SIMPLE_NODE_GAP = 32;

interface Size {
  width: number;
  height: number;
}

/** Layer index per member of `members` (indexes into g.nodes), by longest path from sources. */
function assignLayers(g: PreparedGraph, members: readonly number[], topOf: (i: number) => number): Map<number, number> {
  const inSet = new Set(members);
  const succ = new Map<number, number[]>();
  const indeg = new Map<number, number>();
  for (const m of members) {
    succ.set(m, []);
    indeg.set(m, 0);
  }
  for (const pe of g.edges) {
    const a = topOf(pe.source);
    const b = topOf(pe.target);
    if (a < 0 || b < 0 || a === b || !inSet.has(a) || !inSet.has(b)) continue;
    succ.get(a)!.push(b);
    indeg.set(b, indeg.get(b)! + 1);
  }
  const layer = new Map<number, number>();
  const done = new Set<number>();
  const queue: number[] = members.filter((m) => indeg.get(m) === 0);
  const sorted = [...members].sort((a, b) => a - b);
  let cursor = 0;
  while (done.size < members.length) {
    let v: number | undefined = queue.shift();
    if (v === undefined || done.has(v)) {
      if (v !== undefined) continue;
      // A cycle: force the lowest remaining index.
      while (cursor < sorted.length && done.has(sorted[cursor]!)) cursor++;
      v = sorted[cursor]!;
    }
    done.add(v);
    if (!layer.has(v)) layer.set(v, 0);
    const lv = layer.get(v)!;
    for (const w of succ.get(v)!) {
      if (done.has(w)) continue;
      layer.set(w, Math.max(layer.get(w) ?? 0, lv + 1));
      const d = indeg.get(w)! - 1;
      indeg.set(w, d);
      if (d === 0) queue.push(w);
    }
  }
  return layer;
}

/**
 * Positions (relative to the parent's content origin) and sizes for all nodes of `g`, or only
 * for `members` at the top level when given.
 */
export function simplePositions(
  g: PreparedGraph,
  direction: LayoutDirection,
  topMembers: readonly number[] = g.roots,
): { rel: Map<number, { x: number; y: number }>; size: Map<number, Size>; extent: Size } {
  const rel = new Map<number, { x: number; y: number }>();
  const size = new Map<number, Size>();
  const along = direction === 'down' ? 'height' : 'width';
  const across = direction === 'down' ? 'width' : 'height';

  const layoutSet = (members: readonly number[], depth: number): Size => {
    for (const m of members) {
      const pn = g.nodes[m]!;
      if (pn.container && depth < 64) {
        const inner = layoutSet(pn.children, depth + 1);
        size.set(m, {
          width: Math.max(GROUP_MIN_SIZE.width, inner.width + GROUP_PADDING.left + GROUP_PADDING.right),
          height: Math.max(GROUP_MIN_SIZE.height, inner.height + GROUP_PADDING.top + GROUP_PADDING.bottom),
        });
        for (const c of pn.children) {
          const r = rel.get(c)!;
          rel.set(c, { x: r.x + GROUP_PADDING.left, y: r.y + GROUP_PADDING.top });
        }
      } else {
        size.set(m, pn.container ? { ...GROUP_MIN_SIZE } : { width: pn.width, height: pn.height });
      }
    }
    const memberSet = new Set(members);
    const topOf = (i: number): number => {
      let cur = i;
      let guard = 0;
      while (cur >= 0 && !memberSet.has(cur) && guard++ < 64) cur = g.nodes[cur]!.parent;
      return memberSet.has(cur) ? cur : -1;
    };
    const layerOf = assignLayers(g, members, topOf);
    const layers: number[][] = [];
    for (const m of members) (layers[layerOf.get(m) ?? 0] ??= []).push(m);
    let pos = 0;
    let maxAcross = 0;
    for (const L of layers) {
      if (!L) continue;
      let thick = 0;
      let off = 0;
      for (const m of L) {
        const s = size.get(m)!;
        rel.set(m, direction === 'down' ? { x: off, y: pos } : { x: pos, y: off });
        off += s[across] + SIMPLE_NODE_GAP;
        thick = Math.max(thick, s[along]);
      }
      maxAcross = Math.max(maxAcross, off - SIMPLE_NODE_GAP);
      pos += thick + SIMPLE_LAYER_GAP;
    }
    const extentAlong = Math.max(0, pos - SIMPLE_LAYER_GAP);
    return direction === 'down'
      ? { width: maxAcross, height: extentAlong }
      : { width: extentAlong, height: Math.max(0, maxAcross) };
  };
  const extent = layoutSet(topMembers, 0);
  return { rel, size, extent };
}

/** Absolute boxes from parent-relative positions (parents before children). */
export function absoluteBoxes(
  g: PreparedGraph,
  rel: ReadonlyMap<number, { x: number; y: number }>,
  size: ReadonlyMap<number, Size>,
  offset = { x: 0, y: 0 },
): (NodeBox | undefined)[] {
  const boxes: (NodeBox | undefined)[] = new Array(g.nodes.length);
  for (const i of topDownOrder(g)) {
    const r = rel.get(i);
    const s = size.get(i);
    if (!r || !s) continue;
    const pn = g.nodes[i]!;
    const base = pn.parent >= 0 ? boxes[pn.parent] : undefined;
    const ox = base ? base.x : offset.x;
    const oy = base ? base.y : offset.y;
    boxes[i] = { id: pn.id, x: ox + r.x, y: oy + r.y, width: s.width, height: s.height };
  }
  return boxes;
}

/** The complete fallback layout of `g`. */
export function simpleLayout(g: PreparedGraph, direction: LayoutDirection, graphKey: string): WorkflowLayout {
  const { rel, size } = simplePositions(g, direction);
  const boxes = absoluteBoxes(g, rel, size);
  const present = boxes.filter((b): b is NodeBox => !!b);
  return finalizeLayout(present, routeAllEdges(g, boxes, direction), direction, graphKey);
}
