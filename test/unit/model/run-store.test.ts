// RunStore: the spec 3.2 worked example at every t, an independent brute-force reduction over the
// legacy run export and over generated runs, arrival order and duplicates, outcome rules.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RunStore, compareEvents, normalizeRunEvent, parseRunExport, parseWorkflow } from '../../../src/model/index.js';
import type { NodeStatus, RunEvent, RunState, Workflow } from '../../../src/model/index.js';
import { prng as rng } from '../../../dev-server/seed/prng.js';

const port = (key: string, kind = 'INT') => ({ key, kind, nullable: false });

/** The spec 1.11 minimal flow, written out here: arg -> middle -> returns (optionally middle inside a group). */
function exampleFlow(grouped = false): Workflow {
  const nodes: Record<string, unknown>[] = [
    { __typename: 'ArgNode', id: 'arg', kind: 'ARGS', title: 'arg', ins: [[]], outs: [[port('x')]] },
    { __typename: 'RekuestMapActionNode', id: 'middle', kind: 'REKUEST', title: 'middle', ins: [[port('x')]], outs: [[port('return0')]], hash: 'h', actionKind: 'FUNCTION', mapStrategy: 'MAP', allowLocalExecution: false, ...(grouped ? { parentNode: 'grp' } : {}) },
    { __typename: 'ReturnNode', id: 'returns', kind: 'RETURNS', title: 'returns', ins: [[port('out')]], outs: [[]] },
  ];
  if (grouped) nodes.unshift({ __typename: 'AgentSubFlowNode', id: 'grp', kind: 'AGENT_SUBFLOW', ins: [[]], outs: [[]], autoResolvable: true });
  const r = parseWorkflow({
    nodes,
    edges: [
      { id: 'e1', source: 'arg', sourceHandle: 'return_0', target: 'middle', targetHandle: 'arg_0', stream: [] },
      { id: 'e2', source: 'middle', sourceHandle: 'return_0', target: 'returns', targetHandle: 'arg_0', stream: [] },
    ],
  });
  assert.deepEqual(r.diagnostics, []);
  return r.workflow!;
}

/** The spec 3.2 worked example as GraphQL events (causedBy as strings); ids follow the table rows. */
const RAW_EXAMPLE = [
  { id: '1', t: 0, source: 'arg', handle: 'return_0', kind: 'NEXT', value: [1], causedBy: ['0'] },
  { id: '2', t: 1, source: 'arg', handle: 'return_0', kind: 'COMPLETE', value: null, causedBy: ['0'] },
  { id: '3', t: 2, source: 'middle', handle: 'return_0', kind: 'NEXT', value: [2], causedBy: ['0'] },
  { id: '4', t: 3, source: 'returns', handle: 'return_0', kind: 'NEXT', value: [2], causedBy: ['0'] },
  { id: '5', t: 3, source: 'middle', handle: 'return_0', kind: 'COMPLETE', value: null, causedBy: ['1'] },
  { id: '6', t: 4, source: 'returns', handle: 'return_0', kind: 'COMPLETE', value: null, causedBy: ['1'] },
];
const exampleEvents = (): RunEvent[] => RAW_EXAMPLE.map((r) => normalizeRunEvent(r).event!);

const statuses = (s: RunState, ids: string[]): NodeStatus[] => ids.map((id) => s.nodes.get(id)!.status);

