// RunStore.appendMany: shuffled, duplicated and paged batches give exactly the store that sorted
// single appends give (log, per-node and per-handle indexes through stateAt, errors, results,
// causes), the first of two events with one id wins, the input is not mutated, version bumps once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RunStore, compareEvents, normalizeRunEvent, parseWorkflow } from '../../../src/model/index.js';
import type { RunEvent, Workflow } from '../../../src/model/index.js';

const port = (key: string) => ({ key, kind: 'INT', nullable: false });

/** arg -> a (two output streams) -> b (from a's second stream) -> returns, plus a -> returns. */
function flow(): Workflow {
  const r = parseWorkflow({
    nodes: [
      { __typename: 'ArgNode', id: 'arg', kind: 'ARGS', title: 'arg', ins: [[]], outs: [[port('x')]] },
      { __typename: 'RekuestMapActionNode', id: 'a', kind: 'REKUEST', title: 'a', ins: [[port('x')]], outs: [[port('y')], [port('z')]], hash: 'h', actionKind: 'FUNCTION', mapStrategy: 'MAP', allowLocalExecution: false },
      { __typename: 'RekuestMapActionNode', id: 'b', kind: 'REKUEST', title: 'b', ins: [[port('z')]], outs: [[port('w')]], hash: 'h', actionKind: 'FUNCTION', mapStrategy: 'MAP', allowLocalExecution: false },
      { __typename: 'ReturnNode', id: 'returns', kind: 'RETURNS', title: 'returns', ins: [[port('out')]], outs: [[]] },
    ],
    edges: [
      { id: 'e1', source: 'arg', sourceHandle: 'return_0', target: 'a', targetHandle: 'arg_0', stream: [] },
      { id: 'e2', source: 'a', sourceHandle: 'return_1', target: 'b', targetHandle: 'arg_0', stream: [] },
      { id: 'e3', source: 'a', sourceHandle: 'return_0', target: 'returns', targetHandle: 'arg_0', stream: [] },
      { id: 'e4', source: 'b', sourceHandle: 'return_0', target: 'returns', targetHandle: 'arg_0', stream: [] },
    ],
  });
  assert.deepEqual(r.diagnostics, []);
  return r.workflow!;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(arr: readonly T[], rand: () => number): T[] {
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Random events over the flow (and one source that is not a node), with t collisions and both handles. */
function events(seed: number, n: number, advance = 0.6): RunEvent[] {
  const rand = rng(seed);
  const sources = ['arg', 'a', 'a', 'b', 'returns', 'ghost'];
  const kinds = ['NEXT', 'NEXT', 'NEXT', 'COMPLETE', 'ERROR'];
  const out: RunEvent[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    if (rand() < advance) t++;
    const source = sources[Math.floor(rand() * sources.length)]!;
    const handle = source === 'a' && rand() < 0.5 ? 'return_1' : 'return_0';
    const kind = kinds[Math.floor(rand() * kinds.length)]!;
    // unique ids, not monotonic in arrival: (t, id) order differs from arrival order within one t
    const id = String(5000 + (i ^ 1));
    out.push(normalizeRunEvent({ id, t, source, handle, kind, value: kind === 'NEXT' ? [i] : null, causedBy: [String(Math.max(0, t - 1))], ...(kind === 'ERROR' ? { exception: `boom ${i}` } : {}) }).event!);
  }
  return out;
}

/** The reference: one event at a time, in (t, id) order, the first of each id kept. */
function reference(wf: Workflow, all: readonly RunEvent[]): RunStore {
  const firsts = new Map<string, RunEvent>();
  for (const e of all) if (!firsts.has(e.id)) firsts.set(e.id, e);
  const store = new RunStore(wf);
  for (const e of [...firsts.values()].sort(compareEvents)) store.append(e);
  return store;
}

/** Everything the indexes answer, compared: log, per node, errors, states at every T, results, causes. */
function assertSameStore(got: RunStore, want: RunStore, label: string): void {
  const ids = (xs: readonly RunEvent[]) => xs.map((e) => e.id);
  assert.equal(got.size, want.size, `${label}: size`);
  assert.deepEqual(ids(got.events), ids(want.events), `${label}: log order`);
  assert.deepEqual(got.sources().sort(), want.sources().sort(), `${label}: sources`);
  for (const s of want.sources()) assert.deepEqual(ids(got.eventsOf(s)), ids(want.eventsOf(s)), `${label}: eventsOf ${s}`);
  assert.deepEqual(ids(got.errorEvents()), ids(want.errorEvents()), `${label}: errors`);
  const max = want.range()?.max ?? 0;
  for (let T = -1; T <= max + 1; T++) {
    const a = got.stateAt(T);
    const b = want.stateAt(T);
    for (const [id, s] of b.nodes) {
      const o = a.nodes.get(id)!;
      assert.deepEqual([o.status, o.lastEvent?.id, o.lastNext?.id, o.nextCount], [s.status, s.lastEvent?.id, s.lastNext?.id, s.nextCount], `${label}: node ${id} T=${T}`);
    }
    for (const [id, s] of b.edges) {
      const o = a.edges.get(id)!;
      assert.deepEqual([o.lastEvent?.id, o.inFlight], [s.lastEvent?.id, s.inFlight], `${label}: edge ${id} T=${T}`);
    }
    assert.deepEqual(ids(a.inFlight), ids(b.inFlight), `${label}: in flight T=${T}`);
    assert.equal(got.outcome(T), want.outcome(T), `${label}: outcome T=${T}`);
  }
  assert.deepEqual(got.results().map((r) => r.event.id), want.results().map((r) => r.event.id), `${label}: results`);
  for (const e of want.events) assert.deepEqual(ids(got.causesOf(e)), ids(want.causesOf(e)), `${label}: causes of ${e.id}`);
}

describe('RunStore.appendMany', () => {
  const wf = flow();

  it('shuffled batches with duplicates equal sorted single appends', () => {
    for (const seed of [1, 2, 3]) {
      const all = events(seed, 400, seed === 3 ? 0.05 : 0.6);
      const want = reference(wf, all);
      const rand = rng(seed * 101);
      const noisy = shuffle([...all, ...all.slice(0, 80), ...all.filter((_, i) => i % 4 === 0)], rand);
      const got = new RunStore(wf);
      let i = 0;
      let added = 0;
      while (i < noisy.length) {
        const size = [0, 1, 3, 16, 17, 64, 250][Math.floor(rand() * 7)]!;
        added += got.appendMany(noisy.slice(i, i + size));
        i += size;
      }
      assert.equal(added, want.size, `seed ${seed}: appendMany returns the new events`);
      assertSameStore(got, want, `seed ${seed}`);
    }
  });

  it('in-order pages (the fast path), then late and overlapping pages (the merge path)', () => {
    const all = events(7, 1200);
    const want = reference(wf, all);
    const sorted = want.events.slice();
    const got = new RunStore(wf);
    // pages in order, but skipping every 9th event; each page overlaps the previous one by 5
    const late = sorted.filter((_, i) => i % 9 === 4);
    const lateIds = new Set(late.map((e) => e.id));
    const onTime = sorted.filter((e) => !lateIds.has(e.id));
    for (let i = 0; i < onTime.length; i += 100) got.appendMany(onTime.slice(Math.max(0, i - 5), i + 100));
    // the late ones: a big shuffled page, then small ones
    got.appendMany(shuffle(late.slice(0, 90), rng(3)));
    for (let i = 90; i < late.length; i += 4) got.appendMany(late.slice(i, i + 4));
    assertSameStore(got, want, 'paged');
  });

  it('a page that starts on the last t with a smaller id is merged, not pushed', () => {
    const mk = (id: string, t: number, source = 'a') => normalizeRunEvent({ id, t, source, handle: 'return_0', kind: 'NEXT', value: [1], causedBy: ['0'] }).event!;
    const got = new RunStore(wf);
    got.appendMany([mk('10', 1, 'arg'), mk('20', 5), mk('30', 5)]);
    got.appendMany([mk('25', 5, 'b'), mk('40', 6)]);
    assert.deepEqual(got.events.map((e) => e.id), ['10', '20', '25', '30', '40']);
    assert.deepEqual(got.eventsOf('a').map((e) => e.id), ['20', '30', '40']);
    assertSameStore(got, reference(wf, got.events), 'tie');
  });

  it('the first event of an id wins, in a batch and across batches; the input is not mutated', () => {
    const base = events(11, 60);
    const twin = { ...base[10]!, value: ['second'] };
    const batch = shuffle([...base, twin], rng(5));
    const before = batch.map((e) => e.id);
    const store = new RunStore(wf);
    assert.equal(store.appendMany(batch), 60);
    assert.deepEqual(batch.map((e) => e.id), before, 'input order untouched');
    const firstOfId = batch.find((e) => e.id === base[10]!.id)!;
    assert.equal(store.get(base[10]!.id), firstOfId);
    assert.equal(store.appendMany([{ ...base[3]!, value: ['late twin'] }]), 0);
    assert.equal(store.get(base[3]!.id), base[3]);
  });

  it('version increases once per batch that adds events, never for a batch of duplicates', () => {
    const all = events(13, 50);
    const store = new RunStore(wf);
    const v0 = store.version;
    assert.equal(store.appendMany(all.slice(0, 30)), 30);
    assert.equal(store.version, v0 + 1);
    assert.equal(store.appendMany(all.slice(0, 30)), 0);
    assert.equal(store.appendMany([]), 0);
    assert.equal(store.version, v0 + 1);
    assert.equal(store.appendMany(all.slice(25)), 20);
    assert.equal(store.version, v0 + 2);
  });

  it('append(iterable) takes the same path (generators and Sets too)', () => {
    const all = events(17, 200);
    const want = reference(wf, all);
    const a = new RunStore(wf);
    a.append(new Set(shuffle(all, rng(1))));
    a.append((function* () {
      yield* all.slice(0, 50);
    })());
    assertSameStore(a, want, 'iterable');
  });
});
