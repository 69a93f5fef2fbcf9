// Benchmark S1 (and E3): moving the time cursor of <fluss-run> on a 1,000-node workflow with
// 100,000 events, including the overlay's DOM update, in headless Chromium; and the longest
// main-thread task while 1,000,000 events load. Prints tables; asserts nothing.
// Usage: node bench/run-cursor.mjs [--nodes=1000] [--items=100] [--moves=200] [--ingest-items=50000|0]
//        [--chromium=/usr/bin/chromium]
// The page (bench/run-cursor.page.ts) is bundled with esbuild and served from 127.0.0.1.
import http from 'node:http';
import { bundle } from './lib/browser.mjs';
import puppeteer from 'puppeteer-core';

const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const nodes = Number(arg('nodes', 1000));
const items = Number(arg('items', 100));
const moves = Number(arg('moves', 200));
// 20 nodes x 50,000 items ~ 1,000,000 events
const ingestItems = Number(arg('ingest-items', 50_000));
const chromium = arg('chromium', process.env.CHROME_PATH || '/usr/bin/chromium');

const js = await bundle('bench/run-cursor.page.ts');
// The export worker, served where the page's `new URL('./export.worker.ts', import.meta.url)` points.
const workerJs = await bundle('src/elements/fluss-run/export.worker.ts');
const page = `<!doctype html><meta charset="utf-8"><title>run-cursor bench</title><body style="margin:0"><script type="module" src="/bench.js"></script>`;
const server = http.createServer((req, res) => {
  if (req.url === '/bench.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(js);
  } else if (req.url === '/export.worker.ts') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(workerJs);
  } else {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(page);
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run', '--js-flags=--max-old-space-size=4096 --expose-gc'],
});
try {
  // Every measurement in a fresh page, so one's heap does not weigh on the next.
  const run = async (mode) => {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 800 });
    tab.on('pageerror', (e) => console.error('pageerror', e.message));
    await tab.goto(url);
    await tab.waitForFunction(() => typeof window.runBench === 'function');
    const result = await tab.evaluate((o) => window.runBench(o), { mode, nodes, items, moves, ingestItems });
    await tab.close();
    return result;
  };
  console.log(`Chromium ${await browser.version()}`);
  const cursor = await run('cursor');
  console.log('\nS1: cursor move on the graph (goal: <= 4 ms including the DOM update; only changed nodes touched)');
  console.table([cursor.info]);
  console.table(cursor.rows);
  if (ingestItems > 0) {
    const rows = [await run('ingest-events'), await run('ingest-src')];
    console.log('\nE3: ingest of a 1,000,000-event run through <fluss-run> (goal: no main-thread task over 50 ms)');
    console.table(rows);
  }
} finally {
  await browser.close();
  server.close();
}
