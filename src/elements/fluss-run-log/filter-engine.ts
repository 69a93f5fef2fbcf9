/**
 * The event log's filter engine (pure, no DOM): answers "which events pass this filter, in (t, id)
 * order" from indexes instead of a scan. Node filters use the RunStore's per-node t-sorted arrays
 * (binary search on the t range, then a k-way merge); kind-only filters use a per-kind index the
 * engine keeps in step with the store's log (incrementally while events are appended in order).
 * Text and wall-clock conditions are checked on the narrowed candidates; stringified values are
 * cached per event. Also computes the live per-kind counts shown on the kind toggles.
 */
import { compareIds, lowerBoundT, upperBoundT } from '../../model/events.js';
import type { RunEvent, RunEventKind } from '../../model/types.js';
import type { RunFilters } from '../../context/filters-context.js';
import { buildSearchText, searchTextOf } from './value-text.js';

/** Every event kind, in display order. */
export const EVENT_KINDS: readonly RunEventKind[] = ['NEXT', 'ERROR', 'COMPLETE', 'UNKNOWN'];

/** What the engine needs from a store (RunStore satisfies it). */
export interface IndexedEvents {
  /** All events in (t, id) order. */
  readonly events: readonly RunEvent[];
  /** One node's events in (t, id) order. */
  eventsOf(nodeId: string): readonly RunEvent[];
}

/** The filter of the log: the shared run filters (time range in t, wall range, nodes, kinds, text). */
export type EventFilter = RunFilters;

/** The empty filter (everything passes). */
export const NO_FILTER: EventFilter = Object.freeze({
  timeRange: null,
  wallRange: null,
  nodeIds: new Set<string>(),
  kinds: new Set<RunEventKind>(),
  text: '',
});

/** True when the filter lets every event through. */
export function isEmptyFilter(f: EventFilter): boolean {
  return f.timeRange === null && (f.wallRange ?? null) === null && f.nodeIds.size === 0 && f.kinds.size === 0 && f.text.trim() === '';
}

/** The needle of a text filter: trimmed and lower-cased ('' for none). */
export function normalizeText(text: string): string {
  return text.trim().toLowerCase();
}

/** Milliseconds of an event's `createdAt`, NaN when absent or unreadable. */
export function wallMs(e: RunEvent): number {
  return e.createdAt === undefined ? Number.NaN : Date.parse(e.createdAt);
}

/** (t, id) order with the cheap t comparison first. */
function before(a: RunEvent, b: RunEvent): boolean {
  return a.t !== b.t ? a.t < b.t : compareIds(a.id, b.id) < 0;
}

/** A run [from, to) of a t-sorted array. */
interface Cursor {
  readonly arr: readonly RunEvent[];
  i: number;
  readonly end: number;
}

/**
 * Merges t-sorted runs into (t, id) order, keeping the events `keep` accepts. One run is copied
 * through; a few are merged by a linear pick; many through a binary heap (O(m log k)).
 */
export function mergeRuns(runs: Cursor[], keep: ((e: RunEvent) => boolean) | null, out: RunEvent[] = []): RunEvent[] {
  const live = runs.filter((r) => r.i < r.end);
  if (live.length === 0) return out;
  if (live.length === 1) {
    const { arr, end } = live[0]!;
    for (let i = live[0]!.i; i < end; i++) {
      const e = arr[i]!;
      if (keep === null || keep(e)) out.push(e);
    }
    return out;
  }
  if (live.length <= 4) {
    for (;;) {
      let best = -1;
      let bestE: RunEvent | undefined;
      for (let k = 0; k < live.length; k++) {
        const r = live[k]!;
        if (r.i >= r.end) continue;
        const e = r.arr[r.i]!;
        if (bestE === undefined || before(e, bestE)) {
          best = k;
          bestE = e;
        }
      }
      if (bestE === undefined) return out;
      live[best]!.i++;
      if (keep === null || keep(bestE)) out.push(bestE);
    }
  }
  // binary min-heap of run indexes, keyed by each run's head
  const heap = live.map((_, k) => k);
  const head = (k: number): RunEvent => live[k]!.arr[live[k]!.i]!;
  const less = (a: number, b: number): boolean => before(head(heap[a]!), head(heap[b]!));
  const swap = (a: number, b: number): void => {
    const x = heap[a]!;
    heap[a] = heap[b]!;
    heap[b] = x;
  };
  const down = (i: number): void => {
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && less(l, m)) m = l;
      if (r < n && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  while (heap.length > 0) {
    const k = heap[0]!;
    const run = live[k]!;
    const e = run.arr[run.i++]!;
    if (keep === null || keep(e)) out.push(e);
    if (run.i >= run.end) {
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        down(0);
      }
    } else down(0);
  }
  return out;
}

/** Figures of the last query, for tests and benchmarks. */
export interface QueryPlan {
  /** Which index answered: node arrays, kind arrays, or the whole log sliced by t. */
  readonly source: 'nodes' | 'kinds' | 'log';
  /** Events looked at after the binary searches. */
  readonly candidates: number;
  readonly matches: number;
}

