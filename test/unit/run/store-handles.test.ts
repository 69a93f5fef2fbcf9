// RunStore keeps one list per source while every event is on one handle, and splits the lists when
// a second handle shows up: per-handle answers (edge lastEvent, running from an input handle) must
// stay exact across that switch, whichever append path (single, in-order page, out-of-order page) saw it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RunStore } from '../../../src/model/run-store.js';
import type { RunEvent, Workflow, WorkflowEdge, WorkflowNode } from '../../../src/model/types.js';

const node = (id: string, kind: WorkflowNode['kind']): WorkflowNode => ({ id, kind, title: id, ins: [[]], outs: [[], []] }) as unknown as WorkflowNode;
const edge = (id: string, source: string, sourceHandle: string, target: string): WorkflowEdge =>
  ({ id, source, sourceHandle, target, targetHandle: 'arg_0', sourceStream: 0, targetStream: 0, kind: 'vanilla', items: [] }) as unknown as WorkflowEdge;

const workflow = {
  generation: 'G2', id: 'f', title: 'f', description: '', globals: [],
  nodes: [node('a', 'rekuest-map'), node('b', 'rekuest-map'), node('c', 'rekuest-map')],
  edges: [edge('a0', 'a', 'return_0', 'b'), edge('a1', 'a', 'return_1', 'c')],
} as unknown as Workflow;

/** `a` emits on return_0 only for a while, then on both handles. */
function events(): RunEvent[] {
  const out: RunEvent[] = [];
  for (let t = 1; t <= 60; t++) {
    const handle = t > 40 && t % 3 === 0 ? 'return_1' : 'return_0';
    out.push({ id: String(t), source: 'a', handle, kind: t === 60 ? 'COMPLETE' : 'NEXT', t, causedBy: [], value: [t] } as RunEvent);
  }
  return out;
}

/** The latest event of `a` on `handle` with t <= T, by a scan. */
const lastOn = (evs: RunEvent[], handle: string, T: number) => evs.filter((e) => e.handle === handle && e.t <= T).at(-1) ?? null;

function check(store: RunStore, evs: RunEvent[], what: string): void {
  for (let T = 0; T <= 61; T++) {
    const s = store.stateAt(T);
    assert.equal(s.edges.get('a0')!.lastEvent, lastOn(evs, 'return_0', T), `${what}: a0 at ${T}`);
    assert.equal(s.edges.get('a1')!.lastEvent, lastOn(evs, 'return_1', T), `${what}: a1 at ${T}`);
    const fedC = evs.some((e) => e.handle === 'return_1' && e.kind === 'NEXT' && e.t <= T);
    assert.equal(s.nodes.get('c')!.status, fedC ? 'running' : 'idle', `${what}: c at ${T}`);
  }
}

describe('RunStore per-handle lists across the single-handle switch', () => {
  const evs = events();
  it('single appends', () => {
    const store = new RunStore(workflow);
    for (const e of evs) store.append(e);
    check(store, evs, 'single');
  });
  it('in-order pages', () => {
    const store = new RunStore(workflow);
    for (let i = 0; i < evs.length; i += 7) store.appendMany(evs.slice(i, i + 7));
    check(store, evs, 'pages');
  });
  it('out-of-order pages (merge) and out-of-order single inserts', () => {
    const store = new RunStore(workflow);
    store.appendMany(evs.slice(0, 30));
    store.appendMany(evs.slice(45).reverse());
    store.appendMany(evs.slice(30, 45).reverse()); // merged in between: the switch happens here
    check(store, evs, 'merge');
    const one = new RunStore(workflow);
    one.appendMany(evs.slice(20));
    for (const e of evs.slice(0, 20).reverse()) one.append(e);
    check(one, evs, 'insert');
  });
});
