/**
 * Typed errors of the Fluss client (HTTP, GraphQL, WebSocket, auth) with stable codes. Messages
 * are ours and name at most an origin: never a token, a header or a full URL.
 */
import type { ErrorPhase, FlussErrorDetail } from '../events/fluss-error.js';
import { truncateServerMessage } from '../events/fluss-error.js';

/** Every code a FlussClientError can carry. */
export type FlussClientErrorCode =
  | 'HTTP_NETWORK'
  | 'HTTP_TIMEOUT'
  | 'HTTP_UNAUTHENTICATED'
  | 'HTTP_FORBIDDEN'
  | 'HTTP_SERVER'
  | 'HTTP_RATE_LIMITED'
  | 'HTTP_BAD_RESPONSE'
  | 'HTTP_REDIRECT_BLOCKED'
  | 'GRAPHQL_ERROR'
  | 'GRAPHQL_PARTIAL'
  | 'AUTH_UNAVAILABLE'
  | 'ABORTED'
  | 'WS_PROTOCOL'
  | 'WS_FORBIDDEN'
  | 'WS_TIMEOUT'
  | 'WS_RATE_LIMITED'
  | 'WS_RECONNECT_STORM'
  | 'WS_CLOSED'
  | 'WS_GRAPHQL_ERROR'
  | 'GRAPH_TOO_LARGE';

const PHASE: Record<FlussClientErrorCode, ErrorPhase> = {
  HTTP_NETWORK: 'http',
  HTTP_TIMEOUT: 'http',
  HTTP_UNAUTHENTICATED: 'auth',
  HTTP_FORBIDDEN: 'auth',
  HTTP_SERVER: 'http',
  HTTP_RATE_LIMITED: 'http',
  HTTP_BAD_RESPONSE: 'http',
  HTTP_REDIRECT_BLOCKED: 'http',
  GRAPHQL_ERROR: 'http',
  GRAPHQL_PARTIAL: 'http',
  AUTH_UNAVAILABLE: 'auth',
  ABORTED: 'http',
  WS_PROTOCOL: 'ws',
  WS_FORBIDDEN: 'auth',
  WS_TIMEOUT: 'ws',
  WS_RATE_LIMITED: 'ws',
  WS_RECONNECT_STORM: 'ws',
  WS_CLOSED: 'ws',
  WS_GRAPHQL_ERROR: 'ws',
  GRAPH_TOO_LARGE: 'http',
};

const RECOVERABLE = new Set<FlussClientErrorCode>([
  'HTTP_NETWORK',
  'HTTP_TIMEOUT',
  'HTTP_SERVER',
  'HTTP_RATE_LIMITED',
  'AUTH_UNAVAILABLE',
  'WS_TIMEOUT',
  'WS_RECONNECT_STORM',
  'WS_CLOSED',
  'WS_RATE_LIMITED',
  'WS_GRAPHQL_ERROR',
  'GRAPHQL_ERROR',
]);

export interface FlussClientErrorInit {
  /** HTTP status or WebSocket close code. */
  readonly status?: number;
  /** Origin of the endpoint (scheme://host:port). */
  readonly origin?: string;
  /** Server-provided text; truncated and scrubbed of the token before it gets here. */
  readonly serverMessage?: string;
  readonly severity?: 'error' | 'warning';
}

/** An error of the Fluss client. `code` is stable; `message` is ours. */
export class FlussClientError extends Error {
  override readonly name = 'FlussClientError';
  readonly code: FlussClientErrorCode;
  readonly status?: number;
  readonly origin?: string;
  readonly serverMessage?: string;
  readonly severity: 'error' | 'warning';

  constructor(code: FlussClientErrorCode, message: string, init: FlussClientErrorInit = {}) {
    super(message);
    this.code = code;
    this.status = init.status;
    this.origin = init.origin;
    this.serverMessage = truncateServerMessage(init.serverMessage);
    this.severity = init.severity ?? (code === 'GRAPHQL_PARTIAL' ? 'warning' : 'error');
  }

  get phase(): ErrorPhase {
    return PHASE[this.code];
  }

  get recoverable(): boolean {
    return RECOVERABLE.has(this.code);
  }

  /** The `fluss-error` event detail for this error. */
  toDetail(): FlussErrorDetail {
    return {
      code: this.code,
      severity: this.severity,
      message: this.message,
      recoverable: this.recoverable,
      phase: this.phase,
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.serverMessage !== undefined ? { serverMessage: this.serverMessage } : {}),
      ...(this.origin !== undefined ? { origin: this.origin } : {}),
    };
  }
}

/** True for a FlussClientError with one of `codes` (any code when none given). */
export function isFlussClientError(e: unknown, ...codes: FlussClientErrorCode[]): e is FlussClientError {
  return e instanceof FlussClientError && (codes.length === 0 || codes.includes(e.code));
}

/** Removes every occurrence of `secret` from a text (defence in depth for server messages). */
export function scrub(text: string | undefined, secret: string | null | undefined): string | undefined {
  if (text === undefined || !secret) return text;
  return text.split(secret).join('[redacted]');
}
