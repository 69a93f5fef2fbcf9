/**
 * Browser layout benchmark through the real worker (prints a table; asserts nothing):
 *  L1: layoutWorkflow of a 1,000-node workflow through the shared warm worker (convert, ELK,
 *      map back, both postMessage copies) vs raw elkjs (elk.bundled.js) on the same ELK graph
 *      and options, on the page's main thread;
 *  L3: longest / p95 main-thread frame gap (rAF heartbeat) during the worker layout.
 * Run: npx web-test-runner bench/layout-worker.bench.ts
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { disposeLayoutWorkers, layoutWorkflow, prewarmLayout } from '../src/layout/index.js';
import { buildElkGraph } from '../src/layout/elk-graph.js';
import { prepareGraph } from '../src/layout/prepared-graph.js';
import { clearLayoutCache } from '../src/layout/cache.js';
import { heartbeat } from './page/heartbeat.js';
import { genWorkflow } from '../test/unit/layout/gen.js';

const median = (a: number[]): number => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

describe('layout bench (worker)', () => {
  it('L1 and L3 at 1,000 nodes', async function (this: { timeout(ms: number): void }) {
    this.timeout(600_000);
    const n = 1000;
    const runs = 5;
    const { workflow, sizes } = genWorkflow(n, 42);
    prewarmLayout();
    const warm = genWorkflow(150, 7);
    await layoutWorkflow({ workflow: warm.workflow, sizes: warm.sizes, direction: 'right', mode: 'auto', deadlineMs: 120_000 });
    const elk = new ELK();
    await elk.layout(buildElkGraph(prepareGraph(warm.workflow, warm.sizes), 'right'));
    const ours: number[] = [];
    const raw: number[] = [];
    const gaps: number[] = [];
    const runOurs = async (): Promise<void> => {
      clearLayoutCache();
      const stop = heartbeat();
      const t0 = performance.now();
      await layoutWorkflow({ workflow, sizes, direction: 'right', mode: 'auto', deadlineMs: 120_000 });
      ours.push(performance.now() - t0);
      gaps.push(...stop());
    };
    const runRaw = async (): Promise<void> => {
      const graph = buildElkGraph(prepareGraph(workflow, sizes), 'right');
      const t1 = performance.now();
      await elk.layout(graph);
      raw.push(performance.now() - t1);
    };
    // Alternate the order so neither side always runs first.
    for (let r = 0; r < runs; r++) {
      if (r % 2) {
        await runRaw();
        await runOurs();
      } else {
        await runOurs();
        await runRaw();
      }
    }
    gaps.sort((a, b) => a - b);
    const p95 = gaps[Math.floor(gaps.length * 0.95)] ?? 0;
    console.log(
      [
        `layout bench, ${n} nodes, ${workflow.edges.length} edges, ${runs} runs (median ms)`,
        '| id | case | ms | anchor | anchor ms | ratio | goal |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        `| L1 | layoutWorkflow via worker | ${median(ours).toFixed(0)} | raw elk.bundled, same graph+options, main thread | ${median(raw).toFixed(0)} | ${(median(ours) / median(raw)).toFixed(2)} | <= 1.15 |`,
        `| L3 | frame gap during L1: max ${gaps[gaps.length - 1]?.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms | | | | | max <= 50, p95 <= 25 |`,
        JSON.stringify({ ours, raw }),
      ].join('\n'),
    );
    disposeLayoutWorkers();
  });
});
