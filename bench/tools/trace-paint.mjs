// Dev tool: Chrome trace of one first paint of ours: a timeline of the main thread's big events
// (>= 2 ms, top-level and GC) from handing over the flow to the painted frame, then the floor's.
// Usage: node bench/tools/trace-paint.mjs <n> <minZoom|null> [floorN] [reps]
import { openGraphBench } from '../lib/browser.mjs';
const [n = '1000', mz = 'null', fn = '', reps = '2'] = process.argv.slice(2);
const { server, browser, page } = await openGraphBench();
const z = mz === 'null' ? null : +mz;
const floorN = fn ? +fn : +n;
await page.evaluate(() => window.bench.oursFirstPaint(100, null));
await page.evaluate(() => window.bench.floorFirstPaint(100, null));
const CATS = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8', 'blink'];
async function timeline(label, fn) {
  await page.tracing.start({ categories: CATS });
  const r = await fn();
  const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents ?? [];
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const t0 = events.find((e) => e.name === 'fp-start');
  const t1 = events.find((e) => e.name === 'fp-end');
  if (!t0 || !t1) return console.log(label, 'no marks', r);
  const main = events.filter((e) => e.ph === 'X' && e.pid === t0.pid && e.tid === t0.tid && e.ts >= t0.ts && e.ts <= t1.ts);
  const keep = new Set(['FunctionCall', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR', 'UpdateLayoutTree', 'Layout', 'Paint', 'Layerize', 'ParseHTML', 'FireAnimationFrame', 'TimerFire', 'RunMicrotasks', 'v8.run', 'PrePaint', 'Commit', 'EvaluateScript', 'V8.GCScavenger', 'V8.GCFinalizeMC', 'V8.GC_MC_BACKGROUND_MARKING']);
  const rows = main.filter((e) => (e.dur ?? 0) >= 2000 && (keep.has(e.name) || /GC/.test(e.name))).map((e) => `${((e.ts - t0.ts) / 1000).toFixed(1).padStart(6)} +${(e.dur / 1000).toFixed(1).padStart(5)} ${e.name}`);
  const sum = (re) => main.filter((e) => re.test(e.name)).reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
  console.log(`${label}: ${r.ms.toFixed(1)} ms; GC ${sum(/^(MinorGC|MajorGC)$/).toFixed(1)} ms, style ${sum(/^UpdateLayoutTree$/).toFixed(1)}, layout ${sum(/^Layout$/).toFixed(1)}, paint ${sum(/^Paint$/).toFixed(1)}, parseHTML ${sum(/^ParseHTML$/).toFixed(1)}`);
  for (const row of rows) console.log('   ', row);
}
for (let i = 0; i < +reps; i++) {
  await timeline(`ours ${n}`, () => page.evaluate((n, z) => window.bench.oursFirstPaint(n, z), +n, z));
  await timeline(`floor ${floorN}`, () => page.evaluate((n, z) => window.bench.floorFirstPaint(n, z), floorN, z));
}
await browser.close();
server.close();
