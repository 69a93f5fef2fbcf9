// RunStore's id index: numeric ids in pages, other ids in Maps, sparse numeric ids moved to the
// Maps once. Whatever the path, the first event of an id wins and get/has find every event.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RunStore } from '../../../src/model/run-store.js';
import type { RunEvent } from '../../../src/model/types.js';

const ev = (id: string, t: number, value: unknown = t): RunEvent => ({ id, source: 'a', handle: 'return_0', kind: 'NEXT', t, causedBy: [], value }) as RunEvent;

describe('RunStore ids', () => {
  it('keeps the first event of a numeric id, and tells "7" from "007"', () => {
    const store = new RunStore(null);
    assert.equal(store.appendMany([ev('7', 1, 'first'), ev('007', 2), ev('7', 1, 'second'), ev('0', 0)]), 3);
    assert.equal(store.get('7')!.value, 'first');
    assert.equal(store.get('007')!.t, 2);
    assert.equal(store.has('0'), true);
    assert.equal(store.has('8'), false);
    assert.equal(store.get('70'), undefined);
    assert.equal(store.append(ev('007', 2)), 0);
  });

  it('stays exact for dense, huge and non-numeric ids', () => {
    const store = new RunStore(null);
    const ids = [...Array.from({ length: 3000 }, (_, i) => String(48_210_000 + i)), '999999999999999', '1000000000000000', 'abc', 'x-12', ' 5'];
    store.appendMany(ids.map((id, i) => ev(id, i)));
    assert.equal(store.size, ids.length);
    for (const [i, id] of ids.entries()) assert.equal(store.get(id)?.t, i, id);
    assert.equal(store.appendMany(ids.map((id) => ev(id, 0, 'dup'))), 0);
  });

  it('moves sparse numeric ids to the Maps without losing or duplicating any', () => {
    const store = new RunStore(null);
    const ids = Array.from({ length: 2000 }, (_, i) => String(i * 100_003));
    for (let k = 0; k < ids.length; k += 100) store.appendMany(ids.slice(k, k + 100).map((id, j) => ev(id, k + j)));
    assert.equal(store.size, ids.length);
    assert.equal(store.appendMany(ids.map((id) => ev(id, 5, 'dup'))), 0);
    for (const [i, id] of ids.entries()) assert.equal(store.get(id)?.t, i, id);
    assert.equal(store.append(ev('1', 9999)), 1);
    assert.equal(store.has('1'), true);
  });
});
