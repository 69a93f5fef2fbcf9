/**
 * Project-generated runs for tests and benchmarks: a workflow (ArgNode -> generator -> a tree of
 * map nodes -> ReturnNode) and the events the engine would track for it, by the rules of spec
 * 3.2 (queue order, t collisions at the ReturnNode, causedBy as t values, ERROR propagation).
 * Shaped like real runs; no fixture content.
 */
import type { Port, Run, RunEvent, Workflow, WorkflowEdge, WorkflowNode } from '../../../../src/model/types.js';
import { prng as rng } from '../../../../dev-server/seed/prng.js';

export interface GenerateRunOptions {
  /** Map nodes between the generator and the ReturnNode (>= 1). */
  readonly nodes: number;
  /** Items the generator emits. */
  readonly items: number;
  /** A node that fails on its `failOnNext`-th input. */
  readonly failNode?: string;
  readonly failOnNext?: number;
  readonly seed?: number;
  /** Wall clock of t = 0 (ms). */
  readonly startMs?: number;
  /** Milliseconds between consecutive t. */
  readonly msPerT?: number;
  /** Status of the run record. Default COMPLETED. */
  readonly status?: 'RUNNING' | 'COMPLETED';
}

export interface GeneratedRun {
  readonly workflow: Workflow;
  readonly run: Run;
  readonly events: RunEvent[];
}

const port = (key: string, kind = 'INT'): Port => ({ key, label: key, kind, nullable: false, children: [] });

function node(id: string, kind: WorkflowNode['kind'], title: string, ins: Port[][], outs: Port[][], position: { x: number; y: number }): WorkflowNode {
  return {
    id,
    kind,
    typename: kind === 'args' ? 'ArgNode' : kind === 'returns' ? 'ReturnNode' : 'RekuestMapActionNode',
    title,
    description: '',
    ins,
    outs,
    constants: [],
    voids: [],
    constantsMap: new Map(),
    globalsMap: new Map(),
    position,
  };
}


/** The generated workflow and its events. */
export function generateRun(options: GenerateRunOptions): GeneratedRun {
  const count = Math.max(1, Math.floor(options.nodes));
  const random = rng(options.seed ?? 7);
  const nodes: WorkflowNode[] = [];
  const edges: WorkflowEdge[] = [];
  const depth = new Map<string, number>();
  const rows = new Map<number, number>();
  const place = (id: string, d: number) => {
    depth.set(id, d);
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    return { x: d * 260, y: row * 110 };
  };
  nodes.push(node('arg', 'args', 'Inputs', [], [[port('count')]], place('arg', 0)));
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const id = `n${i}`;
    // The first node is the generator; the others hang off a recent earlier node (a deep tree).
    const parent = i === 1 ? 'arg' : ids[Math.max(0, ids.length - 1 - Math.floor(random() * Math.min(ids.length, 8)))]!;
    const d = (depth.get(parent) ?? 0) + 1;
    nodes.push(node(id, 'rekuest-map', i === 1 ? 'Generate items' : `Process ${i}`, [[port('value')]], [[port('value')]], place(id, d)));
    edges.push(edge(parent, id));
    ids.push(id);
  }
  const last = ids[ids.length - 1]!;
  nodes.push(node('ret', 'returns', 'Outputs', [[port('value')]], [], place('ret', (depth.get(last) ?? 0) + 1)));
  edges.push(edge(last, 'ret'));
  const workflow: Workflow = { generation: 'G2', id: 'generated-flow', title: `Generated run (${count} nodes)`, description: '', nodes, edges, globals: [] };
  const events = simulate(workflow, options);
  const run: Run = { id: 'generated-run', taskId: 'generated-task', status: options.status ?? 'COMPLETED', createdAt: iso(options.startMs ?? Date.UTC(2026, 0, 1)), flow: workflow, snapshots: snapshotsOf(events) };
  return { workflow, run, events };
}

function edge(source: string, target: string): WorkflowEdge {
  return { id: `${source}->${target}`, source, sourceStream: 0, target, targetStream: 0, sourceHandle: 'return_0', targetHandle: 'arg_0', kind: 'vanilla', items: [{ kind: 'INT', label: 'value' }] };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function snapshotsOf(events: readonly RunEvent[]): Run['snapshots'] {
  const max = events.length ? events[events.length - 1]!.t : 0;
  const out: { id: string; t: number }[] = [];
  for (let t = 0; t <= max; t += 40) out.push({ id: `s${t}`, t });
  return out;
}

interface OutEvent {
  readonly source: string;
  readonly kind: 'NEXT' | 'COMPLETE' | 'ERROR';
  readonly value: unknown;
  readonly causedBy: readonly number[];
  readonly exception?: string;
}

/** Runs the engine loop of spec 3.2 over the generated workflow. */
function simulate(workflow: Workflow, options: GenerateRunOptions): RunEvent[] {
  const out = new Map<string, WorkflowEdge[]>();
  for (const e of workflow.edges) {
    const list = out.get(e.source) ?? [];
    list.push(e);
    out.set(e.source, list);
  }
  const start = options.startMs ?? Date.UTC(2026, 0, 1);
  const msPerT = options.msPerT ?? 7;
  const events: RunEvent[] = [];
  const received = new Map<string, number>();
  const stopped = new Set<string>();
  let id = 1000;
  let t = 0;
  const track = (source: string, e: OutEvent, at: number) => {
    const ev: RunEvent = {
      id: String(id++),
      source,
      handle: 'return_0',
      kind: e.kind,
      t: at,
      causedBy: e.causedBy,
      value: e.kind === 'NEXT' ? e.value : null,
      createdAt: iso(start + at * msPerT),
      ...(e.kind === 'ERROR' ? { exception: e.exception ?? 'failed' } : {}),
    };
    events.push(ev);
  };
  // A ring buffer keeps the queue O(1) for runs with a million events.
  const queue: OutEvent[] = [
    { source: 'arg', kind: 'NEXT', value: [options.items], causedBy: [0] },
    { source: 'arg', kind: 'COMPLETE', value: null, causedBy: [0] },
  ];
  let head = 0;
  while (head < queue.length) {
    const ev = queue[head++]!;
    track(ev.source, ev, t);
    const current = t;
    t++;
    for (const e of out.get(ev.source) ?? []) {
      const target = e.target;
      if (target === 'ret') {
        track('ret', { ...ev }, t);
        continue;
      }
      if (stopped.has(target)) continue;
      if (ev.kind === 'ERROR') {
        stopped.add(target);
        queue.push({ source: target, kind: 'ERROR', value: null, causedBy: [current], exception: ev.exception ?? 'upstream error' });
        continue;
      }
      if (ev.kind === 'COMPLETE') {
        stopped.add(target);
        queue.push({ source: target, kind: 'COMPLETE', value: null, causedBy: [current] });
        continue;
      }
      const n = (received.get(target) ?? 0) + 1;
      received.set(target, n);
      if (target === options.failNode && n === (options.failOnNext ?? 2)) {
        stopped.add(target);
        queue.push({ source: target, kind: 'ERROR', value: null, causedBy: [current], exception: `ValueError: item ${n} could not be processed` });
        continue;
      }
      if (target === 'n1') {
        const items = Array.isArray(ev.value) ? Number(ev.value[0]) : 0;
        for (let k = 0; k < items; k++) queue.push({ source: target, kind: 'NEXT', value: [k], causedBy: [current] });
      } else {
        queue.push({ source: target, kind: 'NEXT', value: [Array.isArray(ev.value) ? Number(ev.value[0]) * 2 : 0], causedBy: [current] });
      }
    }
  }
  return events;
}
