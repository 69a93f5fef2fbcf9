// Chunked ingest: every item once and in order, slices adapt to the budget, yields between slices, aborts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestInChunks } from '../../../src/elements/fluss-run/ingest.js';

/** A fake clock where each sunk item costs `costPerItem` ms. */
function fakeClock(costPerItem: number) {
  let time = 0;
  return {
    now: () => time,
    spend: (items: number) => {
      time += items * costPerItem;
    },
  };
}

test('hands every item to the sink once, in order', async () => {
  const items = Array.from({ length: 10_007 }, (_, i) => i);
  const seen: number[] = [];
  let yields = 0;
  const count = await ingestInChunks(items, (slice) => seen.push(...slice), {
    initialChunk: 100,
    yieldFn: async () => {
      yields++;
    },
  });
  assert.equal(count, items.length);
  assert.deepEqual(seen, items);
  assert.ok(yields >= 1, 'yields between slices');
});

test('sizes slices so each one stays within the budget', async () => {
  const clock = fakeClock(0.01); // 100 items per ms
  const sizes: number[] = [];
  await ingestInChunks(
    new Array(1_000_000).fill(0),
    (slice) => {
      sizes.push(slice.length);
      clock.spend(slice.length);
    },
    { budgetMs: 8, initialChunk: 64, maxChunk: 100_000, now: clock.now, yieldFn: async () => {} },
  );
  const costs = sizes.map((n) => n * 0.01);
  assert.ok(Math.max(...costs) <= 8, `longest slice ${Math.max(...costs)} ms exceeds the budget`);
  assert.ok(sizes.length < 1_000_000 / 64, 'slices grow past the initial size');
  assert.equal(
    sizes.reduce((a, b) => a + b, 0),
    1_000_000,
  );
});

test('shrinks slices when items get expensive', async () => {
  const clock = fakeClock(1); // 1 ms per item
  const sizes: number[] = [];
  await ingestInChunks(
    new Array(200).fill(0),
    (slice) => {
      sizes.push(slice.length);
      clock.spend(slice.length);
    },
    { budgetMs: 8, initialChunk: 64, now: clock.now, yieldFn: async () => {} },
  );
  assert.equal(sizes[0], 64);
  assert.ok(sizes.slice(2).every((n) => n <= 8), `later slices ${sizes.slice(2).join(',')} are within 8 items`);
});

test('yields between slices and never after the last', async () => {
  const order: string[] = [];
  await ingestInChunks([1, 2, 3, 4, 5], (slice) => order.push(`s${slice.length}`), {
    initialChunk: 2,
    maxChunk: 2,
    yieldFn: async () => {
      order.push('y');
    },
  });
  assert.deepEqual(order, ['s2', 'y', 's2', 'y', 's1']);
});

test('stops when aborted between slices', async () => {
  const controller = new AbortController();
  const seen: number[] = [];
  await assert.rejects(
    ingestInChunks(
      Array.from({ length: 100 }, (_, i) => i),
      (slice) => {
        seen.push(...slice);
        if (seen.length >= 20) controller.abort();
      },
      { initialChunk: 10, maxChunk: 10, signal: controller.signal, yieldFn: async () => {} },
    ),
    (err: unknown) => (err as Error).name === 'AbortError',
  );
  assert.equal(seen.length, 20);
});

test('an empty input resolves at once', async () => {
  assert.equal(await ingestInChunks([], () => assert.fail('no slice expected')), 0);
});
