// Browser harness for the benchmarks: bundles page entries with esbuild, serves them on
// 127.0.0.1, launches headless Chromium through puppeteer-core, and reads Chrome traces into
// per-frame main-thread cost.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, dirname, resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { elkEsmEsbuildPlugin } from '../../scripts/elk-esm.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** esbuild options shared by every bench page: minified, production, ELK as the package ships it. */
function pageBuild(entryPoints, extra) {
  return build({
    entryPoints,
    bundle: true,
    write: false,
    minify: true,
    target: 'es2022',
    tsconfig: resolve(root, 'tsconfig.json'),
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    // as the package build does: ELK's GWT build at the worker's top level (scripts/elk-esm.mjs)
    plugins: [elkEsmEsbuildPlugin()],
    logLevel: 'error',
    ...extra,
  });
}

/** Bundles one entry (minified, production) to a string. */
export async function bundle(entry, { format = 'esm' } = {}) {
  const out = await pageBuild([resolve(root, entry)], { format });
  return out.outputFiles[0].text;
}

/**
 * Bundles a page entry the way a consumer's bundler ships it: code splitting, so dynamic imports
 * (elkjs's main-thread build, loaded only when no worker can start) stay lazy chunks. Returns
 * path -> file for serve(); the entry is `/<name>.js`.
 */
export async function bundleSplit(entry, name) {
  const out = await pageBuild({ [name]: resolve(root, entry) }, { format: 'esm', splitting: true, outdir: resolve(root, 'bench/.out/pages') });
  return new Map(out.outputFiles.map((f) => [`/${basename(f.path)}`, js(f.text)]));
}

/** Serves the graph bench page (bench/page/graph-page.ts, React Flow's CSS) and opens it in Chromium. */
export async function openGraphBench() {
  const files = new Map([
    ['/', htmlPage(['/graph.js'], ['/rf.css'])],
    ['/graph.js', js(await bundle('bench/page/graph-page.ts'))],
    ['/rf.css', cssFile('node_modules/@xyflow/react/dist/style.css')],
  ]);
  const { server, base } = await serve(files);
  const browser = await launch();
  const page = await openPage(browser, `${base}/`, () => typeof window.bench === 'object');
  return { server, browser, page };
}

/** Serves `files` (path -> {type, body}) and an HTML page per `pages` key. */
export async function serve(files) {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const f = files.get(path);
    if (!f) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': f.type, 'cache-control': 'no-store' });
    res.end(f.body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

export const js = (body) => ({ type: 'text/javascript', body });
export const htmlPage = (scripts, css = []) => ({
  type: 'text/html',
  body: `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>${css.map((c) => `<link rel="stylesheet" href="${c}">`).join('')}
<style>html,body{margin:0;width:100%;height:100%;overflow:hidden;font:12px sans-serif}</style></head>
<body>${scripts.map((s) => `<script type="module" src="${s}"></script>`).join('')}</body></html>`,
});
export const cssFile = (path) => ({ type: 'text/css', body: readFileSync(resolve(root, path)) });

export async function launch() {
  const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    protocolTimeout: 900_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--disable-component-update', '--no-first-run', '--js-flags=--max-old-space-size=4096'],
  });
  return browser;
}

export async function openPage(browser, url, readyExpr) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error('page console:', m.text());
  });
  await page.goto(url);
  if (readyExpr) await page.waitForFunction(readyExpr, { timeout: 120_000 });
  return page;
}

const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'blink', 'cc'];

/** Runs `fn` under a Chrome trace; returns [fn's value, per-frame main-thread summary]. */
export async function traced(page, frames, fn) {
  await page.evaluate(() => performance.clearMarks());
  await page.tracing.start({ categories: TRACE_CATEGORIES });
  await page.evaluate(() => performance.mark('bench-loop-start'));
  const value = await fn();
  await page.evaluate(() => performance.mark('bench-loop-end'));
  const buf = await page.tracing.stop();
  return [value, traceSummary(buf, frames)];
}

/** Main-thread busy time per frame between the two marks (union of top-level tasks), with phases. */
export function traceSummary(buf, frames) {
  const events = JSON.parse(Buffer.from(buf).toString('utf8')).traceEvents ?? [];
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const start = events.find((e) => e.name === 'bench-loop-start');
  const end = events.find((e) => e.name === 'bench-loop-end');
  if (!start || !end) return null;
  const pid = start.pid;
  const isMain = (e) => e.pid === pid && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain';
  const win = events.filter((e) => e.ph === 'X' && isMain(e) && e.ts >= start.ts && e.ts <= end.ts);
  const union = (list) => {
    const iv = list.map((e) => [e.ts, e.ts + (e.dur ?? 0)]).sort((a, b) => a[0] - b[0]);
    let tot = 0;
    let cs = -1;
    let ce = -1;
    for (const [a, b] of iv) {
      if (a > ce) {
        if (ce > cs) tot += ce - cs;
        cs = a;
        ce = b;
      } else ce = Math.max(ce, b);
    }
    if (ce > cs) tot += ce - cs;
    return tot / 1000 / frames;
  };
  const phase = (name) => union(win.filter((e) => e.name === name));
  const r = (x) => Math.round(x * 100) / 100;
  const byName = new Map();
  for (const e of win) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0));
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k}=${r(v / 1000 / frames)}`).join(' ');
  return {
    top,
    main_busy_ms: r(union(win.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))),
    raf_ms: r(phase('FireAnimationFrame')),
    style_ms: r(phase('UpdateLayoutTree')),
    layout_ms: r(phase('Layout')),
    paint_ms: r(phase('Paint')),
    layerize_ms: r(phase('Layerize')),
  };
}
