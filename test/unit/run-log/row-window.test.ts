// Row geometry of the windowed run log: fixed-height rows, expanded rows with extra height.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RowHeights } from '../../../src/elements/fluss-run-log/row-window.js';

test('fixed rows: offsets, total, the row at an offset, the window', () => {
  const h = new RowHeights(1000, 28);
  assert.equal(h.total, 28_000);
  assert.equal(h.offsetOf(10), 280);
  assert.equal(h.indexAt(0), 0);
  assert.equal(h.indexAt(279), 9);
  assert.equal(h.indexAt(280), 10);
  assert.equal(h.indexAt(-50), 0);
  assert.equal(h.indexAt(1e9), 999);
  assert.deepEqual(h.window(280, 280, 2), { start: 8, end: 22, top: 224, bottom: 28_000 - 22 * 28 });
  assert.deepEqual(h.window(27_900, 280, 2), { start: 994, end: 1000, top: 994 * 28, bottom: 0 });
});

test('expanded rows add their extra height to every row below them', () => {
  // Rows 5 and 20 are expanded: 100 px and 50 px taller.
  const h = new RowHeights(100, 20, [
    [20, 50],
    [5, 100],
    [500, 999], // outside the list: ignored
  ]);
  assert.equal(h.heightOf(5), 120);
  assert.equal(h.heightOf(6), 20);
  assert.equal(h.offsetOf(5), 100);
  assert.equal(h.offsetOf(6), 220);
  assert.equal(h.offsetOf(21), 21 * 20 + 150);
  assert.equal(h.total, 100 * 20 + 150);
  assert.equal(h.indexAt(100), 5);
  assert.equal(h.indexAt(219), 5);
  assert.equal(h.indexAt(220), 6);
  assert.equal(h.indexAt(h.offsetOf(20) + 60), 20);
  assert.equal(h.indexAt(h.offsetOf(21)), 21);
  const w = h.window(h.offsetOf(30), 100, 0);
  assert.equal(w.start, 30);
  assert.equal(w.end, 35);
  assert.equal(w.top + (h.offsetOf(w.end) - h.offsetOf(w.start)) + w.bottom, h.total);
});

test('an empty list renders nothing', () => {
  assert.deepEqual(new RowHeights(0, 28).window(0, 500, 5), { start: 0, end: 0, top: 0, bottom: 0 });
  assert.equal(new RowHeights(0, 28).indexAt(100), 0);
});
