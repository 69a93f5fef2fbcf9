/**
 * Viewport math: the `{x, y, zoom}` transform of the graph canvas, zooming around a point, wheel
 * deltas to zoom factors, and the interpolation animated transitions follow. Pure.
 */

/** Canvas transform: a canvas point p is drawn at `p * zoom + (x, y)` in the pane. */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** Whether every field is finite and the zoom positive. */
export function isFiniteViewport(v: Viewport): boolean {
  return Number.isFinite(v.x) && Number.isFinite(v.y) && Number.isFinite(v.zoom) && v.zoom > 0;
}

/** `zoom` clamped into `[min, max]`. */
export function clampZoom(zoom: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, zoom));
}

/** The viewport at `zoom` that keeps the canvas point under pane point (px, py) where it is. */
export function zoomAround(v: Viewport, zoom: number, px: number, py: number): Viewport {
  const k = zoom / v.zoom;
  return { x: px - (px - v.x) * k, y: py - (py - v.y) * k, zoom };
}

/**
 * Zoom factor of one wheel event (d3-zoom's scale: 2^(-deltaY · unit)). Trackpad pinches arrive
 * as ctrl+wheel with small pixel deltas and get a ×10 gain; a ctrl+mouse wheel notch does not.
 */
export function wheelZoomFactor(deltaY: number, deltaMode: number, ctrlKey: boolean): number {
  const unit = deltaMode === 1 ? 0.05 : deltaMode === 2 ? 1 : 0.002;
  const pinch = ctrlKey && deltaMode === 0 && Math.abs(deltaY) < 50 ? 10 : 1;
  // One event never zooms more than 2× (a burst of line/page deltas stays controllable).
  const exp = Math.max(-1, Math.min(1, -deltaY * unit * pinch));
  return Math.pow(2, exp);
}

/** Cubic ease-in-out (d3's default transition ease). */
export function easeCubicInOut(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
}

/**
 * The viewport at `t` ∈ [0, 1] between two: the canvas point at the pane centre moves in a straight
 * line and the zoom changes geometrically, so zooming feels uniform and the view never swings.
 */
export function interpolateViewport(from: Viewport, to: Viewport, t: number, width: number, height: number): Viewport {
  if (t <= 0) return from;
  if (t >= 1) return to;
  const cx = width / 2;
  const cy = height / 2;
  const ax = (cx - from.x) / from.zoom;
  const ay = (cy - from.y) / from.zoom;
  const bx = (cx - to.x) / to.zoom;
  const by = (cy - to.y) / to.zoom;
  const zoom = from.zoom * Math.pow(to.zoom / from.zoom, t);
  const px = ax + (bx - ax) * t;
  const py = ay + (by - ay) * t;
  return { x: cx - px * zoom, y: cy - py * zoom, zoom };
}
