/**
 * Where a workflow comes from: the `.flow` property, an inline `<script type="application/json">`
 * child, a `src` URL (fetched with an AbortSignal, credentials omitted, no redirects to other
 * schemes), or a `flow-id` through <fluss-provider>. Resolves to raw input for parseWorkflow.
 */
import type { FlussErrorDetail } from '../../events/fluss-error.js';
import type { FlowQueryData } from '../../data/operations.js';
import { isFlussClientError } from '../../data/errors.js';
import { providerMissingDetail, requestFlussClient } from '../fluss-provider/client-access.js';

export type SourceKind = 'property' | 'inline' | 'src' | 'flow-id' | 'none';

export interface ResolvedSource {
  readonly kind: SourceKind;
  /** Raw input for parseWorkflow (object or JSON text). */
  readonly input?: unknown;
  /** A failure we report instead of parsing. */
  readonly error?: FlussErrorDetail;
  /** Non-blocking problems of the source (GraphQL partial data), reported as warnings. */
  readonly warnings?: readonly FlussErrorDetail[];
}

/** Largest `src` body we accept, in characters. */
export const MAX_SOURCE_CHARS = 50_000_000;

/** Text of the first inline JSON script child, or undefined. */
export function inlineJson(host: Element): string | undefined {
  for (const child of Array.from(host.children)) {
    if (child.localName === 'script' && (child.getAttribute('type') ?? '').trim().toLowerCase() === 'application/json') {
      return child.textContent ?? '';
    }
  }
  return undefined;
}

/** The origin of a URL, for error details (never the full URL). */
function originOf(url: URL): string {
  return url.origin;
}

/** Fetches a workflow file. Only http(s) URLs, no credentials, no referrer. */
export async function fetchSource(src: string, signal: AbortSignal): Promise<ResolvedSource> {
  let url: URL;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    return { kind: 'src', error: httpError('HTTP_BAD_RESPONSE', 'The workflow URL is not valid.', false) };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { kind: 'src', error: httpError('HTTP_BAD_RESPONSE', 'The workflow URL must use http or https.', false) };
  }
  let response: Response;
  try {
    response = await fetch(url.href, {
      signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { Accept: 'application/json' },
    });
  } catch (e) {
    if (signal.aborted) throw e;
    return { kind: 'src', error: { ...httpError('HTTP_NETWORK', 'The workflow file could not be loaded (network error).', true), origin: originOf(url) } };
  }
  if (!response.ok) {
    const code = response.status >= 500 ? 'HTTP_SERVER' : response.status === 401 ? 'HTTP_UNAUTHENTICATED' : response.status === 403 ? 'HTTP_FORBIDDEN' : 'HTTP_BAD_RESPONSE';
    return {
      kind: 'src',
      error: { ...httpError(code, `The workflow file could not be loaded (HTTP ${response.status}).`, response.status >= 500), status: response.status, origin: originOf(url) },
    };
  }
  // Reliability H12: a declared size above the limit is refused before the body is read.
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > MAX_SOURCE_CHARS * 3) {
    void response.body?.cancel().catch(() => undefined);
    return { kind: 'src', error: { code: 'GRAPH_TOO_LARGE', severity: 'error', message: 'The workflow file is too large to draw.', recoverable: false, phase: 'parse' } };
  }
  const text = await response.text();
  if (text.length > MAX_SOURCE_CHARS) {
    return { kind: 'src', error: { code: 'GRAPH_TOO_LARGE', severity: 'error', message: 'The workflow file is too large to draw.', recoverable: false, phase: 'parse' } };
  }
  return { kind: 'src', input: text };
}

function httpError(code: string, message: string, recoverable: boolean): FlussErrorDetail {
  return { code, severity: 'error', message, recoverable, phase: 'http' };
}

/** Loads `flow(id)` through the nearest <fluss-provider>; PROVIDER_MISSING without one. */
export async function loadFlowById(host: HTMLElement, id: string, signal: AbortSignal): Promise<ResolvedSource> {
  const client = requestFlussClient(host, { report: false });
  if (!client) return { kind: 'flow-id', error: providerMissingDetail('<fluss-workflow flow-id>') };
  try {
    // The query text is loaded with the first flow-id: pages that draw JSON never fetch it (B1).
    const { FLOW_QUERY } = await import('../../data/operations.js');
    const result = await client.query<FlowQueryData>(FLOW_QUERY, { id }, { signal });
    if (!result.data?.flow) {
      return { kind: 'flow-id', error: { code: 'FLOW_NOT_FOUND', severity: 'error', message: 'The server has no flow with this id.', recoverable: false, phase: 'http' } };
    }
    // Partial data (errors next to data): drawn, with the errors as warnings (GRAPHQL_PARTIAL).
    const warnings = result.warnings.map((w): FlussErrorDetail => ({ ...w.toDetail(), severity: 'warning' }));
    return { kind: 'flow-id', input: result.data.flow, ...(warnings.length > 0 ? { warnings } : {}) };
  } catch (e) {
    if (signal.aborted) throw e;
    if (isFlussClientError(e)) {
      const detail: FlussErrorDetail = { code: e.code, severity: 'error', message: `The flow could not be loaded: ${e.message}`, recoverable: true, phase: 'http' };
      return {
        kind: 'flow-id',
        error: {
          ...detail,
          ...(e.status !== undefined ? { status: e.status } : {}),
          ...(e.origin ? { origin: e.origin } : {}),
          ...(e.serverMessage ? { serverMessage: e.serverMessage } : {}),
        },
      };
    }
    return { kind: 'flow-id', error: { code: 'HTTP_NETWORK', severity: 'error', message: 'The flow could not be loaded.', recoverable: true, phase: 'http' } };
  }
}
