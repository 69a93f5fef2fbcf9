/**
 * RunStore: the events of one run, deduplicated by id and ordered by (t, id), with per-node and
 * per-(node, handle) indexes so that the state at any cursor T costs O((nodes + edges) * log n)
 * (spec 3.5). Pure: no DOM, no timers; the data layer feeds it, the overlay reads it.
 */
import { compareEvents, eventStreamIndex, lowerBoundT, upperBoundT } from './events.js';
import type { Port, RunEvent, RunStatus, Workflow, WorkflowEdge, WorkflowNode } from './types.js';

/** Node status at a cursor (spec 3.5). `running` is derived: input received and not yet answered. */
export type NodeStatus = 'idle' | 'active' | 'running' | 'completed' | 'errored';

/** Run outcome at a cursor. COMPLETED alone is not success (spec 3.5). */
export type RunOutcome = 'running' | 'succeeded' | 'failed';

/** One value of an event, zipped with the port it belongs to (ports keys are not unique). */
export interface PortValue {
  readonly key: string;
  readonly label?: string;
  readonly port?: Port;
  readonly value: unknown;
}

export interface NodeRunState {
  readonly nodeId: string;
  readonly status: NodeStatus;
  /** Latest event of the node with t <= T (null for idle nodes and AgentSubFlowNodes). */
  readonly lastEvent: RunEvent | null;
  /** Latest NEXT event with t <= T. */
  readonly lastNext: RunEvent | null;
  /** NEXT events with t <= T (throughput badge). */
  readonly nextCount: number;
  /** `lastNext.value` zipped with `outs[handle index]` (ReturnNode: `ins[0]`). */
  readonly values: readonly PortValue[];
  /** The exception text when errored. */
  readonly exception?: string;
}

export interface EdgeRunState {
  readonly edgeId: string;
  /** Latest event on (edge.source, edge.sourceHandle) with t <= T. */
  readonly lastEvent: RunEvent | null;
  /** The edge carries one of the events with the maximum t <= T. */
  readonly inFlight: boolean;
}

export interface RunState {
  /** The cursor. */
  readonly t: number;
  /** Store version the state was computed at. */
  readonly version: number;
  /** Every node of the workflow, plus every event source that is not a node. */
  readonly nodes: ReadonlyMap<string, NodeRunState>;
  readonly edges: ReadonlyMap<string, EdgeRunState>;
  /** The event(s) with the maximum t <= T (several when t collides). */
  readonly inFlight: readonly RunEvent[];
}

/** Nodes and edges whose state may differ between two cursors. */
export interface ChangedSet {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

export interface RunResult {
  readonly event: RunEvent;
  readonly values: readonly PortValue[];
}

/** Inserts keeping (t, id) order: O(1) when in order, else binary search + splice. */
function sortedInsert(arr: RunEvent[], e: RunEvent): void {
  const n = arr.length;
  if (n === 0 || compareEvents(arr[n - 1]!, e) <= 0) {
    arr.push(e);
    return;
  }
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEvents(arr[mid]!, e) <= 0) lo = mid + 1;
    else hi = mid;
  }
  arr.splice(lo, 0, e);
}

/** Merges sorted `add` into sorted `arr`: appends in place when `add` follows `arr`, else a linear merge. */
function mergeSorted(arr: RunEvent[], add: readonly RunEvent[]): RunEvent[] {
  if (add.length === 0) return arr;
  if (arr.length === 0 || compareEvents(arr[arr.length - 1]!, add[0]!) <= 0) {
    for (const e of add) arr.push(e);
    return arr;
  }
  if (add.length < 8) {
    for (const e of add) sortedInsert(arr, e);
    return arr;
  }
  const out: RunEvent[] = new Array(arr.length + add.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < arr.length && j < add.length) out[k++] = compareEvents(arr[i]!, add[j]!) <= 0 ? arr[i++]! : add[j++]!;
  while (i < arr.length) out[k++] = arr[i++]!;
  while (j < add.length) out[k++] = add[j++]!;
  return out;
}

function lastAtOrBefore(arr: readonly RunEvent[] | undefined, T: number): RunEvent | null {
  if (arr === undefined || arr.length === 0) return null;
  if (arr[arr.length - 1]!.t <= T) return arr[arr.length - 1]!;
  const i = upperBoundT(arr, T);
  return i > 0 ? arr[i - 1]! : null;
}

