/**
 * `fluss-event-select`: an event of a run was selected in the event log (click or keyboard), or
 * the selection was cleared (`eventId === null`).
 */

export class FlussEventSelectEvent extends Event {
  static readonly eventName = 'fluss-event-select';
  /** The selected event's id, or null when cleared. */
  readonly eventId: string | null;
  /** The event's logical t (the cursor moves there), null when cleared. */
  readonly t: number | null;
  /** The event's source node id, null when cleared. */
  readonly nodeId: string | null;

  constructor(eventId: string | null, t: number | null, nodeId: string | null) {
    super(FlussEventSelectEvent.eventName, { bubbles: true, composed: true });
    this.eventId = eventId;
    this.t = t;
    this.nodeId = nodeId;
  }
}

declare global {
  interface HTMLElementEventMap {
    'fluss-event-select': FlussEventSelectEvent;
  }
}
