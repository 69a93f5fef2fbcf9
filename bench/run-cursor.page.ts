// Page side of bench/run-cursor.mjs (bundled by esbuild, run in headless Chromium): S1, the graph
// state at a new cursor on a 1,000-node workflow with 100,000 events, including the DOM update; and
// E3, the longest main-thread task while 1,000,000 events load through <fluss-run>.
import { FlussRunElement } from '../src/elements/fluss-run/fluss-run.js';
import { FlussWorkflow } from '../src/elements/fluss-workflow/fluss-workflow.js';
import { generateRun } from '../test/browser/run/support/generate-run.js';

// Registered here: the package's sideEffects list makes bundlers drop bare define imports.
if (!customElements.get('fluss-run')) customElements.define('fluss-run', FlussRunElement);
if (!customElements.get('fluss-workflow')) customElements.define('fluss-workflow', FlussWorkflow);

interface OverlayProbe {
  flush(): void;
  lastStats: { nodesChanged: number; edgesChanged: number; elementsTouched: number };
}

const median = (a: number[]): number => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const p95 = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length * 0.95)]!;
const round = (x: number) => Math.round(x * 1000) / 1000;

async function until(cond: () => boolean, what: () => string, timeoutMs = 120_000): Promise<void> {
  const start = performance.now();
  while (!cond()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out: ${what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function cursorBench(nodes: number, items: number, moves: number, setupOnly = false) {
  const gen = generateRun({ nodes, items, failNode: `n${Math.floor(nodes / 2)}`, failOnNext: Math.floor(items / 2) });
  const run = document.createElement('fluss-run') as FlussRunElement;
  const graph = document.createElement('fluss-workflow') as FlussWorkflow;
  graph.setAttribute('layout', 'stored');
  graph.setAttribute('no-minimap', '');
  graph.style.cssText = 'display:block;width:1280px;height:760px';
  run.append(graph);
  run.run = gen.run;
  run.events = gen.events;
  document.body.append(run);
  await until(() => run.state === 'ready', () => `run loads (state ${run.state}, ${run.store.size} events)`);
  await until(() => graph.workflow !== null, () => 'graph gets the flow');
  await graph.layoutComplete;
  const overlay = (graph as unknown as { runOverlay: OverlayProbe }).runOverlay;
  const groups = () => graph.shadowRoot!.querySelectorAll('.scene .node[data-node-id]').length;
  await until(() => graph.shadowRoot!.querySelectorAll('.scene .node[data-status]').length === groups(), () => 'statuses drawn');
  const range = run.store.range()!;
  const ts = [...new Set(run.store.events.map((e) => e.t))];
  // Deterministic pseudo-random jumps.
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const measure = (targets: number[], forceStyle: boolean) => {
    const times: number[] = [];
    const touched: number[] = [];
    const changed: number[] = [];
    for (const T of targets) {
      const t0 = performance.now();
      run.setCursor(T);
      overlay.flush();
      if (forceStyle) void graph.shadowRoot!.querySelector('.scene')!.getBoundingClientRect();
      times.push(performance.now() - t0);
      touched.push(overlay.lastStats.elementsTouched);
      changed.push(overlay.lastStats.nodesChanged);
    }
    return { median_ms: round(median(times)), p95_ms: round(p95(times)), max_ms: round(Math.max(...times)), touched_median: median(touched), nodes_changed_median: median(changed) };
  };
  // warm up
  measure(ts.slice(0, 50), false);
  const jumps = Array.from({ length: moves }, () => range.min + Math.floor(rand() * (range.max - range.min + 1)));
  if (setupOnly) {
    // Dev tools (a trace of the jumps): the page stays set up, `window.cursorJumps` repeats the jumps.
    window.cursorJumps = (forceStyle: boolean) => measure(jumps, forceStyle);
    return { info: { nodes: gen.workflow.nodes.length, events: run.store.size }, rows: [] };
  }
  const stepStart = Math.floor(ts.length / 3);
  const steps = ts.slice(stepStart, stepStart + moves);
  const rows = [
    { case: 'random jump', ...measure(jumps, false) },
    { case: 'random jump + style/layout', ...measure(jumps, true) },
    { case: 'step to next event', ...measure(steps, false) },
    { case: 'step + style/layout', ...measure(steps, true) },
  ];
  // Anchor: the same jumps drawn by re-rendering the graph through its nodeStatus property (Lit
  // re-renders every node template; the DOM commits only what differs).
  const anchor: number[] = [];
  for (const T of jumps.slice(0, Math.min(jumps.length, 60))) {
    const t0 = performance.now();
    run.setCursor(T);
    const statuses = new Map<string, string>();
    for (const [id, ns] of run.store.stateAt(T).nodes) statuses.set(id, ns.status);
    graph.nodeStatus = statuses;
    await graph.updateComplete;
    void graph.shadowRoot!.querySelector('.scene')!.getBoundingClientRect();
    anchor.push(performance.now() - t0);
  }
  graph.nodeStatus = null;
  await graph.updateComplete;
  rows.push({ case: 'anchor: jump via nodeStatus re-render + style/layout', median_ms: round(median(anchor)), p95_ms: round(p95(anchor)), max_ms: round(Math.max(...anchor)), touched_median: NaN, nodes_changed_median: NaN });
  // stateAt alone, for reference
  const s0 = performance.now();
  for (const T of jumps) run.store.stateAt(T);
  const stateAtMs = (performance.now() - s0) / jumps.length;
  const info = { nodes: gen.workflow.nodes.length, edges: gen.workflow.edges.length, events: run.store.size, node_groups_drawn: groups(), stateAt_only_ms: round(stateAtMs) };
  run.remove();
  return { info, rows };
}

/** E3 through `.events`: generated events handed over as a property. */
async function ingestEventsBench(items: number) {
  let gen: ReturnType<typeof generateRun> | null = generateRun({ nodes: 20, items });
  // Collect the generator's garbage first (when the page may), so only the ingest's own work counts.
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 500));
  const watch = watchLongTasks();
  const run = document.createElement('fluss-run') as FlussRunElement;
  const t0 = performance.now();
  run.run = gen.run;
  run.events = gen.events;
  document.body.append(run);
  await until(() => run.state === 'ready', () => `ingest (state ${run.state})`, 600_000);
  const t1 = performance.now();
  const tasks = await watch.stop(t0, t1);
  const result = { source: '.events property', state: run.state, events: run.store.size, ingest_total_ms: Math.round(t1 - t0), ...tasks, anchor_one_synchronous_append_ms: 0 };
  run.remove();
  // Anchor: the same events appended to a store in one synchronous call (one long task).
  const { RunStore } = await import('../src/model/run-store.js');
  const a0 = performance.now();
  new RunStore(gen.workflow, gen.events);
  result.anchor_one_synchronous_append_ms = Math.round(performance.now() - a0);
  gen = null;
  return result;
}

/** E3 through `src`: the same run as a recorded export, fetched and parsed in the export worker. */
async function ingestSrcBench(items: number) {
  let gen: ReturnType<typeof generateRun> | null = generateRun({ nodes: 20, items });
  const url = URL.createObjectURL(new Blob([JSON.stringify({ run: { id: 'bench', status: 'COMPLETED', events: gen.events } })], { type: 'application/json' }));
  gen = null;
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 500));
  const watch = watchLongTasks();
  const run = document.createElement('fluss-run') as FlussRunElement;
  const t0 = performance.now();
  run.src = url;
  document.body.append(run);
  await until(() => run.state !== 'loading' && run.state !== 'idle', () => `src ingest (state ${run.state})`, 600_000);
  const t1 = performance.now();
  const tasks = await watch.stop(t0, t1);
  const result = { source: 'src (export worker)', state: run.state, events: run.store.size, ingest_total_ms: Math.round(t1 - t0), ...tasks };
  run.remove();
  URL.revokeObjectURL(url);
  return result;
}

