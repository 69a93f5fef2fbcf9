// Dev tool: one first paint of ours (n, minZoom) with the page's console shown (for ad-hoc probes).
// Usage: node bench/tools/console-paint.mjs <n> <minZoom|null>
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { serve, js, htmlPage, cssFile, launch, openPage, root } from '../lib/browser.mjs';
const [n = '1000', mz = 'null'] = process.argv.slice(2);
const out = await build({ entryPoints: [resolve(root, 'bench/page/graph-page.ts')], bundle: true, format: 'esm', write: false, minify: false, target: 'es2022', tsconfig: resolve(root, 'tsconfig.json'), conditions: ['browser', 'production'], define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error' });
const files = new Map([['/', htmlPage(['/graph.js'], ['/rf.css'])], ['/graph.js', js(out.outputFiles[0].text)], ['/rf.css', cssFile('node_modules/@xyflow/react/dist/style.css')]]);
const { server, base } = await serve(files);
const browser = await launch();
const page = await openPage(browser, `${base}/`, () => typeof window.bench === 'object');
page.on('console', (m) => console.log('>', m.text()));
const z = mz === 'null' ? null : +mz;
for (let i = 0; i < 3; i++) console.log(JSON.stringify(await page.evaluate((n, z) => window.bench.oursFirstPaint(n, z), +n, z)));
await browser.close();
server.close();
