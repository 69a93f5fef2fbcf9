/**
 * Loads every event of a run over HTTP, page by page, ordered by (t, id), normalized by src/model.
 */
import { normalizeRunEvent } from '../model/index.js';
import type { Diagnostic, RunEvent } from '../model/types.js';
import type { FlussClient } from './fluss-client.js';
import { FlussClientError } from './errors.js';
import { RUN_EVENTS_QUERY, type RawRunEvent, type RunEventsData } from './operations.js';

export interface LoadRunEventsOptions {
  /** Events per request (default 5,000). */
  readonly pageSize?: number;
  /** Starting offset in (t, id) order (default 0). */
  readonly offset?: number;
  readonly signal?: AbortSignal;
  /** Server-side filter, e.g. `{kinds: ['ERROR']}`. */
  readonly filters?: Record<string, unknown>;
  /** Called after every page with the page's normalized events. */
  readonly onPage?: (events: readonly RunEvent[], info: { readonly offset: number; readonly page: number }) => void;
}

export interface LoadRunEventsResult {
  readonly events: RunEvent[];
  readonly status: 'RUNNING' | 'COMPLETED' | null;
  readonly pages: number;
  /** Malformed events dropped or repaired by the model (EVENT_MALFORMED, ...). */
  readonly diagnostics: Diagnostic[];
  /** GRAPHQL_PARTIAL warnings of any page. */
  readonly warnings: FlussClientError[];
}

/** Normalizes raw GraphQL events; malformed ones are dropped with a diagnostic. */
export function normalizeEvents(raw: readonly RawRunEvent[], diagnostics: Diagnostic[], path = '$.events'): RunEvent[] {
  const out: RunEvent[] = [];
  let maxT = 0;
  for (let i = 0; i < raw.length; i++) {
    const r = normalizeRunEvent(raw[i], { path: `${path}[${i}]`, fallbackT: maxT });
    if (r.diagnostics.length) diagnostics.push(...r.diagnostics);
    if (r.event) {
      out.push(r.event);
      if (r.event.t > maxT) maxT = r.event.t;
    }
  }
  return out;
}

/** Pages through `run(id).events` until a short page; returns all events in (t, id) order. */
export async function loadAllRunEvents(client: FlussClient, runId: string, options: LoadRunEventsOptions = {}): Promise<LoadRunEventsResult> {
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 5_000));
  let offset = Math.max(0, options.offset ?? 0);
  const events: RunEvent[] = [];
  const diagnostics: Diagnostic[] = [];
  const warnings: FlussClientError[] = [];
  let status: LoadRunEventsResult['status'] = null;
  let page = 0;
  for (;;) {
    const { data, warnings: w } = await client.query<RunEventsData>(
      RUN_EVENTS_QUERY,
      { id: runId, filters: options.filters ?? null, pagination: { offset, limit: pageSize } },
      { signal: options.signal },
    );
    warnings.push(...w);
    if (!data.run) throw new FlussClientError('GRAPHQL_ERROR', 'The run was not found.', { origin: client.origin });
    status = data.run.status;
    const batch = normalizeEvents(data.run.events, diagnostics, `$.run.events@${offset}`);
    for (const e of batch) events.push(e);
    page++;
    options.onPage?.(batch, { offset, page });
    offset += data.run.events.length;
    if (data.run.events.length < pageSize) break;
  }
  return { events, status, pages: page, diagnostics, warnings };
}