/**
 * The filter engine of one store. Keeps a per-kind index (and a search-text cache) in step with
 * the store's log: appended events (in order) cost O(1) each; an insertion inside the already
 * indexed prefix (an out-of-order arrival) makes the next query rebuild it once.
 */
export class EventFilterEngine {
  readonly #store: IndexedEvents;
  #consumed = 0;
  #lastIndexed: RunEvent | undefined;
  #byKind = new Map<RunEventKind, RunEvent[]>();
  /** Search text per log position (filled lazily or by `warmText`), valid for [0, consumed). */
  #texts: (string | undefined)[] = [];
  #warmed = 0;
  #plan: QueryPlan = { source: 'log', candidates: 0, matches: 0 };

  constructor(store: IndexedEvents) {
    this.#store = store;
  }

  get store(): IndexedEvents {
    return this.#store;
  }

  /** How the last `query` was answered. */
  get lastPlan(): QueryPlan {
    return this.#plan;
  }

  /** Brings the kind index up to date with the store's log (O(1) per appended event). */
  sync(): void {
    const log = this.#store.events;
    const n = this.#consumed;
    if (n > 0 && (log.length < n || log[n - 1] !== this.#lastIndexed)) {
      // something was inserted inside the indexed prefix: rebuild
      this.#consumed = 0;
      this.#byKind = new Map();
      this.#texts = [];
      this.#warmed = 0;
    }
    if (this.#consumed === log.length) return;
    const bucket = (k: RunEventKind): RunEvent[] => {
      let a = this.#byKind.get(k);
      if (!a) this.#byKind.set(k, (a = []));
      return a;
    };
    // the four kinds in locals: one comparison and one push per event
    const next = bucket('NEXT');
    const error = bucket('ERROR');
    const complete = bucket('COMPLETE');
    for (let i = this.#consumed; i < log.length; i++) {
      const e = log[i]!;
      const k = e.kind;
      if (k === 'NEXT') next.push(e);
      else if (k === 'ERROR') error.push(e);
      else if (k === 'COMPLETE') complete.push(e);
      else bucket(k).push(e);
    }
    this.#consumed = log.length;
    this.#lastIndexed = log[log.length - 1];
  }

  /**
   * Fills the search-text cache for up to `budgetMs` milliseconds (call it in idle time so the
   * first text search is not one long task). Returns true when every event has its text.
   */
  warmText(budgetMs = 8): boolean {
    this.sync();
    const log = this.#store.events;
    const texts = this.#texts;
    const end = performance.now() + budgetMs;
    let i = this.#warmed;
    while (i < log.length) {
      if (texts[i] === undefined) texts[i] = buildSearchText(log[i]!);
      i++;
      if ((i & 255) === 0 && performance.now() > end) break;
    }
    this.#warmed = i;
    return i >= log.length;
  }

  /** The events of one kind in (t, id) order (after `sync`). */
  eventsOfKind(kind: RunEventKind): readonly RunEvent[] {
    this.sync();
    return this.#byKind.get(kind) ?? [];
  }

  /** The predicate for the conditions no index answers (text, wall range), or null. */
  #residual(f: EventFilter, kinds: ReadonlySet<RunEventKind> | null): ((e: RunEvent) => boolean) | null {
    const needle = normalizeText(f.text);
    const wall = f.wallRange ?? null;
    if (needle === '' && wall === null && kinds === null) return null;
    return (e) => {
      if (kinds !== null && !kinds.has(e.kind)) return false;
      if (wall !== null) {
        const ms = wallMs(e);
        if (!(ms >= wall.from && ms <= wall.to)) return false;
      }
      if (needle !== '' && !searchTextOf(e).includes(needle)) return false;
      return true;
    };
  }

  /**
   * The events that pass `f` (all conditions combined with AND), in (t, id) order. A new array.
   * Nodes: per-node arrays + binary search + merge. Kinds alone: per-kind arrays + binary search +
   * merge. Neither: the log sliced by binary search. Text and wall range filter the candidates.
   */
  query(f: EventFilter): RunEvent[] {
    const lo = f.timeRange ? f.timeRange.from : Number.NEGATIVE_INFINITY;
    const hi = f.timeRange ? f.timeRange.to : Number.POSITIVE_INFINITY;
    if (hi < lo) {
      this.#plan = { source: 'log', candidates: 0, matches: 0 };
      return [];
    }
    const allKinds = f.kinds.size === 0 || EVENT_KINDS.every((k) => f.kinds.has(k));
    let runs: Cursor[];
    let source: QueryPlan['source'];
    let kindTest: ReadonlySet<RunEventKind> | null = null;
    if (f.nodeIds.size > 0) {
      source = 'nodes';
      runs = [];
      for (const id of f.nodeIds) {
        const arr = this.#store.eventsOf(id);
        if (arr.length === 0) continue;
        const a = f.timeRange ? lowerBoundT(arr, lo) : 0;
        const b = f.timeRange ? upperBoundT(arr, hi, a) : arr.length;
        if (a < b) runs.push({ arr, i: a, end: b });
      }
      if (!allKinds) kindTest = f.kinds;
    } else if (!allKinds) {
      source = 'kinds';
      this.sync();
      runs = [];
      for (const k of f.kinds) {
        const arr = this.#byKind.get(k);
        if (!arr || arr.length === 0) continue;
        const a = f.timeRange ? lowerBoundT(arr, lo) : 0;
        const b = f.timeRange ? upperBoundT(arr, hi, a) : arr.length;
        if (a < b) runs.push({ arr, i: a, end: b });
      }
    } else {
      source = 'log';
      const arr = this.#store.events;
      const a = f.timeRange ? lowerBoundT(arr, lo) : 0;
      const b = f.timeRange ? upperBoundT(arr, hi, a) : arr.length;
      const needle = normalizeText(f.text);
      if (needle !== '') return this.#scanLogText(a, b, needle, f);
      runs = [{ arr, i: a, end: b }];
    }
    let candidates = 0;
    for (const r of runs) candidates += r.end - r.i;
    const keep = this.#residual(f, kindTest);
    const out = mergeRuns(runs, keep);
    this.#plan = { source, candidates, matches: out.length };
    return out;
  }

  /** Text search over log positions [a, b) with the position-aligned text cache. */
  #scanLogText(a: number, b: number, needle: string, f: EventFilter): RunEvent[] {
    this.sync();
    const log = this.#store.events;
    const texts = this.#texts;
    const wall = f.wallRange ?? null;
    const out: RunEvent[] = [];
    for (let i = a; i < b; i++) {
      const e = log[i]!;
      if (wall !== null) {
        const ms = wallMs(e);
        if (!(ms >= wall.from && ms <= wall.to)) continue;
      }
      let text = texts[i];
      if (text === undefined) text = texts[i] = buildSearchText(e);
      if (text.includes(needle)) out.push(e);
    }
    this.#plan = { source: 'log', candidates: b - a, matches: out.length };
    return out;
  }

