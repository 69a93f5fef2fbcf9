// Dev tool: first paint as main-thread CPU time (trace `tdur` of top-level tasks between the
// page's fp-start / fp-end marks), ours vs the floor, alternating. CPU time is far less sensitive
// than wall time to other processes on a shared machine; wall ms are printed too.
// Usage: node bench/tools/cpu-ratio.mjs <n> <minZoom|null> <floorN> [reps]
import { openGraphBench } from '../lib/browser.mjs';
const [n = '1000', mz = 'null', fn = '', reps = '5'] = process.argv.slice(2);
const { server, browser, page } = await openGraphBench();
const z = mz === 'null' ? null : +mz;
const floorN = fn ? +fn : +n;
await page.evaluate(() => window.bench.oursFirstPaint(100, null));
await page.evaluate(() => window.bench.floorFirstPaint(100, null));
async function cpu(fn) {
  await page.tracing.start({ categories: ['toplevel', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
  const r = await fn();
  const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents ?? [];
  const t0 = events.find((e) => e.name === 'fp-start');
  const t1 = events.find((e) => e.name === 'fp-end');
  const tasks = events.filter((e) => e.ph === 'X' && e.pid === t0.pid && e.tid === t0.tid && e.name === 'RunTask' && e.ts + (e.dur ?? 0) >= t0.ts && e.ts <= t1.ts);
  // A task that began before fp-start (the bench copies the flow in the same task) counts only
  // with the share of it that lies inside the window.
  const ms = tasks.reduce((s, e) => {
    const dur = e.dur ?? 0;
    const inside = Math.max(0, Math.min(e.ts + dur, t1.ts) - Math.max(e.ts, t0.ts));
    return s + (e.tdur ?? dur) * (dur > 0 ? inside / dur : 1);
  }, 0) / 1000;
  return { cpu: ms, wall: r.ms };
}
const A = [];
const B = [];
for (let i = 0; i < +reps; i++) {
  const first = i % 2 === 0;
  const runOurs = () => cpu(() => page.evaluate((n, z) => window.bench.oursFirstPaint(n, z), +n, z));
  const runFloor = () => cpu(() => page.evaluate((n, z) => window.bench.floorFirstPaint(n, z), floorN, z));
  if (first) { A.push(await runOurs()); B.push(await runFloor()); } else { B.push(await runFloor()); A.push(await runOurs()); }
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const oa = med(A.map((x) => x.cpu));
const fa = med(B.map((x) => x.cpu));
console.log(`n=${n}: ours cpu ${oa.toFixed(1)} ms (wall ${med(A.map((x) => x.wall)).toFixed(1)}), floor(${floorN}) cpu ${fa.toFixed(1)} ms (wall ${med(B.map((x) => x.wall)).toFixed(1)}), cpu ratio ${(oa / fa).toFixed(2)}x`);
console.log('  ours cpu', A.map((x) => x.cpu.toFixed(0)).join(' '), '| floor cpu', B.map((x) => x.cpu.toFixed(0)).join(' '));
await browser.close();
server.close();
