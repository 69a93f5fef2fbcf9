#!/usr/bin/env node
// Screenshots of the demo page (`npm start`): starts `npm start` on free ports as
// scripts/smoke-start.mjs does, opens the page in the system Chromium headless (puppeteer-core,
// never downloads a browser) once with prefers-color-scheme light and once dark, lets the live run
// stream until the graph shows statuses, selects a node that has run (so the node details panel
// has content), waits for every <fluss-workflow> to finish its layout and writes a screenshot of
// each demo section to docs/screenshots/demo-<section>-<theme>.png. Kills the whole `npm start`
// process tree at the end. `npm run screenshots` runs this after scripts/screenshots.mjs.
//
// Usage: node scripts/demo-screenshots.mjs [--chrome /usr/bin/chromium] [--out docs/screenshots]
//        [--only app]   (one section)
// Env: CHROME_PATH, SCREENSHOTS_STREAM_MS (live streaming before the shots, 5000),
//      SCREENSHOTS_SETTLE_MS (wait after scrolling a section into view, 400), SCREENSHOTS_TIMEOUT_MS.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, startDemo } from './lib/npm-start.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const outDir = resolve(argValue('--out') ?? resolve(root, 'docs/screenshots'));
const only = argValue('--only');
const TIMEOUT_MS = Number(process.env.SCREENSHOTS_TIMEOUT_MS ?? 180_000);
/** How long the live run streams before the app view is taken. */
const STREAM_MS = Number(process.env.SCREENSHOTS_STREAM_MS ?? 5_000);
const THEMES = ['light', 'dark'];
/** Margin around each section in its screenshot (px; within the page's own padding). */
const PAD = 16;

/** The demo's sections: file name part and a selector of the element to screenshot. */
const SECTIONS = [
  { name: 'app', selector: '#app' },
  { name: 'workflow-src', selector: '#docs article:has(#docs-src)' },
  { name: 'workflow-inline', selector: '#docs article:has(#docs-inline)' },
  { name: 'recorded-run', selector: '#docs article:has(#docs-run)' },
  { name: 'dark-theme', selector: '#docs article:has(fluss-workflow[theme="dark"])' },
  { name: 'elements', selector: '#elements' },
];

const chrome = argValue('--chrome') ?? findChromium();
if (!chrome || !existsSync(chrome)) {
  console.error('demo-screenshots: no Chromium; pass --chrome <path> or set CHROME_PATH (Debian: /usr/bin/chromium).');
  process.exit(1);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let demo;

/** Resolves once every <fluss-workflow> on the page has finished its layout (ready or partial). */
async function waitForLayouts(page) {
  await page.waitForFunction(
    () => {
      const all = [...document.querySelectorAll('fluss-workflow')];
      return all.length > 0 && all.every((w) => ['ready', 'partial'].includes(w.state));
    },
    { timeout: 60_000, polling: 200 },
  );
  await page.evaluate(async () => {
    await Promise.all([...document.querySelectorAll('fluss-workflow')].map((w) => w.layoutComplete));
    await new Promise((r) => window.requestAnimationFrame(() => window.requestAnimationFrame(r)));
  });
}

const written = [];
const problems = [];
let browser;
try {
  demo = await startDemo({ cwd: root, timeoutMs: TIMEOUT_MS });
  const url = demo.url;
  console.log(`demo-screenshots: npm start is up at ${url}`);

  const puppeteer = (await import('puppeteer-core')).default;
  browser = await puppeteer.launch({
    executablePath: chrome,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run', '--font-render-hinting=none'],
  });
  mkdirSync(outDir, { recursive: true });

  for (const theme of THEMES) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1440, height: 900, deviceScaleFactor: 1 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`[${theme}] console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`[${theme}] uncaught: ${err.message ?? err}`));
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });

    // The live run streams for a while and the graph shows statuses.
    await page.waitForFunction(() => Number(document.getElementById('live-status')?.dataset.events ?? 0) > 0, { timeout: 60_000 });
    await sleep(STREAM_MS);
    await page
      .waitForFunction(
        () => {
          const graph = document.querySelector('#live-run fluss-workflow');
          return [...(graph?.shadowRoot?.querySelectorAll('[part~="node"]') ?? [])].some((n) => !['', 'idle'].includes(n.getAttribute('data-status') ?? ''));
        },
        { timeout: 30_000 },
      )
      .catch(() => problems.push(`[${theme}] the live graph shows no node status`));
    const events = await page.evaluate(() => document.getElementById('live-status')?.textContent ?? '');
    console.log(`demo-screenshots [${theme}]: ${events}`);
    // Select a node that has run (as a click would), so the node details panel has something to show.
    const picked = await page.evaluate(() => {
      const run = document.getElementById('live-run');
      const nodes = [...(run?.querySelector('fluss-workflow')?.shadowRoot?.querySelectorAll('[part~="node"][data-status]') ?? [])];
      const node = nodes.find((n) => /denoise/i.test(n.textContent ?? '')) ?? nodes.find((n) => !['', 'idle'].includes(n.getAttribute('data-status') ?? ''));
      const id = node?.getAttribute('data-node-id');
      if (id) run.select({ nodeId: id });
      return id ?? null;
    });
    if (!picked) problems.push(`[${theme}] no node with a status to select in the live graph`);
    await waitForLayouts(page);

    for (const section of SECTIONS) {
      if (only && section.name !== only) continue;
      const el = await page.$(section.selector);
      if (!el) {
        problems.push(`[${theme}] no element for ${section.name} (${section.selector})`);
        continue;
      }
      // A section taller than the window is shot with a window tall enough to hold it: the
      // virtualized log renders only the rows inside the window.
      const height = await el.evaluate((e) => Math.ceil(e.getBoundingClientRect().height));
      await page.setViewport({ width: 1440, height: Math.max(900, height + 2 * PAD), deviceScaleFactor: 1 });
      await el.evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await waitForLayouts(page);
      await sleep(Number(process.env.SCREENSHOTS_SETTLE_MS ?? 400));
      // page.screenshot's clip is in document coordinates.
      const box = await el.evaluate((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
      });
      const clip = { x: Math.max(0, box.x - PAD), y: Math.max(0, box.y - PAD), width: Math.min(1440, box.width + 2 * PAD), height: box.height + 2 * PAD };
      const file = resolve(outDir, `demo-${section.name}-${theme}.png`);
      await page.screenshot({ path: file, clip });
      written.push(`${file} (${Math.round(clip.width)}x${Math.round(clip.height)})`);
      await page.setViewport({ width: 1440, height: 900, deviceScaleFactor: 1 });
    }
    await page.close();
  }
} catch (err) {
  problems.push(String(err?.stack ?? err));
} finally {
  await browser?.close().catch(() => undefined);
  await demo?.stop();
}

for (const w of written) console.log(w);
if (problems.length) {
  console.error(`demo-screenshots: problems\n  ${problems.join('\n  ')}\n--- npm start output ---\n${demo?.output().slice(-3000) ?? ''}`);
  process.exit(1);
}
console.log(`demo-screenshots: ${written.length} images, npm start process tree stopped`);
