/**
 * The log's view state in the URL hash (pure, no DOM): the filter and the cursor as URL search
 * parameters inside the fragment (`#log.t=10-20&log.node=a&log.kind=ERROR&log.q=x&log.at=12`), so
 * a view can be shared and restored. Other parameters in the hash are kept untouched.
 */
import type { RunEventKind } from '../../model/types.js';
import type { EventFilter } from './filter-engine.js';
import { EVENT_KINDS, NO_FILTER } from './filter-engine.js';

/** What the hash holds for one log. */
export interface UrlViewState {
  readonly filter: EventFilter;
  /** The cursor t, or null when the hash has none. */
  readonly cursor: number | null;
  /** The selected event id, or null. */
  readonly eventId: string | null;
}

const KEYS = ['t', 'wall', 'node', 'kind', 'q', 'at', 'ev'] as const;

function parseRange(s: string | null): { from: number; to: number } | null {
  if (s === null) return null;
  const m = /^(-?\d+(?:\.\d+)?)~(-?\d+(?:\.\d+)?)$/.exec(s);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return Number.isFinite(from) && Number.isFinite(to) && from <= to ? { from, to } : null;
}

/** Writes `state` under `prefix` into a hash string (with or without '#'); returns the new hash without '#'. */
export function writeViewState(hash: string, prefix: string, state: UrlViewState): string {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  for (const k of KEYS) params.delete(`${prefix}.${k}`);
  const f = state.filter;
  if (f.timeRange) params.set(`${prefix}.t`, `${f.timeRange.from}~${f.timeRange.to}`);
  if (f.wallRange) params.set(`${prefix}.wall`, `${f.wallRange.from}~${f.wallRange.to}`);
  for (const id of f.nodeIds) params.append(`${prefix}.node`, id);
  for (const k of EVENT_KINDS) if (f.kinds.has(k)) params.append(`${prefix}.kind`, k);
  if (f.text !== '') params.set(`${prefix}.q`, f.text);
  if (state.cursor !== null && Number.isFinite(state.cursor)) params.set(`${prefix}.at`, String(state.cursor));
  if (state.eventId !== null) params.set(`${prefix}.ev`, state.eventId);
  return params.toString();
}

/** Reads the state under `prefix` from a hash string; null when the hash holds nothing of ours. */
export function readViewState(hash: string, prefix: string): UrlViewState | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  if (!KEYS.some((k) => params.has(`${prefix}.${k}`))) return null;
  const kinds = new Set<RunEventKind>();
  for (const k of params.getAll(`${prefix}.kind`)) if ((EVENT_KINDS as readonly string[]).includes(k)) kinds.add(k as RunEventKind);
  const at = params.get(`${prefix}.at`);
  const cursor = at !== null && /^-?\d+$/.test(at) ? Number(at) : null;
  return {
    filter: Object.freeze({
      ...NO_FILTER,
      timeRange: parseRange(params.get(`${prefix}.t`)),
      wallRange: parseRange(params.get(`${prefix}.wall`)),
      nodeIds: new Set(params.getAll(`${prefix}.node`)),
      kinds,
      text: params.get(`${prefix}.q`) ?? '',
    }),
    cursor,
    eventId: params.get(`${prefix}.ev`),
  };
}
