// Dev server: the executable schema (dev-server/schema.graphql) and its resolvers over the store.
import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLError, type GraphQLSchema } from 'graphql';
import { runEventStream } from './event-stream.js';
import type { Faults } from './faults.js';
import { compareStored, type DevStore } from './store.js';
import type { EventKind, GqlFlow, StoredEvent, StoredRun, StoredSnapshot } from './types.js';

/** The SDL text this server serves. */
export const DEV_SCHEMA_SDL = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

type Order = Record<string, string | null | undefined>;
interface Pagination {
  limit?: number | null;
  offset?: number | null;
}
interface ListArgs<F> {
  filters?: F | null;
  ordering?: Order[] | null;
  pagination?: Pagination | null;
}
interface EventFilter {
  ids?: string[] | null;
  kinds?: EventKind[] | null;
  createdAfter?: string | null;
  createdBefore?: string | null;
}

function paginate<T>(list: readonly T[], p: Pagination | null | undefined): T[] {
  const offset = Math.max(0, p?.offset ?? 0);
  const limit = p?.limit ?? undefined;
  return list.slice(offset, limit === undefined || limit === null ? undefined : offset + Math.max(0, limit));
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && String(a) !== '' && String(b) !== '') return na - nb;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function orderBy<T extends object>(list: readonly T[], ordering: readonly Order[] | null | undefined): T[] {
  const keys = (ordering ?? []).flatMap((o) =>
    Object.entries(o)
      .filter(([, dir]) => dir)
      .map(([field, dir]) => ({ field, desc: String(dir).startsWith('DESC') })),
  );
  if (keys.length === 0) return [...list];
  return [...list].sort((a, b) => {
    for (const { field, desc } of keys) {
      const c = compareValues((a as Record<string, unknown>)[field], (b as Record<string, unknown>)[field]);
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  });
}

function isTIdAscending(ordering: readonly Order[] | null | undefined): boolean {
  return (
    !!ordering &&
    ordering.length === 2 &&
    ordering[0]!['t'] === 'ASC' &&
    Object.keys(ordering[0]!).length === 1 &&
    ordering[1]!['id'] === 'ASC' &&
    Object.keys(ordering[1]!).length === 1
  );
}

function filterEvents(list: readonly StoredEvent[], f: EventFilter | null | undefined): readonly StoredEvent[] {
  if (!f) return list;
  const ids = f.ids ? new Set(f.ids) : undefined;
  const kinds = f.kinds ? new Set(f.kinds) : undefined;
  if (!ids && !kinds && !f.createdAfter && !f.createdBefore) return list;
  return list.filter(
    (e) =>
      (!ids || ids.has(e.id)) &&
      (!kinds || kinds.has(e.kind)) &&
      (!f.createdAfter || e.createdAt > f.createdAfter) &&
      (!f.createdBefore || e.createdAt < f.createdBefore),
  );
}

class SnapshotView {
  readonly #store: DevStore;
  readonly #snap: StoredSnapshot;
  constructor(store: DevStore, snap: StoredSnapshot) {
    this.#store = store;
    this.#snap = snap;
  }
  get id(): string {
    return this.#snap.id;
  }
  get t(): number {
    return this.#snap.t;
  }
  get status(): string | null {
    return this.#snap.status;
  }
  get createdAt(): string {
    return this.#snap.createdAt;
  }
  run(): RunView {
    return new RunView(this.#store, this.#store.getRun(this.#snap.runId));
  }
  /** Always empty, like the current server (spec 3.3, Q1). */
  events(): StoredEvent[] {
    return [];
  }
}

class RunView {
  readonly #store: DevStore;
  readonly #run: StoredRun;
  constructor(store: DevStore, run: StoredRun) {
    this.#store = store;
    this.#run = run;
  }
  get id(): string {
    return this.#run.id;
  }
  get taskId(): string {
    return this.#run.taskId;
  }
  get status(): string {
    return this.#run.status;
  }
  get createdAt(): string {
    return this.#run.createdAt;
  }
  flow(): GqlFlow {
    return this.#store.getFlow(this.#run.flowId);
  }
  events(args: ListArgs<EventFilter>): readonly StoredEvent[] {
    const base = isTIdAscending(args.ordering) ? this.#store.eventsInOrder(this.#run.id) : orderBy(this.#run.events, args.ordering);
    return paginate(filterEvents(base, args.filters), args.pagination);
  }
  snapshots(args: ListArgs<{ ids?: string[] | null }>): SnapshotView[] {
    let list: readonly StoredSnapshot[] = this.#run.snapshots;
    const ids = args.filters?.ids ? new Set(args.filters.ids) : undefined;
    if (ids) list = list.filter((s) => ids.has(s.id));
    return paginate(orderBy(list, args.ordering), args.pagination).map((s) => new SnapshotView(this.#store, s));
  }
  latestSnapshot(): SnapshotView | null {
    const snaps = this.#run.snapshots;
    const last = snaps[snaps.length - 1];
    return last ? new SnapshotView(this.#store, last) : null;
  }
}

/** Context passed to resolvers. */
export interface DevContext {
  /** graphql-ws: terminates the caller's socket (fault injection). */
  terminate?: () => void;
}

/** Builds the executable schema for a store. */
export function buildDevSchema(store: DevStore, faults: Faults): GraphQLSchema {
  const schema = buildSchema(DEV_SCHEMA_SDL);
  const subscriptionType = schema.getSubscriptionType();
  const eventsField = subscriptionType?.getFields()['events'];
  if (eventsField) {
    eventsField.subscribe = (_src, args: { run: string }, ctx: DevContext) => {
      const stream = runEventStream(store, String(args.run), faults);
      const dropAfter = faults.options.dropAfterEvents;
      if (!dropAfter || !ctx?.terminate) return stream;
      let sent = 0;
      const terminate = ctx.terminate;
      return {
        async next() {
          const r = await stream.next();
          if (!r.done && ++sent >= dropAfter) {
            faults.options.dropAfterEvents = undefined;
            setTimeout(terminate, 0);
          }
          return r;
        },
        return: () => stream.return!(),
        [Symbol.asyncIterator]() {
          return this;
        },
      } as AsyncIterableIterator<StoredEvent>;
    };
    eventsField.resolve = (payload: StoredEvent) => payload;
  }
  return schema;
}

/** The root value of queries (and, with `mutationRoot`, of mutations). */
export function rootValue(store: DevStore): Record<string, unknown> {
  return {
    flow: ({ id }: { id: string }) => store.getFlow(String(id)),
    flows: (args: ListArgs<{ ids?: string[] | null; search?: string | null }>) => {
      let list = [...store.flows.values()];
      const f = args.filters;
      if (f?.ids) {
        const ids = new Set(f.ids);
        list = list.filter((x) => ids.has(x.id));
      }
      if (f?.search) list = list.filter((x) => x.title.toLowerCase().includes(f.search!.toLowerCase()));
      return paginate(orderBy(list, args.ordering), args.pagination);
    },
    run: ({ id }: { id: string }) => new RunView(store, store.getRun(String(id))),
    runs: (args: ListArgs<{ ids?: string[] | null; search?: string | null }>) => {
      let list = [...store.runs.values()];
      const f = args.filters;
      if (f?.ids) {
        const ids = new Set(f.ids);
        list = list.filter((x) => ids.has(x.id));
      }
      if (f?.search) list = list.filter((x) => x.taskId.includes(f.search!));
      return paginate(orderBy(list, args.ordering), args.pagination).map((r) => new RunView(store, r));
    },
    snapshot: ({ id }: { id: string }) => new SnapshotView(store, store.getSnapshot(String(id))),
    eventsBetween: ({ run, min, max }: { run: string; min?: number | null; max?: number | null }) => {
      const stored = store.getRun(String(run));
      let lower = min ?? 0;
      let best: StoredSnapshot | undefined;
      for (const s of stored.snapshots) if (s.t <= lower && (!best || s.t > best.t)) best = s;
      if (best) lower = best.t;
      // Snapshot.events are never linked (current server), so nothing seeds the result.
      const events = store.eventsInOrder(stored.id);
      const out: StoredEvent[] = [];
      for (const e of events) if (e.t >= lower && (!max || e.t <= max)) out.push(e);
      return out.sort(compareStored);
    },
    createRun: ({ input }: { input: { flow: string; taskId: string; snapshotInterval: number } }) =>
      new RunView(store, store.createRun({ flow: String(input.flow), taskId: String(input.taskId), snapshotInterval: input.snapshotInterval })),
    track: ({ input }: { input: { run: string; reference: string; t: number; kind: EventKind; source?: string | null; handle?: string | null; value?: unknown; exception?: string | null; causedBy?: string[] } }) => {
      if (!input.source || !input.handle) throw new GraphQLError('A tracked event needs a source and a handle.');
      return store.track({ ...input, run: String(input.run) });
    },
    closeRun: ({ input }: { input: { run: string } }) => new RunView(store, store.closeRun(String(input.run))),
  };
}

/** Mutation root: `snapshot` clashes with the query field of the same name, so it is separate. */
export function mutationRoot(store: DevStore): Record<string, unknown> {
  const root = rootValue(store);
  return {
    ...root,
    snapshot: ({ input }: { input: { run: string; events: string[]; t: number } }) =>
      new SnapshotView(store, store.snapshot({ run: String(input.run), t: input.t, events: input.events })),
  };
}
