// Layout suite: L1, L3, L4 in headless Chromium through the real worker (bench/page/layout-page.ts;
// L3 in a page of its own, without the raw main-thread anchor),
// and L2 in Node through bench/layout-ratios.ts (the layout engineer's benchmark, run as a child
// process: our large-graph preset vs raw elkjs defaults on the same graph, with edge crossings).
import { bundle, bundleSplit, serve, js, htmlPage, launch, openPage } from '../lib/browser.mjs';
import { row, median } from '../lib/table.mjs';
import { runChild } from './data.mjs';

export const ids = ['L1', 'L2', 'L3', 'L4'];

export async function run(want, opts, rows = []) {
  if (want.has('L1') || want.has('L3') || want.has('L4')) {
    const [pageJs, l4Files, workerJs] = await Promise.all([bundle('bench/page/layout-page.ts'), bundleSplit('bench/page/l4-page.ts', 'l4'), bundle('src/layout/elk.worker.ts')]);
    const files = new Map([
      ['/', htmlPage(['/layout.js'])],
      ['/layout.js', js(pageJs)],
      ['/l4', htmlPage(['/l4.js'])],
      ...l4Files,
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
        rows.push(row({ id: 'L4', scenario: 'page load to first layout, 10 nodes', values: cold, anchors: warm, goal: '≤ 10× warm layout', goalRatio: 10, note: 'cold = navigation start to the first resolved layoutWorkflow (page prewarms at load; page bundled with code splitting, so elkjs\'s main-thread build stays a lazy chunk as in the package); warm = median of 7 in the same worker' }));
      }
      if (want.has('L1')) {
        const page = await openPage(browser, `${base}/`, () => typeof window.layoutBench === 'object');
        const r = await page.evaluate((runs) => window.layoutBench.l1(1000, runs), opts.quick ? 2 : 3);
        await page.close();
        rows.push(row({ id: 'L1', scenario: 'layout 1,000 nodes through our worker', values: r.ours, anchors: r.raw, goal: '≤ 1.15× raw elkjs, same graph+options', goalRatio: 1.15, note: `${r.nodes} nodes, ${r.edges} edges; raw elkjs (elk.bundled) on the page's main thread` }));
      }
      if (want.has('L3')) {
        // A page of its own: no raw ELK on its main thread, so no anchor garbage is collected in our window.
        const page = await openPage(browser, `${base}/`, () => typeof window.layoutBench === 'object');
        const r = await page.evaluate((runs) => window.layoutBench.l3(1000, runs), opts.quick ? 2 : 3);
        await page.close();
        const max = Math.max(...r.maxGap);
        const p95 = median(r.p95Gap);
        rows.push(row({ id: 'L3', scenario: 'longest main-thread frame gap during L1', values: r.maxGap, anchors: [16.7], goal: 'max gap ≤ 50 ms, p95 ≤ 25 ms', goalRatio: 50 / 16.7, checks: [{ ok: max <= 50, what: `max ${max.toFixed(0)} ms` }, { ok: p95 <= 25, what: `p95 ${p95.toFixed(0)} ms` }], note: `anchor: one idle 60 Hz frame (16.7 ms); p95 gap ${p95.toFixed(1)} ms; 1,000-node layouts through our worker (${r.ms.map((x) => x.toFixed(0)).join(', ')} ms) in a page that never runs ELK on its main thread` }));
      }
    } finally {
      await browser.close();
      server.close();
    }
  }
  if (want.has('L2')) {
    // Even run counts: ours and the defaults each follow the other equally often (see layout-ratios.ts).
    for (const [n, runs, goal] of [[1000, opts.quick ? 2 : 4, 0.6], [3000, 2, 0.45]]) {
      const out = await runChild(process.execPath, ['--import', 'tsx', 'bench/layout-ratios.ts', String(n), String(runs), 'l2'], 900_000);
      const last = JSON.parse(out.trim().split('\n').pop());
      const cross = out.match(/crossings: preset (\d+) vs defaults (\d+)/);
      const [co, cd] = cross ? [Number(cross[1]), Number(cross[2])] : [NaN, NaN];
      const cpuRatio = median(last.cpu.ours) / median(last.cpu.rawDefaults);
      rows.push(row({
        id: `L2-${n}`, scenario: `large-graph preset, ${n} nodes vs elkjs defaults`, values: last.wall.ours, anchors: last.wall.rawDefaults,
        goal: `≤ ${goal}× defaults, crossings ≤ +10%`, goalRatio: goal, checks: [{ ok: co <= cd * 1.1, what: `crossings ${co} vs ${cd}` }],
        note: `Node, bench/layout-ratios.ts (both sides warmed on a same-size graph, order alternated over an even number of runs); CPU-time ratio ${cpuRatio.toFixed(2)}; crossings ${co} (preset) vs ${cd} (defaults)`,
      }));
    }
  }
  return rows;
}
