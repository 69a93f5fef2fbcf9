/**
 * Edge geometry: SVG path data for the three edge styles. Orthogonal edges follow the ELK route
 * (rounded bends); bezier and smoothstep curves run between the handles.
 */
// Bezier and smoothstep math ported from @xyflow/system (MIT, © 2019-2025 webkid GmbH).
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

/** The axis a flow runs along: `x` left to right (handles right → left), `y` top to bottom. */
export type FlowAxis = 'x' | 'y';

function controlOffset(distance: number, curvature: number): number {
  return distance >= 0 ? 0.5 * distance : curvature * 25 * Math.sqrt(-distance);
}

/** React Flow's bezier edge between handles facing along `axis`: path data and its t = 0.5 point. */
export function bezierPath(source: Point, target: Point, axis: FlowAxis, curvature = 0.25): EdgeGeometry {
  const x = axis === 'x';
  const off = controlOffset(x ? target.x - source.x : target.y - source.y, curvature);
  const sc = x ? { x: source.x + off, y: source.y } : { x: source.x, y: source.y + off };
  const tc = x ? { x: target.x - off, y: target.y } : { x: target.x, y: target.y - off };
  return {
    d: `M${source.x},${source.y} C${sc.x},${sc.y} ${tc.x},${tc.y} ${target.x},${target.y}`,
    labelX: source.x * 0.125 + sc.x * 0.375 + tc.x * 0.375 + target.x * 0.125,
    labelY: source.y * 0.125 + sc.y * 0.375 + tc.y * 0.375 + target.y * 0.125,
  };
}

/** Whether b lies on the straight axis-parallel segment from a to c (b === c included). */
function isBetween(a: Point, b: Point, c: Point): boolean {
  return (a.x === b.x && b.x === c.x && (b.y - a.y) * (c.y - b.y) >= 0) || (a.y === b.y && b.y === c.y && (b.x - a.x) * (c.x - b.x) >= 0);
}

/** One rounded corner of a step edge at b (React Flow's getBend). */
function bend(a: Point, b: Point, c: Point, size: number): string {
  const r = Math.min(Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2, size);
  const { x, y } = b;
  if ((a.x === x && x === c.x) || (a.y === y && y === c.y)) return `L${x} ${y}`;
  if (a.y === y) {
    const xDir = a.x < c.x ? -1 : 1;
    const yDir = a.y < c.y ? 1 : -1;
    return `L ${x + r * xDir},${y}Q ${x},${y} ${x},${y + r * yDir}`;
  }
  const xDir = a.x < c.x ? 1 : -1;
  const yDir = a.y < c.y ? -1 : 1;
  return `L ${x},${y + r * yDir}Q ${x},${y} ${x + r * xDir},${y}`;
}

/**
 * React Flow's smoothstep edge between handles facing along `axis` (source side toward the flow,
 * target side against it): axis-parallel steps with rounded corners, one step at the middle.
 */
export function smoothStepPath(source: Point, target: Point, axis: FlowAxis, borderRadius = 5, offset = 20): EdgeGeometry {
  // Worked out along x; for y the coordinates are swapped in and out.
  const swap = (p: Point): Point => (axis === 'x' ? p : { x: p.y, y: p.x });
  const s = swap(source);
  const t = swap(target);
  const sg = { x: s.x + offset, y: s.y };
  const tg = { x: t.x - offset, y: t.y };
  const along = sg.x + (tg.x - sg.x) * 0.5;
  const across = (sg.y + tg.y) / 2;
  // Forward: across at the middle; backward (target behind the source): along the middle line.
  const corners =
    sg.x < tg.x
      ? [
          { x: along, y: sg.y },
          { x: along, y: tg.y },
        ]
      : [
          { x: sg.x, y: across },
          { x: tg.x, y: across },
        ];
  const points: Point[] = [];
  for (const p of [source, swap(sg), ...corners.map(swap), swap(tg), target]) {
    const n = points.length;
    // Drop a point the path runs straight through, or it would shrink the next corner's bend.
    if (n >= 2 && isBetween(points[n - 2]!, points[n - 1]!, p)) points.pop();
    points.push(p);
  }
  let d = `M${points[0]!.x} ${points[0]!.y}`;
  for (let i = 1; i < points.length - 1; i++) d += bend(points[i - 1]!, points[i]!, points[i + 1]!, borderRadius);
  const last = points[points.length - 1]!;
  d += `L${last.x} ${last.y}`;
  const label = swap({ x: along, y: across });
  return { d, labelX: label.x, labelY: label.y };
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
  const axis: FlowAxis = direction === 'down' ? 'y' : 'x';
  if (style === 'orthogonal' && route && route.length >= 2 && near(route[0]!, source, 1) && near(route[route.length - 1]!, target, 1)) {
    const pts = [source, ...route.slice(1, -1), target];
    const mid = polylineMidpoint(simplifyPolyline(pts));
    return { d: roundedPolylinePath(pts), labelX: mid.x, labelY: mid.y };
  }
  if (style === 'bezier') return bezierPath(source, target, axis);
  return smoothStepPath(source, target, axis, CORNER_RADIUS, 16);
}
