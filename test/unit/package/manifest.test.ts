// The committed custom-elements.json must be what `npm run analyze` generates from the JSDoc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

test('custom-elements.json is current (run `npm run analyze` and commit it)', () => {
  const out = mkdtempSync(join(tmpdir(), 'fluss-cem-'));
  try {
    const run = spawnSync(
      process.execPath,
      ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', out],
      { encoding: 'utf8' },
    );
    assert.equal(run.status, 0, `cem analyze failed: ${run.stderr}`);
    // The analyzer joins --outdir to the working directory, even when it is absolute.
    const fresh = JSON.parse(readFileSync(join(process.cwd(), out, 'custom-elements.json'), 'utf8'));
    const committed = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
    assert.deepEqual(committed, fresh, 'custom-elements.json is stale: run `npm run analyze` and commit it');
    assert.ok(fresh.modules.some((m: { declarations?: { tagName?: string }[] }) => m.declarations?.some((d) => d.tagName)), 'the manifest declares no element');
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(join(process.cwd(), out), { recursive: true, force: true });
  }
});
