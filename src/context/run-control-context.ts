/**
 * Context key for the commands a `<fluss-run>` accepts from the views inside it (move the cursor,
 * follow live, select, filter). The value is one stable object for the controller's lifetime.
 */
import { createContext } from '@lit/context';
import type { CursorReason } from './cursor-context.js';
import type { RunFilters } from './filters-context.js';
import type { RunSelection } from './selection-context.js';

export interface RunControl {
  /** Moves the cursor; a user move turns `follow` off. */
  setCursor(t: number, reason?: CursorReason): void;
  /** Turns following the newest event on or off (on jumps to the newest event). */
  setFollow(follow: boolean): void;
  /** Replaces the selection (fields left out keep their value). */
  select(selection: Partial<RunSelection>): void;
  /** Replaces the filters (fields left out keep their value). */
  setFilters(filters: Partial<RunFilters>): void;
}

export const runControlContext = createContext<RunControl | undefined>(Symbol.for('fluss-run-control'));
