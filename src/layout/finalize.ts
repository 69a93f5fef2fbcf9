/**
 * Turns absolute boxes and routes into a WorkflowLayout: checks every number (finite,
 * bounded), translates the content so it starts at (LAYOUT_MARGIN, LAYOUT_MARGIN), computes
 * width/height, freezes the result (layouts are shared through the cache).
 */
import type { EdgeRoute, LayoutDirection, NodeBox, Point, WorkflowLayout } from './types.js';

/** Any coordinate or size beyond this is absurd (ELK passes 1e308 through). */
export const COORDINATE_LIMIT = 1e7;
/** Empty space around the content. */
export const LAYOUT_MARGIN = 24;

export const isSaneNumber = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= COORDINATE_LIMIT;

export function isSanePoint(p: unknown): p is Point {
  return typeof p === 'object' && p !== null && isSaneNumber((p as Point).x) && isSaneNumber((p as Point).y);
}

export function isSaneBox(b: { x: unknown; y: unknown; width: unknown; height: unknown }): boolean {
  return (
    isSaneNumber(b.x) && isSaneNumber(b.y) && isSaneNumber(b.width) && isSaneNumber(b.height) &&
    (b.width as number) >= 0 && (b.height as number) >= 0
  );
}

/** Work units between checkpoints of the sliced builders (see slices.ts). */
export const SLICE_UNITS = 128;

/**
 * Builds the frozen layout. Boxes and points must already be sane (callers validate);
 * throws a RangeError otherwise, which callers map to LAYOUT_INVALID.
 */
export function finalizeLayout(
  nodes: readonly NodeBox[],
  edges: readonly EdgeRoute[],
  direction: LayoutDirection,
  graphKey: string,
): WorkflowLayout {
  const steps = finalizeSteps(nodes, edges, direction, graphKey);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * finalizeLayout as a generator that pauses (yields) every SLICE_UNITS items, so a caller can
 * spread a big layout over several tasks (runSliced); finalizeLayout runs it to the end at once.
 */
export function* finalizeSteps(
  nodes: readonly NodeBox[],
  edges: readonly EdgeRoute[],
  direction: LayoutDirection,
  graphKey: string,
): Generator<void, WorkflowLayout, void> {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of nodes) {
    if (!isSaneBox(b)) throw new RangeError(`node box out of range`);
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  for (const e of edges) {
    for (const p of e.points) {
      if (!isSanePoint(p)) throw new RangeError(`edge point out of range`);
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
      maxX = Math.max(maxX, p.x);
      maxY = Math.max(maxY, p.y);
    }
  }
  if (minX === Infinity) {
    minX = minY = maxX = maxY = 0;
  }
  const width = maxX - minX + 2 * LAYOUT_MARGIN;
  const height = maxY - minY + 2 * LAYOUT_MARGIN;
  if (!isSaneNumber(width) || !isSaneNumber(height)) throw new RangeError('layout extent out of range');
  const dx = LAYOUT_MARGIN - minX;
  const dy = LAYOUT_MARGIN - minY;
  yield;
  const outNodes: NodeBox[] = new Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const b = nodes[i]!;
    outNodes[i] = Object.freeze({ id: b.id, x: b.x + dx, y: b.y + dy, width: b.width, height: b.height });
    if ((i + 1) % SLICE_UNITS === 0) yield;
  }
  const outEdges: EdgeRoute[] = new Array(edges.length);
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    outEdges[i] = Object.freeze({ id: e.id, points: Object.freeze(e.points.map((p) => Object.freeze({ x: p.x + dx, y: p.y + dy }))) });
    if ((i + 1) % SLICE_UNITS === 0) yield;
  }
  return Object.freeze({
    version: 1 as const,
    graphKey,
    direction,
    nodes: Object.freeze(outNodes),
    edges: Object.freeze(outEdges),
    width,
    height,
  });
}
