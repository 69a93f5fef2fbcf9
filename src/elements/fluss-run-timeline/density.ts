/**
 * Event ticks aggregated into pixel columns: for one lane and the visible part of the axis, how
 * many NEXT, COMPLETE and ERROR events fall in every column. One column with one event is a tick;
 * a column with many is drawn as density. Pure.
 */

/** Column layout of the counts: [next, complete, error] per column. */
export const KIND_NEXT = 0;
export const KIND_COMPLETE = 1;
export const KIND_ERROR = 2;
export const KINDS_PER_COLUMN = 3;

/** Maps a run-event kind to its column slot (UNKNOWN counts as NEXT: it is drawn but neutral). */
export function kindSlot(kind: string): number {
  if (kind === 'ERROR') return KIND_ERROR;
  if (kind === 'COMPLETE') return KIND_COMPLETE;
  return KIND_NEXT;
}

export interface LaneBins {
  /** `columns * 3` counts. */
  readonly counts: Uint32Array;
  readonly columns: number;
  /** Largest count of a single column (all kinds), for scaling the density. */
  readonly peak: number;
  /** Events that fell in the view. */
  readonly total: number;
}

/**
 * Bins `n` events given by accessors (`axisValue(i)`, `kind(i)`) into `columns` columns covering
 * `[viewMin, viewMax]`. When `sortedFrom` is given the values are known to be ascending and only
 * the events from that index on are visited until the view ends.
 */
export function binLane(
  n: number,
  axisValue: (i: number) => number,
  kindOf: (i: number) => number,
  viewMin: number,
  viewMax: number,
  columns: number,
  sortedFrom?: number,
): LaneBins {
  const cols = Math.max(1, Math.floor(columns));
  const counts = new Uint32Array(cols * KINDS_PER_COLUMN);
  const span = viewMax - viewMin;
  let peak = 0;
  let total = 0;
  const start = sortedFrom ?? 0;
  for (let i = start; i < n; i++) {
    const v = axisValue(i);
    if (v < viewMin) continue;
    if (v > viewMax) {
      if (sortedFrom !== undefined) break;
      continue;
    }
    const col = span > 0 ? Math.min(cols - 1, Math.floor(((v - viewMin) / span) * cols)) : 0;
    const slot = col * KINDS_PER_COLUMN + kindOf(i);
    counts[slot] = (counts[slot] ?? 0) + 1;
    const c =
      (counts[col * KINDS_PER_COLUMN] ?? 0) +
      (counts[col * KINDS_PER_COLUMN + 1] ?? 0) +
      (counts[col * KINDS_PER_COLUMN + 2] ?? 0);
    if (c > peak) peak = c;
    total++;
  }
  return { counts, columns: cols, peak, total };
}

/** First index whose value is >= `target` in an ascending accessor (binary search). */
export function lowerBound(n: number, valueAt: (i: number) => number, target: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (valueAt(mid) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
