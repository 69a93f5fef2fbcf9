// Benchmark E3: the main-thread long tasks (PerformanceObserver 'longtask') while a ~1,000,000-event
// run loads through <fluss-run>, by `.events` and by `src` (export worker), each in a fresh page of
// headless Chromium. Goal: no main-thread task over 50 ms. Prints a table; asserts nothing.
// Usage: node bench/run-ingest.mjs [--items=50000] [--repeat=2] [--modes=events,src] [--trace-gc] [--chromium=/usr/bin/chromium]
// (20 nodes x 50,000 items ~ 1,000,000 events.) The page is bench/run-ingest.page.ts.
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const items = Number(arg('items', 50_000));
const repeat = Number(arg('repeat', 2));
const modes = arg('modes', 'events,src').split(',');
const chromium = arg('chromium', process.env.CHROME_PATH || '/usr/bin/chromium');
// --trace-gc: V8 prints every GC pause of the page to stdout (to tell GC from our own work).
const traceGc = process.argv.includes('--trace-gc');

const bundle = (entry, extra = {}) =>
  build({ entryPoints: [resolve(root, entry)], bundle: true, format: 'esm', write: false, minify: true, target: 'es2022', tsconfig: resolve(root, 'tsconfig.json'), logLevel: 'error', ...extra }).then((b) => b.outputFiles[0].text);
const js = await bundle('bench/run-ingest.page.ts', { conditions: ['browser', 'production'], define: { 'process.env.NODE_ENV': '"production"' } });
const workerJs = await bundle('src/elements/fluss-run/export.worker.ts');
const html = `<!doctype html><meta charset="utf-8"><title>run-ingest bench</title><script type="module" src="/bench.js"></script>`;
const server = http.createServer((req, res) => {
  const body = req.url === '/bench.js' ? js : req.url === '/export.worker.ts' ? workerJs : html;
  res.writeHead(200, { 'content-type': req.url === '/' ? 'text/html' : 'text/javascript' });
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  dumpio: traceGc,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run', `--js-flags=--max-old-space-size=4096 --expose-gc${traceGc ? ' --trace-gc' : ''}`],
});
try {
  console.log(`Chromium ${await browser.version()}; ${items} items x 20 nodes`);
  const rows = [];
  for (let i = 0; i < repeat; i++) {
    for (const mode of modes) {
      const tab = await browser.newPage();
      tab.on('pageerror', (e) => console.error('pageerror', e.message));
      await tab.goto(url);
      await tab.waitForFunction(() => typeof window.runIngest === 'function');
      rows.push(await tab.evaluate((o) => window.runIngest(o), { mode, items }));
      await tab.close();
    }
  }
  console.table(rows);
} finally {
  await browser.close();
  server.close();
}
