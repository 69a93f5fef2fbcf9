// Dev tool: where one first paint's time goes (phase timers wrapped around the element's methods).
// Usage: node bench/tools/paint-parts.mjs <n> <minZoom|null> [repeats]
import { serve, js, htmlPage, launch, openPage, bundle } from '../lib/browser.mjs';
const [n = '1000', mz = 'null', reps = '5'] = process.argv.slice(2);
const files = new Map([['/', htmlPage(['/p.js'])], ['/p.js', js(await bundle('bench/tools/paint-parts.page.ts'))]]);
const { server, base } = await serve(files);
const browser = await launch();
const page = await openPage(browser, `${base}/`, () => typeof window.probe === 'function');
const z = mz === 'null' ? null : +mz;
await page.evaluate(() => window.probe(100, null));
if (process.env.PIECES) for (let i = 0; i < 3; i++) console.log('pieces', JSON.stringify(await page.evaluate((n, z) => window.pieces(n, z), +n, z)));
if (process.env.STEPS) console.log('steps', JSON.stringify(await page.evaluate((n) => window.steps(n, 7), +n)));
for (let i = 0; i < +reps; i++) {
  const r = await page.evaluate((n, z) => window.probe(n, z), +n, z);
  console.log(Object.entries(r).map(([k, v]) => `${k}=${typeof v === 'number' ? v.toFixed(1) : v}`).join(' '));
}
await browser.close();
server.close();
