/**
 * Fitting: the viewport that shows a set of boxes inside a pane, with padding, through
 * @xyflow/system's getViewportForBounds. Pure.
 */
import { getViewportForBounds, type Viewport } from '@xyflow/system';
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
  return getViewportForBounds(bounds, width, height, minZoom, maxZoom, padding);
}

/** The viewport that centres a point at a zoom. */
export function centerViewport(x: number, y: number, zoom: number, width: number, height: number): Viewport {
  return { x: width / 2 - x * zoom, y: height / 2 - y * zoom, zoom };
}
