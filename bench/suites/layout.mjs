// Layout suite: L1, L3, L4 in headless Chromium through the real worker (bench/page/layout-page.ts),
// and L2 in Node through bench/layout-ratios.ts (the layout engineer's benchmark, run as a child
// process: our large-graph preset vs raw elkjs defaults on the same graph, with edge crossings).
import { bundle, serve, js, htmlPage, launch, openPage } from '../lib/browser.mjs';
import { row, median } from '../lib/table.mjs';
import { runChild } from './data.mjs';

export const ids = ['L1', 'L2', 'L3', 'L4'];

export async function run(want, opts, rows = []) {
  if (want.has('L1') || want.has('L3') || want.has('L4')) {
    const [pageJs, l4Js, workerJs] = await Promise.all([bundle('bench/page/layout-page.ts'), bundle('bench/page/l4-page.ts'), bundle('src/layout/elk.worker.ts')]);
    const files = new Map([
      ['/', htmlPage(['/layout.js'])],
      ['/layout.js', js(pageJs)],
      ['/l4', htmlPage(['/l4.js'])],
      ['/l4.js', js(l4Js)],
      ['/elk.worker.js', js(workerJs)],
    ]);
    const { server, base } = await serve(files);
    const browser = await launch();
    try {
      if (want.has('L4')) {
        // a fresh page per load; the first is discarded (disk cache, code cache)
        const cold = [];
        const warm = [];
        for (let i = 0; i < (opts.quick ? 3 : 4); i++) {
          const page = await openPage(browser, `${base}/l4`, () => typeof window.l4Bench === 'object');
          const r = await page.evaluate(() => window.l4Bench.l4());
          await page.close();
          if (i === 0) continue;
          cold.push(r.cold);
          warm.push(median(r.warm));
        }
        rows.push(row({ id: 'L4', scenario: 'page load to first layout, 10 nodes', values: cold, anchors: warm, goal: '≤ 10× warm layout', goalRatio: 10, note: 'cold = navigation start to the first resolved layoutWorkflow (page prewarms at load); warm = median of 7 in the same worker' }));
      }
      if (want.has('L1') || want.has('L3')) {
        const page = await openPage(browser, `${base}/`, () => typeof window.layoutBench === 'object');
        const r = await page.evaluate((runs) => window.layoutBench.l1(1000, runs), opts.quick ? 2 : 3);
        await page.close();
        if (want.has('L1'))
          rows.push(row({ id: 'L1', scenario: 'layout 1,000 nodes through our worker', values: r.ours, anchors: r.raw, goal: '≤ 1.15× raw elkjs, same graph+options', goalRatio: 1.15, note: `${r.nodes} nodes, ${r.edges} edges; raw elkjs (elk.bundled) on the page's main thread` }));
        if (want.has('L3')) {
          const max = Math.max(...r.maxGap);
          const p95 = median(r.p95Gap);
          rows.push(row({ id: 'L3', scenario: 'longest main-thread frame gap during L1', values: r.maxGap, anchors: [16.7], goal: 'max gap ≤ 50 ms, p95 ≤ 25 ms', goalRatio: 50 / 16.7, checks: [{ ok: max <= 50, what: `max ${max.toFixed(0)} ms` }, { ok: p95 <= 25, what: `p95 ${p95.toFixed(0)} ms` }], note: `anchor: one idle 60 Hz frame (16.7 ms); p95 gap ${p95.toFixed(1)} ms; raw elkjs on the main thread blocks for the whole layout (${median(r.raw).toFixed(0)} ms)` }));
        }
      }
    } finally {
      await browser.close();
      server.close();
    }
  }
  if (want.has('L2')) {
    for (const [n, runs, goal] of [[1000, opts.quick ? 1 : 3, 0.6], [3000, 1, 0.45]]) {
      const out = await runChild(process.execPath, ['--import', 'tsx', 'bench/layout-ratios.ts', String(n), String(runs)], 900_000);
      const last = JSON.parse(out.trim().split('\n').pop());
      const cross = out.match(/crossings: preset (\d+) vs defaults (\d+)/);
      const [co, cd] = cross ? [Number(cross[1]), Number(cross[2])] : [NaN, NaN];
      const cpuRatio = median(last.cpu.ours) / median(last.cpu.rawDefaults);
      rows.push(row({
        id: `L2-${n}`, scenario: `large-graph preset, ${n} nodes vs elkjs defaults`, values: last.wall.ours, anchors: last.wall.rawDefaults,
        goal: `≤ ${goal}× defaults, crossings ≤ +10%`, goalRatio: goal, checks: [{ ok: co <= cd * 1.1, what: `crossings ${co} vs ${cd}` }],
        note: `Node, bench/layout-ratios.ts; CPU-time ratio ${cpuRatio.toFixed(2)}; crossings ${co} (preset) vs ${cd} (defaults)`,
      }));
    }
  }
  return rows;
}
