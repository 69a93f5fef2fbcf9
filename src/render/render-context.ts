/**
 * What node and edge templates need to know about the scene besides the node itself:
 * direction, level of detail, selection, keyboard focus, highlight matches and run status.
 */
import type { LayoutDirection, NodeBox } from '../layout/types.js';

export interface NodeRenderContext {
  readonly direction: LayoutDirection;
  /** Zoomed far out: draw boxes only (no text, no ports). */
  readonly lowDetail: boolean;
  readonly selectedId: string | null;
  /** The node that takes Tab focus (roving tabindex). */
  readonly tabStopId: string | null;
  /** Ids matching `highlight`, or null when nothing is highlighted. */
  readonly matches: ReadonlySet<string> | null;
  /** Sanitised run status per node id (see `status.ts`). */
  readonly status: ReadonlyMap<string, string>;
  /** Whether node frames get drop shadows (off for big graphs). */
  readonly shadows: boolean;
}

/** A node's box relative to its own group (templates draw in local coordinates). */
export function localPoint(box: NodeBox, p: { x: number; y: number }): { x: number; y: number } {
  return { x: p.x - box.x, y: p.y - box.y };
}
