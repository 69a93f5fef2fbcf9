// Dev server: fault injection settings (latency, HTTP status, GraphQL errors, dropped sockets,
// duplicate and out-of-order subscription events). Mutable; read on every request or event.

export interface FaultOptions {
  /** Milliseconds added before every /graphql HTTP response. */
  latencyMs?: number;
  /** Answer the next `count` /graphql HTTP requests with this status (401, 403, 500, 502...). */
  httpStatus?: { status: number; count?: number; retryAfter?: string };
  /** The next `count` queries keep their data and get an extra error ('partial'), or lose the data ('null-data'). */
  graphqlErrors?: { mode?: 'partial' | 'null-data'; count?: number };
  /** Subscription: send every nth event twice (1 = every event). */
  duplicateEvery?: number;
  /** Subscription: hold events in windows of this size and release each window reversed. */
  reorderWindow?: number;
  /** Subscription: terminate the socket after this many events were sent on it (once per setting). */
  dropAfterEvents?: number;
}

/** The live fault state of one dev server. */
export class Faults {
  options: FaultOptions = {};

  set(options: FaultOptions): void {
    this.options = { ...options };
  }

  reset(): void {
    this.options = {};
  }

  /** Consumes one injected HTTP status, if any. */
  takeHttpStatus(): { status: number; retryAfter?: string } | undefined {
    const f = this.options.httpStatus;
    if (!f) return undefined;
    const count = f.count ?? Infinity;
    if (count <= 0) return undefined;
    this.options.httpStatus = { ...f, count: count - 1 };
    return { status: f.status, retryAfter: f.retryAfter };
  }

  /** Consumes one injected GraphQL error, if any. */
  takeGraphqlError(): 'partial' | 'null-data' | undefined {
    const f = this.options.graphqlErrors;
    if (!f) return undefined;
    const count = f.count ?? Infinity;
    if (count <= 0) return undefined;
    this.options.graphqlErrors = { mode: f.mode ?? 'partial', count: count - 1 };
    return f.mode ?? 'partial';
  }
}
