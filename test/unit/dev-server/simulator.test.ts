// The simulator follows the engine rules of spec 3.2: the worked example table, error propagation,
// snapshots, the 100,000-event stream and manual stepping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DevStore } from '../../../dev-server/store.js';
import { Simulator } from '../../../dev-server/simulator.js';
import { imageAnalysisFlow, streamFlow, workedExampleFlow } from '../../../dev-server/seed/current-flows.js';
import { generateFlow } from '../../../dev-server/seed/generator.js';
import { startScenario } from '../../../dev-server/control.js';
import { startDevServer } from '../../../dev-server/server.js';

function setup() {
  const store = new DevStore();
  const simulator = new Simulator(store);
  return { store, simulator };
}

test('the spec 3.2 worked example produces exactly the table of section 3.2', () => {
  const { store, simulator } = setup();
  const flow = store.addFlow(workedExampleFlow());
  const sim = simulator.start({ flowId: flow.id, args: [1], pace: { mode: 'manual' } });
  sim.runToEnd();
  const rows = store.eventsInOrder(sim.run.id).map((e) => [e.t, e.source, e.handle, e.kind, e.value, e.causedBy]);
  assert.deepEqual(rows, [
    [0, 'arg', 'return_0', 'NEXT', [1], ['0']],
    [1, 'arg', 'return_0', 'COMPLETE', null, ['0']],
    [2, 'middle', 'return_0', 'NEXT', [2], ['0']],
    [3, 'returns', 'return_0', 'NEXT', [2], ['0']],
    [3, 'middle', 'return_0', 'COMPLETE', null, ['1']],
    [4, 'returns', 'return_0', 'COMPLETE', null, ['1']],
  ]);
  // Snapshots at t=0 twice (initial and first event) and at t=4 (completion); then closeRun.
  assert.deepEqual(sim.run.snapshots.map((s) => s.t), [0, 0, 4]);
  assert.equal(sim.run.status, 'COMPLETED');
  assert.equal(sim.outcome, 'success');
  // Ids increase with insertion; (t, id) order equals insertion order here.
  const ids = store.eventsInOrder(sim.run.id).map((e) => Number(e.id));
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
});

test('an error in the middle propagates downstream, reaches the ReturnNode and closes the run', () => {
  const { store, simulator } = setup();
  const flow = store.addFlow(imageAnalysisFlow());
  const sim = simulator.start({ flowId: flow.id, behaviours: new Map([['denoise', { failOnNext: 2 }]]), pace: { mode: 'manual' } });
  sim.runToEnd();
  const events = store.eventsInOrder(sim.run.id);
  const errors = events.filter((e) => e.kind === 'ERROR');
  const first = errors[0]!;
  assert.equal(first.source, 'denoise');
  assert.match(first.exception ?? '', /Simulated failure/);
  assert.equal(first.value, null);
  // The error travels denoise -> in-focus -> (segment, measure) -> zip -> outputs.
  const sources = new Set(errors.map((e) => e.source));
  for (const s of ['denoise', 'in-focus', 'zip', 'outputs']) assert.ok(sources.has(s), `ERROR reaches ${s}`);
  const last = events[events.length - 1]!;
  assert.equal(last.source, 'outputs');
  assert.equal(last.kind, 'ERROR');
  // The ERROR is caused by the failing input's t.
  const cause = Number(first.causedBy[0]);
  assert.ok(events.some((e) => e.t === cause && e.kind === 'NEXT'));
  assert.equal(sim.run.status, 'COMPLETED');
  assert.equal(sim.outcome, 'error');
  // ZIP combines one input per stream: its NEXT events list two causing t values.
  const zips = events.filter((e) => e.source === 'zip' && e.kind === 'NEXT');
  assert.ok(zips.length > 0 && zips.every((z) => z.causedBy.length === 2));
  // No ReturnNode COMPLETE after an error: COMPLETED status does not mean success.
  assert.equal(events.some((e) => e.source === 'outputs' && e.kind === 'COMPLETE'), false);
});

test('snapshots fall every 40 t and ReturnNode events share t with the next event', () => {
  const { store, simulator } = setup();
  const flow = store.addFlow(streamFlow());
  const sim = simulator.start({ flowId: flow.id, behaviours: new Map([['frames', { yields: 50 }]]), pace: { mode: 'manual' } });
  sim.runToEnd();
  const ts = sim.run.snapshots.map((s) => s.t);
  for (const t of ts.slice(1, -1)) assert.equal(t % 40, 0);
  const events = store.eventsInOrder(sim.run.id);
  const returns = events.filter((e) => e.source === 'end' && e.kind === 'NEXT');
  assert.equal(returns.length, 50);
  assert.ok(returns.every((r) => events.some((e) => e.t === r.t && e.source !== 'end')), 't collisions exist');
});

test('the streaming scenario tracks at least 100,000 events', async () => {
  const server = await startDevServer({ token: 't' });
  try {
    const started = startScenario(server, { scenario: 'stream', pace: 'instant', events: 100_000 });
    const sim = server.simulator.runs.get(started.runId)!;
    await sim.done;
    const run = server.store.getRun(started.runId);
    assert.equal(run.events.length, started.expectedEvents);
    assert.ok(run.events.length >= 100_000);
    assert.equal(run.status, 'COMPLETED');
    assert.equal(sim.outcome, 'success');
  } finally {
    await server.close();
  }
});

test('a manual run advances one event per step and closes after the last one', () => {
  const { store, simulator } = setup();
  const flow = store.addFlow(workedExampleFlow());
  const sim = simulator.start({ flowId: flow.id, args: [1], pace: { mode: 'manual' } });
  for (let i = 1; i <= 6; i++) {
    assert.equal(sim.step(1), 1);
    assert.equal(sim.run.events.length, i);
  }
  assert.equal(sim.finished, true);
  assert.equal(sim.run.status, 'COMPLETED');
  assert.equal(sim.step(1), 0);
});

test('generated flows are deterministic and run to an end', () => {
  const a = generateFlow({ seed: 7, nodes: 60 });
  const b = generateFlow({ seed: 7, nodes: 60 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(generateFlow({ seed: 8, nodes: 60 }).graph, a.graph);
  const { store, simulator } = setup();
  const flow = store.addFlow(a);
  const sim = simulator.start({ flowId: flow.id, pace: { mode: 'manual' } });
  sim.runToEnd();
  assert.equal(sim.run.status, 'COMPLETED');
  assert.ok(sim.run.events.length > 5);
  const edgesPerNode = a.graph.edges.length / a.graph.nodes.length;
  assert.ok(edgesPerNode > 0.8 && edgesPerNode < 3, `edges per node ${edgesPerNode}`);
});
