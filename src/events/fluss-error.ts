/**
 * `fluss-error`: the one error event every element fires (reliability contract, section 4).
 * The detail never carries a token or a full URL; `serverMessage` is truncated text.
 */

export type ErrorPhase = 'parse' | 'validate' | 'layout' | 'render' | 'http' | 'ws' | 'auth' | 'run';

export interface FlussErrorDetail {
  /** Stable machine code (docs/errors.md). */
  readonly code: string;
  readonly severity: 'error' | 'warning';
  /** Our own English message. */
  readonly message: string;
  /** Whether retrying is meaningful. */
  readonly recoverable: boolean;
  readonly phase: ErrorPhase;
  /** HTTP status or WebSocket close code. */
  readonly status?: number;
  /** For aggregated warnings. */
  readonly count?: number;
  /** Server text, truncated to 500 characters; shown only as secondary text. */
  readonly serverMessage?: string;
  /** An origin (scheme://host:port), never a full URL. */
  readonly origin?: string;
}

const MAX_SERVER_MESSAGE = 500;

/** Truncates server-provided text for display and events. */
export function truncateServerMessage(text: unknown): string | undefined {
  if (text === undefined || text === null) return undefined;
  const s = String(text);
  return s.length > MAX_SERVER_MESSAGE ? `${s.slice(0, MAX_SERVER_MESSAGE - 1)}…` : s;
}

export class FlussErrorEvent extends Event {
  static readonly eventName = 'fluss-error';
  readonly detail: FlussErrorDetail;

  constructor(detail: FlussErrorDetail) {
    super(FlussErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'fluss-error': FlussErrorEvent;
  }
}
