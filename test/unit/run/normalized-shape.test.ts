// asNormalizedEvent: events the page hands over already normalized are kept as given (no copy, no
// garbage while a million load), and only when normalizeRunEvent would give the same event back.
import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { asNormalizedEvent, normalizeRunEvent } from '../../../src/model/events.js';
import { normalizeEvents } from '../../../src/elements/fluss-run/store-access.js';

const shaped = () => ({ id: '17', source: 'n3', handle: 'return_0', kind: 'NEXT', t: 12, causedBy: [11, -1], value: [1, 'a'] });

describe('asNormalizedEvent', () => {
  it('returns the very object when it is already normalized, and normalizeRunEvent agrees', () => {
    const cases: Record<string, unknown>[] = [
      shaped(),
      { id: 'a', source: 'b', handle: 'return_2', kind: 'COMPLETE', t: 0, causedBy: [], value: null },
      { id: '9', source: 'x', handle: 'return_0', kind: 'ERROR', t: 4, causedBy: [3], value: null, exception: 'boom' },
      { id: '10', source: 'x', handle: 'return_0', kind: 'UNKNOWN', t: 5, causedBy: [], value: { k: 1 }, createdAt: '2024-01-01T00:00:00Z' },
    ];
    for (const raw of cases) {
      assert.equal(asNormalizedEvent(raw), raw);
      assert.deepEqual(normalizeRunEvent(raw, { trustedValue: true }).event, raw);
    }
  });

  it('refuses anything normalizeRunEvent would change or warn about', () => {
    const variants: [string, Record<string, unknown>][] = [
      ['numeric id', { ...shaped(), id: 17 }],
      ['blank id', { ...shaped(), id: ' ' }],
      ['leading space in source', { ...shaped(), source: ' n3' }],
      ['legacy type', { ...shaped(), kind: undefined, type: 'NEXT' }],
      ['unknown kind', { ...shaped(), kind: 'DONE' }],
      ['bad handle', { ...shaped(), handle: 'out_0' }],
      ['missing handle', { ...shaped(), handle: undefined }],
      ['string t', { ...shaped(), t: '12' }],
      ['negative t', { ...shaped(), t: -1 }],
      ['fractional t', { ...shaped(), t: 1.5 }],
      ['causedBy strings', { ...shaped(), causedBy: ['11'] }],
      ['no causedBy', { ...shaped(), causedBy: undefined }],
      ['NEXT without value', { ...shaped(), value: undefined }],
      ['COMPLETE with value', { ...shaped(), kind: 'COMPLETE', value: 'None' }],
      ['exception on NEXT', { ...shaped(), exception: 'x' }],
      ['exception not text', { ...shaped(), kind: 'ERROR', value: null, exception: { m: 1 } }],
      ['exception too long', { ...shaped(), kind: 'ERROR', value: null, exception: 'x'.repeat(2001) }],
      ['legacy caused_by', { ...shaped(), caused_by: [1] }],
      ['legacy created_at', { ...shaped(), created_at: 'x' }],
      ['tInvalid flag', { ...shaped(), tInvalid: true }],
      ['createdAt not text', { ...shaped(), createdAt: 5 }],
    ];
    for (const [what, raw] of variants) assert.equal(asNormalizedEvent(raw), null, what);
    assert.equal(asNormalizedEvent(null), null);
    assert.equal(asNormalizedEvent([shaped()]), null);
  });

  it('normalizeEvents keeps shaped page events as given only with trusted values', () => {
    const raw = [shaped(), { ...shaped(), id: '18', causedBy: ['17'] }];
    const kept = normalizeEvents(raw, true);
    assert.equal(kept[0], raw[0]);
    assert.notEqual(kept[1], raw[1]);
    assert.deepEqual(kept[1]!.causedBy, [17]);
    const copied = normalizeEvents(raw, false);
    assert.notEqual(copied[0], raw[0]);
    assert.deepEqual(copied[0], raw[0]);
  });
});

test('hostile page events (throwing Proxies and getters) are dropped, never thrown', () => {
  const trap = new Proxy({}, { get: () => { throw new Error('trap'); }, has: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } });
  const getter = { id: '2', source: 'n1', kind: 'NEXT', handle: 'return_0', causedBy: [], value: [1], get t(): number { throw new Error('trap'); } };
  const good = { id: '3', t: 3, source: 'n1', kind: 'NEXT', handle: 'return_0', causedBy: [], value: [1] };
  let out: ReturnType<typeof normalizeEvents> = [];
  assert.doesNotThrow(() => (out = normalizeEvents([trap, getter, good], true)));
  assert.deepEqual(out.map((e) => e.id), ['3']);
});
