/**
 * A small orthogonal edge router (pure) for layouts ELK did not route: stored positions,
 * the fallback layout, and ELK routes whose ends missed their handles. Routes start exactly
 * at the source handle and end exactly at the target handle.
 */
import type { LayoutDirection, Point } from './types.js';

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Length of the straight piece leaving a source / entering a target. */
export const ROUTE_STUB = 16;

const swap = (p: Point): Point => ({ x: p.y, y: p.x });
const swapRect = (r: Rect): Rect => ({ x: r.y, y: r.x, width: r.height, height: r.width });

/** Drops repeated points and middle points of straight runs (keeps both ends). */
export function simplifyPolyline(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 1e-9 && Math.abs(last.y - p.y) < 1e-9) continue;
    if (out.length >= 2) {
      const a = out[out.length - 2]!;
      const b = last!;
      const collinearX = Math.abs(a.x - b.x) < 1e-9 && Math.abs(b.x - p.x) < 1e-9;
      const collinearY = Math.abs(a.y - b.y) < 1e-9 && Math.abs(b.y - p.y) < 1e-9;
      const sameDirection = (b.x - a.x) * (p.x - b.x) + (b.y - a.y) * (p.y - b.y) > 0;
      if ((collinearX || collinearY) && sameDirection) out.pop();
    }
    out.push(p);
  }
  if (out.length === 1) out.push(out[0]!);
  return out;
}

function routeRight(s: Point, t: Point, src: Rect, tgt: Rect): Point[] {
  if (t.x - s.x >= 2 * ROUTE_STUB) {
    if (Math.abs(s.y - t.y) < 1e-9) return [s, t];
    const mx = (s.x + t.x) / 2;
    return [s, { x: mx, y: s.y }, { x: mx, y: t.y }, t];
  }
  // Backwards (or too close): leave right, run below both boxes, come back in from the left.
  const x1 = s.x + ROUTE_STUB;
  const x2 = t.x - ROUTE_STUB;
  const yMid = Math.max(src.y + src.height, tgt.y + tgt.height) + ROUTE_STUB;
  return [s, { x: x1, y: s.y }, { x: x1, y: yMid }, { x: x2, y: yMid }, { x: x2, y: t.y }, t];
}

/**
 * Orthogonal polyline from `source` (a handle on `sourceBox`) to `target` (on `targetBox`),
 * leaving and entering along the flow direction.
 */
export function routeOrthogonal(
  source: Point,
  target: Point,
  sourceBox: Rect,
  targetBox: Rect,
  direction: LayoutDirection,
): Point[] {
  if (direction === 'down') {
    return simplifyPolyline(routeRight(swap(source), swap(target), swapRect(sourceBox), swapRect(targetBox)).map(swap));
  }
  return simplifyPolyline(routeRight(source, target, sourceBox, targetBox));
}
