// Dev server: executes a flow (GraphQL form) by the reaktion-next engine rules of spec 3.2 and
// yields what the engine would send to Fluss (track / snapshot / close), one record at a time.
import type { EventKind, GqlFlow, GqlNode, GqlPort } from './types.js';

export interface TrackRecord {
  readonly type: 'track';
  readonly source: string;
  readonly handle: string;
  readonly kind: EventKind;
  readonly t: number;
  readonly value: unknown;
  readonly exception: string | null;
  readonly causedBy: readonly number[];
}
export interface SnapshotRecord {
  readonly type: 'snapshot';
  readonly t: number;
  /** Sources whose latest tracked event the engine would send (ids resolved by the driver). */
  readonly latestSources: readonly string[];
}
export interface CloseRecord {
  readonly type: 'close';
  readonly t: number;
  readonly outcome: 'success' | 'error' | 'drained';
}
export type EngineRecord = TrackRecord | SnapshotRecord | CloseRecord;

/** Per-node behaviour overrides for a run. */
export interface NodeBehaviour {
  /** Fail on the nth NEXT this node receives (1-based) with an ERROR. */
  failOnNext?: number;
  /** GENERATOR actions: NEXT events emitted per input (default 3). */
  yields?: number;
  /** Replaces the computed output value of a map node. */
  map?: (input: readonly unknown[]) => unknown[];
}

export interface EngineOptions {
  /** Values for the ArgNode NEXT, aligned with ArgNode.outs[0]; generated from port kinds if absent. */
  readonly args?: readonly unknown[];
  readonly snapshotInterval?: number;
  readonly behaviours?: ReadonlyMap<string, NodeBehaviour>;
}

interface QueuedEvent {
  source: string;
  handle: string;
  kind: EventKind;
  value: unknown;
  exception: string | null;
  causedBy: number[];
}

interface InEvent {
  stream: number;
  kind: EventKind;
  value: unknown;
  exception: string | null;
  t: number;
}

/** The stream index of a handle (`arg_2` -> 2); -1 when missing or malformed. */
export function handleIndex(handle: string | null | undefined): number {
  if (!handle) return -1;
  const n = Number(handle.split('_').pop());
  return Number.isInteger(n) && n >= 0 ? n : -1;
}

function firstNumber(values: readonly unknown[]): number | undefined {
  for (const v of values) {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  }
  return undefined;
}

/** A value for a port of the given kind, derived from a seed number (deterministic). */
export function synthValue(port: GqlPort | undefined, seed: number): unknown {
  switch (port?.kind) {
    case 'INT':
      return seed;
    case 'FLOAT':
      return seed + 0.5;
    case 'STRING':
      return `item-${seed}`;
    case 'BOOL':
      return seed % 2 === 0;
    case 'STRUCTURE':
    case 'MEMORY_STRUCTURE':
      return String(1000 + seed);
    case 'LIST':
      return [seed, seed + 1];
    case 'DICT':
    case 'MODEL':
      return { n: seed };
    case 'DATE':
      return new Date(Date.UTC(2026, 0, 1) + seed * 1000).toISOString();
    default:
      return seed;
  }
}

function synthStream(ports: readonly GqlPort[] | undefined, seed: number): unknown[] {
  return (ports ?? []).map((p, i) => synthValue(p, seed + i));
}

/** One running atom (rekuest map/filter or reactive node). */
class Atom {
  readonly node: GqlNode;
  readonly behaviour: NodeBehaviour;
  /** Number of in-edges per in stream. */
  readonly edgesIn: number[];
  readonly completedIn: number[];
  readonly buffers: { value: unknown; t: number }[][];
  readonly latest: ({ value: unknown; t: number } | undefined)[];
  nextCount = 0;
  done = false;
  collected: unknown[] = [];

  constructor(node: GqlNode, behaviour: NodeBehaviour, edgesIn: number[]) {
    this.node = node;
    this.behaviour = behaviour;
    this.edgesIn = edgesIn;
    this.completedIn = edgesIn.map(() => 0);
    this.buffers = edgesIn.map(() => []);
    this.latest = edgesIn.map(() => undefined);
  }

  get outCount(): number {
    return Math.max(1, this.node.outs.length);
  }

