/**
 * Causality trace for "show causes" (pure, no DOM): walks `RunStore.causesOf` back from an event
 * (through causedBy t values, spec 3.2) and collects the events it came from and the workflow
 * edges they travelled on (source and source handle of the cause, target the caused node).
 */
import type { RunEvent, WorkflowEdge } from '../../model/types.js';

/** What the trace needs from a store (RunStore satisfies it). */
export interface CausalStore {
  causesOf(event: RunEvent): RunEvent[];
  readonly workflow: { readonly edges: readonly WorkflowEdge[] } | null;
}

export interface CauseTrace {
  /** The events the start event came from (transitively), not including it. */
  readonly eventIds: ReadonlySet<string>;
  /** The edges those events travelled on. */
  readonly edgeIds: ReadonlySet<string>;
  /** True when the walk stopped at `limit` events. */
  readonly capped: boolean;
}

/** The causes of `start`, transitively, breadth first, up to `limit` events. */
export function traceCauses(store: CausalStore, start: RunEvent, limit = 500): CauseTrace {
  const edges = store.workflow?.edges ?? [];
  const eventIds = new Set<string>();
  const edgeIds = new Set<string>();
  const queue: RunEvent[] = [start];
  let capped = false;
  for (let i = 0; i < queue.length; i++) {
    const e = queue[i]!;
    for (const c of store.causesOf(e)) {
      for (const edge of edges) {
        if (edge.source === c.source && edge.sourceHandle === c.handle && edge.target === e.source) edgeIds.add(edge.id);
      }
      if (eventIds.has(c.id) || c.id === start.id) continue;
      if (eventIds.size >= limit) {
        capped = true;
        break;
      }
      eventIds.add(c.id);
      queue.push(c);
    }
    if (capped) break;
  }
  return { eventIds, edgeIds, capped };
}
