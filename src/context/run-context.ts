/**
 * Context key for the run a `<fluss-run>` holds: its event store, the run record, the workflow
 * it ran on, and the load state. A new value object is provided whenever the store's content
 * changes (batched per animation frame), so consumers re-render on `revision`.
 */
import { createContext } from '@lit/context';
import type { RunStore } from '../model/run-store.js';
import type { Run, Workflow } from '../model/types.js';

/** Informational load state (reliability contract, section 4). */
export type RunLoadState = 'idle' | 'loading' | 'ready' | 'partial' | 'error' | 'reconnecting' | 'too-large';

/** What `<fluss-run>` provides under {@link runContext}. */
export interface RunContextValue {
  /** The event store: deduplicated by id, ordered by (t, id). Mutated in place by appends. */
  readonly store: RunStore;
  /** The run record (status, snapshots); null while unknown. */
  readonly run: Run | null;
  /** The flow version that ran; null while unknown. */
  readonly workflow: Workflow | null;
  /** Increases every time the store's content, the run or the workflow changed. */
  readonly revision: number;
  readonly state: RunLoadState;
  /** True while the run is live (RUNNING and followed over the subscription). */
  readonly live: boolean;
}

export const runContext = createContext<RunContextValue | undefined>(Symbol.for('fluss-run-context'));
