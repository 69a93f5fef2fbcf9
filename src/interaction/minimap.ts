/**
 * Minimap geometry: the scale that fits the graph into the minimap box and the conversion of a
 * point on the minimap back to canvas coordinates. Pure.
 */
import type { Viewport } from './viewport.js';
import type { Rect } from './fit-view.js';

export const MINIMAP_WIDTH = 184;
export const MINIMAP_HEIGHT = 120;
/** Above this many nodes the minimap draws one path of boxes and no edges. */
export const MINIMAP_SIMPLIFY_NODES = 300;

export interface MinimapFrame {
  /** The canvas rectangle the minimap shows (graph bounds plus padding, minimap aspect). */
  readonly view: Rect;
  readonly scale: number;
}

export function minimapFrame(bounds: Rect, width = MINIMAP_WIDTH, height = MINIMAP_HEIGHT, pad = 0.08): MinimapFrame {
  const padded = {
    x: bounds.x - bounds.width * pad,
    y: bounds.y - bounds.height * pad,
    width: bounds.width * (1 + 2 * pad),
    height: bounds.height * (1 + 2 * pad),
  };
  const scale = Math.min(width / padded.width, height / padded.height);
  const w = width / scale;
  const h = height / scale;
  return {
    view: { x: padded.x - (w - padded.width) / 2, y: padded.y - (h - padded.height) / 2, width: w, height: h },
    scale,
  };
}

/** The canvas rectangle the main viewport shows. */
export function viewportRect(viewport: Viewport, paneWidth: number, paneHeight: number): Rect {
  const z = viewport.zoom || 1;
  return { x: -viewport.x / z, y: -viewport.y / z, width: paneWidth / z, height: paneHeight / z };
}

/** Canvas point under a minimap-local point. */
export function minimapToCanvas(frame: MinimapFrame, mx: number, my: number): { x: number; y: number } {
  return { x: frame.view.x + mx / frame.scale, y: frame.view.y + my / frame.scale };
}