describe('RunStore: spec 3.2 worked example', () => {
  const wf = exampleFlow();
  const store = new RunStore(wf, exampleEvents(), 'RUNNING');
  const ids = ['arg', 'middle', 'returns'];

  it('status of every node at every t 0..4, with the t = 3 collision', () => {
    // `running` = an incoming edge's source handle emitted a NEXT newer than the node's latest event
    // (received, not yet answered). middle stays running at t=1 although arg's latest event there is COMPLETE.
    const expected: Record<number, NodeStatus[]> = {
      0: ['active', 'running', 'idle'],
      1: ['completed', 'running', 'idle'],
      2: ['completed', 'active', 'running'],
      3: ['completed', 'completed', 'active'],
      4: ['completed', 'completed', 'completed'],
    };
    for (let t = 0; t <= 4; t++) assert.deepEqual(statuses(store.stateAt(t), ids), expected[t], `t=${t}`);
    assert.deepEqual(statuses(store.stateAt(-1), ids), ['idle', 'idle', 'idle']);
    assert.deepEqual(statuses(store.stateAt(), ids), expected[4]);
  });

  it('last events, NEXT counts and zipped values', () => {
    const last = (t: number) => ids.map((id) => store.stateAt(t).nodes.get(id)!.lastEvent?.id ?? null);
    assert.deepEqual([0, 1, 2, 3, 4].map(last), [
      ['1', null, null],
      ['2', null, null],
      ['2', '3', null],
      ['2', '5', '4'],
      ['2', '5', '6'],
    ]);
    const counts = (t: number) => ids.map((id) => store.stateAt(t).nodes.get(id)!.nextCount);
    assert.deepEqual([0, 1, 2, 3, 4].map(counts), [
      [1, 0, 0],
      [1, 0, 0],
      [1, 1, 0],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    const s = store.stateAt(4);
    assert.deepEqual(s.nodes.get('arg')!.values.map((v) => [v.key, v.value]), [['x', 1]]);
    assert.deepEqual(s.nodes.get('middle')!.values.map((v) => [v.key, v.value]), [['return0', 2]]);
    assert.deepEqual(s.nodes.get('returns')!.values.map((v) => [v.key, v.value]), [['out', 2]], 'ReturnNode zips with ins[0]');
  });

  it('edges: latest event on the source handle and in-flight marking (t collisions)', () => {
    const edges = (t: number) => {
      const s = store.stateAt(t);
      return ['e1', 'e2'].map((id) => [s.edges.get(id)!.lastEvent?.id ?? null, s.edges.get(id)!.inFlight]);
    };
    assert.deepEqual(edges(0), [['1', true], [null, false]]);
    assert.deepEqual(edges(1), [['2', true], [null, false]]);
    assert.deepEqual(edges(2), [['2', false], ['3', true]]);
    assert.deepEqual(edges(3), [['2', false], ['5', true]]);
    assert.deepEqual(edges(4), [['2', false], ['5', false]]);
    assert.deepEqual(store.stateAt(3).inFlight.map((e) => e.id), ['4', '5']);
  });

  it('outcome: running until the ReturnNode completes; results zipped with ReturnNode.ins[0]', () => {
    assert.deepEqual([0, 1, 2, 3, 4].map((t) => store.outcome(t)), ['running', 'running', 'running', 'running', 'succeeded']);
    assert.equal(store.outcome(4, 'COMPLETED'), 'succeeded');
    assert.equal(store.outcome(2, 'COMPLETED'), 'running', 'scrubbing before the end of a completed run');
    assert.deepEqual(store.results().map((r) => r.values.map((v) => [v.key, v.value])), [[['out', 2]]]);
    assert.deepEqual(store.results(2), []);
  });

  it('causesOf follows causedBy t values to predecessor events (ReturnNode: the event just before)', () => {
    const ev = (id: string) => store.get(id)!;
    const causes = (id: string) => store.causesOf(ev(id)).map((e) => e.id);
    assert.deepEqual(causes('1'), []);
    assert.deepEqual(causes('3'), ['1']);
    assert.deepEqual(causes('4'), ['3']);
    assert.deepEqual(causes('5'), ['2']);
    assert.deepEqual(causes('6'), ['5']);
  });

  it('range, eventsInRange, changedBetween', () => {
    assert.deepEqual(store.range(), { min: 0, max: 4 });
    assert.deepEqual(store.eventsInRange(1, 3).map((e) => e.id), ['2', '3', '4', '5']);
    assert.deepEqual(store.eventsInRange(3, 1), []);
    const c = store.changedBetween(1, 2);
    assert.deepEqual([...c.nodes].sort(), ['arg', 'middle', 'returns']);
    assert.deepEqual([...c.edges].sort(), ['e1', 'e2']);
    const same = store.changedBetween(4, 4);
    assert.deepEqual([...same.nodes].sort(), ['returns']);
    // changedNodesBetween covers every node whose state differs
    for (let a = -1; a <= 4; a++) {
      for (let b = -1; b <= 4; b++) {
        const changed = store.changedNodesBetween(a, b);
        const sa = store.stateAt(a);
        const sb = store.stateAt(b);
        for (const id of ids) {
          const x = sa.nodes.get(id)!;
          const y = sb.nodes.get(id)!;
          if (x.status !== y.status || x.lastEvent !== y.lastEvent) assert.ok(changed.has(id), `${id} between ${a} and ${b}`);
        }
      }
    }
  });

  it('an AgentSubFlowNode aggregates its children', () => {
    const g = new RunStore(exampleFlow(true), exampleEvents());
    assert.deepEqual([0, 1, 2, 3, 4].map((t) => g.stateAt(t).nodes.get('grp')!.status), ['running', 'running', 'active', 'completed', 'completed']);
    assert.deepEqual([...g.changedNodesBetween(1, 2)].includes('grp'), true);
  });

  it('errors: errored node with exception, errored group, failed outcome', () => {
    const g = new RunStore(exampleFlow(true), exampleEvents().slice(0, 2));
    g.append(normalizeRunEvent({ id: '3', t: 2, source: 'middle', handle: 'return_0', kind: 'ERROR', exception: 'It broke', causedBy: ['0'] }).event!);
    const s = g.stateAt();
    assert.equal(s.nodes.get('middle')!.status, 'errored');
    assert.equal(s.nodes.get('middle')!.exception, 'It broke');
    assert.equal(s.nodes.get('grp')!.status, 'errored');
    assert.equal(g.outcome(), 'failed', 'a RUNNING run with an error is failing');
    assert.equal(g.outcome(1), 'running');
    assert.equal(g.outcome(undefined, 'COMPLETED'), 'failed');
  });

  it('outcome: COMPLETED without a ReturnNode COMPLETE failed; legacy null status stays running', () => {
    const partial = new RunStore(exampleFlow(), exampleEvents().slice(0, 4));
    assert.equal(partial.outcome(undefined, 'COMPLETED'), 'failed');
    assert.equal(partial.outcome(undefined, 'RUNNING'), 'running');
    assert.equal(partial.outcome(undefined, null), 'running');
    partial.setStatus('COMPLETED');
    assert.equal(partial.outcome(), 'failed');
    assert.equal(new RunStore(exampleFlow()).outcome(), 'running');
  });
});

// ---------- independent brute-force reduction (linear scans over the sorted list) ----------

interface Brute {
  status: NodeStatus;
  last: string | null;
  nextCount: number;
}
function bruteNodes(sorted: RunEvent[], wf: Workflow, T: number): Map<string, Brute> {
  const pos = new Map(sorted.map((e, i) => [e.id, i]));
  const out = new Map<string, Brute>();
  for (const n of wf.nodes) {
    let last: RunEvent | null = null;
    let nextCount = 0;
    for (const e of sorted) {
      if (e.source !== n.id || e.t > T) continue;
      last = e;
      if (e.kind === 'NEXT') nextCount++;
    }
    let status: NodeStatus = last === null ? 'idle' : last.kind === 'COMPLETE' ? 'completed' : last.kind === 'ERROR' ? 'errored' : 'active';
    if (status !== 'completed' && status !== 'errored') {
      for (const edge of wf.edges.filter((x) => x.target === n.id)) {
        let fed: RunEvent | null = null;
        for (const e of sorted) if (e.source === edge.source && e.handle === edge.sourceHandle && e.kind === 'NEXT' && e.t <= T) fed = e;
        if (fed !== null && (last === null || pos.get(fed.id)! > pos.get(last.id)!)) status = 'running';
      }
    }
    out.set(n.id, { status, last: last?.id ?? null, nextCount });
  }
  return out;
}
function bruteEdges(sorted: RunEvent[], wf: Workflow, T: number): Map<string, [string | null, boolean]> {
  let maxT = -Infinity;
  for (const e of sorted) if (e.t <= T && e.t > maxT) maxT = e.t;
  const out = new Map<string, [string | null, boolean]>();
  for (const edge of wf.edges) {
    let last: string | null = null;
    let inFlight = false;
    for (const e of sorted) {
      if (e.source !== edge.source || e.handle !== edge.sourceHandle || e.t > T) continue;
      last = e.id;
      if (e.t === maxT) inFlight = true;
    }
    out.set(edge.id, [last, inFlight]);
  }
  return out;
}
function assertMatchesBrute(store: RunStore, sorted: RunEvent[], wf: Workflow, T: number): void {
  const s = store.stateAt(T);
  for (const [id, b] of bruteNodes(sorted, wf, T)) {
    const got = s.nodes.get(id)!;
    if (wf.nodes.find((n) => n.id === id)!.kind === 'agent-subflow') continue;
    assert.deepEqual({ status: got.status, last: got.lastEvent?.id ?? null, nextCount: got.nextCount }, b, `node ${id} at T=${T}`);
  }
  for (const [id, [last, inFlight]] of bruteEdges(sorted, wf, T)) {
    const got = s.edges.get(id)!;
    assert.deepEqual([got.lastEvent?.id ?? null, got.inFlight], [last, inFlight], `edge ${id} at T=${T}`);
  }
}

function shuffle<T>(arr: T[], rand: () => number): T[] {
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** A generated run over the example flow: random sources and kinds, colliding t values, numeric ids. */
function generatedRun(seed: number, n: number, advance = 0.7): RunEvent[] {
  const rand = rng(seed);
  const sources = ['arg', 'middle', 'returns'];
  const kinds = ['NEXT', 'NEXT', 'NEXT', 'COMPLETE', 'ERROR'];
  const out: RunEvent[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    if (rand() < advance) t++;
    const kind = kinds[Math.floor(rand() * kinds.length)]!;
    out.push(normalizeRunEvent({ id: String(1000 + i * 7 - Math.floor(rand() * 5)), t, source: sources[Math.floor(rand() * 3)]!, handle: 'return_0', kind, value: [i], causedBy: [String(t - 1)] }).event!);
  }
  return out;
}

describe('RunStore: equals a brute-force reduction', () => {
  it('generated runs with t collisions, at every T', () => {
    const wf = exampleFlow();
    for (const [seed, advance] of [[1, 0.7], [2, 0.7], [3, 0.7], [4, 0.05]] as const) {
      const events = generatedRun(seed, 300, advance);
      const sorted = [...new Map(events.map((e) => [e.id, e])).values()].sort(compareEvents);
      const store = new RunStore(wf, events);
      assert.equal(store.size, sorted.length);
      assert.deepEqual(store.events.map((e) => e.id), sorted.map((e) => e.id));
      for (let T = -1; T <= sorted.at(-1)!.t + 1; T += 3) assertMatchesBrute(store, sorted, wf, T);
    }
  });

  const FIXTURE = resolve(process.cwd(), '../shared/fixtures/legacy/legacy-run-2832-export.json');
  const skip = existsSync(FIXTURE) ? false : `fixture missing: ${FIXTURE}`;
  it('the legacy run export (1286 events) at many T', { skip }, () => {
    const r = parseRunExport(readFileSync(FIXTURE, 'utf8'));
    const wf = r.workflow!;
    const sorted = r.events.slice().sort(compareEvents);
    const store = new RunStore(wf, r.events, r.run!.status);
    const Ts = [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 39, 40, 41, 200, 641, 1000, 1284, 1285, 99999];
    for (let T = 13; T < 1286; T += 97) Ts.push(T);
    for (const T of Ts) assertMatchesBrute(store, sorted, wf, T);
    // facts: t=0/1 ArgNode NEXT/COMPLETE; by the end the two source nodes completed
    const end = store.stateAt();
    assert.equal(end.nodes.get('1')!.status, 'completed');
    assert.equal(store.stateAt(0).nodes.get('1')!.status, 'active');
    assert.equal(end.nodes.get('arkid-048aad27-45ec-4fdb-bf48-8e109fead5e2')!.status, 'completed');
    assert.equal(store.outcome(), 'running', 'legacy status null, ReturnNode never tracked');
    // WITHLATEST causedBy [6, 4, 2] -> the three predecessor events
    const withLatest = store.events.find((e) => e.t === 7)!;
    assert.deepEqual(store.causesOf(withLatest).map((e) => e.t).sort((a, b) => a - b), [2, 4, 6]);
  });

  it('many events sharing one t (collisions) mark in-flight edges like the brute force', () => {
    const wf = exampleFlow();
    const events = generatedRun(5, 200, 0.02);
    const sorted = [...new Map(events.map((e) => [e.id, e])).values()].sort(compareEvents);
    const store = new RunStore(wf, events);
    assert.ok(store.inFlightAt(store.range()!.max).length > 8, 'more than 8 events at the last t');
    for (let T = -1; T <= sorted.at(-1)!.t + 1; T++) assertMatchesBrute(store, sorted, wf, T);
  });

  it('duplicates and shuffled arrival give the same state as sorted input', () => {
    const wf = exampleFlow();
    const events = [...generatedRun(9, 400), ...exampleEvents().map((e) => ({ ...e, id: `x${e.id}` }))];
    const sorted = new RunStore(wf, [...events].sort(compareEvents));
    const rand = rng(42);
    for (let round = 0; round < 3; round++) {
      const noisy = shuffle([...events, ...events.slice(0, 100), ...events.filter((_, i) => i % 3 === 0)], rand);
      const live = new RunStore(wf);
      // mixed arrival: big shuffled batches, small batches and single events
      let i = 0;
      while (i < noisy.length) {
        const size = [1, 5, 17, 120][Math.floor(rand() * 4)]!;
        const chunk = noisy.slice(i, i + size);
        if (size === 1) live.append(chunk[0]!);
        else live.append(chunk);
        i += size;
      }
      assert.equal(live.size, sorted.size);
      assert.deepEqual(live.events.map((e) => e.id), sorted.events.map((e) => e.id));
      for (let T = -1; T <= sorted.range()!.max + 1; T += 5) {
        const a = live.stateAt(T);
        const b = sorted.stateAt(T);
        for (const [id, s] of b.nodes) {
          const o = a.nodes.get(id)!;
          assert.deepEqual([o.status, o.lastEvent?.id, o.nextCount], [s.status, s.lastEvent?.id, s.nextCount], `${id} T=${T}`);
        }
        assert.deepEqual([...a.edges.values()].map((e) => [e.lastEvent?.id, e.inFlight]), [...b.edges.values()].map((e) => [e.lastEvent?.id, e.inFlight]));
      }
    }
  });

  it('version increases only when content changes; duplicates are ignored', () => {
    const store = new RunStore(exampleFlow());
    const v0 = store.version;
    assert.equal(store.append(exampleEvents()), 6);
    const v1 = store.version;
    assert.ok(v1 > v0);
    assert.equal(store.append(exampleEvents()), 0);
    assert.equal(store.version, v1);
    assert.equal(store.append(exampleEvents()[0]!), 0);
    assert.equal(store.size, 6);
  });
});

describe('compareEvents', () => {
  it('orders by t, then numeric-string ids numerically, then other ids', () => {
    const ev = (t: number, id: string) => ({ t, id });
    const list = [ev(1, '10'), ev(1, '9'), ev(0, 'b'), ev(1, 'a'), ev(0, '100000000000000000000001'), ev(0, '99999999999999999999999'), ev(1, '010')];
    assert.deepEqual(list.sort(compareEvents).map((e) => `${e.t}:${e.id}`), [
      '0:99999999999999999999999',
      '0:100000000000000000000001',
      '0:b',
      '1:9',
      '1:010',
      '1:10',
      '1:a',
    ]);
  });
});
