/**
 * Edge geometry: SVG path data for the three edge styles. Orthogonal edges follow the ELK route
 * (rounded bends); bezier and smoothstep use @xyflow/system's path helpers between the handles.
 */
import { getBezierPath, getSmoothStepPath, Position } from '@xyflow/system';
import type { LayoutDirection, Point } from '../layout/types.js';

export type EdgeStyle = 'orthogonal' | 'bezier' | 'smoothstep';

export interface EdgeGeometry {
  /** SVG path data, starting exactly at the source handle and ending at the target handle. */
  readonly d: string;
  readonly labelX: number;
  readonly labelY: number;
}

const CORNER_RADIUS = 8;

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Removes repeated and collinear points from a polyline. */
export function simplifyPolyline(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    out.push(p);
  }
  for (let i = out.length - 2; i >= 1; i--) {
    const a = out[i - 1]!;
    const b = out[i]!;
    const c = out[i + 1]!;
    const cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    if (Math.abs(cross) < 0.01) out.splice(i, 1);
  }
  return out;
}

/** Path data through a polyline with rounded corners. */
export function roundedPolylinePath(points: readonly Point[], radius = CORNER_RADIUS): string {
  const pts = simplifyPolyline(points);
  if (pts.length === 0) return '';
  const first = pts[0]!;
  if (pts.length === 1) return `M${fmt(first.x)} ${fmt(first.y)}`;
  let d = `M${fmt(first.x)} ${fmt(first.y)}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const prev = pts[i - 1]!;
    const cur = pts[i]!;
    const next = pts[i + 1]!;
    const inLen = Math.hypot(cur.x - prev.x, cur.y - prev.y);
    const outLen = Math.hypot(next.x - cur.x, next.y - cur.y);
    const r = Math.min(radius, inLen / 2, outLen / 2);
    if (r < 0.5) {
      d += ` L${fmt(cur.x)} ${fmt(cur.y)}`;
      continue;
    }
    const ax = cur.x - ((cur.x - prev.x) / inLen) * r;
    const ay = cur.y - ((cur.y - prev.y) / inLen) * r;
    const bx = cur.x + ((next.x - cur.x) / outLen) * r;
    const by = cur.y + ((next.y - cur.y) / outLen) * r;
    d += ` L${fmt(ax)} ${fmt(ay)} Q${fmt(cur.x)} ${fmt(cur.y)} ${fmt(bx)} ${fmt(by)}`;
  }
  const last = pts[pts.length - 1]!;
  d += ` L${fmt(last.x)} ${fmt(last.y)}`;
  return d;
}

/** Point halfway along a polyline (by length). */
export function polylineMidpoint(points: readonly Point[]): Point {
  if (points.length === 0) return { x: 0, y: 0 };
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  let half = total / 2;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len >= half && len > 0) return { x: a.x + ((b.x - a.x) * half) / len, y: a.y + ((b.y - a.y) * half) / len };
    half -= len;
  }
  return points[points.length - 1]!;
}

function near(a: Point, b: Point, tol: number): boolean {
  return Math.abs(a.x - b.x) <= tol && Math.abs(a.y - b.y) <= tol;
}

/**
 * Geometry of one edge between two handle points. `route` is the layout's polyline; it is used
 * for orthogonal edges when it starts and ends on the handles (within 1 px, then snapped).
 */
export function edgeGeometry(
  style: EdgeStyle,
  source: Point,
  target: Point,
  direction: LayoutDirection,
  route?: readonly Point[],
): EdgeGeometry {
  const sourcePosition = direction === 'down' ? Position.Bottom : Position.Right;
  const targetPosition = direction === 'down' ? Position.Top : Position.Left;
  if (style === 'orthogonal' && route && route.length >= 2 && near(route[0]!, source, 1) && near(route[route.length - 1]!, target, 1)) {
    const pts = [source, ...route.slice(1, -1), target];
    const mid = polylineMidpoint(simplifyPolyline(pts));
    return { d: roundedPolylinePath(pts), labelX: mid.x, labelY: mid.y };
  }
  if (style === 'bezier') {
    const [d, labelX, labelY] = getBezierPath({ sourceX: source.x, sourceY: source.y, sourcePosition, targetX: target.x, targetY: target.y, targetPosition });
    return { d, labelX, labelY };
  }
  const [d, labelX, labelY] = getSmoothStepPath({
    sourceX: source.x,
    sourceY: source.y,
    sourcePosition,
    targetX: target.x,
    targetY: target.y,
    targetPosition,
    borderRadius: CORNER_RADIUS,
    offset: 16,
  });
  return { d, labelX, labelY };
}
