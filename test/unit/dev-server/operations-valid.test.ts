// Every operation document the client sends validates against the real Fluss SDL and the dev schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchema, parse, validate, visit } from 'graphql';
import { ALL_OPERATIONS } from '../../../src/data/operations.js';
import { DEV_SCHEMA_SDL } from '../../../dev-server/graphql.js';
import { realSdl, SKIP_NO_SHARED } from './support.js';

const sdl = realSdl();

test('every client operation validates against the real Fluss SDL', { skip: sdl ? false : SKIP_NO_SHARED }, () => {
  const schema = buildSchema(sdl!);
  assert.ok(ALL_OPERATIONS.size >= 8);
  for (const [name, text] of ALL_OPERATIONS) {
    const errors = validate(schema, parse(text));
    assert.deepEqual(errors.map((e) => e.message), [], `${name} must validate against the real SDL`);
  }
});

test('every client operation validates against the dev server schema', () => {
  const schema = buildSchema(DEV_SCHEMA_SDL);
  for (const [name, text] of ALL_OPERATIONS) {
    const errors = validate(schema, parse(text));
    assert.deepEqual(errors.map((e) => e.message), [], `${name} must validate against the dev schema`);
  }
});

test('no operation selects graph.zoom, and each document has exactly one named operation', () => {
  for (const [name, text] of ALL_OPERATIONS) {
    const doc = parse(text);
    let zoom = false;
    visit(doc, { Field: (f) => void (f.name.value === 'zoom' && (zoom = true)) });
    assert.equal(zoom, false, `${name} selects zoom`);
    const ops = doc.definitions.filter((d) => d.kind === 'OperationDefinition');
    assert.equal(ops.length, 1);
    assert.equal(ops[0]!.kind === 'OperationDefinition' && ops[0]!.name?.value, name);
  }
});

test('the run events page is ordered by t then id', () => {
  const text = ALL_OPERATIONS.get('FlussRunEvents')!;
  assert.match(text.replace(/\s+/g, ''), /ordering:\[\{t:ASC\},\{id:ASC\}\]/);
});
