/**
 * Context key for the time cursor of a `<fluss-run>`: the logical t the graph shows, and whether
 * the cursor follows the newest event.
 */
import { createContext } from '@lit/context';

/** Why the cursor moved; lets views decide whether to animate or announce. */
export type CursorReason = 'user' | 'follow' | 'play' | 'load' | 'select';

export interface RunCursor {
  /** The logical clock value the state is shown at (events with t <= T count). */
  readonly t: number;
  /** When true the cursor stays on the newest event while events arrive. */
  readonly follow: boolean;
  readonly reason: CursorReason;
}

export const cursorContext = createContext<RunCursor | undefined>(Symbol.for('fluss-run-cursor'));
