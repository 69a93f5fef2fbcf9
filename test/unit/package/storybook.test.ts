// Storybook builds offline (telemetry off) and every entry of its index.json (stories and docs
// pages) opens in headless Chromium with no console error, no uncaught exception and no failed
// request; workflows finish their layout and draw nodes, and the live run streams from the Fluss
// dev server. Skips only when no Chromium exists. Prints the build time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from 'puppeteer-core';
import { findChromium, launchChromium, watchPage, NO_CHROMIUM } from './support/chromium.js';
import { serveStatic, startDevServerChild } from './support/servers.js';

interface IndexEntry {
  readonly id: string;
  readonly type: 'story' | 'docs';
  readonly title: string;
  readonly name: string;
}

/** Waits for the story root, then for every <fluss-workflow> to finish its layout. */
async function settle(page: Page, docs: boolean): Promise<void> {
  await page.waitForFunction(
    (isDocs: boolean) => {
      const root = document.querySelector(isDocs ? '#storybook-docs' : '#storybook-root');
      return !!root && root.childElementCount > 0 && !document.querySelector('.sb-show-preparing-story, .sb-show-preparing-docs');
    },
    { timeout: 60_000 },
    docs,
  );
  await page.evaluate(async () => {
    const all = [...document.querySelectorAll('fluss-workflow')] as (HTMLElement & { layoutComplete?: Promise<void> })[];
    await Promise.race([Promise.all(all.map((w) => w.layoutComplete)), new Promise((r) => setTimeout(r, 120_000))]);
  });
  await new Promise((r) => setTimeout(r, 400));
}

interface WorkflowReport {
  readonly state: string;
  readonly nodes: number;
}

function workflows(page: Page): Promise<WorkflowReport[]> {
  return page.evaluate(() =>
    ([...document.querySelectorAll('fluss-workflow')] as (HTMLElement & { state: string })[]).map((w) => ({
      state: w.state,
      nodes: w.shadowRoot?.querySelectorAll('[part~="node"]').length ?? 0,
    })),
  );
}

const chromium = findChromium();

test('Storybook builds and every story opens without errors', { skip: chromium ? false : NO_CHROMIUM, timeout: 1_200_000 }, async () => {
  const out = mkdtempSync(join(tmpdir(), 'fluss-storybook-'));
  const devServer = await startDevServerChild();
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  const browser = await launchChromium(chromium!);
  try {
    const started = performance.now();
    const build = spawnSync('npx', ['storybook', 'build', '--disable-telemetry', '--quiet', '-o', out], {
      encoding: 'utf8',
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    });
    const seconds = (performance.now() - started) / 1000;
    assert.equal(build.status, 0, `storybook build failed:\n${build.stdout}\n${build.stderr}`);
    console.log(`# storybook build: ${seconds.toFixed(1)} s`);

    const placeholder = JSON.parse(readFileSync(join(out, 'fluss-dev-server.json'), 'utf8'));
    assert.equal(placeholder.url, null, 'a static build must not point at a dev server');

    let live = true;
    const routes = new Map([['/fluss-dev-server.json', () => (live ? { url: devServer.url, wsUrl: devServer.wsUrl, token: devServer.token } : placeholder)]]);
    server = await serveStatic(out, routes);

    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
    const entries = Object.values(index.entries);
    assert.ok(entries.filter((e) => e.type === 'story').length >= 20, 'expected the stories of every element');
    for (const tag of ['fluss-workflow', 'fluss-run', 'fluss-run-timeline', 'fluss-provider']) {
      assert.ok(entries.some((e) => e.id.startsWith(`elements-${tag}--`)), `no stories for <${tag}>`);
    }

    const failures: string[] = [];
    console.log(`# opening ${entries.length} index entries (${entries.filter((e) => e.type === 'story').length} stories)`);
    for (const entry of entries) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1200, height: 900 });
      const problems = watchPage(page);
      const docs = entry.type === 'docs';
      await page.goto(`${server.origin}/iframe.html?id=${entry.id}&viewMode=${docs ? 'docs' : 'story'}`, { waitUntil: 'load' });
      try {
        await settle(page, docs);
        if (!docs && entry.id.startsWith('elements-fluss-workflow--') && !/parse-error|empty/.test(entry.id)) {
          const drawn = await workflows(page);
          if (!drawn.length || drawn.some((w) => !['ready', 'partial'].includes(w.state) || w.nodes === 0)) {
            problems.push(`workflow not drawn: ${JSON.stringify(drawn)}`);
          }
        }
        if (docs && entry.id === 'elements-fluss-workflow--docs') {
          // Autodocs tables come from custom-elements.json (setCustomElementsManifest).
          const text = await page.evaluate(() => document.querySelector('#storybook-docs')?.textContent ?? '');
          for (const fromManifest of ['fluss-node-select', '--fluss-workflow-height', 'edge-labels']) {
            if (!text.includes(fromManifest)) problems.push(`docs page lacks "${fromManifest}" from the manifest`);
          }
        }
        if (!docs && entry.id === 'elements-fluss-workflow--parse-error') {
          const drawn = await workflows(page);
          if (drawn[0]?.state !== 'error') problems.push(`parse error story: state ${drawn[0]?.state}`);
        }
        if (!docs && (entry.id === 'elements-fluss-run--recorded-run' || entry.id === 'elements-fluss-run--recorded-error')) {
          const size = await page.evaluate(() => (document.querySelector('fluss-run') as HTMLElement & { store: { size: number } }).store.size);
          if (size < 10) problems.push(`recorded run has ${size} events`);
        }
        if (!docs && entry.id === 'elements-fluss-run--live-run') {
          const count = () => page.evaluate(() => (document.querySelector('fluss-run') as (HTMLElement & { store: { size: number } }) | null)?.store.size ?? -1);
          const first = await count();
          await page.waitForFunction((n: number) => ((document.querySelector('fluss-run') as HTMLElement & { store: { size: number } }).store.size ?? 0) > n, { timeout: 30_000 }, first);
          if ((await count()) <= first) problems.push('the live run did not stream');
        }
      } catch (err) {
        problems.push(`did not settle: ${(err as Error).message}`);
      }
      await page.close();
      if (problems.length) failures.push(`${entry.type} ${entry.id}:\n    ${problems.join('\n    ')}`);
    }

    // The live story without a dev server: a message, still no error and no failed request.
    live = false;
    const page = await browser.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.origin}/iframe.html?id=elements-fluss-run--live-run&viewMode=story`, { waitUntil: 'load' });
    await settle(page, false);
    const text = await page.evaluate(() => document.querySelector('#storybook-root')?.textContent ?? '');
    if (!/npm run dev-server/.test(text)) problems.push('no "start the dev server" message');
    await page.close();
    if (problems.length) failures.push(`live run without a server:\n    ${problems.join('\n    ')}`);

    assert.deepEqual(failures, [], `stories with problems:\n${failures.join('\n')}`);
  } finally {
    await browser.close();
    await server?.close();
    devServer.stop();
    rmSync(out, { recursive: true, force: true });
  }
});
