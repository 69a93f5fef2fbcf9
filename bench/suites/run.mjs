// Run suite (headless Chromium): S1 and E3 through bench/run-cursor.page.ts (the run engineer's
// page: <fluss-run> with a 1,000-node <fluss-workflow> and 100,000 events; then 1,000,000 events
// ingested through <fluss-run>), called from here so its anchors run in the same browser.
import puppeteer from 'puppeteer-core';
import { bundle, serve, js, htmlPage, openPage } from '../lib/browser.mjs';
import { row } from '../lib/table.mjs';

export const ids = ['S1', 'E3'];

export async function run(want, opts, rows = []) {
  const pageJs = await bundle('bench/run-cursor.page.ts');
  // The export worker, where the bundled page's `new URL('./export.worker.ts', import.meta.url)`
  // points, so E3 also measures `src` (fetch + parse in the worker, pages handed over).
  const workerJs = await bundle('src/elements/fluss-run/export.worker.ts');
  const files = new Map([
    ['/', htmlPage(['/bench.js'])],
    ['/bench.js', js(pageJs)],
    ['/export.worker.ts', js(workerJs)],
  ]);
  const { server, base } = await serve(files);
  // lib/browser.mjs's launch() plus --expose-gc: the page collects the run generator's garbage
  // before it starts E3's clock (as bench/run-cursor.mjs does), so E3 times the ingest alone.
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    protocolTimeout: 900_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--disable-component-update', '--no-first-run', '--js-flags=--max-old-space-size=4096 --expose-gc'],
  });
  try {
    const page = await openPage(browser, `${base}/`, () => typeof window.runBench === 'function');
    const r = await page.evaluate((o) => window.runBench(o), { nodes: 1000, items: 100, moves: opts.quick ? 60 : 200, ingestItems: want.has('E3') ? 50_000 : 0 });
    if (want.has('S1')) {
      const jump = r.cursor.rows.find((x) => x.case === 'random jump + style/layout');
      const step = r.cursor.rows.find((x) => x.case === 'step + style/layout');
      const dom = r.cursor.rows.find((x) => x.case === 'random jump');
      const anchor = r.cursor.rows.find((x) => x.case.startsWith('anchor'));
      const info = r.cursor.info;
      const s = row({ id: 'S1', scenario: 'cursor to a new T, 1,000 nodes, 100k events, with DOM + style', values: [jump.median_ms], anchors: [anchor.median_ms], goal: '≤ 4 ms incl. DOM update; only changed nodes touched', checks: [{ ok: jump.median_ms <= 4, what: `${jump.median_ms} ms` }], note: `from bench/run-cursor.page.ts: ${info.events} events; state + DOM update alone (no forced style) ${dom?.median_ms} ms median; with style/layout: random jump median ${jump.median_ms} / p95 ${jump.p95_ms} / max ${jump.max_ms} ms, ${jump.touched_median} elements touched for ${jump.nodes_changed_median} changed nodes; step to next event ${step.median_ms} ms; anchor = jump drawn by re-rendering every node via nodeStatus` });
      rows.push({ ...s, runs: opts.quick ? 60 : 200, min: null, max: jump.max_ms });
    }
    if (want.has('E3') && r.ingest) {
      const list = Array.isArray(r.ingest) ? r.ingest : [r.ingest];
      const anchorMs = list.find((x) => typeof x.anchor_one_synchronous_append_ms === 'number')?.anchor_one_synchronous_append_ms ?? null;
      list.forEach((ing, k) => {
        const longest = typeof ing.longest_task_ms === 'number' ? ing.longest_task_ms : 0;
        const e = row({ id: k === 0 ? 'E3' : `E3-${k + 1}`, scenario: `ingest ${Number(ing.events).toLocaleString('en')} events via ${ing.source ?? '<fluss-run>'}: longest task`, values: [longest], anchors: anchorMs === null ? null : [anchorMs], goal: 'no main-thread task > 50 ms', checks: [{ ok: longest <= 50, what: `longest task ${longest} ms` }, ...(ing.state && ing.state !== 'ready' ? [{ ok: false, what: `state ${ing.state}` }] : [])], note: `from bench/run-cursor.page.ts: total ingest ${ing.ingest_total_ms} ms, ${ing.tasks_over_50ms} tasks over 50 ms (longtask observer; 0 = none over 50); anchor = the same events appended to a RunStore in one synchronous call` });
        rows.push({ ...e, ratio: null });
      });
    }
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}
