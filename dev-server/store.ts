// Dev server: the in-memory store of flows, runs, events and snapshots, and the per-run event bus.
// The simulator writes through the same methods the GraphQL mutations use.
import type { EventKind, GqlFlow, StoredEvent, StoredRun, StoredSnapshot } from './types.js';

export type EventListener = (event: StoredEvent) => void;

export interface TrackInput {
  run: string;
  reference?: string;
  t: number;
  kind: EventKind;
  source?: string | null;
  handle?: string | null;
  value?: unknown;
  exception?: string | null;
  causedBy?: readonly (string | number)[];
  /** Wall clock override (recorded runs); default now. */
  createdAt?: string;
}

export class NotFoundError extends Error {}

/** Holds everything the dev server serves. Ids are decimal strings that increase with insertion. */
export class DevStore {
  readonly flows = new Map<string, GqlFlow>();
  readonly runs = new Map<string, StoredRun>();
  readonly #events = new Map<string, StoredEvent>();
  readonly #snapshots = new Map<string, StoredSnapshot>();
  readonly #listeners = new Map<string, Set<EventListener>>();
  readonly #closeListeners = new Map<string, Set<() => void>>();
  #nextFlowId = 1;
  #nextRunId = 1;
  #nextEventId = 1;
  #nextSnapshotId = 1;

  /** Adds a flow in GraphQL form; assigns an id when it has none (or a taken one). */
  addFlow(flow: Omit<GqlFlow, 'id'> & { id?: string }): GqlFlow {
    let id = flow.id;
    if (!id || this.flows.has(id)) id = String(this.#nextFlowId);
    while (this.flows.has(id)) id = String(++this.#nextFlowId);
    this.#nextFlowId = Math.max(this.#nextFlowId, Number(id) + 1 || this.#nextFlowId + 1);
    const stored: GqlFlow = { ...flow, id, __typename: 'Flow' };
    this.flows.set(id, stored);
    return stored;
  }

  getFlow(id: string): GqlFlow {
    const flow = this.flows.get(id);
    if (!flow) throw new NotFoundError(`Flow matching query does not exist.`);
    return flow;
  }

  getRun(id: string): StoredRun {
    const run = this.runs.get(id);
    if (!run) throw new NotFoundError(`Run matching query does not exist.`);
    return run;
  }

  getSnapshot(id: string): StoredSnapshot {
    const snap = this.#snapshots.get(id);
    if (!snap) throw new NotFoundError(`Snapshot matching query does not exist.`);
    return snap;
  }

  /** `createRun`: upserts on (flow, taskId) like Fluss. */
  createRun(input: { flow: string; taskId: string; snapshotInterval: number; createdAt?: string }): StoredRun {
    this.getFlow(input.flow);
    for (const run of this.runs.values()) {
      if (run.flowId === input.flow && run.taskId === input.taskId) return run;
    }
    const run: StoredRun = {
      id: String(this.#nextRunId++),
      taskId: input.taskId,
      flowId: input.flow,
      snapshotInterval: input.snapshotInterval,
      createdAt: input.createdAt ?? new Date().toISOString(),
      status: 'RUNNING',
      events: [],
      sortedByT: true,
      snapshots: [],
    };
    this.runs.set(run.id, run);
    return run;
  }

  /** `track`: stores one event and publishes it to the run's subscribers. */
  track(input: TrackInput): StoredEvent {
    const run = this.getRun(input.run);
    const id = String(this.#nextEventId++);
    const kind = input.kind;
    const event: StoredEvent = {
      id,
      runId: run.id,
      reference: input.reference ?? `${input.source ?? ''}_track_${input.t}`,
      source: input.source ?? '',
      handle: input.handle ?? '',
      kind,
      t: input.t,
      causedBy: (input.causedBy ?? []).map((c) => String(c)),
      value: kind === 'NEXT' ? (input.value ?? null) : null,
      exception: kind === 'ERROR' ? (input.exception ?? null) : null,
      createdAt: input.createdAt ?? new Date().toISOString(),
    };
    const last = run.events[run.events.length - 1];
    if (last && last.t > event.t) run.sortedByT = false;
    run.events.push(event);
    this.#events.set(id, event);
    const listeners = this.#listeners.get(run.id);
    if (listeners) for (const listener of [...listeners]) listener(event);
    return event;
  }

  /** `snapshot`: records a snapshot; like the current server it does not link the sent events. */
  snapshot(input: { run: string; t: number; events: readonly string[]; createdAt?: string }): StoredSnapshot {
    const run = this.getRun(input.run);
    const snap: StoredSnapshot = {
      id: String(this.#nextSnapshotId++),
      runId: run.id,
      t: input.t,
      status: null,
      createdAt: input.createdAt ?? new Date().toISOString(),
      sentEventIds: [...input.events],
    };
    run.snapshots.push(snap);
    this.#snapshots.set(snap.id, snap);
    return snap;
  }

  /** `closeRun`: status COMPLETED, whatever the outcome (spec 3.1). */
  closeRun(runId: string): StoredRun {
    const run = this.getRun(runId);
    run.status = 'COMPLETED';
    const listeners = this.#closeListeners.get(run.id);
    if (listeners) for (const listener of [...listeners]) listener();
    return run;
  }

  /** Events of a run in (t, id) order. */
  eventsInOrder(runId: string): readonly StoredEvent[] {
    const run = this.getRun(runId);
    if (!run.sortedByT) {
      run.events.sort(compareStored);
      run.sortedByT = true;
    }
    return run.events;
  }

  getEvent(id: string): StoredEvent | undefined {
    return this.#events.get(id);
  }

  /** Listens to the events tracked for a run; returns the unsubscribe function. */
  onEvent(runId: string, listener: EventListener): () => void {
    let set = this.#listeners.get(runId);
    if (!set) this.#listeners.set(runId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(runId);
    };
  }

  /** Listens to `closeRun` of a run. */
  onClose(runId: string, listener: () => void): () => void {
    let set = this.#closeListeners.get(runId);
    if (!set) this.#closeListeners.set(runId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  subscriberCount(runId: string): number {
    return this.#listeners.get(runId)?.size ?? 0;
  }
}

/** Orders stored events by (t, id), ids compared as numbers. */
export function compareStored(a: StoredEvent, b: StoredEvent): number {
  return a.t - b.t || Number(a.id) - Number(b.id);
}
