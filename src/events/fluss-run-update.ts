/**
 * `fluss-run-update`: the run held by a `<fluss-run>` changed: events arrived, the status or the
 * outcome changed. Fired at most once per animation frame.
 */
import type { RunStatus } from '../model/types.js';

/** Outcome as derived from the events (spec 3.5). */
export type RunOutcome = 'running' | 'failing' | 'succeeded' | 'failed' | 'unknown';

export class FlussRunUpdateEvent extends Event {
  static readonly eventName = 'fluss-run-update';
  readonly runId: string | null;
  /** `RUNNING` / `COMPLETED` as the server says (null for legacy runs). */
  readonly status: RunStatus;
  readonly outcome: RunOutcome;
  /** Events in the store. */
  readonly eventCount: number;
  /** Events added since the previous `fluss-run-update`. */
  readonly added: number;
  /** The newest logical t, or -1 when there is no event. */
  readonly latestT: number;

  constructor(init: {
    runId: string | null;
    status: RunStatus;
    outcome: RunOutcome;
    eventCount: number;
    added: number;
    latestT: number;
  }) {
    super(FlussRunUpdateEvent.eventName, { bubbles: true, composed: true });
    this.runId = init.runId;
    this.status = init.status;
    this.outcome = init.outcome;
    this.eventCount = init.eventCount;
    this.added = init.added;
    this.latestT = init.latestT;
  }
}

declare global {
  interface HTMLElementEventMap {
    'fluss-run-update': FlussRunUpdateEvent;
  }
}
