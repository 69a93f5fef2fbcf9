// Dev tool: every main-thread task (RunTask, with wall and CPU ms) and frame event between the
// page's fp-start / fp-end marks of one first paint, ours then the floor: shows idle gaps
// (waits for a frame) that CPU time does not.
// Usage: node bench/tools/trace-tasks.mjs <n> <minZoom|null> [reps]
import { openGraphBench } from '../lib/browser.mjs';
const [n = '1000', mz = 'null', reps = '2'] = process.argv.slice(2);
const { server, browser, page } = await openGraphBench();
const z = mz === 'null' ? null : +mz;
await page.evaluate(() => window.bench.oursFirstPaint(100, null));
await page.evaluate(() => window.bench.floorFirstPaint(100, null));
const FRAME = new Set(['BeginFrame', 'BeginMainThreadFrame', 'FireAnimationFrame', 'Paint', 'Commit', 'UpdateLayoutTree', 'Layout', 'ResizeObserver', 'TimerFire', 'RunMicrotasks', 'FunctionCall']);
async function tasks(label, fn) {
  await page.tracing.start({ categories: ['toplevel', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame'] });
  const r = await fn();
  const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents ?? [];
  const t0 = events.find((e) => e.name === 'fp-start');
  const t1 = events.find((e) => e.name === 'fp-end');
  const main = events.filter((e) => e.pid === t0.pid && e.tid === t0.tid && (e.ts + (e.dur ?? 0)) >= t0.ts && e.ts <= t1.ts);
  console.log(`${label}: wall ${r.ms.toFixed(1)} ms`);
  for (const e of main) {
    if (e.ph !== 'X' && e.ph !== 'I' && e.ph !== 'i') continue;
    if (e.name !== 'RunTask' && !(FRAME.has(e.name) && (e.dur ?? 0) >= 500)) continue;
    const at = ((e.ts - t0.ts) / 1000).toFixed(1).padStart(7);
    const d = ((e.dur ?? 0) / 1000).toFixed(1).padStart(6);
    const c = e.tdur !== undefined ? (e.tdur / 1000).toFixed(1).padStart(6) : '      ';
    if (e.name === 'RunTask' && (e.dur ?? 0) < 300) continue;
    console.log(`  ${at} ${d} cpu ${c} ${e.name === 'RunTask' ? 'TASK' : '  ' + e.name}${e.args?.data?.functionName ? ' ' + e.args.data.functionName : ''}`);
  }
}
for (let i = 0; i < +reps; i++) {
  await tasks(`ours ${n}`, () => page.evaluate((n, z) => window.bench.oursFirstPaint(n, z), +n, z));
  await tasks(`floor ${n}`, () => page.evaluate((n, z) => window.bench.floorFirstPaint(n, z), +n, z));
}
await browser.close();
server.close();
