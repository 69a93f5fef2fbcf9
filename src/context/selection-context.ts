/**
 * Context key for the selection shared by the views inside a `<fluss-run>`: one node and/or one
 * event (by id).
 */
import { createContext } from '@lit/context';

export interface RunSelection {
  readonly nodeId: string | null;
  readonly eventId: string | null;
  /** Causality trace ("show causes" in the log): the events the selected event came from. */
  readonly highlightedEventIds?: ReadonlySet<string>;
  /** Causality trace: the workflow edges those events travelled on (the graph marks them). */
  readonly highlightedEdgeIds?: ReadonlySet<string>;
}

export const EMPTY_SELECTION: RunSelection = Object.freeze({ nodeId: null, eventId: null });

export const selectionContext = createContext<RunSelection | undefined>(Symbol.for('fluss-run-selection'));