/** Records main-thread long tasks (>= 50 ms) until `stop`. */
function watchLongTasks() {
  const entries: { start: number; duration: number }[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) entries.push({ start: e.startTime, duration: e.duration });
  });
  obs.observe({ type: 'longtask', buffered: false });
  return {
    async stop(t0: number, t1: number) {
      await new Promise((r) => setTimeout(r, 200));
      for (const e of obs.takeRecords()) entries.push({ start: e.startTime, duration: e.duration });
      obs.disconnect();
      const during = entries.filter((e) => e.start >= t0 && e.start <= t1);
      return {
        longest_task_ms: during.length ? Math.round(Math.max(...during.map((e) => e.duration))) : ('none over 50' as number | string),
        tasks_over_50ms: during.length,
      };
    },
  };
}

type BenchMode = 'cursor' | 'cursor-setup' | 'ingest-events' | 'ingest-src';

declare global {
  interface Window {
    /**
     * With `mode`: one measurement (bench/run-cursor.mjs opens a fresh page for each). Without it
     * (bench/suites/run.mjs): the cursor bench, then the ingests in this page, as `{cursor, ingest}`;
     * the `src` ingest only when the export worker is served next to the page.
     */
    runBench(options: { mode?: BenchMode; nodes: number; items: number; moves: number; ingestItems: number }): Promise<unknown>;
    /** After mode `cursor-setup`: runs the random jumps again (with forced style/layout or not). */
    cursorJumps?: (forceStyle: boolean) => unknown;
  }
}

window.runBench = async ({ mode, nodes, items, moves, ingestItems }) => {
  if (mode === 'cursor') return cursorBench(nodes, items, moves);
  if (mode === 'cursor-setup') return cursorBench(nodes, items, moves, true);
  if (mode === 'ingest-events') return ingestEventsBench(ingestItems);
  if (mode === 'ingest-src') return ingestSrcBench(ingestItems);
  const cursor = await cursorBench(nodes, items, moves);
  if (ingestItems <= 0) return { cursor, ingest: null };
  const ingest: unknown[] = [await ingestEventsBench(ingestItems)];
  const workerServed = await fetch(new URL('./export.worker.ts', import.meta.url), { method: 'HEAD' })
    .then((r) => r.ok && !(r.headers.get('content-type') ?? '').includes('html'))
    .catch(() => false);
  if (workerServed) ingest.push(await ingestSrcBench(ingestItems));
  return { cursor, ingest };
};
