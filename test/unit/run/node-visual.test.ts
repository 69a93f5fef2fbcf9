// Overlay visuals: comparison (what makes a node "changed"), counts, accessible descriptions, value text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  IDLE_VISUAL,
  badgeTooltip,
  formatCount,
  sameEdgeVisual,
  sameNodeVisual,
  statusDescription,
  valueToShortText,
  zippedValueText,
  type NodeVisual,
} from '../../../src/render/status/node-visual.js';

const v = (over: Partial<NodeVisual>): NodeVisual => ({ ...IDLE_VISUAL, ...over });

test('visuals compare by value', () => {
  assert.ok(sameNodeVisual(v({ status: 'active', nextCount: 2 }), v({ status: 'active', nextCount: 2 })));
  assert.ok(!sameNodeVisual(v({ status: 'active', nextCount: 2 }), v({ status: 'active', nextCount: 3 })));
  assert.ok(!sameNodeVisual(v({ status: 'active' }), v({ status: 'running' })));
  assert.ok(!sameNodeVisual(undefined, IDLE_VISUAL));
  assert.ok(sameEdgeVisual({ kind: 'next', inFlight: true }, { kind: 'next', inFlight: true }));
  assert.ok(!sameEdgeVisual({ kind: 'next', inFlight: true }, { kind: 'next', inFlight: false }));
});

test('counts are short', () => {
  assert.equal(formatCount(999), '999');
  assert.equal(formatCount(1200), '1.2k');
  assert.equal(formatCount(35_400), '35k');
  assert.equal(formatCount(1_200_000), '1.2M');
});

test('descriptions carry the status, the count and the exception', () => {
  assert.equal(statusDescription(v({ status: 'completed', nextCount: 1 })), 'completed, 1 value');
  const err = statusDescription(v({ status: 'errored', nextCount: 3, exception: 'ValueError: bad' }));
  assert.equal(err, 'errored, 3 values: ValueError: bad');
  assert.ok(badgeTooltip('Node', v({ status: 'active', nextCount: 2, value: 'x: 1' })).includes('Last value: x: 1'));
  assert.ok(statusDescription(v({ status: 'errored', exception: 'x'.repeat(5000) })).length < 300);
});

test('values become short text, never markup', () => {
  assert.equal(valueToShortText('<b>hi</b>'), '<b>hi</b>');
  assert.equal(valueToShortText([1, 'a']), '[1,"a"]');
  const cyclic: Record<string, unknown> = {};
  cyclic['self'] = cyclic;
  assert.equal(valueToShortText(cyclic), '[object Object]');
  assert.equal(zippedValueText([['image', '1131'], ['n', 2]]), 'image: 1131, n: 2');
  assert.ok(valueToShortText('y'.repeat(1000)).length <= 80);
});
