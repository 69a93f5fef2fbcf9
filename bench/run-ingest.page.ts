// Page side of bench/run-ingest.mjs (bundled by esbuild, run in headless Chromium): E3, every
// main-thread long task (PerformanceObserver 'longtask', >= 50 ms) while a ~1,000,000-event run loads
// through <fluss-run>, by `.events` or by `src` (fetched and parsed in the export worker).
import { FlussRunElement } from '../src/elements/fluss-run/fluss-run.js';
import { generateRun } from '../test/browser/run/support/generate-run.js';

if (!customElements.get('fluss-run')) customElements.define('fluss-run', FlussRunElement);

async function until(cond: () => boolean, timeoutMs = 600_000): Promise<void> {
  const start = performance.now();
  while (!cond()) {
    if (performance.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

declare global {
  interface Window {
    runIngest(options: { mode: 'events' | 'src'; items: number }): Promise<unknown>;
  }
}

window.runIngest = async ({ mode, items }) => {
  let gen: ReturnType<typeof generateRun> | null = generateRun({ nodes: 20, items });
  let url: string | null = null;
  const total = gen.events.length;
  if (mode === 'src') {
    url = URL.createObjectURL(new Blob([JSON.stringify({ run: { id: 'bench', status: 'COMPLETED', flow: null, events: gen.events } })], { type: 'application/json' }));
    gen = null;
  }
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 500));
  const tasks: { start: number; duration: number }[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  });
  obs.observe({ type: 'longtask', buffered: false });
  const run = document.createElement('fluss-run') as FlussRunElement;
  const t0 = performance.now();
  if (mode === 'src') run.src = url;
  else {
    run.run = gen!.run;
    run.events = gen!.events;
  }
  document.body.append(run);
  await until(() => run.state !== 'loading' && run.state !== 'idle');
  const t1 = performance.now();
  await new Promise((r) => setTimeout(r, 200));
  for (const e of obs.takeRecords()) tasks.push({ start: e.startTime, duration: e.duration });
  obs.disconnect();
  const during = tasks.filter((e) => e.start >= t0 && e.start <= t1).map((e) => Math.round(e.duration));
  const result = { mode, state: run.state, events: run.store.size, generated: total, ingest_ms: Math.round(t1 - t0), tasks_over_50ms: during.length, longest_ms: during.length ? Math.max(...during) : 0, durations: during.join(' ') };
  run.remove();
  if (url) URL.revokeObjectURL(url);
  gen = null;
  return result;
};
