/**
 * Page side of the layout benchmarks (bundled by esbuild, run in headless Chromium by
 * bench/run.mjs). L1: a 1,000-node layout through our warm worker (convert, ELK, map back, both
 * copies) against raw elkjs with the same graph and options on the main thread. L3: the rAF
 * heartbeat during our layouts, measured by `l3` in a page of its own that never runs ELK on its
 * main thread (as a product page): in the L1 page, the raw anchor's garbage (hundreds of MB of ELK
 * objects) was collected during our window, a 100+ ms major GC that is not ours.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutWorkflow, prewarmLayout, setLayoutWorkerUrl, clearLayoutCache } from '../../src/layout/index.js';
import { buildElkGraph } from '../../src/layout/elk-graph.js';
import { prepareGraph } from '../../src/layout/prepared-graph.js';
import { heartbeat } from './heartbeat.js';
import { genWorkflow } from '../../test/unit/layout/gen.js';

setLayoutWorkerUrl('/elk.worker.js', 'module');

async function l1(n: number, runs: number) {
  prewarmLayout();
  const { workflow, sizes } = genWorkflow(n, 42);
  const elk = new ELK();
  // warm both sides on a mid-size graph
  const w = genWorkflow(150, 7);
  await layoutWorkflow({ workflow: w.workflow, sizes: w.sizes, direction: 'right', mode: 'auto', deadlineMs: 120_000 });
  await elk.layout(buildElkGraph(prepareGraph(w.workflow, w.sizes), 'right'));
  const ours: number[] = [];
  const raw: number[] = [];
  const maxGap: number[] = [];
  const p95Gap: number[] = [];
  for (let r = 0; r < runs; r++) {
    const runOurs = async () => {
      clearLayoutCache();
      await new Promise((res) => setTimeout(res, 50));
      const stop = heartbeat();
      performance.mark('l3:start'); // for traces (bench/tools): the window the heartbeat measures
      const t0 = performance.now();
      await layoutWorkflow({ workflow, sizes, direction: 'right', mode: 'auto', deadlineMs: 300_000 });
      ours.push(performance.now() - t0);
      const gaps = stop().sort((a, b) => a - b);
      performance.mark('l3:end');
      maxGap.push(gaps[gaps.length - 1] ?? 0);
      p95Gap.push(gaps[Math.floor(gaps.length * 0.95)] ?? 0);
    };
    const runRaw = async () => {
      const graph = buildElkGraph(prepareGraph(workflow, sizes), 'right');
      const t0 = performance.now();
      await elk.layout(graph);
      raw.push(performance.now() - t0);
    };
    if (r % 2) {
      await runRaw();
      await runOurs();
    } else {
      await runOurs();
      await runRaw();
    }
  }
  return { ours, raw, maxGap, p95Gap, nodes: workflow.nodes.length, edges: workflow.edges.length };
}

/** L3: frame gaps while our worker lays out `n` nodes, `runs` times, in a page without raw ELK. */
async function l3(n: number, runs: number) {
  prewarmLayout();
  const { workflow, sizes } = genWorkflow(n, 42);
  const w = genWorkflow(150, 7);
  await layoutWorkflow({ workflow: w.workflow, sizes: w.sizes, direction: 'right', mode: 'auto', deadlineMs: 120_000 });
  const ms: number[] = [];
  const maxGap: number[] = [];
  const p95Gap: number[] = [];
  for (let r = 0; r < runs; r++) {
    clearLayoutCache();
    await new Promise((res) => setTimeout(res, 50));
    const stop = heartbeat();
    performance.mark('l3:start');
    const t0 = performance.now();
    await layoutWorkflow({ workflow, sizes, direction: 'right', mode: 'auto', deadlineMs: 300_000 });
    ms.push(performance.now() - t0);
    const gaps = stop().sort((a, b) => a - b);
    performance.mark('l3:end');
    maxGap.push(gaps[gaps.length - 1] ?? 0);
    p95Gap.push(gaps[Math.floor(gaps.length * 0.95)] ?? 0);
  }
  return { ms, maxGap, p95Gap };
}

declare global {
  interface Window {
    layoutBench: { l1(n: number, runs: number): ReturnType<typeof l1>; l3(n: number, runs: number): ReturnType<typeof l3> };
  }
}
window.layoutBench = { l1, l3 };
