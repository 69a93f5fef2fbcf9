/**
 * FlussClient: GraphQL over fetch (POST JSON, AbortSignal + timeout on every request, typed
 * errors, partial data kept as a warning) and subscriptions over graphql-ws. The token goes only
 * to the configured endpoint's origin (header on HTTP, connection_init payload on WebSocket).
 */
import { deriveWsEndpoint, httpOriginOf, originOf } from './endpoint.js';
import { FlussClientError, scrub } from './errors.js';
import { WsSource, type SubscriptionSink, type WsSourceOptions } from './ws-source.js';

/** Why the token is being asked for. */
export type TokenReason = 'initial' | '401' | '4403';

/** Supplies a bearer token; called once at first use and once more after a 401 or a 4403. */
export type GetToken = (ctx: { reason: TokenReason }) => string | null | undefined | Promise<string | null | undefined>;

export interface FlussClientOptions {
  /** The http(s) URL of the Fluss GraphQL endpoint (…/graphql). */
  readonly endpoint: string;
  /** ws(s) URL; default: the endpoint with ws(s):, same path. */
  readonly wsEndpoint?: string;
  /** A static token. */
  readonly token?: string | null;
  /** An async token source (wins over `token`). */
  readonly getToken?: GetToken;
  /** Per-request timeout, default 15 s. */
  readonly timeoutMs?: number;
  /** Timeout of one getToken call, default 10 s. */
  readonly getTokenTimeoutMs?: number;
  /** Extra origins allowed to receive the token (the endpoint's origin always is). */
  readonly allowedOrigins?: readonly string[];
  /** fetch implementation (tests). */
  readonly fetch?: typeof fetch;
  /** WebSocket tuning and implementation (Node tests pass `ws`). */
  readonly ws?: WsSourceOptions;
  /** Base URL for relative endpoints (default: document.baseURI in a browser). */
  readonly baseUrl?: string;
  /** Automatic retry of queries (never mutations) after 429/502/503/504 or a network failure. */
  readonly retry?: RetryOptions;
}

/** How `query` retries an idempotent operation (reliability H3). */
export interface RetryOptions {
  /** Further attempts after the first (default 2; 0 turns retrying off). */
  readonly attempts?: number;
  /** First backoff step in ms (default 400; doubles, with up to 50% jitter). */
  readonly baseMs?: number;
  /** Longest single wait in ms (default 5000). A `Retry-After` above it ends the retries. */
  readonly maxWaitMs?: number;
}

/** Statuses worth another try: rate limiting and the gateway/unavailable family. */
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/**
 * True when the document's operation is a query (the only kind retried automatically). Leading
 * whitespace, commas and comments are skipped; a shorthand `{ … }` is a query.
 */