const STATUS_RANK: Readonly<Record<NodeStatus, number>> = { idle: 0, completed: 1, active: 2, running: 3, errored: 4 };

/** The events of one source node, split the ways stateAt needs them; every list sorted by (t, id). */
interface NodeIndex {
  all: RunEvent[];
  next: RunEvent[];
  complete: RunEvent[];
  /**
   * The one handle every event so far was on (most nodes have one out stream): then `all` and
   * `next` double as its per-handle lists and the two Maps stay empty (half the arrays, and half
   * the array growth while a million events load). null once a second handle shows up; undefined
   * before the first event.
   */
  single: string | null | undefined;
  /** handle -> all events on it (when `single` is null). */
  readonly byHandle: Map<string, RunEvent[]>;
  /** handle -> NEXT events on it (when `single` is null). */
  readonly nextByHandle: Map<string, RunEvent[]>;
}

const newIndex = (): NodeIndex => ({ all: [], next: [], complete: [], single: undefined, byHandle: new Map(), nextByHandle: new Map() });

/** The events of a source on one handle, in (t, id) order. */
function handleEvents(idx: NodeIndex | undefined, handle: string): RunEvent[] | undefined {
  if (idx === undefined) return undefined;
  return idx.single === handle ? idx.all : idx.byHandle.get(handle);
}

/** The NEXT events of a source on one handle, in (t, id) order. */
function handleNexts(idx: NodeIndex | undefined, handle: string): RunEvent[] | undefined {
  if (idx === undefined) return undefined;
  return idx.single === handle ? idx.next : idx.nextByHandle.get(handle);
}

/**
 * Call before an event on `handle` joins `idx.all`: keeps the single-handle mode or leaves it (the
 * per-handle lists of the one handle so far are copied from `all` and `next`). True when the event
 * must also go into the per-handle lists.
 */
function noteHandle(idx: NodeIndex, handle: string): boolean {
  if (idx.single === handle) return false;
  if (idx.single === undefined) {
    idx.single = handle;
    return false;
  }
  if (idx.single !== null) {
    idx.byHandle.set(idx.single, idx.all.slice());
    idx.nextByHandle.set(idx.single, idx.next.slice());
    idx.single = null;
  }
  return true;
}

/** Zips an event value with the ports it belongs to. */
export function zipValues(value: unknown, ports: readonly Port[] | undefined): PortValue[] {
  if (!Array.isArray(value)) return [];
  const out: PortValue[] = [];
  for (let i = 0; i < value.length; i++) {
    const port = ports?.[i];
    if (port) {
      out.push(port.label != null ? { key: port.key, label: port.label, port, value: value[i] } : { key: port.key, port, value: value[i] });
    } else out.push({ key: String(i), value: value[i] });
  }
  return out;
}

const NO_VALUES: readonly PortValue[] = Object.freeze([]);

/** A node's state; `values` is zipped on first read only (most states are never expanded). */
class NodeStateRecord implements NodeRunState {
  #values: readonly PortValue[] | null = null;
  readonly exception?: string;
  constructor(
    readonly nodeId: string,
    readonly status: NodeStatus,
    readonly lastEvent: RunEvent | null,
    readonly lastNext: RunEvent | null,
    readonly nextCount: number,
    private readonly ports: (e: RunEvent) => readonly Port[] | undefined,
  ) {
    if (lastEvent !== null && lastEvent.kind === 'ERROR' && lastEvent.exception !== undefined) this.exception = lastEvent.exception;
  }

