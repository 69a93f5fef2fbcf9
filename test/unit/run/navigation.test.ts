// Cursor navigation over ordered events (distinct t, errors, event at T) and the store helpers
// the run elements share (errors, sources, raw event normalization, reported outcome).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventAt, nextErrorT, nextT, previousErrorT, previousT } from '../../../src/elements/fluss-run/navigation.js';
import { createStore, errorEvents, latestT, normalizeEvents, runOutcome, sourceIds } from '../../../src/elements/fluss-run/store-access.js';
import { generateRun } from '../../browser/run/support/generate-run.js';
import type { RunEvent } from '../../../src/model/types.js';

const ev = (id: string, t: number, kind: RunEvent['kind'] = 'NEXT', source = 'a'): RunEvent => ({ id, t, kind, source, handle: 'return_0', causedBy: [0], value: null });

test('next and previous distinct t skip collisions', () => {
  const events = [ev('1', 0), ev('2', 1), ev('3', 3), ev('4', 3), ev('5', 4)];
  assert.equal(nextT(events, -1), 0);
  assert.equal(nextT(events, 1), 3);
  assert.equal(nextT(events, 3), 4);
  assert.equal(nextT(events, 4), null);
  assert.equal(previousT(events, 4), 3);
  assert.equal(previousT(events, 3), 1);
  assert.equal(previousT(events, 0), null);
  assert.equal(eventAt(events, 3)?.id, '4');
  assert.equal(eventAt(events, 2)?.id, '2');
  assert.equal(eventAt(events, -1), null);
});

test('next and previous error', () => {
  const errors = [ev('7', 5, 'ERROR'), ev('9', 9, 'ERROR')];
  assert.equal(nextErrorT(errors, 0), 5);
  assert.equal(nextErrorT(errors, 5), 9);
  assert.equal(nextErrorT(errors, 9), null);
  assert.equal(previousErrorT(errors, 9), 5);
  assert.equal(previousErrorT(errors, 5), null);
});

test('store helpers: errors and sources follow appends, outcome distinguishes failing from failed', () => {
  const gen = generateRun({ nodes: 5, items: 3, failNode: 'n3', failOnNext: 2 });
  const store = createStore(gen.workflow);
  assert.equal(latestT(store), -1);
  assert.equal(runOutcome(store, { ...gen.run, status: 'RUNNING' }), 'running');
  const half = gen.events.length >> 1;
  store.append(gen.events.slice(0, half));
  const errorsBefore = errorEvents(store).length;
  store.append(gen.events.slice(half));
  assert.equal(errorEvents(store).length, gen.events.filter((e) => e.kind === 'ERROR').length);
  assert.ok(errorEvents(store).length >= errorsBefore);
  assert.deepEqual(new Set(sourceIds(store)), new Set(gen.events.map((e) => e.source)));
  assert.equal(sourceIds(store)[0], 'arg');
  assert.equal(runOutcome(store, { ...gen.run, status: 'RUNNING' }), 'failing');
  assert.equal(runOutcome(store, gen.run), 'failed');
  assert.equal(latestT(store), gen.events[gen.events.length - 1]!.t);
});

test('a legacy run without status, errors or ReturnNode tracking has an unknown outcome', () => {
  const gen = generateRun({ nodes: 3, items: 2 });
  const store = createStore(gen.workflow);
  store.append(gen.events.filter((e) => e.source !== 'ret'));
  assert.equal(runOutcome(store, { ...gen.run, status: null }), 'unknown');
  store.append(gen.events);
  assert.equal(runOutcome(store, { ...gen.run, status: null }), 'succeeded');
});

test('raw events in the legacy and current shapes are normalized; malformed ones are dropped', () => {
  const out = normalizeEvents([
    { id: '1', source: 'a', handle: 'return_0', type: 'NEXT', t: 0, causedBy: [0], value: [1], createdAt: '2023-05-09T10:24:04Z' },
    { id: '2', source: 'a', handle: 'return_0', kind: 'ERROR', t: 1, causedBy: ['0'], value: null, exception: 'boom' },
    { nonsense: true },
    42,
  ]);
  assert.equal(out.length, 2);
  assert.equal(out[0]!.kind, 'NEXT');
  assert.equal(out[1]!.exception, 'boom');
  assert.deepEqual(out[1]!.causedBy, [0]);
});
