#!/usr/bin/env node
// Screenshots of <fluss-workflow>: starts a Vite dev server on the project, drives the system
// Chromium headless through puppeteer-core (never downloads a browser), renders the project's own
// sample workflows (demo/samples) in light and dark, and writes PNGs to docs/screenshots/.
//
// Usage: node scripts/screenshots.mjs [--chrome /usr/bin/chromium] [--only image-analysis]
//        node scripts/screenshots.mjs --file /path/to/workflow.json --out /tmp/shots   (ad-hoc look at any file)
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { findChromium } from './lib/npm-start.mjs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const outDir = resolve(argValue('--out') ?? resolve(root, 'docs/screenshots'));
const extraFile = argValue('--file');

const SAMPLES = [
  { name: 'image-analysis', file: 'image-analysis.json', attrs: '', detail: 'ark-seg' },
  { name: 'smart-microscopy', file: 'smart-microscopy.json', attrs: 'edge-labels direction="down"', detail: 'reactive-latest' },
  { name: 'stream-operators', file: 'stream-operators.stored.json', attrs: 'layout="stored" edge-style="smoothstep"' },
  { name: 'with-warnings', file: 'with-warnings.json', attrs: 'direction="down"', detail: 'plugin-1' },
];
const THEMES = ['light', 'dark'];

function sampleUrl(sample) {
  return sample.extra ? '/__screenshots/extra.json' : `/demo/samples/${sample.file}`;
}

function page(sample, theme) {
  const bg = theme === 'dark' ? '#0b0d11' : '#eef0f3';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${sample.name}</title>
<style>html,body{margin:0;background:${bg}} body{padding:24px} fluss-workflow{width:1200px;--fluss-workflow-height:680px}</style>
<script type="module">
  import '/src/elements/fluss-workflow/define.ts';
  const el = document.querySelector('fluss-workflow');
  window.__ready = (async () => {
    await customElements.whenDefined('fluss-workflow');
    await el.layoutComplete;
    await new Promise((r) => setTimeout(r, 400));
    await el.layoutComplete;
    await el.fitView();
    await new Promise((r) => window.requestAnimationFrame(() => window.requestAnimationFrame(r)));
    return el.state;
  })();
</script></head>
<body><fluss-workflow theme="${theme}" ${sample.attrs} src="${sampleUrl(sample)}"></fluss-workflow></body></html>`;
}

function screenshotPages() {
  return {
    name: 'fluss-screenshot-pages',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        if (extraFile && req.url === '/__screenshots/extra.json') {
          res.setHeader('Content-Type', 'application/json');
          res.end(readFileSync(extraFile));
          return;
        }
        const m = /^\/__screenshots\/([\w-]+)\/(light|dark)\.html$/.exec(req.url ?? '');
        const sample = m && SAMPLES.find((s) => s.name === m[1]);
        if (!sample) return next();
        const html = await server.transformIndexHtml(req.url, page(sample, m[2]));
        res.setHeader('Content-Type', 'text/html');
        res.end(html);
      });
    },
  };
}

async function main() {
  const chrome = argValue('--chrome') ?? findChromium();
  if (!chrome || !existsSync(chrome)) {
    console.error(`No Chromium at ${chrome}; pass --chrome <path> or set CHROME_PATH.`);
    process.exit(1);
  }
  const only = argValue('--only');
  if (extraFile) SAMPLES.splice(0, SAMPLES.length, { name: 'extra', file: '', extra: true, attrs: argValue('--attrs') ?? '' });
  mkdirSync(outDir, { recursive: true });
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'warn',
    server: { port: 0, host: '127.0.0.1', hmr: false },
    plugins: [screenshotPages()],
  });
  await server.listen();
  const address = server.httpServer.address();
  const base = `http://127.0.0.1:${address.port}`;
  const browser = await puppeteer.launch({
    executablePath: chrome,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
  });
  const written = [];
  try {
    for (const sample of SAMPLES) {
      if (only && sample.name !== only) continue;
      for (const theme of THEMES) {
        const tab = await browser.newPage();
        await tab.setViewport({ width: 1248, height: 728, deviceScaleFactor: 1.5 });
        await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
        tab.on('console', (msg) => {
          if (msg.type() === 'error' || msg.type() === 'warning') console.log(`[${sample.name}/${theme}] ${msg.type()}: ${msg.text()}`);
        });
        tab.on('pageerror', (err) => console.log(`[${sample.name}/${theme}] pageerror: ${err.message}`));
        await tab.goto(`${base}/__screenshots/${sample.name}/${theme}.html`, { waitUntil: 'load' });
        const state = await tab.evaluate(() => window.__ready);
        const el = await tab.$('fluss-workflow');
        const file = resolve(outDir, `${sample.name}-${theme}.png`);
        await el.screenshot({ path: file });
        written.push(`${file} (${state})`);
        if (sample.detail) {
          // A close-up at 1.4× on one node, to judge type and ports at reading size.
          await tab.evaluate(async (id) => {
            const w = document.querySelector('fluss-workflow');
            await w.centerOn(id, { zoom: 1.4 });
            await new Promise((r) => window.requestAnimationFrame(() => window.requestAnimationFrame(r)));
          }, sample.detail);
          const detail = resolve(outDir, `${sample.name}-${theme}-detail.png`);
          await el.screenshot({ path: detail });
          written.push(detail);
        }
        await tab.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  for (const w of written) console.log(w);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
