/**
 * Culling for big graphs: which node boxes intersect the visible part of the canvas (plus a
 * margin), and the zoom below which nodes lose their text and ports. Pure.
 */
import type { Viewport } from './viewport.js';
import type { NodeBox } from '../layout/types.js';

/** Above this many nodes only what is on screen (plus a margin) is rendered. */
export const CULL_THRESHOLD = 1000;
/** Below this zoom nodes are drawn as plain boxes (no text, no ports). */
export const LOW_DETAIL_ZOOM = 0.4;

export interface CanvasRect {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** The canvas rectangle visible in a pane, grown by `margin` screen pixels on each side. */
export function visibleCanvasRect(viewport: Viewport, paneWidth: number, paneHeight: number, margin = 200): CanvasRect {
  const z = viewport.zoom || 1;
  return {
    minX: (-viewport.x - margin) / z,
    minY: (-viewport.y - margin) / z,
    maxX: (paneWidth - viewport.x + margin) / z,
    maxY: (paneHeight - viewport.y + margin) / z,
  };
}

export function intersects(box: NodeBox, r: CanvasRect): boolean {
  return box.x <= r.maxX && box.x + box.width >= r.minX && box.y <= r.maxY && box.y + box.height >= r.minY;
}

/** Ids of the boxes inside the rectangle. */
export function visibleIds(boxes: Iterable<NodeBox>, rect: CanvasRect): Set<string> {
  const out = new Set<string>();
  for (const b of boxes) if (intersects(b, rect)) out.add(b.id);
  return out;
}

/** Whether a rectangle is (within a quarter of its size) inside another; used to skip re-renders. */
export function contains(outer: CanvasRect, inner: CanvasRect): boolean {
  return inner.minX >= outer.minX && inner.minY >= outer.minY && inner.maxX <= outer.maxX && inner.maxY <= outer.maxY;
}
