/**
 * The graphql-ws subscription source: token in connection_init (never the URL), ack timeout,
 * keep-alive pings with a pong deadline, bounded exponential backoff with jitter, no retry after
 * 4400/4401/4403 (one retry with a refreshed token when a getToken callback exists), a breaker
 * against reconnect storms, and a reconnect callback for gap-filling. graphql-ws itself is loaded
 * with a dynamic import() when the first subscription opens, so pages that only draw never fetch it.
 */
import type { Client, ClientOptions } from 'graphql-ws';
import { FlussClientError } from './errors.js';

type GraphqlWs = { readonly createClient: (options: ClientOptions) => Client };

const importGraphqlWs = (): Promise<GraphqlWs> => import('./graphql-ws-client.js');
let loadGraphqlWs: () => Promise<GraphqlWs> = importGraphqlWs;
let graphqlWs: Promise<GraphqlWs> | null = null;

/** graphql-ws, imported once (a failed import is tried again next time). */
function graphqlWsModule(): Promise<GraphqlWs> {
  graphqlWs ??= loadGraphqlWs().catch((e: unknown) => {
    graphqlWs = null;
    throw e;
  });
  return graphqlWs;
}

/**
 * Replaces how graphql-ws is loaded (tests: a loader that fails like an offline chunk); no argument
 * restores the dynamic import.
 * @internal
 */
export function setGraphqlWsLoader(loader?: () => Promise<GraphqlWs>): void {
  loadGraphqlWs = loader ?? importGraphqlWs;
  graphqlWs = null;
}

export interface WsSourceOptions {
  /** Reconnect attempts after a drop (default 5). */
  readonly retryAttempts?: number;
  /** First backoff step in ms (default 500; doubles, capped by `maxRetryWaitMs`). */
  readonly retryBaseMs?: number;
  /** Cap of one backoff wait (default 10 s). */
  readonly maxRetryWaitMs?: number;
  /** connection_ack deadline (default 10 s). */
  readonly ackTimeoutMs?: number;
  /** Ping interval (default 15 s); 0 disables. */
  readonly keepAliveMs?: number;
  /** Pong deadline after a ping (default 5 s). */
  readonly pongTimeoutMs?: number;
  /** The breaker trips after more than this many closes without a connection … (default 5) */
  readonly stormMaxCloses?: number;
  /** … within this window (default 10 s). */
  readonly stormWindowMs?: number;
  /** WebSocket constructor (Node tests pass the `ws` package's). */
  readonly webSocketImpl?: unknown;
}

export interface SubscriptionSink<T> {
  next(data: T): void;
  error(error: FlussClientError): void;
  complete?(): void;
  /** Called after the socket reconnected and the subscription was re-sent; re-sync here. */
  onReconnect?(): void;
}

interface WsSourceInit {
  readonly url: string;
  readonly origin: string;
  readonly tokenAllowed: boolean;
  readonly token: (reason?: '4403') => Promise<string | null>;
  readonly canRefresh: boolean;
  readonly options: WsSourceOptions;
  /** The source is unusable (storm, auth): the owner creates a fresh one next time. */
  readonly onFatal: () => void;
}

interface SocketLike {
  readonly readyState: number;
  close(code: number, reason: string): void;
}

interface CloseLike {
  readonly code: number;
  readonly reason?: string;
}

function isClose(e: unknown): e is CloseLike {
  return !!e && typeof e === 'object' && typeof (e as CloseLike).code === 'number';
}

const FATAL_CODES = new Set([4400, 4401, 4403, 4406, 4409, 4429, 4500, 1002, 1003, 1008, 1011]);

