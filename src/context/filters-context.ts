/**
 * Context key for the event filters shared by the views inside a `<fluss-run>`: a time range
 * (set by the timeline brush), node ids, event kinds and free text (used by the event log).
 */
import { createContext } from '@lit/context';
import type { RunEventKind } from '../model/types.js';

/** An inclusive range on the logical clock t. */
export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

/** An inclusive range on the wall clock (`createdAt`), in epoch milliseconds. */
export interface WallRange {
  readonly from: number;
  readonly to: number;
}

export interface RunFilters {
  /** Null: no time restriction. */
  readonly timeRange: TimeRange | null;
  /** Empty: every node. */
  readonly nodeIds: ReadonlySet<string>;
  /** Empty: every kind. */
  readonly kinds: ReadonlySet<RunEventKind>;
  /** Free text, matched by the views that show text. Empty: no text filter. */
  readonly text: string;
  /** Wall-clock range on `createdAt` (events without one fail it). Null or absent: none. */
  readonly wallRange?: WallRange | null;
}

export const EMPTY_FILTERS: RunFilters = Object.freeze({
  timeRange: null,
  nodeIds: new Set<string>(),
  kinds: new Set<RunEventKind>(),
  text: '',
});

export const filtersContext = createContext<RunFilters | undefined>(Symbol.for('fluss-run-filters'));
