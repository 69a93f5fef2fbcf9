// Every code the library can report is documented in docs/errors.md (the one place for them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticCode } from '../../../src/model/diagnostics.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const REPORTED = [
  /\bcode: '([A-Z][A-Z0-9_]+)'/g,
  /new (?:LayoutError|FlussClientError)\('([A-Z][A-Z0-9_]+)'/g,
];

test('every reported code is documented in docs/errors.md', () => {
  const doc = readFileSync('docs/errors.md', 'utf8');
  const codes = new Set<string>(Object.values(DiagnosticCode));
  for (const file of sources('src')) {
    const text = readFileSync(file, 'utf8');
    for (const re of REPORTED) for (const m of text.matchAll(re)) codes.add(m[1]!);
  }
  assert.ok(codes.size > 30, `found only ${codes.size} codes: the scan is broken`);
  const missing = [...codes].filter((c) => !doc.includes(`\`${c}\``)).sort();
  assert.deepEqual(missing, [], `undocumented codes: ${missing.join(', ')}`);
});
