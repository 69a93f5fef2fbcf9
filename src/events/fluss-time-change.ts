/**
 * `fluss-time-change`: the time cursor of a `<fluss-run>` moved, or following live was turned
 * on or off.
 */
import type { CursorReason } from '../context/cursor-context.js';

export class FlussTimeChangeEvent extends Event {
  static readonly eventName = 'fluss-time-change';
  /** The new cursor (logical t). */
  readonly t: number;
  /** Whether the cursor now follows the newest event. */
  readonly follow: boolean;
  /** Why it moved. */
  readonly reason: CursorReason;

  constructor(t: number, follow: boolean, reason: CursorReason) {
    super(FlussTimeChangeEvent.eventName, { bubbles: true, composed: true });
    this.t = t;
    this.follow = follow;
    this.reason = reason;
  }
}

declare global {
  interface HTMLElementEventMap {
    'fluss-time-change': FlussTimeChangeEvent;
  }
}
