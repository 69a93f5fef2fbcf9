// Timeline geometry: scale, zoom/pan clamping, ticks, and binning events into pixel columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LinearScale, clampView, panView, ticks, zoomView, paddedExtent } from '../../../src/elements/fluss-run-timeline/scale.js';
import { binLane, kindSlot, lowerBound, KIND_ERROR, KIND_NEXT } from '../../../src/elements/fluss-run-timeline/density.js';

test('the scale maps the domain onto the width and back', () => {
  const s = new LinearScale({ min: 10, max: 110 }, 200);
  assert.equal(s.x(10), 0);
  assert.equal(s.x(60), 100);
  assert.equal(s.value(200), 110);
});

test('zoom keeps the anchor under the pointer and stays inside the full extent', () => {
  const full = { min: 0, max: 1000 };
  const z = zoomView(full, full, 4, 500, 1);
  assert.deepEqual(z, { min: 375, max: 625 });
  const edge = zoomView({ min: 0, max: 100 }, full, 0.1, 0, 1);
  assert.deepEqual(edge, full, 'zooming out past the extent shows the extent');
  const tight = zoomView({ min: 0, max: 10 }, full, 1000, 5, 2);
  assert.equal(tight.max - tight.min, 2, 'never below the minimum span');
});

test('pan is clamped to the extent', () => {
  const full = { min: 0, max: 100 };
  assert.deepEqual(panView({ min: 10, max: 20 }, full, -50), { min: 0, max: 10 });
  assert.deepEqual(panView({ min: 10, max: 20 }, full, 500), { min: 90, max: 100 });
  assert.deepEqual(clampView({ min: -5, max: 500 }, full), full);
});

test('ticks are integers on the t axis and round times on the wall-clock axis', () => {
  const t = ticks({ min: 0, max: 1285 }, 6, 't');
  assert.ok(t.length >= 3 && t.length <= 12);
  assert.ok(t.every((v) => Number.isInteger(v)));
  const w = ticks({ min: 1_000_000_000_000, max: 1_000_000_600_000 }, 5, 'time');
  assert.ok(w.every((v) => v % 60_000 === 0), 'ten minutes in five ticks are whole minutes');
  assert.deepEqual(ticks({ min: 0, max: 0 }, 5, 't'), []);
});

test('a single event gets room around it', () => {
  const e = paddedExtent({ min: 4, max: 4 }, 't');
  assert.ok(e.min < 4 && e.max > 4);
});

test('binning counts events per column and kind, and reports the peak', () => {
  const ts = [0, 1, 2, 2, 2, 9, 10];
  const kinds = [0, 0, 0, 0, 2, 1, 0];
  const bins = binLane(ts.length, (i) => ts[i]!, (i) => kinds[i]!, 0, 10, 5);
  assert.equal(bins.total, 7);
  // columns of width 2: [0,2) [2,4) ... last column takes 10
  assert.equal(bins.counts[0 * 3 + KIND_NEXT], 2);
  assert.equal(bins.counts[1 * 3 + KIND_NEXT], 2);
  assert.equal(bins.counts[1 * 3 + KIND_ERROR], 1);
  assert.equal(bins.peak, 3);
});

test('binning sorted values stops at the view end and skips what lies before', () => {
  const ts = Array.from({ length: 1000 }, (_, i) => i);
  let visited = 0;
  const start = lowerBound(ts.length, (i) => ts[i]!, 100);
  const bins = binLane(ts.length, (i) => (visited++, ts[i]!), () => 0, 100, 199, 10, start);
  assert.equal(bins.total, 100);
  assert.ok(visited <= 101, `visited ${visited} events`);
});

test('kind slots', () => {
  assert.equal(kindSlot('ERROR'), KIND_ERROR);
  assert.equal(kindSlot('UNKNOWN'), KIND_NEXT);
});