/** Maps a close event or error to a FlussClientError. */
export function wsError(e: unknown, origin: string): FlussClientError {
  if (isClose(e)) {
    const status = e.code;
    if (status === 4403) return new FlussClientError('WS_FORBIDDEN', `The Fluss server at ${origin} refused the subscription credentials.`, { origin, status });
    if (status === 4429) return new FlussClientError('WS_RATE_LIMITED', `The Fluss server at ${origin} is rate-limiting subscriptions.`, { origin, status });
    if (status === 4504 || status === 4408) return new FlussClientError('WS_TIMEOUT', `The Fluss server at ${origin} did not acknowledge the connection in time.`, { origin, status });
    if (status >= 4400 && status < 4500) return new FlussClientError('WS_PROTOCOL', `The subscription to ${origin} failed with a protocol error.`, { origin, status });
    return new FlussClientError('WS_CLOSED', `The subscription connection to ${origin} closed.`, { origin, status });
  }
  if (Array.isArray(e)) {
    const message = (e[0] as { message?: unknown } | undefined)?.message;
    return new FlussClientError('WS_GRAPHQL_ERROR', `The Fluss server at ${origin} rejected the subscription.`, { origin, serverMessage: message === undefined ? undefined : String(message) });
  }
  if (e instanceof FlussClientError) return e;
  return new FlussClientError('WS_CLOSED', `The subscription connection to ${origin} failed.`, { origin });
}

/** One graphql-ws client shared by the subscriptions of one FlussClient. */
export class WsSource {
  readonly #init: WsSourceInit;
  #client: Client | null = null;
  #loading: Promise<Client | null> | null = null;
  #disposed = false;
  readonly #sinks = new Set<SubscriptionSink<unknown>>();
  #closes: number[] = [];
  /** Whether the current socket got its connection_ack (closes after an ack are not a storm). */
  #acked = false;
  #tripped = false;
  #refreshOn4403 = false;
  #refreshedOnce = false;
  #pongTimer: ReturnType<typeof setTimeout> | undefined;
  #socket: SocketLike | undefined;

  constructor(init: WsSourceInit) {
    this.#init = init;
  }

