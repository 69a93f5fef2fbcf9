/**
 * The few RunStore queries the run elements share, on top of the model's RunStore: the ERROR
 * list and the event sources (cached per store version), normalizing raw events, reading an
 * export, and the outcome as the run elements report it.
 */
import { RunStore } from '../../model/run-store.js';
import { asNormalizedEvent, normalizeRunEvent } from '../../model/events.js';
import { parseRunExport } from '../../model/parse-run.js';
import type { Run, RunEvent, RunExportParseResult, Workflow } from '../../model/types.js';
import type { RunOutcome } from '../../events/fluss-run-update.js';
import { MAX_EXPORT_BYTES } from './export-protocol.js';

export { RunStore };

/** An empty store for a run on `workflow`. */
export function createStore(workflow: Workflow | null = null): RunStore {
  return new RunStore(workflow);
}

/** The events in (t, id) order (live array, do not mutate). */
export function orderedEvents(store: RunStore): readonly RunEvent[] {
  return store.events;
}

/** One node's events in (t, id) order. */
export function eventsOfNode(store: RunStore, nodeId: string): readonly RunEvent[] {
  return store.eventsOf(nodeId);
}

export function eventCount(store: RunStore): number {
  return store.size;
}

/** The newest t, or -1 when there is no event. */
export function latestT(store: RunStore): number {
  return store.range()?.max ?? -1;
}

const errorCache = new WeakMap<RunStore, { version: number; size: number; errors: RunEvent[] }>();

/** The ERROR events in (t, id) order, cached per store version. */
export function errorEvents(store: RunStore): readonly RunEvent[] {
  const cached = errorCache.get(store);
  if (cached && (cached.version === store.version || cached.size === store.size)) return cached.errors;
  const errors = store.events.filter((e) => e.kind === 'ERROR');
  errorCache.set(store, { version: store.version, size: store.size, errors });
  return errors;
}

const sourceCache = new WeakMap<RunStore, { size: number; ids: string[] }>();

/** Every event source, in order of first appearance in (t, id) order. */
export function sourceIds(store: RunStore): readonly string[] {
  const cached = sourceCache.get(store);
  if (cached && cached.size === store.size) return cached.ids;
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const e of store.events) {
    if (!seen.has(e.source)) {
      seen.add(e.source);
      ids.push(e.source);
    }
  }
  sourceCache.set(store, { size: store.size, ids });
  return ids;
}

/** Appends normalized events; returns how many were new. */
export function appendEvents(store: RunStore, events: readonly RunEvent[]): number {
  return store.appendMany(events);
}

/**
 * Normalizes raw events (current `kind` or legacy `type` shape); malformed ones are dropped.
 * `trustedValues` (events handed over by the page as a property) skips the deep copy of values,
 * and keeps an event that is already in the normalized shape as it is (`asNormalizedEvent`): no
 * copy, so a million events leave no million young objects for the collector to move.
 */
export function normalizeEvents(raw: readonly unknown[], trustedValues = false): RunEvent[] {
  const out: RunEvent[] = [];
  let highest = 0;
  for (const r of raw) {
    let shaped: RunEvent | null = null;
    try {
      if (trustedValues) shaped = asNormalizedEvent(r);
    } catch {
      // a hostile object (a throwing Proxy or getter): the normalizer below reports it as malformed
    }
    if (shaped !== null) {
      out.push(shaped);
      if (shaped.t > highest) highest = shaped.t;
      continue;
    }
    const { event } = normalizeRunEvent(r, { fallbackT: highest, trustedValue: trustedValues });
    if (event) {
      out.push(event);
      if (event.t > highest) highest = event.t;
    }
  }
  return out;
}

/** Reads a run export (JSON text or object), up to `MAX_EXPORT_BYTES` of text. */
export function parseExport(input: unknown): RunExportParseResult {
  return parseRunExport(input, { maxBytes: MAX_EXPORT_BYTES });
}

/**
 * The outcome reported by `fluss-run-update`: the store's outcome at the end of the run, with a
 * RUNNING run that already has an ERROR reported as `failing` (spec 3.5).
 */
export function runOutcome(store: RunStore, run: Run | null): RunOutcome {
  if (store.size === 0) return run?.status === 'RUNNING' ? 'running' : 'unknown';
  const status = run?.status ?? store.status;
  const outcome = store.outcome(undefined, status);
  if (outcome === 'failed' && status === 'RUNNING') return 'failing';
  // Legacy runs have no status and no ReturnNode tracking: without an error nothing is known.
  if (outcome === 'running' && status !== 'RUNNING') return 'unknown';
  return outcome;
}
