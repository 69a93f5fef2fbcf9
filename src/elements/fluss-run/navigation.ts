/**
 * Cursor navigation over a run's ordered events: the previous / next distinct t, the previous /
 * next ERROR, by binary search over arrays sorted by (t, id). Pure.
 */
import { lowerBoundT, upperBoundT } from '../../model/events.js';
import type { RunEvent } from '../../model/types.js';

/** The smallest event t greater than T, or null. */
export function nextT(events: readonly RunEvent[], T: number): number | null {
  const i = upperBoundT(events, T);
  return i < events.length ? events[i]!.t : null;
}

/** The largest event t smaller than T, or null. */
export function previousT(events: readonly RunEvent[], T: number): number | null {
  const i = lowerBoundT(events, T);
  return i > 0 ? events[i - 1]!.t : null;
}

/** The first ERROR with t > T, or null (errors: the ERROR events, sorted). */
export function nextErrorT(errors: readonly RunEvent[], T: number): number | null {
  return nextT(errors, T);
}

/** The last ERROR with t < T, or null. */
export function previousErrorT(errors: readonly RunEvent[], T: number): number | null {
  return previousT(errors, T);
}

/** The last event with t <= T (the event "at" the cursor), or null. */
export function eventAt(events: readonly RunEvent[], T: number): RunEvent | null {
  const i = upperBoundT(events, T);
  return i > 0 ? events[i - 1]! : null;
}
