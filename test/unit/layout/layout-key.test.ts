// The layout key's one-pass double hash equals the two separate cyrb53 hashes it replaced, so
// keys stored with earlier layouts keep matching.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashString, hashStringTwice } from '../../../src/layout/layout-key.js';

test('hashStringTwice equals hashString(s) + hashString(s, 0x9e3779b9)', () => {
  const samples = ['', 'a', 'node-1|root|1,1,240,96@10,20', '"ü😀"\n#\n"e1"|a:0>b:0', 'x'.repeat(5000)];
  let s = '';
  for (let i = 0; i < 300; i++) s += `${JSON.stringify(`n${i}`)}|root|${i % 4},${i % 3},${200 + i},${80 + (i % 7)}\n`;
  samples.push(s);
  for (const str of samples) assert.equal(hashStringTwice(str), hashString(str) + hashString(str, 0x9e3779b9));
});

test('hashStringTwice is 28 hex digits and differs for different text', () => {
  const a = hashStringTwice('abc');
  assert.match(a, /^[0-9a-f]{28}$/);
  assert.notEqual(a, hashStringTwice('abd'));
});