  get values(): readonly PortValue[] {
    if (this.#values === null) this.#values = this.lastNext ? zipValues(this.lastNext.value, this.ports(this.lastNext)) : NO_VALUES;
    return this.#values;
  }

  toJSON(): object {
    return { nodeId: this.nodeId, status: this.status, lastEvent: this.lastEvent, lastNext: this.lastNext, nextCount: this.nextCount, values: this.values, exception: this.exception };
  }
}

const ID_SHARDS = 256;
const SHARD_BUCKETS = 16384;

/**
 * Hash bucket -> shard, with shard i getting a share proportional to 2^(i/256): the shard sizes
 * spread evenly over one octave, so the shards cross their power-of-two capacities (and rehash)
 * one after another as the index grows, never all in the same slice of an ingest.
 */
const SHARD_OF_BUCKET: Uint8Array = (() => {
  const weights = Array.from({ length: ID_SHARDS }, (_, i) => 2 ** (i / ID_SHARDS));
  const total = weights.reduce((a, b) => a + b, 0);
  const table = new Uint8Array(SHARD_BUCKETS);
  let shard = 0;
  let upTo = weights[0]! / total;
  for (let b = 0; b < SHARD_BUCKETS; b++) {
    while ((b + 0.5) / SHARD_BUCKETS > upTo && shard < ID_SHARDS - 1) upTo += weights[++shard]! / total;
    table[b] = shard;
  }
  return table;
})();

/**
 * Events by id, split over 256 Maps by a hash of four characters of the id. One Map that grows
 * past a power of two rehashes every entry at once (about 85 ms at 1,048,576 ids: a long task while
 * a million events load); each of the 256 rehashes its share of that (about 6,000 ids at a
 * million), and as the shards have different sizes (SHARD_OF_BUCKET) they do it at different times.
 */
/** Slots per page of the numeric id index. */
const ID_PAGE = 256;

/**
 * The canonical decimal value of an id made of 1 to 15 digits without a leading zero ("0" itself
 * included), else -1. Such ids (Fluss's own) go to the paged numeric index; any other spelling of
 * a number ("007") is a different id and goes to the Maps.
 */
function numericId(id: string): number {
  const n = id.length;
  if (n === 0 || n > 15 || (n > 1 && id.charCodeAt(0) === 48)) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Events by id. Numeric ids (Fluss's ids are database counters, dense within a run) live in pages
 * of 256 slots found by id / 256: adding one is an array store, with no hashing of the string and
 * no table that rehashes all its entries when it grows (a Map of a million ids stalls the main
 * thread for 50-100 ms at a time while a million events load). When the ids turn out sparse
 * (pages under 1/16 full on average, beyond the first 64k slots) the numeric entries move to the
 * Maps once. Other ids are split over 256 Maps by a hash of four of their characters; the shard
 * sizes differ (SHARD_OF_BUCKET), so the shards rehash at different times.
 */
class IdIndex {
  readonly #shards: Map<string, RunEvent>[] = [];
  #pages: Map<number, (RunEvent | undefined)[]> | null = new Map();
  #numericCount = 0;
  #lastPageNo = -1;
  #lastPage: (RunEvent | undefined)[] | null = null;

  constructor() {
    for (let i = 0; i < ID_SHARDS; i++) this.#shards.push(new Map());
  }

  #shard(id: string): Map<string, RunEvent> {
    // FNV-1a over the four characters before the last two: ids with a common prefix spread over
    // the shards in runs of 100, so consecutive inserts hit the same Map (its table stays in
    // cache). Branch-free bounds, so ids that grow a character mid-ingest hit no untaken branch
    // (missing type feedback would deoptimize this hot path for a whole slice).
    let h = 0x811c9dc5;
    const end = id.length - 2;
    for (let i = Math.max(0, end - 4); i < end; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    return this.#shards[SHARD_OF_BUCKET[(h ^ (h >>> 15)) & (SHARD_BUCKETS - 1)]!]!;
  }

  /** The page of a numeric id (created when `create`), or null. */
  #page(n: number, create: boolean): (RunEvent | undefined)[] | null {
    const no = Math.floor(n / ID_PAGE);
    if (no === this.#lastPageNo) return this.#lastPage;
    const pages = this.#pages!;
    let page = pages.get(no) ?? null;
    if (page === null) {
      if (!create) return null;
      page = new Array<RunEvent | undefined>(ID_PAGE).fill(undefined);
      pages.set(no, page);
    }
    this.#lastPageNo = no;
    this.#lastPage = page;
    return page;
  }

  /** Ids too sparse for pages: every numeric entry moves to the Maps, once. */
  #dropPages(): void {
    const pages = this.#pages!;
    this.#pages = null;
    this.#lastPage = null;
    this.#lastPageNo = -1;
    for (const page of pages.values()) for (const e of page) if (e !== undefined) this.#shard(e.id).set(e.id, e);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get(id: string): RunEvent | undefined {
    const n = this.#pages === null ? -1 : numericId(id);
    if (n < 0) return this.#shard(id).get(id);
    return this.#page(n, false)?.[n % ID_PAGE];
  }

  /** Stores `e` under its id unless the id is taken; true when stored. */
  add(e: RunEvent): boolean {
    const n = this.#pages === null ? -1 : numericId(e.id);
    if (n < 0) {
      const m = this.#shard(e.id);
      if (m.has(e.id)) return false;
      m.set(e.id, e);
      return true;
    }
    const page = this.#page(n, true)!;
    const slot = n % ID_PAGE;
    if (page[slot] !== undefined) return false;
    page[slot] = e;
    this.#numericCount++;
    const slots = this.#pages!.size * ID_PAGE;
    if (slots > 65_536 && slots > this.#numericCount * 16) this.#dropPages();
    return true;
  }
}

/**
 * The event store of one run. Append events in any order and any number of times: duplicates (by id)
 * are ignored and the log stays sorted by (t, id). `version` increases whenever the content changes.
 */
export class RunStore {
  #workflow: Workflow | null = null;
  #status: RunStatus = null;
  #version = 0;
  #log: RunEvent[] = [];
  #errors: RunEvent[] = [];
  readonly #byId = new IdIndex();
  readonly #idx = new Map<string, NodeIndex>();
  // workflow indexes
  #nodes = new Map<string, WorkflowNode>();
  #incoming = new Map<string, WorkflowEdge[]>();
  #outgoing = new Map<string, WorkflowEdge[]>();
  #returnIds: string[] = [];
  readonly #portsFor = (e: RunEvent): readonly Port[] | undefined => this.portsFor(e);

  constructor(workflow: Workflow | null = null, events: Iterable<RunEvent> = [], status: RunStatus = null) {
    this.setWorkflow(workflow);
    this.#status = status;
    this.append(events);
  }

  /** Increases whenever events, the workflow or the status change. */
  get version(): number {
    return this.#version;
  }

  /** Number of distinct events. */
  get size(): number {
    return this.#log.length;
  }

  /**
   * The events in (t, id) order. Do not mutate; read it again after `append` (a large out-of-order
   * batch replaces the array).
   */
  get events(): readonly RunEvent[] {
    return this.#log;
  }

  get workflow(): Workflow | null {
    return this.#workflow;
  }

  get status(): RunStatus {
    return this.#status;
  }

  /** Sets the run's server status (RUNNING / COMPLETED / legacy null). */
  setStatus(status: RunStatus): void {
    if (status !== this.#status) {
      this.#status = status;
      this.#version++;
    }
  }

  /** Sets the flow the run is drawn on (always `run.flow`, spec Q23). */
  setWorkflow(workflow: Workflow | null): void {
    this.#workflow = workflow;
    this.#nodes = new Map();
    this.#incoming = new Map();
    this.#outgoing = new Map();
    this.#returnIds = [];
    if (workflow) {
      for (const n of workflow.nodes) {
        this.#nodes.set(n.id, n);
        if (n.kind === 'returns') this.#returnIds.push(n.id);
      }
      for (const e of workflow.edges) {
        let inc = this.#incoming.get(e.target);
        if (!inc) this.#incoming.set(e.target, (inc = []));
        inc.push(e);
        let out = this.#outgoing.get(e.source);
        if (!out) this.#outgoing.set(e.source, (out = []));
        out.push(e);
      }
    }
    this.#version++;
  }

  #index(source: string): NodeIndex {
    let idx = this.#idx.get(source);
    if (idx === undefined) this.#idx.set(source, (idx = newIndex()));
    return idx;
  }

  /** Inserts one new event into every index (O(1) in order, binary search + splice otherwise). */
  #insert(e: RunEvent): void {
    sortedInsert(this.#log, e);
    const idx = this.#index(e.source);
    const perHandle = noteHandle(idx, e.handle);
    sortedInsert(idx.all, e);
    if (perHandle) {
      let h = idx.byHandle.get(e.handle);
      if (h === undefined) idx.byHandle.set(e.handle, (h = []));
      sortedInsert(h, e);
    }
    if (e.kind === 'NEXT') {
      sortedInsert(idx.next, e);
      if (perHandle) {
        let nh = idx.nextByHandle.get(e.handle);
        if (nh === undefined) idx.nextByHandle.set(e.handle, (nh = []));
        sortedInsert(nh, e);
      }
    } else if (e.kind === 'COMPLETE') sortedInsert(idx.complete, e);
    else if (e.kind === 'ERROR') sortedInsert(this.#errors, e);
  }

  /** Merges a sorted batch of new events into every index (linear merges, no quadratic splicing). */
  #merge(batch: readonly RunEvent[]): void {
    this.#log = mergeSorted(this.#log, batch);
    const groups = new Map<string, RunEvent[]>();
    const errors: RunEvent[] = [];
    for (const e of batch) {
      let g = groups.get(e.source);
      if (g === undefined) groups.set(e.source, (g = []));
      g.push(e);
      if (e.kind === 'ERROR') errors.push(e);
    }
    this.#errors = mergeSorted(this.#errors, errors);
    for (const [source, g] of groups) {
      const idx = this.#index(source);
      // Before `all` takes the group: leaving single-handle mode copies the lists as they were.
      for (const e of g) noteHandle(idx, e.handle);
      idx.all = mergeSorted(idx.all, g);
      const next: RunEvent[] = [];
      const complete: RunEvent[] = [];
      const byHandle = new Map<string, RunEvent[]>();
      const nextByHandle = new Map<string, RunEvent[]>();
      for (const e of g) {
        let h = byHandle.get(e.handle);
        if (h === undefined) byHandle.set(e.handle, (h = []));
        h.push(e);
        if (e.kind === 'NEXT') {
          next.push(e);
          let nh = nextByHandle.get(e.handle);
          if (nh === undefined) nextByHandle.set(e.handle, (nh = []));
          nh.push(e);
        } else if (e.kind === 'COMPLETE') complete.push(e);
      }
      idx.next = mergeSorted(idx.next, next);
      idx.complete = mergeSorted(idx.complete, complete);
      if (idx.single !== null) continue;
      for (const [handle, list] of byHandle) idx.byHandle.set(handle, mergeSorted(idx.byHandle.get(handle) ?? [], list));
      for (const [handle, list] of nextByHandle) idx.nextByHandle.set(handle, mergeSorted(idx.nextByHandle.get(handle) ?? [], list));
    }
  }

  /**
   * Adds one event or many. Events whose id is already stored (or repeated in the batch) are ignored:
   * the first wins. Returns the number of events added. A single event or an in-order batch costs
   * O(1) per index and event; an out-of-order single event a binary search (plus an array splice);
   * an out-of-order batch is sorted and merged linearly.
   */
  append(input: RunEvent | Iterable<RunEvent>): number {
    if (isEvent(input)) {
      if (!this.#byId.add(input)) return 0;
      this.#insert(input);
      this.#version++;
      return 1;
    }
    return this.appendMany(Array.isArray(input) ? (input as readonly RunEvent[]) : [...input]);
  }

  /**
   * Adds a batch of events (a page from the server, a slice of an export): drops the ids already
   * stored or repeated in the batch (the first wins), sorts the rest once by (t, id) when they are
   * out of order, and merges them into the log and every per-node / per-handle index. A batch that
   * follows everything stored (pages arriving in order) is pushed straight onto every index: O(k)
   * with no grouping or copying; an out-of-order batch costs O(k log k) plus a linear merge of the
   * indexes it touches. Returns the number of events added; `version` increases once per batch.
   */
  appendMany(events: readonly RunEvent[]): number {
    const byId = this.#byId;
    // The batch itself is used until a duplicate shows up: no copy for clean pages.
    let kept: RunEvent[] | null = null;
    let ordered = true;
    let prev: RunEvent | null = null;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (!byId.add(e)) {
        kept ??= events.slice(0, i);
        continue;
      }
      if (ordered && prev !== null && compareEvents(prev, e) > 0) ordered = false;
      prev = e;
      if (kept !== null) kept.push(e);
    }
    let fresh: readonly RunEvent[] = kept ?? events;
    if (fresh.length === 0) return 0;
    if (!ordered) fresh = (kept ?? events.slice()).sort(compareEvents);
    const log = this.#log;
    if (log.length === 0 || compareEvents(log[log.length - 1]!, fresh[0]!) <= 0) this.#pushAll(fresh);
    else if (fresh.length <= 16) for (const e of fresh) this.#insert(e);
    else this.#merge(fresh);
    this.#version++;
    return fresh.length;
  }

  /** Pushes a sorted batch that follows every stored event onto every index (no search, no merge). */
  #pushAll(batch: readonly RunEvent[]): void {
    const log = this.#log;
    const errors = this.#errors;
    let source: string | null = null;
    let idx: NodeIndex | null = null;
    for (let i = 0; i < batch.length; i++) {
      const e = batch[i]!;
      log.push(e);
      if (e.source !== source || idx === null) {
        source = e.source;
        idx = this.#index(source);
      }
      const perHandle = idx.single !== e.handle && noteHandle(idx, e.handle);
      idx.all.push(e);
      if (perHandle) {
        let h = idx.byHandle.get(e.handle);
        if (h === undefined) idx.byHandle.set(e.handle, (h = []));
        h.push(e);
      }
      if (e.kind === 'NEXT') {
        idx.next.push(e);
        if (perHandle) {
          let nh = idx.nextByHandle.get(e.handle);
          if (nh === undefined) idx.nextByHandle.set(e.handle, (nh = []));
          nh.push(e);
        }
      } else if (e.kind === 'COMPLETE') idx.complete.push(e);
      else if (e.kind === 'ERROR') errors.push(e);
    }
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  get(id: string): RunEvent | undefined {
    return this.#byId.get(id);
  }

  /** The events of one node in (t, id) order (do not mutate). */
  eventsOf(nodeId: string): readonly RunEvent[] {
    return this.#idx.get(nodeId)?.all ?? NO_EVENTS;
  }

  /** The ERROR events in (t, id) order (do not mutate). */
  errorEvents(): readonly RunEvent[] {
    return this.#errors;
  }

  /** The ids of every node that emitted at least one event, in first-seen order. */
  sources(): string[] {
    return [...this.#idx.keys()];
  }

  /** Latest event of a node with t <= T. */
  latestOf(nodeId: string, T: number = this.#maxT()): RunEvent | null {
    return lastAtOrBefore(this.#idx.get(nodeId)?.all, T);
  }

  /** `{min, max}` of t, or null when empty. */
  range(): { readonly min: number; readonly max: number } | null {
    if (this.#log.length === 0) return null;
    return { min: this.#log[0]!.t, max: this.#log[this.#log.length - 1]!.t };
  }

  /** Events with t0 <= t <= t1, in order. */
  eventsInRange(t0: number, t1: number): RunEvent[] {
    if (t1 < t0) return [];
    return this.#log.slice(lowerBoundT(this.#log, t0), upperBoundT(this.#log, t1));
  }

  #maxT(): number {
    return this.#log.length > 0 ? this.#log[this.#log.length - 1]!.t : 0;
  }

  /** The ports a node's event value is aligned with: ReturnNode `ins[0]`, else `outs[handle index]`. */
  portsFor(event: RunEvent): readonly Port[] | undefined {
    const node = this.#nodes.get(event.source);
    if (!node) return undefined;
    if (node.kind === 'returns') return node.ins[0];
    const idx = eventStreamIndex(event);
    return idx >= 0 ? node.outs[idx] : undefined;
  }

  /** The events with the maximum t <= T. */
  inFlightAt(T: number): RunEvent[] {
    const end = upperBoundT(this.#log, T);
    if (end === 0) return [];
    const maxT = this.#log[end - 1]!.t;
    return this.#log.slice(lowerBoundT(this.#log, maxT), end);
  }

  #nodeState(nodeId: string, T: number): NodeRunState {
    const idx = this.#idx.get(nodeId);
    const last = lastAtOrBefore(idx?.all, T);
    let nextCount = 0;
    let lastNext: RunEvent | null = null;
    if (idx !== undefined && idx.next.length > 0) {
      nextCount = upperBoundT(idx.next, T);
      if (nextCount > 0) lastNext = idx.next[nextCount - 1]!;
    }
    let status: NodeStatus = 'idle';
    if (last !== null) {
      status = last.kind === 'COMPLETE' ? 'completed' : last.kind === 'ERROR' ? 'errored' : 'active';
    }
    if (status !== 'completed' && status !== 'errored') {
      const inc = this.#incoming.get(nodeId);
      if (inc) {
        for (const e of inc) {
          const fed = lastAtOrBefore(handleNexts(this.#idx.get(e.source), e.sourceHandle), T);
          if (fed !== null && (last === null || compareEvents(fed, last) > 0)) {
            status = 'running';
            break;
          }
        }
      }
    }
    return new NodeStateRecord(nodeId, status, last, lastNext, nextCount, this.#portsFor);
  }

  /**
   * The state of every node and edge at cursor T (default: the latest t). Node status per spec 3.5:
   * idle (no event), active (latest NEXT), completed (latest COMPLETE), errored (latest ERROR), and
   * running when not completed/errored and an incoming edge's source handle emitted a NEXT with t <= T
   * that is newer, in (t, id) order, than the node's latest event (input received, not yet answered).
   * AgentSubFlowNodes aggregate their children: errored > running > active > completed > idle.
   * Cost: O((nodes + edges) * log n); the log is never rescanned. `values` are zipped lazily.
   */
  stateAt(T: number = this.#maxT()): RunState {
    const nodes = new Map<string, NodeRunState>();
    const wfNodes = this.#workflow?.nodes ?? [];
    for (const n of wfNodes) nodes.set(n.id, this.#nodeState(n.id, T));
    if (this.#idx.size > 0) for (const source of this.#idx.keys()) if (!nodes.has(source)) nodes.set(source, this.#nodeState(source, T));
    // groups: children come after parents in workflow order, so walk backwards
    let agg: Map<string, NodeStatus> | null = null;
    for (let i = wfNodes.length - 1; i >= 0; i--) {
      const n = wfNodes[i]!;
      if (n.kind === 'agent-subflow') {
        const s = agg?.get(n.id) ?? 'idle';
        nodes.set(n.id, new NodeStateRecord(n.id, s, null, null, 0, this.#portsFor));
      }
      if (n.parentId !== undefined) {
        const s = nodes.get(n.id)!.status;
        agg ??= new Map();
        const cur = agg.get(n.parentId);
        if (cur === undefined || STATUS_RANK[s] > STATUS_RANK[cur]) agg.set(n.parentId, s);
      }
    }
    const inFlight = this.inFlightAt(T);
    // usually one or two events; a Set only when many collide on one t
    const flightSet = inFlight.length > 8 ? new Set(inFlight.map((f) => `${f.source}\u0000${f.handle}`)) : null;
    const edges = new Map<string, EdgeRunState>();
    for (const e of this.#workflow?.edges ?? []) {
      let flying = false;
      if (flightSet !== null) flying = flightSet.has(`${e.source}\u0000${e.sourceHandle}`);
      else {
        for (const f of inFlight) {
          if (f.source === e.source && f.handle === e.sourceHandle) {
            flying = true;
            break;
          }
        }
      }
      edges.set(e.id, { edgeId: e.id, lastEvent: lastAtOrBefore(handleEvents(this.#idx.get(e.source), e.sourceHandle), T), inFlight: flying });
    }
    return { t: T, version: this.#version, nodes, edges, inFlight };
  }

  /** True when an ERROR event with t <= T exists. */
  hasErrorAt(T: number = this.#maxT()): boolean {
    return this.#errors.length > 0 && this.#errors[0]!.t <= T;
  }

  #returnCompletedAt(T: number): boolean {
    for (const id of this.#returnIds) {
      const arr = this.#idx.get(id)?.complete;
      if (arr !== undefined && arr.length > 0 && arr[0]!.t <= T) return true;
    }
    return false;
  }

  /**
   * The run outcome at T (default: the end), given the run status (default: the stored one):
   * failed when an ERROR event exists with t <= T (a RUNNING run with an error is failing);
   * succeeded when the ReturnNode received COMPLETE with t <= T; failed when the status is COMPLETED,
   * T is at or after the last event and the ReturnNode never completed (cancelled or crashed);
   * running otherwise (also legacy runs whose status is null and whose ReturnNode was not tracked).
   */
  outcome(T: number = this.#maxT(), status: RunStatus = this.#status): RunOutcome {
    if (this.hasErrorAt(T)) return 'failed';
    if (this.#returnCompletedAt(T)) return 'succeeded';
    if (status === 'COMPLETED' && T >= this.#maxT()) return 'failed';
    return 'running';
  }

  /** The flow's results up to T: ReturnNode NEXT values zipped with `ReturnNode.ins[0]`. */
  results(T: number = this.#maxT()): RunResult[] {
    const out: RunResult[] = [];
    for (const id of this.#returnIds) {
      const arr = this.#idx.get(id)?.next;
      if (!arr) continue;
      const end = upperBoundT(arr, T);
      for (let i = 0; i < end; i++) out.push({ event: arr[i]!, values: zipValues(arr[i]!.value, this.portsFor(arr[i]!)) });
    }
    if (this.#returnIds.length > 1) out.sort((a, b) => compareEvents(a.event, b.event));
    return out;
  }

  /**
   * The events that caused `event` (spec 3.2): for each t value k in `causedBy`, the event at t = k
   * whose (source, handle) feeds an incoming edge of the event's node (by source alone when no handle
   * matches). ReturnNode events copy their cause's causedBy, so for them the cause is the event on an
   * incoming edge tracked just before (t - 1).
   */
  causesOf(event: RunEvent): RunEvent[] {
    const inc = this.#incoming.get(event.source) ?? [];
    if (inc.length === 0) return [];
    const atT = (k: number): RunEvent[] => this.#log.slice(lowerBoundT(this.#log, k), upperBoundT(this.#log, k));
    const pick = (cands: RunEvent[]): RunEvent[] => {
      const byHandle = cands.filter((c) => inc.some((e) => e.source === c.source && e.sourceHandle === c.handle));
      return byHandle.length > 0 ? byHandle : cands.filter((c) => inc.some((e) => e.source === c.source));
    };
    const node = this.#nodes.get(event.source);
    if (node?.kind === 'returns') {
      return pick(atT(event.t - 1)).filter((c) => c.kind === event.kind);
    }
    const out: RunEvent[] = [];
    const seen = new Set<string>();
    for (const k of event.causedBy) {
      if (k < 0) continue;
      for (const c of pick(atT(k))) {
        if (!seen.has(c.id) && c.id !== event.id) {
          seen.add(c.id);
          out.push(c);
        }
      }
    }
    return out;
  }

  /**
   * Nodes and edges whose state may differ between cursors T1 and T2: the sources of the events in
   * between, the targets of their outgoing edges (running is derived from inputs), their group
   * ancestors, the edges leaving those sources, and the edges in flight at either cursor.
   * Cost: O(k log n) for k events in between.
   */
  changedBetween(T1: number, T2: number): ChangedSet {
    const lo = Math.min(T1, T2);
    const hi = Math.max(T1, T2);
    const nodes = new Set<string>();
    const edges = new Set<string>();
    const from = upperBoundT(this.#log, lo);
    const to = upperBoundT(this.#log, hi);
    const sources = new Set<string>();
    for (let i = from; i < to; i++) sources.add(this.#log[i]!.source);
    for (const e of this.inFlightAt(T1)) sources.add(e.source);
    for (const e of this.inFlightAt(T2)) sources.add(e.source);
    for (const s of sources) {
      nodes.add(s);
      for (const e of this.#outgoing.get(s) ?? []) {
        edges.add(e.id);
        nodes.add(e.target);
      }
    }
    for (const id of [...nodes]) {
      let p = this.#nodes.get(id)?.parentId;
      let guard = 0;
      while (p !== undefined && guard++ < 64) {
        nodes.add(p);
        p = this.#nodes.get(p)?.parentId;
      }
    }
    return { nodes, edges };
  }

  /** The node ids of `changedBetween(T1, T2)`. */
  changedNodesBetween(T1: number, T2: number): ReadonlySet<string> {
    return this.changedBetween(T1, T2).nodes;
  }
}

const NO_EVENTS: readonly RunEvent[] = Object.freeze([]);

function isEvent(x: RunEvent | Iterable<RunEvent>): x is RunEvent {
  return typeof (x as RunEvent).id === 'string' && typeof (x as RunEvent).t === 'number' && !(Symbol.iterator in (x as object));
}
