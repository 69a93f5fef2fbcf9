/**
 * Endpoint helpers: origins, the WebSocket URL derived from the HTTP endpoint, and which origins
 * may receive the token. Never logs or returns a full URL in errors.
 */

/** The origin (scheme://host:port) of a URL, or undefined when it does not parse. */
export function originOf(url: string, base?: string): string | undefined {
  try {
    return new URL(url, base).origin;
  } catch {
    return undefined;
  }
}

/** The http(s) origin equivalent of a ws(s) URL, so that one origin check covers both. */
export function httpOriginOf(url: string, base?: string): string | undefined {
  try {
    const u = new URL(url, base);
    if (u.protocol === 'ws:') u.protocol = 'http:';
    else if (u.protocol === 'wss:') u.protocol = 'https:';
    return u.origin;
  } catch {
    return undefined;
  }
}

/** `ws(s)://` at the same path as the http(s) GraphQL endpoint (Fluss serves both on /graphql). */
export function deriveWsEndpoint(endpoint: string, base?: string): string {
  const u = new URL(endpoint, base);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.href;
}
