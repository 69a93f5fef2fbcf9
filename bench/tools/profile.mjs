// Dev tool: CPU profile (top self time) of one graph-page scenario, unminified.
// Usage: node bench/tools/profile.mjs loop|paint ours|wrapper|rf <n> <minZoom|null>
import { build } from 'esbuild';
import { serve, js, htmlPage, cssFile, launch, openPage, root } from '../lib/browser.mjs';
import { resolve } from 'node:path';
const [what = 'loop', kind = 'ours', n = '1000', mz = 'null'] = process.argv.slice(2);
const out = await build({ entryPoints: [resolve(root, 'bench/page/graph-page.ts')], bundle: true, format: 'esm', write: false, minify: false, target: 'es2022', tsconfig: resolve(root, 'tsconfig.json'), conditions: ['browser', 'production'], define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error' });
const files = new Map([['/', htmlPage(['/graph.js'], ['/rf.css'])], ['/graph.js', js(out.outputFiles[0].text)], ['/rf.css', cssFile('node_modules/@xyflow/react/dist/style.css')]]);
const { server, base } = await serve(files);
const browser = await launch();
const page = await openPage(browser, `${base}/`, () => typeof window.bench === 'object');
const minZoom = mz === 'null' ? null : Number(mz);
await page.evaluate(() => window.bench.oursFirstPaint(100, null));
const cdp = await page.createCDPSession();
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
let res;
if (what === 'loop') {
  await page.evaluate((k, n, z) => window.bench.prepareLoop('p', k, n, z), kind, +n, minZoom);
  await cdp.send('Profiler.start');
  res = await page.evaluate(() => window.bench.runLoop('p', 90));
} else {
  await page.evaluate((n, z) => window.bench.oursFirstPaint(n, z), +n, minZoom);
  await cdp.send('Profiler.start');
  // REPS paints in one profile average out the load of a shared machine.
  for (let i = 0; i < Number(process.env.REPS ?? 1); i++) res = await page.evaluate((n, z) => window.bench.oursFirstPaint(n, z), +n, minZoom);
}
const { profile } = await cdp.send('Profiler.stop');
console.log(JSON.stringify(res));
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((x) => [x.id, x]));
const counts = new Map();
for (let i = 0; i < profile.samples.length; i++) counts.set(profile.samples[i], (counts.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
for (const [id, us] of counts) { const nd = byId.get(id); const cf = nd.callFrame; const k = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`; self.set(k, (self.get(k) ?? 0) + us); }
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 30);
for (const [k, us] of top) console.log((us / 1000).toFixed(1).padStart(8), k);
// Inclusive ("total") time per function: each sample counts once for every distinct frame on its stack.
const parent = new Map();
for (const nd of profile.nodes) for (const c of nd.children ?? []) parent.set(c, nd.id);
const keyOf = (nd) => `${nd.callFrame.functionName || '(anon)'} ${nd.callFrame.url.split('/').pop()}:${nd.callFrame.lineNumber}`;
const total = new Map();
for (const [id, us] of counts) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) seen.add(keyOf(byId.get(cur)));
  for (const k of seen) total.set(k, (total.get(k) ?? 0) + us);
}
console.log('--- inclusive');
for (const [k, us] of [...total].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 45))) console.log((us / 1000).toFixed(1).padStart(8), k);
await browser.close(); server.close();