  #out(j: number, kind: EventKind, value: unknown, causedBy: number[], exception: string | null = null): QueuedEvent {
    return { source: this.node.id, handle: `return_${j}`, kind, value, exception, causedBy };
  }

  #next(j: number, seed: number, causedBy: number[], input: readonly unknown[]): QueuedEvent {
    const value = this.behaviour.map ? this.behaviour.map(input) : synthStream(this.node.outs[j], seed);
    return this.#out(j, 'NEXT', value, causedBy);
  }

  receive(ev: InEvent): QueuedEvent[] {
    if (this.done) return [];
    if (ev.kind === 'ERROR') {
      this.done = true;
      const out: QueuedEvent[] = [];
      for (let j = 0; j < this.outCount; j++) out.push(this.#out(j, 'ERROR', null, [ev.t], ev.exception ?? 'Upstream error'));
      return out;
    }
    if (ev.kind === 'COMPLETE') return this.#complete(ev);
    if (ev.kind !== 'NEXT') return [];
    this.nextCount++;
    const input = Array.isArray(ev.value) ? (ev.value as unknown[]) : [ev.value];
    if (this.behaviour.failOnNext !== undefined && this.nextCount === this.behaviour.failOnNext) {
      this.done = true;
      return [this.#out(0, 'ERROR', null, [ev.t], `Simulated failure in "${this.node.title}" on input ${this.nextCount}`)];
    }
    const seed = (firstNumber(input) ?? ev.t) + 1;
    switch (this.node.__typename) {
      case 'RekuestMapActionNode': {
        if (this.node.actionKind === 'GENERATOR') {
          const n = this.behaviour.yields ?? 3;
          const out: QueuedEvent[] = [];
          for (let k = 0; k < n; k++) out.push(this.#next(0, seed + k, [ev.t], input));
          return out;
        }
        return [this.#next(0, seed, [ev.t], input)];
      }
      case 'RekuestFilterActionNode':
        return this.nextCount % 3 === 2 ? [] : [this.#out(0, 'NEXT', input, [ev.t])];
      case 'ReactiveNode':
        return this.#reactive(ev, input, seed);
      default:
        return [];
    }
  }

  #reactive(ev: InEvent, input: readonly unknown[], seed: number): QueuedEvent[] {
    const impl = this.node.implementation;
    this.latest[ev.stream] = { value: ev.value, t: ev.t };
    switch (impl) {
      case 'ZIP': {
        this.buffers[ev.stream]?.push({ value: ev.value, t: ev.t });
        const wired = this.buffers.filter((_, i) => (this.edgesIn[i] ?? 0) > 0);
        if (wired.some((b) => b.length === 0)) return [];
        const items = wired.map((b) => b.shift()!);
        const value = items.flatMap((it) => (Array.isArray(it.value) ? it.value : [it.value]));
        return [this.#out(0, 'NEXT', value, items.map((it) => it.t))];
      }
      case 'COMBINELATEST':
      case 'WITHLATEST': {
        if (impl === 'WITHLATEST' && ev.stream !== 0) return [];
        const wired = this.latest.filter((_, i) => (this.edgesIn[i] ?? 0) > 0);
        if (wired.some((l) => l === undefined)) return [];
        const items = wired as { value: unknown; t: number }[];
        const value = items.flatMap((it) => (Array.isArray(it.value) ? it.value : [it.value]));
        return [this.#out(0, 'NEXT', value, items.map((it) => it.t))];
      }
      case 'CHUNK':
        return [this.#next(0, seed, [ev.t], input), this.#next(0, seed + 1, [ev.t], input)];
      case 'SPLIT': {
        const out: QueuedEvent[] = [];
        for (let j = 0; j < this.outCount; j++) out.push(this.#out(j, 'NEXT', [input[j] ?? null], [ev.t]));
        return out;
      }
      case 'FILTER': {
        const pass = this.nextCount % 2 === 1;
        const j = pass || this.outCount < 2 ? 0 : 1;
        return pass || this.outCount >= 2 ? [this.#out(j, 'NEXT', input, [ev.t])] : [];
      }
      case 'TO_LIST':
      case 'BUFFER_COMPLETE':
        this.collected.push(...input);
        return [];
      case 'BUFFER_COUNT': {
        this.collected.push(...input);
        if (this.collected.length < 2) return [];
        const value = [this.collected];
        this.collected = [];
        return [this.#out(0, 'NEXT', value, [ev.t])];
      }
      case 'JUST':
        return [this.#out(0, 'NEXT', [this.node.constantsMap['value'] ?? seed], [ev.t])];
      default:
        return [this.#out(0, 'NEXT', input.length ? [...input] : synthStream(this.node.outs[0], seed), [ev.t])];
    }
  }

  #complete(ev: InEvent): QueuedEvent[] {
    if (ev.stream >= 0 && ev.stream < this.completedIn.length) this.completedIn[ev.stream]!++;
    const allDone = this.edgesIn.every((n, i) => n === 0 || (this.completedIn[i] ?? 0) >= n);
    if (!allDone) return [];
    this.done = true;
    const out: QueuedEvent[] = [];
    const impl = this.node.implementation;
    if (this.node.__typename === 'ReactiveNode' && (impl === 'TO_LIST' || impl === 'BUFFER_COMPLETE')) {
      out.push(this.#out(0, 'NEXT', [this.collected], [ev.t]));
    }
    for (let j = 0; j < this.outCount; j++) out.push(this.#out(j, 'COMPLETE', null, [ev.t]));
    return out;
  }
}

/**
 * Runs `flow` to its end and yields every record the engine would send. Deterministic: the same
 * flow and options always give the same records.
 */
export function* executeFlow(flow: GqlFlow, options: EngineOptions = {}): Generator<EngineRecord, void, void> {
  const interval = options.snapshotInterval ?? 40;
  const nodes = flow.graph.nodes;
  const argNode = nodes.find((n) => n.__typename === 'ArgNode');
  const returnNode = nodes.find((n) => n.__typename === 'ReturnNode');
  const routes = new Map<string, { target: string; stream: number }[]>();
  const edgesIn = new Map<string, number[]>();
  for (const node of nodes) edgesIn.set(node.id, node.ins.map(() => 0));
  for (const edge of flow.graph.edges) {
    const key = `${edge.source}\u0000${edge.sourceHandle}`;
    const stream = handleIndex(edge.targetHandle);
    let list = routes.get(key);
    if (!list) routes.set(key, (list = []));
    list.push({ target: edge.target, stream });
    const counts = edgesIn.get(edge.target);
    if (counts && stream >= 0) {
      while (counts.length <= stream) counts.push(0);
      counts[stream]!++;
    }
  }
  const atoms = new Map<string, Atom>();
  for (const node of nodes) {
    if (node.__typename === 'RekuestMapActionNode' || node.__typename === 'RekuestFilterActionNode' || node.__typename === 'ReactiveNode') {
      atoms.set(node.id, new Atom(node, options.behaviours?.get(node.id) ?? {}, edgesIn.get(node.id) ?? []));
    }
  }

  const queue: QueuedEvent[] = [];
  let head = 0;
  const latestSource: string[] = [];
  const seenSource = new Set<string>();
  const noteSource = (s: string): void => {
    if (!seenSource.has(s)) {
      seenSource.add(s);
      latestSource.push(s);
    }
  };
  yield { type: 'snapshot', t: 0, latestSources: [] };

  if (argNode) {
    const args = options.args ?? synthStream(argNode.outs[0], 1);
    queue.push({ source: argNode.id, handle: 'return_0', kind: 'NEXT', value: [...args], exception: null, causedBy: [0] });
    queue.push({ source: argNode.id, handle: 'return_0', kind: 'COMPLETE', value: null, exception: null, causedBy: [0] });
  }
  // Source atoms (no in-edges, empty ins[0]) get an untracked NEXT [] and COMPLETE.
  for (const atom of atoms.values()) {
    const wired = atom.edgesIn.some((n) => n > 0);
    if (!wired && (atom.node.ins[0]?.length ?? 0) === 0) {
      queue.push(...atom.receive({ stream: 0, kind: 'NEXT', value: [], exception: null, t: 0 }));
      queue.push(...atom.receive({ stream: 0, kind: 'COMPLETE', value: null, exception: null, t: 0 }));
    }
  }

  let t = 0;
  while (head < queue.length) {
    const ev = queue[head]!;
    queue[head++] = undefined as unknown as QueuedEvent;
    if (head > 4096 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    yield {
      type: 'track',
      source: ev.source,
      handle: ev.handle,
      kind: ev.kind,
      t,
      value: ev.kind === 'NEXT' ? ev.value : null,
      exception: ev.kind === 'ERROR' ? ev.exception : null,
      causedBy: ev.causedBy,
    };
    noteSource(ev.source);
    if (t % interval === 0) yield { type: 'snapshot', t, latestSources: [...latestSource] };
    const currentT = t;
    const targets = routes.get(`${ev.source}\u0000${ev.handle}`) ?? [];
    t++;
    let finish: CloseRecord['outcome'] | undefined;
    for (const route of targets) {
      if (returnNode && route.target === returnNode.id) {
        yield {
          type: 'track',
          source: returnNode.id,
          handle: 'return_0',
          kind: ev.kind,
          t,
          value: ev.kind === 'NEXT' ? ev.value : null,
          exception: ev.kind === 'ERROR' ? ev.exception : null,
          causedBy: ev.causedBy,
        };
        noteSource(returnNode.id);
        if (ev.kind === 'ERROR') finish = 'error';
        else if (ev.kind === 'COMPLETE') finish = 'success';
        if (finish) break;
        continue;
      }
      const atom = atoms.get(route.target);
      if (!atom) continue;
      queue.push(...atom.receive({ stream: route.stream, kind: ev.kind, value: ev.value, exception: ev.exception, t: currentT }));
    }
    if (finish) {
      yield { type: 'snapshot', t, latestSources: [...latestSource] };
      yield { type: 'close', t, outcome: finish };
      return;
    }
  }
  yield { type: 'snapshot', t, latestSources: [...latestSource] };
  yield { type: 'close', t, outcome: 'drained' };
}
