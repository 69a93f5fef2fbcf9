// `npm run smoke` (last step of `npm test`): starts `npm start` as CI would on a clean clone (on
// free ports), waits for the page URL it prints, opens it in headless Chromium and checks that the
// live run streams through the Fluss dev server (the event count grows, node statuses change), that
// the documentation section draws without a server, and that nothing logs a console error or fails
// a request. Then kills the whole process tree. Skips (exit 0, with a message) only when no Chromium
// exists.
import { findChromium, startDemo } from './lib/npm-start.mjs';

const TIMEOUT_MS = Number(process.env.SMOKE_TIMEOUT_MS ?? 180_000);

const chromium = findChromium();
if (!chromium) {
  console.log('smoke: SKIPPED, no Chromium (set CHROME_PATH or install Debian chromium: /usr/bin/chromium).');
  process.exit(0);
}

const started = performance.now();
let demo;
const failures = [];
let browser;
try {
  demo = await startDemo({ timeoutMs: TIMEOUT_MS });
  const url = demo.url;
  console.log(`smoke: npm start is up at ${url} after ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const puppeteer = (await import('puppeteer-core')).default;
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run'],
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  page.on('console', (msg) => {
    if (msg.type() === 'error') failures.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => failures.push(`uncaught: ${err.message ?? err}`));
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) failures.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });

  // The live run: events arrive over the subscription...
  const events = () => page.evaluate(() => Number(document.getElementById('live-status')?.dataset.events ?? 0));
  await page.waitForFunction(() => Number(document.getElementById('live-status')?.dataset.events ?? 0) > 0, { timeout: 60_000 });
  const first = await events();
  const statusesOf = () =>
    page.evaluate(() => {
      const graph = document.querySelector('#live-run fluss-workflow');
      return [...(graph?.shadowRoot?.querySelectorAll('[part~="node"]') ?? [])].map((n) => `${n.getAttribute('data-node-id')}=${n.getAttribute('data-status') ?? ''}`).join(',');
    });
  const statusesBefore = await statusesOf();
  await page.waitForFunction((n) => Number(document.getElementById('live-status')?.dataset.events ?? 0) > n, { timeout: 60_000 }, first);
  const second = await events();
  // ...and the graph shows them (node statuses change while the run streams).
  await page
    .waitForFunction(
      (before) => {
        const graph = document.querySelector('#live-run fluss-workflow');
        const now = [...(graph?.shadowRoot?.querySelectorAll('[part~="node"]') ?? [])].map((n) => `${n.getAttribute('data-node-id')}=${n.getAttribute('data-status') ?? ''}`).join(',');
        return now !== '' && now !== before;
      },
      { timeout: 60_000 },
      statusesBefore,
    )
    .catch(() => failures.push('the live graph never changed a node status'));
  const statusesAfter = await statusesOf();
  console.log(`smoke: live run streamed ${first} -> ${second} events; node statuses: ${statusesAfter}`);

  // The documentation section: drawn from static files, no server.
  const docs = await page.evaluate(async () => {
    const wf = document.getElementById('docs-src');
    await wf?.layoutComplete;
    const run = document.getElementById('docs-run');
    return {
      state: wf?.state,
      nodes: wf?.shadowRoot?.querySelectorAll('[part~="node"]').length ?? 0,
      inline: document.getElementById('docs-inline')?.state,
      recordedEvents: run?.store?.size ?? 0,
    };
  });
  if (!['ready', 'partial'].includes(docs.state) || docs.nodes === 0) failures.push(`docs workflow not drawn: ${JSON.stringify(docs)}`);
  if (!['ready', 'partial'].includes(docs.inline)) failures.push(`inline workflow not drawn: ${docs.inline}`);
  if (docs.recordedEvents === 0) failures.push('the recorded run has no events');
  console.log(`smoke: docs section: ${JSON.stringify(docs)}`);
  await new Promise((r) => setTimeout(r, 500));
} catch (err) {
  failures.push(String(err?.message ?? err));
  if (err?.output) failures.push(`npm start printed:\n${err.output.slice(-4000)}`);
} finally {
  await browser?.close().catch(() => undefined);
  await demo?.stop();
}

if (failures.length) {
  console.error(`smoke: FAILED\n  ${failures.join('\n  ')}\n--- npm start output ---\n${demo?.output().slice(-4000) ?? ''}`);
  process.exit(1);
}
console.log('smoke: OK (npm start, live run streaming, docs section, no console errors, process tree stopped)');