  /**
   * Live counts for the kind toggles: how many events of each kind pass every condition of `f`
   * except the kinds. Without text or wall range: O(kinds × log n) from the per-kind index, or the
   * nodes' t ranges in the store's per-node arrays; with them it scans the narrowed candidates (or counts
   * `passing`, the result of `query(f)`, when given and f has no kind condition).
   */
  countKinds(f: EventFilter, passing?: readonly RunEvent[]): Map<RunEventKind, number> {
    const counts = new Map<RunEventKind, number>(EVENT_KINDS.map((k) => [k, 0]));
    const lo = f.timeRange ? f.timeRange.from : Number.NEGATIVE_INFINITY;
    const hi = f.timeRange ? f.timeRange.to : Number.POSITIVE_INFINITY;
    if (hi < lo) return counts;
    if (normalizeText(f.text) !== '' || (f.wallRange ?? null) !== null) {
      // `passing` (the result of `query(f)`) already is the answer when f has no kind condition
      const list = passing !== undefined && f.kinds.size === 0 ? passing : this.query({ ...f, kinds: new Set() });
      for (const e of list) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
      return counts;
    }
    this.sync();
    const span = (arr: readonly RunEvent[] | undefined): number => {
      if (!arr || arr.length === 0) return 0;
      if (!f.timeRange) return arr.length;
      const a = lowerBoundT(arr, lo);
      return upperBoundT(arr, hi, a) - a;
    };
    if (f.nodeIds.size > 0) {
      // the node's t range in the store's per-node array, counted by kind
      for (const id of f.nodeIds) {
        const arr = this.#store.eventsOf(id);
        if (arr.length === 0) continue;
        const a = f.timeRange ? lowerBoundT(arr, lo) : 0;
        const b = f.timeRange ? upperBoundT(arr, hi, a) : arr.length;
        for (let i = a; i < b; i++) {
          const k = arr[i]!.kind;
          counts.set(k, (counts.get(k) ?? 0) + 1);
        }
      }
    } else {
      for (const [k, arr] of this.#byKind) counts.set(k, (counts.get(k) ?? 0) + span(arr));
    }
    return counts;
  }
}

/** The plain-scan filter (the failing baseline of goal E1; also the reference in tests). */
export function scanFilter(events: readonly RunEvent[], f: EventFilter): RunEvent[] {
  const needle = normalizeText(f.text);
  const wall = f.wallRange ?? null;
  return events.filter((e) => {
    if (f.timeRange && (e.t < f.timeRange.from || e.t > f.timeRange.to)) return false;
    if (f.nodeIds.size > 0 && !f.nodeIds.has(e.source)) return false;
    if (f.kinds.size > 0 && !f.kinds.has(e.kind)) return false;
    if (wall !== null) {
      const ms = wallMs(e);
      if (!(ms >= wall.from && ms <= wall.to)) return false;
    }
    if (needle !== '' && !searchTextOf(e).includes(needle)) return false;
    return true;
  });
}

/** Index of the last event with t <= T in a (t, id)-sorted array, -1 when none. */
export function lastIndexAtOrBefore(arr: readonly RunEvent[], T: number): number {
  return upperBoundT(arr, T) - 1;
}
