/**
 * <fluss-provider>: holds the connection to a Fluss server and provides a FlussClient to every
 * descendant through @lit/context. The token is a property or a getToken callback only.
 */
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { flussClientContext } from '../../context/client-context.js';
import { FlussClient, type GetToken } from '../../data/fluss-client.js';
import { originOf } from '../../data/endpoint.js';
import { FlussErrorEvent } from '../../events/fluss-error.js';

/**
 * Connects the elements inside it to a Fluss server. Nothing inside talks to a network without
 * one. Give it the GraphQL endpoint and a token (as a property, never an attribute) or an async
 * `getToken` callback; it provides a client to `<fluss-workflow flow-id>` and `<fluss-run run-id>`.
 * The token is sent only to the endpoint's origin (plus `allowedOrigins`): as an `Authorization`
 * header over HTTP and in the `connection_init` payload over WebSocket, never in a URL.
 *
 * @tagname fluss-provider
 * @summary Connects descendant elements to a Fluss server (endpoint, token, subscriptions).
 *
 * @slot - The elements that use the server connection.
 *
 * @event fluss-error - A `FlussErrorEvent`: the endpoint is not a valid http(s) URL
 * (`HTTP_BAD_RESPONSE`), the endpoint moved to an origin the token was not given for
 * (`AUTH_ORIGIN_MISMATCH`; requests then go without it), or a `token` attribute was found and
 * removed (`AUTH_TOKEN_ATTRIBUTE`, warning). Its detail never contains the token or a full URL.
 *
 * @example
 * ```html
 * <fluss-provider endpoint="https://host/fluss/graphql">
 *   <fluss-run run-id="42"><fluss-workflow></fluss-workflow></fluss-run>
 * </fluss-provider>
 * <script type="module">
 *   document.querySelector('fluss-provider').token = await getAccessToken();
 * </script>
 * ```
 */
export class FlussProviderElement extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The http(s) URL of the Fluss GraphQL endpoint, e.g. `https://host/fluss/graphql`. */
  @property({ reflect: false }) endpoint: string | null = null;

  /** The ws(s) URL for subscriptions; default: the endpoint with ws(s): at the same path. */
  @property({ attribute: 'ws-endpoint', reflect: false }) wsEndpoint: string | null = null;

  /** Per-request timeout in milliseconds (default 15000). */
  @property({ type: Number, attribute: 'timeout' }) timeout: number | null = null;

  /** An async token source, asked at first use and once more after a 401 or a 4403. Property only. */
  @property({ attribute: false }) getToken: GetToken | null = null;

  /** Extra origins (besides the endpoint's) that may receive the token. Property only. */
  @property({ attribute: false }) allowedOrigins: readonly string[] = [];

  #token: string | null = null;
  /** Origin the token (or getToken) was given for; it goes nowhere else (reliability T3). */
  #tokenOrigin: string | undefined;
  #client: FlussClient | undefined;
  #dirty = true;
  readonly #provider = new ContextProvider(this, { context: flussClientContext, initialValue: undefined });

  /**
   * The bearer token, bound to the origin of `endpoint` at the time it is set (plus
   * `allowedOrigins`). Write-only: never reflected to an attribute, never logged, never part of
   * an event; reading it gives null (see `hasToken`).
   */
  set token(value: string | null | undefined) {
    this.#token = typeof value === 'string' && value ? value : null;
    this.#tokenOrigin = this.#endpointOrigin() ?? this.#tokenOrigin;
    const client = this.#client;
    if (client && !this.#dirty && !this.getToken && client.origin === this.#tokenOrigin) {
      // A refreshed token: keep the client (and its socket); the next connect uses the new token.
      client.setToken(this.#token);
      return;
    }
    this.#markDirty();
  }
  get token(): string | null {
    return null;
  }

  /** Whether a token is set. */
  get hasToken(): boolean {
    return this.#token !== null;
  }

  /** The client descendants receive; undefined while there is no valid endpoint. */
  get client(): FlussClient | undefined {
    if (this.#dirty) this.#rebuild();
    return this.#client;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasAttribute('token')) {
      // Attributes are visible to every script and stylesheet: never a place for a token (T1).
      this.removeAttribute('token');
      this.dispatchEvent(
        new FlussErrorEvent({
          code: 'AUTH_TOKEN_ATTRIBUTE',
          severity: 'warning',
          message: 'A token attribute on <fluss-provider> was removed and ignored; set the token property instead.',
          recoverable: false,
          phase: 'auth',
        }),
      );
    }
    this.#markDirty();
    this.#rebuild();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Close sockets; a re-inserted provider builds a fresh client.
    this.#client?.dispose();
    this.#client = undefined;
    this.#dirty = true;
    this.#provider.setValue(undefined);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('getToken')) this.#tokenOrigin = this.#endpointOrigin();
    if (changed.has('endpoint') || changed.has('wsEndpoint') || changed.has('timeout') || changed.has('getToken') || changed.has('allowedOrigins')) {
      this.#markDirty();
    }
    if (this.#dirty && this.isConnected) this.#rebuild();
  }

  #endpointOrigin(): string | undefined {
    return this.endpoint ? originOf(this.endpoint, document.baseURI) : undefined;
  }

  #markDirty(): void {
    this.#dirty = true;
    this.requestUpdate();
  }

  #rebuild(): void {
    this.#dirty = false;
    const old = this.#client;
    this.#client = undefined;
    old?.dispose();
    if (this.endpoint && this.isConnected) {
      const origin = originOf(this.endpoint, document.baseURI);
      if (!origin || !/^https?:/.test(origin)) {
        this.dispatchEvent(
          new FlussErrorEvent({ code: 'HTTP_BAD_RESPONSE', severity: 'error', message: 'The endpoint of <fluss-provider> is not an http(s) URL.', recoverable: false, phase: 'http' }),
        );
      } else {
        // A token given before any endpoint binds to the first one.
        this.#tokenOrigin ??= origin;
        const allowed = new Set([this.#tokenOrigin, ...this.allowedOrigins.map((o) => originOf(o) ?? o)]);
        const credentials = allowed.has(origin);
        if (!credentials && (this.#token || this.getToken)) {
          this.dispatchEvent(
            new FlussErrorEvent({
              code: 'AUTH_ORIGIN_MISMATCH',
              severity: 'error',
              message: 'The endpoint moved to another origin than the token was given for; requests go without it. Set the token again or list the origin in allowedOrigins.',
              recoverable: false,
              phase: 'auth',
              origin,
            }),
          );
        }
        try {
          this.#client = new FlussClient({
            endpoint: this.endpoint,
            wsEndpoint: this.wsEndpoint ?? undefined,
            token: credentials ? this.#token : null,
            getToken: credentials ? (this.getToken ?? undefined) : undefined,
            timeoutMs: this.timeout ?? undefined,
            allowedOrigins: this.allowedOrigins,
          });
        } catch {
          this.#client = undefined;
        }
      }
    }
    this.#provider.setValue(this.#client, true);
  }

  protected override render(): unknown {
    return html`<slot></slot>`;
  }
}
