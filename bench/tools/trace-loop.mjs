// Dev tool: per-frame trace breakdown (top event names) of one frame loop.
// Usage: node bench/tools/trace-loop.mjs ours|wrapper|wrapper-full|rf <n> <minZoom|null> [frames]
import { bundle, serve, js, htmlPage, cssFile, launch, openPage, traced } from '../lib/browser.mjs';
const [kind = 'ours', n = '1000', mz = 'null', fr = '90'] = process.argv.slice(2);
const files = new Map([['/', htmlPage(['/graph.js'], ['/rf.css'])], ['/graph.js', js(await bundle('bench/page/graph-page.ts'))], ['/rf.css', cssFile('node_modules/@xyflow/react/dist/style.css')]]);
const { server, base } = await serve(files);
const browser = await launch();
const page = await openPage(browser, `${base}/`, () => typeof window.bench === 'object');
if (process.env.NO_MINIMAP) await page.evaluate(() => (window.benchNoMinimap = true));
await page.evaluate(() => window.bench.oursFirstPaint(100, null));
await page.evaluate((k, n, z) => window.bench.prepareLoop('p', k, n, z), kind, +n, mz === 'null' ? null : +mz);
for (let i = 0; i < 2; i++) {
  const [r, t] = await traced(page, +fr, () => page.evaluate((f) => window.bench.runLoop('p', f), +fr));
  console.log(JSON.stringify(r));
  console.log(JSON.stringify(t));
}
await browser.close();
server.close();
