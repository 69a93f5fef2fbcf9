/**
 * Keyboard navigation across the graph: arrow keys move along edges (downstream with the flow
 * direction, upstream against it) and, across the flow, to the nearest node on that side.
 * Pure: takes boxes and adjacency, returns the next node id.
 */
import type { LayoutDirection, NodeBox } from '../layout/types.js';

export type NavKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

export interface NavGraph {
  readonly boxes: ReadonlyMap<string, NodeBox>;
  readonly outgoing: ReadonlyMap<string, readonly string[]>;
  readonly incoming: ReadonlyMap<string, readonly string[]>;
  /** Node ids in reading order (for Home / End and as a fallback). */
  readonly order: readonly string[];
}

/** Builds adjacency from edges, ignoring ids without boxes. */
export function navGraph(boxes: ReadonlyMap<string, NodeBox>, edges: Iterable<{ source: string; target: string }>, order: readonly string[]): NavGraph {
  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  for (const e of edges) {
    if (!boxes.has(e.source) || !boxes.has(e.target) || e.source === e.target) continue;
    const o = outgoing.get(e.source) ?? [];
    if (!o.includes(e.target)) o.push(e.target);
    outgoing.set(e.source, o);
    const i = incoming.get(e.target) ?? [];
    if (!i.includes(e.source)) i.push(e.source);
    incoming.set(e.target, i);
  }
  return { boxes, outgoing, incoming, order };
}

function center(b: NodeBox): { x: number; y: number } {
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Nearest candidate in a screen direction (dx, dy unit), weighting off-axis distance double. */
function nearestInDirection(from: NodeBox, candidates: Iterable<NodeBox>, dx: number, dy: number): string | null {
  const c = center(from);
  let best: string | null = null;
  let bestScore = Infinity;
  for (const b of candidates) {
    if (b.id === from.id) continue;
    const p = center(b);
    const along = (p.x - c.x) * dx + (p.y - c.y) * dy;
    if (along <= 0.5) continue;
    const across = Math.abs((p.x - c.x) * dy - (p.y - c.y) * dx);
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = b.id;
    }
  }
  return best;
}

function boxesOf(graph: NavGraph, ids: readonly string[] | undefined): NodeBox[] {
  const out: NodeBox[] = [];
  for (const id of ids ?? []) {
    const b = graph.boxes.get(id);
    if (b) out.push(b);
  }
  return out;
}

/** The node to move to from `fromId` for a key, or null to stay. */
export function nextNode(graph: NavGraph, fromId: string | null, key: NavKey, direction: LayoutDirection): string | null {
  if (key === 'Home') return graph.order[0] ?? null;
  if (key === 'End') return graph.order[graph.order.length - 1] ?? null;
  const from = fromId ? graph.boxes.get(fromId) : undefined;
  if (!from) return graph.order[0] ?? null;
  const forwardKey = direction === 'down' ? 'ArrowDown' : 'ArrowRight';
  const backwardKey = direction === 'down' ? 'ArrowUp' : 'ArrowLeft';
  const vec: Record<string, [number, number]> = {
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
  };
  const [dx, dy] = vec[key] ?? [0, 0];
  if (key === forwardKey || key === backwardKey) {
    const neighbours = boxesOf(graph, key === forwardKey ? graph.outgoing.get(from.id) : graph.incoming.get(from.id));
    if (neighbours.length) {
      // Among neighbours along edges, prefer the one closest to straight ahead.
      const c = center(from);
      neighbours.sort((a, b) => {
        const pa = center(a);
        const pb = center(b);
        const offA = direction === 'down' ? Math.abs(pa.x - c.x) : Math.abs(pa.y - c.y);
        const offB = direction === 'down' ? Math.abs(pb.x - c.x) : Math.abs(pb.y - c.y);
        return offA - offB || a.id.localeCompare(b.id);
      });
      return neighbours[0]!.id;
    }
  } else {
    // Across the flow: prefer siblings (nodes sharing a neighbour), then any node on that side.
    const siblings = new Set<string>();
    for (const p of graph.incoming.get(from.id) ?? []) for (const s of graph.outgoing.get(p) ?? []) siblings.add(s);
    for (const n of graph.outgoing.get(from.id) ?? []) for (const s of graph.incoming.get(n) ?? []) siblings.add(s);
    siblings.delete(from.id);
    const viaSibling = nearestInDirection(from, boxesOf(graph, [...siblings]), dx, dy);
    if (viaSibling) return viaSibling;
  }
  return nearestInDirection(from, graph.boxes.values(), dx, dy);
}
