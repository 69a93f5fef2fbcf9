/**
 * The layout contract shared by the ELK runner, the stored-position layout and the renderer.
 * A `WorkflowLayout` is plain JSON so a page can precompute it, store it and hand it back.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface NodeBox {
  readonly id: string;
  /** Absolute canvas coordinates of the top-left corner (never parent-relative). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface EdgeRoute {
  readonly id: string;
  /** Absolute polyline from the source handle to the target handle (orthogonal bends). */
  readonly points: readonly Point[];
}

export interface WorkflowLayout {
  /** Format version of this object, for stored layouts. */
  readonly version: 1;
  /** Content hash of the graph the layout was computed for (see layout cache). */
  readonly graphKey: string;
  readonly direction: 'right' | 'down';
  /** Arrays, not objects keyed by id: ids come from the data (`__proto__` is a valid node id). */
  readonly nodes: readonly NodeBox[];
  readonly edges: readonly EdgeRoute[];
  readonly width: number;
  readonly height: number;
}

/** Measured size of a node, decided by the renderer before layout. */
export interface NodeSize {
  readonly width: number;
  readonly height: number;
}

export type LayoutDirection = 'right' | 'down';
export type LayoutMode = 'auto' | 'stored';
