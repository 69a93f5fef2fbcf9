/**
 * `fluss-node-select`: a node of a workflow graph was selected (click, Enter or Space) or the
 * selection was cleared (Escape, `nodeId === null`).
 */

/** Why the selection changed. */
export type NodeSelectSource = 'pointer' | 'keyboard' | 'api';

export class FlussNodeSelectEvent extends Event {
  static readonly eventName = 'fluss-node-select';
  /** The selected node id, or null when the selection was cleared. */
  readonly nodeId: string | null;
  /** The node's kind (`rekuest-map`, `reactive`, ...), null when cleared. */
  readonly kind: string | null;
  readonly source: NodeSelectSource;

  constructor(nodeId: string | null, kind: string | null, source: NodeSelectSource) {
    super(FlussNodeSelectEvent.eventName, { bubbles: true, composed: true });
    this.nodeId = nodeId;
    this.kind = kind;
    this.source = source;
  }
}

declare global {
  interface HTMLElementEventMap {
    'fluss-node-select': FlussNodeSelectEvent;
  }
}