  /** The graphql-ws client, created once its module has loaded (null once disposed). */
  #clientReady(): Promise<Client | null> {
    this.#loading ??= graphqlWsModule().then(
      (mod) => {
        if (this.#disposed) return null;
        this.#client = this.#create(mod);
        return this.#client;
      },
      (e: unknown) => {
        // Offline, a blocked chunk, a CSP: a typed connection error for the subscriptions, and
        // the next subscription tries again.
        this.#loading = null;
        throw e;
      },
    );
    return this.#loading;
  }

  #create(mod: GraphqlWs): Client {
    const init = this.#init;
    const o = init.options;
    const base = o.retryBaseMs ?? 500;
    const cap = o.maxRetryWaitMs ?? 10_000;
    const maxCloses = o.stormMaxCloses ?? 5;
    const windowMs = o.stormWindowMs ?? 10_000;
    return mod.createClient({
      url: init.url,
      lazy: true,
      lazyCloseTimeout: 0,
      retryAttempts: o.retryAttempts ?? 5,
      connectionAckWaitTimeout: o.ackTimeoutMs ?? 10_000,
      keepAlive: o.keepAliveMs ?? 15_000,
      ...(o.webSocketImpl ? { webSocketImpl: o.webSocketImpl } : {}),
      connectionParams: async () => {
        if (!init.tokenAllowed) return {};
        const refresh = this.#refreshOn4403;
        this.#refreshOn4403 = false;
        const token = await init.token(refresh ? '4403' : undefined);
        return token ? { token } : {};
      },
      retryWait: async (retries) => {
        const wait = Math.min(cap, base * 2 ** retries) + Math.random() * Math.min(1000, base);
        await new Promise((resolve) => setTimeout(resolve, wait));
      },
      shouldRetry: (e) => {
        if (this.#tripped) return false;
        if (isClose(e)) {
          if (e.code === 4403 && init.canRefresh && !this.#refreshedOnce) {
            this.#refreshedOnce = true;
            this.#refreshOn4403 = true;
            return true;
          }
          return !FATAL_CODES.has(e.code);
        }
        return true;
      },
      on: {
        connecting: () => {
          this.#acked = false;
        },
        connected: (socket, _payload, wasRetry) => {
          this.#acked = true;
          this.#socket = socket as SocketLike;
          this.#closes = [];
          this.#refreshedOnce = false;
          if (wasRetry) {
            for (const sink of [...this.#sinks]) {
              try {
                sink.onReconnect?.();
              } catch {
                /* a faulty callback must not break the socket */
              }
            }
          }
        },
        ping: (received) => {
          if (received) return;
          const deadline = o.pongTimeoutMs ?? 5_000;
          if (this.#pongTimer) clearTimeout(this.#pongTimer);
          this.#pongTimer = setTimeout(() => {
            // Half-open socket: close it so the client reconnects.
            if (this.#socket && this.#socket.readyState === 1) this.#socket.close(4408, 'Pong timeout');
          }, deadline);
        },
        pong: (received) => {
          if (received && this.#pongTimer) clearTimeout(this.#pongTimer);
        },
        closed: () => {
          if (this.#pongTimer) clearTimeout(this.#pongTimer);
          this.#socket = undefined;
          if (this.#acked) {
            this.#acked = false;
            return;
          }
          const now = Date.now();
          this.#closes = this.#closes.filter((t) => now - t < windowMs);
          this.#closes.push(now);
          if (this.#closes.length > maxCloses && !this.#tripped) this.#trip();
        },
      },
    });
  }

  #trip(): void {
    this.#tripped = true;
    const err = new FlussClientError('WS_RECONNECT_STORM', `The subscription connection to ${this.#init.origin} kept closing; it was stopped.`, { origin: this.#init.origin });
    const sinks = [...this.#sinks];
    this.#sinks.clear();
    this.dispose();
    this.#init.onFatal();
    for (const sink of sinks) {
      try {
        sink.error(err);
      } catch {
        /* ignore */
      }
    }
  }

  subscribe<T>(document: string, variables: Record<string, unknown>, sink: SubscriptionSink<T>): () => void {
    const origin = this.#init.origin;
    if (this.#tripped) {
      sink.error(new FlussClientError('WS_RECONNECT_STORM', `The subscription connection to ${origin} was stopped.`, { origin }));
      return () => {};
    }
    let active = true;
    const entry = sink as SubscriptionSink<unknown>;
    this.#sinks.add(entry);
    let unsubscribe: () => void = () => {};
    const fail = (e: unknown) => {
      if (!active) return;
      active = false;
      this.#sinks.delete(entry);
      sink.error(wsError(e, origin));
    };
    const open = (client: Client) => {
      try {
        unsubscribe = client.subscribe<T>(
          { query: document, variables },
          {
            next: (result) => {
              if (!active) return;
              if (result.errors?.length && !result.data) {
                active = false;
                this.#sinks.delete(entry);
                sink.error(wsError(result.errors, origin));
                return;
              }
              if (result.data) sink.next(result.data as T);
            },
            error: (e) => {
              if (!active) return;
              active = false;
              this.#sinks.delete(entry);
              const err = wsError(e, origin);
              if (err.code === 'WS_FORBIDDEN' || err.code === 'WS_PROTOCOL') this.#init.onFatal();
              sink.error(err);
            },
            complete: () => {
              if (!active) return;
              active = false;
              this.#sinks.delete(entry);
              sink.complete?.();
            },
          },
        );
      } catch (e) {
        fail(e);
      }
    };
    if (this.#client) open(this.#client);
    else {
      this.#clientReady().then(
        (client) => {
          if (!active) return;
          if (client) open(client);
          else fail(new FlussClientError('WS_CLOSED', `The subscription connection to ${origin} was closed.`, { origin }));
        },
        () => fail(new FlussClientError('WS_CLOSED', `The subscription client for ${origin} could not be loaded.`, { origin })),
      );
    }
    return () => {
      if (!active) return;
      active = false;
      this.#sinks.delete(entry);
      try {
        unsubscribe();
      } catch {
        /* already gone */
      }
    };
  }

  /** Closes the socket; never throws (dispose can reject mid-handshake). */
  dispose(): void {
    this.#disposed = true;
    if (this.#pongTimer) clearTimeout(this.#pongTimer);
    if (!this.#client) return;
    try {
      const r = this.#client.dispose() as unknown;
      if (r && typeof (r as Promise<void>).catch === 'function') (r as Promise<void>).catch(() => {});
    } catch {
      /* ignore */
    }
  }
}
