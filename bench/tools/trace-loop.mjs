// Dev tool: per-frame trace breakdown (top event names) of one frame loop.
// Usage: node bench/tools/trace-loop.mjs ours|wrapper|wrapper-full|rf <n> <minZoom|null> [frames]
import { openGraphBench, traced } from '../lib/browser.mjs';
const [kind = 'ours', n = '1000', mz = 'null', fr = '90'] = process.argv.slice(2);
const { server, browser, page } = await openGraphBench();
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
