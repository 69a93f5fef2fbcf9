// Dev server: drives engine runs against the store (createRun, track, snapshot, closeRun) at a
// chosen pace: instantly, N events per second, or one event per `step()` call.
import { executeFlow, type EngineOptions, type EngineRecord, type NodeBehaviour } from './engine.js';
import type { DevStore } from './store.js';
import type { StoredRun } from './types.js';

export type Pace =
  | { readonly mode: 'instant' }
  | { readonly mode: 'rate'; readonly eventsPerSecond: number }
  | { readonly mode: 'manual' };

export interface StartRunOptions {
  readonly flowId: string;
  readonly taskId?: string;
  readonly pace?: Pace;
  readonly args?: readonly unknown[];
  readonly behaviours?: ReadonlyMap<string, NodeBehaviour>;
  readonly snapshotInterval?: number;
  /** Fixed wall clock for recorded runs: createdAt = start + t * msPerT. */
  readonly recordedAt?: { readonly start: number; readonly msPerT: number };
}

/** A run in progress. */
export class SimRun {
  readonly run: StoredRun;
  readonly done: Promise<void>;
  #resolveDone!: () => void;
  #records: Generator<EngineRecord, void, void>;
  #finished = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #store: DevStore;
  #latestBySource = new Map<string, string>();
  #recordedAt: StartRunOptions['recordedAt'];
  #pending: EngineRecord | undefined;
  tracked = 0;
  outcome: 'success' | 'error' | 'drained' | undefined;

  constructor(store: DevStore, run: StoredRun, records: Generator<EngineRecord, void, void>, recordedAt?: StartRunOptions['recordedAt']) {
    this.#store = store;
    this.run = run;
    this.#records = records;
    this.#recordedAt = recordedAt;
    this.done = new Promise((resolve) => (this.#resolveDone = resolve));
  }

  get finished(): boolean {
    return this.#finished;
  }

  #clock(t: number): string | undefined {
    return this.#recordedAt ? new Date(this.#recordedAt.start + t * this.#recordedAt.msPerT).toISOString() : undefined;
  }

  /**
   * Applies records until `count` events were tracked, then any snapshot or close that follows
   * them (so the final step also closes the run). Returns the number of events tracked.
   */
  step(count = 1): number {
    let n = 0;
    while (!this.#finished) {
      let rec = this.#pending;
      this.#pending = undefined;
      if (!rec) {
        const next = this.#records.next();
        if (next.done) {
          this.#finish();
          break;
        }
        rec = next.value;
      }
      if (rec.type === 'track') {
        if (n >= count) {
          this.#pending = rec;
          break;
        }
        const ev = this.#store.track({
          run: this.run.id,
          reference: `${rec.source}_track_${rec.t}`,
          t: rec.t,
          kind: rec.kind,
          source: rec.source,
          handle: rec.handle,
          value: rec.value,
          exception: rec.exception,
          causedBy: rec.causedBy,
          createdAt: this.#clock(rec.t),
        });
        this.#latestBySource.set(rec.source, ev.id);
        this.tracked++;
        n++;
      } else if (rec.type === 'snapshot') {
        const ids = rec.latestSources.map((s) => this.#latestBySource.get(s)).filter((x): x is string => !!x);
        this.#store.snapshot({ run: this.run.id, t: rec.t, events: ids, createdAt: this.#clock(rec.t) });
      } else {
        this.outcome = rec.outcome;
        this.#store.closeRun(this.run.id);
        this.#finish();
      }
    }
    return n;
  }

  /** Runs to the end synchronously. */
  runToEnd(): void {
    while (!this.#finished) this.step(10_000);
  }

  /** Stops pacing (the run stays RUNNING unless it already ended). */
  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.stop();
    this.#resolveDone();
  }

  /** Starts pacing per `pace`. */
  pace(pace: Pace): void {
    if (pace.mode === 'manual') return;
    if (pace.mode === 'instant') {
      const tick = (): void => {
        this.step(2_000);
        if (!this.#finished) this.#timer = setTimeout(tick, 0);
      };
      this.#timer = setTimeout(tick, 0);
      return;
    }
    const perSecond = Math.max(0.1, pace.eventsPerSecond);
    const started = Date.now();
    let emitted = 0;
    const tick = (): void => {
      const due = Math.floor(((Date.now() - started) / 1000) * perSecond) + 1 - emitted;
      if (due > 0) emitted += this.step(due);
      if (this.#finished) return;
      const wait = Math.max(1, Math.min(50, Math.ceil(1000 / perSecond)));
      this.#timer = setTimeout(tick, wait);
    };
    this.#timer = setTimeout(tick, 0);
  }
}

/** Starts simulated runs on a store. */
export class Simulator {
  readonly #store: DevStore;
  readonly runs = new Map<string, SimRun>();
  #taskCounter = 0;

  constructor(store: DevStore) {
    this.#store = store;
  }

  /** Creates a run of `flowId` and paces it; `manual` runs advance only through `step()`. */
  start(options: StartRunOptions): SimRun {
    const flow = this.#store.getFlow(options.flowId);
    const snapshotInterval = options.snapshotInterval ?? 40;
    const taskId = options.taskId ?? `sim-task-${++this.#taskCounter}-${Date.now().toString(36)}`;
    const createdAt = options.recordedAt ? new Date(options.recordedAt.start).toISOString() : undefined;
    const run = this.#store.createRun({ flow: flow.id, taskId, snapshotInterval, createdAt });
    const engineOptions: EngineOptions = { args: options.args, behaviours: options.behaviours, snapshotInterval };
    const sim = new SimRun(this.#store, run, executeFlow(flow, engineOptions), options.recordedAt);
    this.runs.set(run.id, sim);
    sim.pace(options.pace ?? { mode: 'instant' });
    return sim;
  }

  /** Stops all pacing timers. */
  stopAll(): void {
    for (const sim of this.runs.values()) sim.stop();
  }
}
