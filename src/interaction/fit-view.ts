/**
 * Fitting: the viewport that shows a set of boxes inside a pane, with padding. Pure.
 */
import type { Viewport } from './viewport.js';
import type { NodeBox } from '../layout/types.js';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Bounding rectangle of boxes, or null when there are none. */
export function boundsOf(boxes: Iterable<NodeBox | Rect>): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  if (!Number.isFinite(minX)) return null;
  return { x: minX, y: minY, width: Math.max(1, maxX - minX), height: Math.max(1, maxY - minY) };
}

/** The viewport that fits `bounds` into a `width` × `height` pane. */
export function fitViewport(bounds: Rect, width: number, height: number, minZoom: number, maxZoom: number, padding = 0.1): Viewport {
  if (width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  // Padding as a fraction of the fitted size (as React Flow's fitView padding), whole pixels.
  const px = Math.floor((width - width / (1 + padding)) * 0.5);
  const py = Math.floor((height - height / (1 + padding)) * 0.5);
  const zoom = Math.min(maxZoom, Math.max(minZoom, Math.min((width - 2 * px) / bounds.width, (height - 2 * py) / bounds.height)));
  return { x: width / 2 - (bounds.x + bounds.width / 2) * zoom, y: height / 2 - (bounds.y + bounds.height / 2) * zoom, zoom };
}

/** The viewport that centres a point at a zoom. */
export function centerViewport(x: number, y: number, zoom: number, width: number, height: number): Viewport {
  return { x: width / 2 - x * zoom, y: height / 2 - y * zoom, zoom };
}