export function isQueryDocument(document: string): boolean {
  const head = document.replace(/^(?:[\s,\uFEFF]+|#[^\n\r]*)*/, '');
  return head.startsWith('{') || /^query\b/.test(head);
}

/**
 * Milliseconds a `Retry-After` header asks to wait: delta-seconds or an HTTP date (RFC 9110
 * 10.2.3); undefined when absent or unreadable.
 */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

export interface QueryOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

export interface QueryResult<T> {
  readonly data: T;
  /** GRAPHQL_PARTIAL when the server returned errors next to data. */
  readonly warnings: readonly FlussClientError[];
}

interface GraphqlBody {
  data?: unknown;
  errors?: { message?: unknown }[];
}

function defaultBase(): string | undefined {
  return typeof document !== 'undefined' ? document.baseURI : undefined;
}

/** A client for one Fluss endpoint. Holds the token privately; never logs it. */
/** Largest GraphQL answer read, in bytes (by its Content-Length; reliability H12). */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export class FlussClient {
  readonly endpoint: string;
  readonly wsEndpoint: string;
  /** Origin of the endpoint: the one origin (plus `allowedOrigins`) that receives the token. */
  readonly origin: string;
  readonly #allowed: ReadonlySet<string>;
  #token: string | null;
  readonly #getToken?: GetToken;
  #tokenLoaded: boolean;
  #tokenPending?: Promise<string | null>;
  readonly #timeoutMs: number;
  readonly #getTokenTimeoutMs: number;
  readonly #fetch: typeof fetch;
  #ws?: WsSource;
  readonly #wsOptions: WsSourceOptions;
  readonly #retry: Required<RetryOptions>;
  #disposed = false;

  constructor(options: FlussClientOptions) {
    const base = options.baseUrl ?? defaultBase();
    const origin = originOf(options.endpoint, base);
    if (!origin || !/^https?:/.test(origin)) throw new FlussClientError('HTTP_BAD_RESPONSE', 'The Fluss endpoint is not an http(s) URL.');
    this.endpoint = new URL(options.endpoint, base).href;
    this.wsEndpoint = options.wsEndpoint ? new URL(options.wsEndpoint, base).href : deriveWsEndpoint(this.endpoint);
    this.origin = origin;
    this.#allowed = new Set([origin, ...(options.allowedOrigins ?? []).map((o) => originOf(o) ?? o)]);
    this.#token = options.token ?? null;
    this.#getToken = options.getToken;
    this.#tokenLoaded = !options.getToken;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#getTokenTimeoutMs = options.getTokenTimeoutMs ?? 10_000;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#wsOptions = options.ws ?? {};
    this.#retry = {
      attempts: Math.max(0, Math.floor(options.retry?.attempts ?? 2)),
      baseMs: Math.max(0, options.retry?.baseMs ?? 400),
      maxWaitMs: Math.max(0, options.retry?.maxWaitMs ?? 5000),
    };
  }

  /** Replaces the static token (a running socket uses it on its next connect). */
  setToken(token: string | null): void {
    this.#token = token;
    this.#tokenLoaded = true;
  }

  /** True when `url` may receive the token. */
  isAllowedOrigin(url: string): boolean {
    const o = httpOriginOf(url);
    return !!o && this.#allowed.has(o);
  }

  /** The current token; asks getToken on first use or when `refresh` is given. */
  async token(refresh?: TokenReason): Promise<string | null> {
    if (!this.#getToken) return this.#token;
    if (this.#tokenLoaded && !refresh) return this.#token;
    if (this.#tokenPending && !refresh) return this.#tokenPending;
    const getToken = this.#getToken;
    const pending = (async () => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), this.#getTokenTimeoutMs);
        });
        const value = await Promise.race([Promise.resolve().then(() => getToken({ reason: refresh ?? 'initial' })), timeout]);
        this.#token = typeof value === 'string' && value ? value : null;
        this.#tokenLoaded = true;
        return this.#token;
      } catch {
        throw new FlussClientError('AUTH_UNAVAILABLE', 'The token callback failed or did not answer in time.', { origin: this.origin });
      } finally {
        if (timer) clearTimeout(timer);
        this.#tokenPending = undefined;
      }
    })();
    this.#tokenPending = pending;
    return pending;
  }

  /** Runs a query or mutation. Rejects with a FlussClientError; partial data resolves with a warning. */
  async query<T>(document: string, variables: Record<string, unknown> = {}, options: QueryOptions = {}): Promise<QueryResult<T>> {
    if (this.#disposed) throw new FlussClientError('ABORTED', 'The client was disposed.');
    if (options.signal?.aborted) throw new FlussClientError('ABORTED', 'The request was aborted.', { origin: this.origin });
    const body = JSON.stringify({ query: document, variables });
    const retries = isQueryDocument(document) ? this.#retry.attempts : 0;
    for (let attempt = 0; ; attempt++) {
      let wait: number | undefined;
      try {
        let token = await this.token();
        let sent = await this.#post(body, token, options);
        if (sent.response.status === 401 && this.#getToken) {
          await this.#drain(sent.response);
          token = await this.token('401');
          sent = await this.#post(body, token, options);
        }
        const status = sent.response.status;
        if (attempt < retries && RETRY_STATUSES.has(status)) {
          wait = this.#backoff(attempt, retryAfterMs(sent.response.headers.get('retry-after')));
          if (wait !== undefined) await this.#drain(sent.response);
        }
        if (wait === undefined) return await this.#read<T>(sent.response, sent.timeout, token, options);
      } catch (e) {
        if (!(attempt < retries && e instanceof FlussClientError && e.code === 'HTTP_NETWORK')) throw e;
        wait = this.#backoff(attempt, undefined);
        if (wait === undefined) throw e;
      }
      await this.#sleep(wait, options.signal);
    }
  }

  /** The wait before retry number `attempt + 1`, or undefined when the server asks for longer than allowed. */
  #backoff(attempt: number, asked: number | undefined): number | undefined {
    const { baseMs, maxWaitMs } = this.#retry;
    if (asked !== undefined) return asked <= maxWaitMs ? asked : undefined;
    const step = baseMs * 2 ** attempt;
    return Math.min(maxWaitMs, step + Math.random() * step * 0.5);
  }

  #sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const aborted = () => new FlussClientError('ABORTED', 'The request was aborted.', { origin: this.origin });
      if (signal?.aborted) return reject(aborted());
      const onAbort = () => {
        clearTimeout(timer);
        reject(aborted());
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  async #post(body: string, token: string | null, options: QueryOptions): Promise<{ response: Response; timeout: AbortSignal }> {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? this.#timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
    };
    if (token && this.isAllowedOrigin(this.endpoint)) headers['Authorization'] = `Bearer ${token}`;
    let response: Response;
    try {
      response = await this.#fetch(this.endpoint, {
        method: 'POST',
        headers,
        body,
        // Never follow: a redirect surfaces as HTTP_REDIRECT_BLOCKED and the token goes nowhere else.
        redirect: 'manual',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        signal,
      });
    } catch {
      throw this.#abortError(options.signal, timeout) ?? new FlussClientError('HTTP_NETWORK', `Could not reach the Fluss server at ${this.origin}.`, { origin: this.origin });
    }
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      throw new FlussClientError('HTTP_REDIRECT_BLOCKED', `The Fluss server at ${this.origin} answered with a redirect, which is not followed.`, {
        origin: this.origin,
        status: response.status || undefined,
      });
    }
    return { response, timeout };
  }

  #abortError(signal: AbortSignal | undefined, timeout: AbortSignal): FlussClientError | undefined {
    if (signal?.aborted) return new FlussClientError('ABORTED', 'The request was aborted.', { origin: this.origin });
    if (timeout.aborted) return new FlussClientError('HTTP_TIMEOUT', `The Fluss server at ${this.origin} did not answer in time.`, { origin: this.origin });
    return undefined;
  }

  async #drain(response: Response): Promise<void> {
    try {
      await response.body?.cancel();
    } catch {
      /* nothing to release */
    }
  }

  async #read<T>(response: Response, timeout: AbortSignal, token: string | null, options: QueryOptions): Promise<QueryResult<T>> {
    const origin = this.origin;
    const status = response.status;
    if (status === 401) {
      await this.#drain(response);
      throw new FlussClientError('HTTP_UNAUTHENTICATED', `The Fluss server at ${origin} did not accept the credentials.`, { origin, status });
    }
    if (status === 403) {
      await this.#drain(response);
      throw new FlussClientError('HTTP_FORBIDDEN', `The Fluss server at ${origin} refused access.`, { origin, status });
    }
    if (status >= 500) {
      await this.#drain(response);
      throw new FlussClientError('HTTP_SERVER', `The Fluss server at ${origin} failed (HTTP ${status}).`, { origin, status });
    }
    if (status === 429) {
      await this.#drain(response);
      throw new FlussClientError('HTTP_RATE_LIMITED', `The Fluss server at ${origin} is rate-limiting requests (HTTP 429).`, { origin, status });
    }
    const type = response.headers.get('content-type') ?? '';
    // Reliability H12: refuse an answer above the limit before reading it.
    const declared = Number(response.headers.get('content-length') ?? '');
    if (Number.isFinite(declared) && declared > MAX_RESPONSE_BYTES) {
      await this.#drain(response);
      throw new FlussClientError('GRAPH_TOO_LARGE', `The answer from ${origin} is larger than ${MAX_RESPONSE_BYTES} bytes and was not read.`, { origin, status });
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw this.#abortError(options.signal, timeout) ?? new FlussClientError('HTTP_NETWORK', `The connection to ${origin} broke while reading the answer.`, { origin, status });
    }
    let parsed: GraphqlBody;
    try {
      if (!/json/i.test(type)) throw new Error('not json');
      parsed = JSON.parse(text) as GraphqlBody;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    } catch {
      throw new FlussClientError('HTTP_BAD_RESPONSE', `The server at ${origin} sent an unexpected response (HTTP ${status}).`, { origin, status });
    }
    const errors = Array.isArray(parsed.errors) ? parsed.errors : [];
    const first = errors.length ? scrub(String(errors[0]?.message ?? ''), token) : undefined;
    const hasData = parsed.data !== null && parsed.data !== undefined && typeof parsed.data === 'object';
    if (!hasData || status < 200 || status >= 300) {
      if (errors.length) {
        throw new FlussClientError('GRAPHQL_ERROR', `The Fluss server at ${origin} returned ${errors.length === 1 ? 'an error' : `${errors.length} errors`}.`, {
          origin,
          status,
          serverMessage: first,
        });
      }
      throw new FlussClientError('HTTP_BAD_RESPONSE', `The server at ${origin} sent an unexpected response (HTTP ${status}).`, { origin, status });
    }
    const warnings = errors.length
      ? [new FlussClientError('GRAPHQL_PARTIAL', `Part of the data from ${origin} could not be loaded.`, { origin, status, serverMessage: first, severity: 'warning' })]
      : [];
    return { data: parsed.data as T, warnings };
  }

  /**
   * Subscribes over graphql-ws. `sink.next` gets each payload's data; `sink.error` a
   * FlussClientError (auth errors at once, no retry storm); `onReconnect` runs after every
   * reconnect so the caller can re-sync. Returns the unsubscribe function.
   */
  subscribe<T>(document: string, variables: Record<string, unknown>, sink: SubscriptionSink<T>): () => void {
    if (this.#disposed) {
      sink.error(new FlussClientError('ABORTED', 'The client was disposed.'));
      return () => {};
    }
    if (!this.#ws) {
      this.#ws = new WsSource({
        url: this.wsEndpoint,
        origin: httpOriginOf(this.wsEndpoint) ?? this.origin,
        tokenAllowed: this.isAllowedOrigin(this.wsEndpoint),
        token: (reason) => this.token(reason),
        canRefresh: !!this.#getToken,
        options: this.#wsOptions,
        onFatal: () => {
          this.#ws = undefined;
        },
      });
    }
    return this.#ws.subscribe(document, variables, sink);
  }

  /** Closes the socket (if any); later calls fail with ABORTED. */
  dispose(): void {
    this.#disposed = true;
    const ws = this.#ws;
    this.#ws = undefined;
    ws?.dispose();
  }

  /** Never serializes the token. */
  toJSON(): Record<string, string> {
    return { endpoint: this.origin };
  }
}
