/**
 * ELK output -> WorkflowLayout (pure). Reads the numbers extracted from ELK's root-coordinate
 * result (see compact.ts), checks every one, and pins each route's ends exactly to the handle
 * points (a route whose ends missed by more than a pixel is replaced by a router-made one).
 * The page maps in slices (mapCompactResultSliced) so a big layout never blocks a frame for long.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { extractResult, type CompactResult } from './compact.js';
import { edgeEndpoints, routeEdge } from './edge-routes.js';
import { LayoutError } from './errors.js';
import { finalizeSteps, isSaneBox, isSaneNumber, SLICE_UNITS } from './finalize.js';
import type { PreparedGraph } from './prepared-graph.js';
import { simplifyPolyline } from './router.js';
import { runAll, runSliced } from './slices.js';
import type { EdgeRoute, LayoutDirection, NodeBox, Point, WorkflowLayout } from './types.js';

/** How far (px) an ELK route end may be from its handle and still be pinned to it. */
export const SNAP_TOLERANCE = 1;

function pin(points: Point[], at: 0 | -1, target: Point): boolean {
  const i = at === 0 ? 0 : points.length - 1;
  const j = at === 0 ? 1 : points.length - 2;
  const old = points[i]!;
  if (Math.abs(old.x - target.x) > SNAP_TOLERANCE || Math.abs(old.y - target.y) > SNAP_TOLERANCE) return false;
  points[i] = target;
  const nb = points[j];
  if (nb && j !== i) {
    // Keep the neighbouring segment axis-parallel.
    if (Math.abs(nb.y - old.y) < 1e-6) points[j] = { x: nb.x, y: target.y };
    else if (Math.abs(nb.x - old.x) < 1e-6) points[j] = { x: target.x, y: nb.y };
  }
  return true;
}

/**
 * Maps the extracted ELK result back. Throws LayoutError LAYOUT_INVALID when a box is missing,
 * not finite or out of bounds, or ELK's output does not match the input.
 */
export function mapCompactResult(
  res: CompactResult,
  g: PreparedGraph,
  direction: LayoutDirection,
  graphKey: string,
): WorkflowLayout {
  return runAll(mapCompactSteps(res, g, direction, graphKey));
}

/**
 * mapCompactResult in slices (performance.md L3): gives the event loop a turn about every
 * SLICE_BUDGET_MS, so a 1,000-node layout lands without a long frame gap. Same result and errors;
 * rejects with LAYOUT_ABORTED when `signal` aborts between slices.
 */
export function mapCompactResultSliced(
  res: CompactResult,
  g: PreparedGraph,
  direction: LayoutDirection,
  graphKey: string,
  signal?: AbortSignal,
): Promise<WorkflowLayout> {
  return runSliced(mapCompactSteps(res, g, direction, graphKey), {
    signal,
    onAbort: () => new LayoutError('LAYOUT_ABORTED', 'The layout was cancelled.'),
  });
}

/** The mapping as a step generator: pauses every SLICE_UNITS nodes or edges. */
export function* mapCompactSteps(
  res: CompactResult,
  g: PreparedGraph,
  direction: LayoutDirection,
  graphKey: string,
): Generator<void, WorkflowLayout, void> {
  const n = g.nodes.length;
  if (res.problem) throw new LayoutError('LAYOUT_INVALID', res.problem);
  if (!(res.boxes instanceof Float64Array) || res.boxes.length !== n * 4 || !(res.edgeOffsets instanceof Int32Array) ||
    res.edgeOffsets.length !== g.edges.length + 1 || !(res.points instanceof Float64Array)) {
    throw new LayoutError('LAYOUT_INVALID', 'The layout result does not match the graph.');
  }
  const boxes: NodeBox[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const b = { id: g.nodes[i]!.id, x: res.boxes[i * 4]!, y: res.boxes[i * 4 + 1]!, width: res.boxes[i * 4 + 2]!, height: res.boxes[i * 4 + 3]! };
    if (!isSaneBox(b)) throw new LayoutError('LAYOUT_INVALID', 'ELK returned a node box that is missing, not finite or out of range.');
    boxes[i] = b;
  }
  yield;
  const routes: EdgeRoute[] = [];
  const P = res.points;
  let count = 0;
  for (const pe of g.edges) {
    if (++count % SLICE_UNITS === 0) yield;
    const ends = edgeEndpoints(g, pe, boxes, direction)!;
    const from = res.edgeOffsets[pe.index]!;
    const to = res.edgeOffsets[pe.index + 1]!;
    let pts: Point[] | null = null;
    if (to - from >= 2 && from >= 0 && to * 2 <= P.length) {
      pts = [];
      for (let k = from; k < to; k++) {
        const x = P[2 * k]!;
        const y = P[2 * k + 1]!;
        if (!isSaneNumber(x) || !isSaneNumber(y)) {
          pts = null;
          break;
        }
        pts.push({ x, y });
      }
    }
    if (pts && pin(pts, 0, ends.source) && pin(pts, -1, ends.target)) {
      const simple = simplifyPolyline(pts);
      simple[0] = ends.source;
      simple[simple.length - 1] = ends.target;
      routes.push({ id: pe.id, points: simple });
    } else {
      routes.push(routeEdge(g, pe, boxes, direction)!);
    }
  }
  yield;
  try {
    return yield* finalizeSteps(boxes, routes, direction, graphKey);
  } catch (e) {
    throw new LayoutError('LAYOUT_INVALID', `ELK returned an unusable layout (${(e as Error).message}).`);
  }
}

/** Maps ELK's laid-out graph (root coordinates) back; see mapCompactResult. */
export function mapElkResult(result: ElkNode, g: PreparedGraph, direction: LayoutDirection, graphKey: string): WorkflowLayout {
  return mapCompactResult(extractResult(result, g.nodes.length, g.edges.length), g, direction, graphKey);
}
