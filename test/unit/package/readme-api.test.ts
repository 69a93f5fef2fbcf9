// The README's API reference is what scripts/readme-api.mjs generates from custom-elements.json
// (itself checked against the JSDoc by manifest.test.ts), and the README keeps its promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

test('README API section is current (run `npm run readme-api`)', () => {
  const run = spawnSync(process.execPath, ['scripts/readme-api.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
});

test('README documents every element of the manifest and the two commands', async () => {
  const script = pathToFileURL(resolve('scripts/readme-api.mjs')).href;
  const { apiSection } = (await import(script)) as { apiSection: (m: unknown) => string };
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: { tagName?: string; attributes?: unknown[] }[] }[] };
  const readme = readFileSync('README.md', 'utf8');
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  assert.ok(tags.length >= 5, 'expected the five elements in the manifest');
  const section = apiSection(manifest);
  for (const d of tags) {
    assert.ok(section.includes(`### \`<${d.tagName}>\``), `no section for <${d.tagName}>`);
    assert.ok(readme.includes(`### \`<${d.tagName}>\``), `README lacks <${d.tagName}>`);
  }
  // Private members never leak into the public reference.
  assert.doesNotMatch(section, /^\| `[#_]/m);
  for (const promise of ['## Two commands', 'npm install && npm start', 'npm test', 'Content Security Policy', 'trusted-types lit-html fluss-elk']) {
    assert.ok(readme.includes(promise), `README lost "${promise}"`);
  }
});
