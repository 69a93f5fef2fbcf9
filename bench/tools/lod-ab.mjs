// Dev tool: A/B of the low-detail node template (nested shell + body vs one template), same page.
// Usage: node bench/tools/lod-ab.mjs [n] [reps]
import { serve, js, htmlPage, launch, openPage, bundle } from '../lib/browser.mjs';
const [n = '1000', reps = '15'] = process.argv.slice(2);
const files = new Map([['/', htmlPage(['/p.js'])], ['/p.js', js(await bundle('bench/tools/lod-ab.page.ts'))]]);
const { server, base } = await serve(files);
const browser = await launch();
const page = await openPage(browser, `${base}/`, () => typeof window.ab === 'function');
await page.evaluate(() => window.ab(200, 3));
console.log(JSON.stringify(await page.evaluate((n, r) => window.ab(n, r), +n, +reps)));
await browser.close();
server.close();
