// The control API (scenarios, stepping, faults, stats) and Fluss-like query semantics
// (eventsBetween from the snapshot at or before min, max 0 = no bound, ordering, pagination).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startDevServer, type DevServer } from '../../../dev-server/server.js';

let server: DevServer;
before(async () => {
  server = await startDevServer({ token: 'ctl' });
});
after(async () => {
  await server.close();
});

async function control<T>(path: string, body?: unknown, method?: string): Promise<T> {
  const res = await fetch(`${server.origin}/control/${path}`, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { Authorization: 'Bearer ctl', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return (await res.json()) as T;
}

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: { data: T; errors?: { message: string }[] } }> {
  const res = await fetch(server.url, { method: 'POST', headers: { Authorization: 'Bearer ctl', 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : { data: null as T, errors: [{ message: text }] } };
}

test('the step scenario advances one event per /control/step', async () => {
  const { runId } = await control<{ runId: string }>('scenario', { scenario: 'step' });
  for (let i = 1; i <= 6; i++) {
    const r = await control<{ tracked: number; total: number; finished: boolean }>('step', { runId });
    assert.equal(r.tracked, 1);
    assert.equal(r.total, i);
    assert.equal(r.finished, i === 6);
  }
  const info = await control<{ status: string; eventCount: number }>(`runs/${runId}`);
  assert.equal(info.status, 'COMPLETED');
  assert.equal(info.eventCount, 6);
  const { ids } = await control<{ ids: string[] }>(`runs/${runId}/events`);
  assert.equal(ids.length, 6);
});

test('eventsBetween starts at the snapshot at or before min; max 0 means no bound', async () => {
  const runId = server.seed.runs.get('stream-small')!;
  const q = 'query($run: ID!, $min: Int, $max: Int) { eventsBetween(run: $run, min: $min, max: $max) { id t } }';
  const all = server.store.eventsInOrder(runId);
  const lastT = all[all.length - 1]!.t;
  const r1 = await gql<{ eventsBetween: { t: number }[] }>(q, { run: runId, min: 95, max: 0 });
  assert.equal(r1.body.data.eventsBetween[0]!.t, 80, 'from the snapshot at t=80');
  assert.equal(r1.body.data.eventsBetween.at(-1)!.t, lastT, 'max 0: no upper bound');
  const r2 = await gql<{ eventsBetween: { t: number }[] }>(q, { run: runId, min: 40, max: 60 });
  assert.ok(r2.body.data.eventsBetween.every((e) => e.t >= 40 && e.t <= 60));
});

test('events are paged in (t, id) order; kinds filter', async () => {
  const runId = server.seed.runs.get('image-analysis-error')!;
  const q = `query($id: ID!, $p: OffsetPaginationInput, $f: RunEventFilter) {
    run(id: $id) { events(filters: $f, ordering: [{t: ASC}, {id: ASC}], pagination: $p) { id t kind } } }`;
  const a = await gql<{ run: { events: { id: string; t: number }[] } }>(q, { id: runId, p: { offset: 0, limit: 10 } });
  const b = await gql<{ run: { events: { id: string; t: number }[] } }>(q, { id: runId, p: { offset: 10, limit: 10 } });
  const ids = [...a.body.data.run.events, ...b.body.data.run.events].map((e) => e.id);
  assert.deepEqual(ids, server.store.eventsInOrder(runId).slice(0, 20).map((e) => e.id));
  const errs = await gql<{ run: { events: { kind: string }[] } }>(q, { id: runId, f: { kinds: ['ERROR'] } });
  assert.ok(errs.body.data.run.events.length >= 3);
  assert.ok(errs.body.data.run.events.every((e) => e.kind === 'ERROR'));
});

test('faults: HTTP status, partial data and latency, then reset', async () => {
  await control('faults', { httpStatus: { status: 500, count: 1 } });
  assert.equal((await gql('{ flows { id } }')).status, 500);
  assert.equal((await gql('{ flows { id } }')).status, 200, 'count 1: only the next request');
  await control('faults', { graphqlErrors: { mode: 'partial', count: 1 } });
  const partial = await gql<{ flows: unknown[] }>('{ flows { id } }');
  assert.ok(partial.body.data.flows.length > 0);
  assert.equal(partial.body.errors?.length, 1);
  await control('faults', { latencyMs: 150 });
  const t0 = Date.now();
  await gql('{ flows { id } }');
  assert.ok(Date.now() - t0 >= 140);
  await control('faults', undefined, 'DELETE');
  assert.deepEqual(await control('faults'), {});
});

test('unknown ids give a GraphQL error with data null (non-null root fields)', async () => {
  const r = await gql('{ run(id: "987654") { id } }');
  assert.equal(r.status, 200);
  assert.equal(r.body.data, null);
  assert.match(r.body.errors![0]!.message, /does not exist/);
});

test('mutations: createRun upserts on (flow, taskId); track, snapshot and closeRun', async () => {
  const flowId = server.seed.flows.get('worked-example')!;
  const create = `mutation($f: ID!) { createRun(input: {flow: $f, taskId: "ext-1", snapshotInterval: 40}) { id status } }`;
  const r1 = await gql<{ createRun: { id: string; status: string } }>(create, { f: flowId });
  const r2 = await gql<{ createRun: { id: string } }>(create, { f: flowId });
  assert.equal(r1.body.data.createRun.id, r2.body.data.createRun.id);
  const runId = r1.body.data.createRun.id;
  const tr = await gql<{ track: { id: string; t: number; causedBy: string[]; value: unknown } }>(
    `mutation($r: ID!) { track(input: {run: $r, reference: "arg_track_0", t: 0, kind: NEXT, source: "arg", handle: "return_0", value: [5], causedBy: ["0"]}) { id t causedBy value } }`,
    { r: runId },
  );
  assert.deepEqual(tr.body.data.track.value, [5]);
  const snap = await gql<{ snapshot: { t: number; events: unknown[] } }>(`mutation($r: ID!, $e: [ID!]!) { snapshot(input: {run: $r, events: $e, t: 0}) { t events { id } } }`, {
    r: runId,
    e: [tr.body.data.track.id],
  });
  assert.deepEqual(snap.body.data.snapshot.events, [], 'like the current server, snapshot events are not linked');
  const closed = await gql<{ closeRun: { status: string } }>(`mutation($r: ID!) { closeRun(input: {run: $r}) { status } }`, { r: runId });
  assert.equal(closed.body.data.closeRun.status, 'COMPLETED');
});
