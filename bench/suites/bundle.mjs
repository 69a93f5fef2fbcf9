// Bundle suite: B1, everything but ELK, minified + gzip; ELK must not be in what a page loads up
// front. B1 measures what the package ships: the library build (vite.config.ts, with its template
// minification) into bench/.out/dist, then `fluss-elements/define` from there bundled as a
// consumer would (esbuild, minify, code splitting: entry + static chunks count, dynamic imports
// such as ELK and graphql-ws do not). B1-graph is the graph element alone as shipped:
// `fluss-elements/define/fluss-workflow` (dist/define/fluss-workflow.js).
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { root } from '../lib/browser.mjs';
import { row } from '../lib/table.mjs';

export const ids = ['B1'];

const shipped = resolve(root, 'bench/.out/dist');

export async function run(want, opts, rows = []) {
  await viteBuild({ root, configFile: resolve(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: shipped, emptyOutDir: true, sourcemap: false } });
  await measure('B1', resolve(shipped, 'define.js'), 'fluss-elements/define as built (dist)', [], rows);
  await measure('B1-graph', resolve(shipped, 'define/fluss-workflow.js'), 'fluss-elements/define/fluss-workflow as built (dist)', [], rows);
  void opts;
  return rows;
}

async function measure(id, entry, label, plugins, rows) {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    minify: true,
    metafile: true,
    splitting: true,
    outdir: resolve(root, 'bench/.out/b1'),
    target: 'es2022',
    tsconfig: resolve(root, 'tsconfig.json'),
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    plugins,
  });
  // The entry chunk plus every chunk it imports statically = what a page loads up front.
  const outputs = out.metafile.outputs;
  const entryKey = Object.keys(outputs).find((k) => outputs[k].entryPoint);
  const eager = new Set();
  const visit = (k) => {
    if (eager.has(k)) return;
    eager.add(k);
    for (const imp of outputs[k].imports ?? []) if (imp.kind === 'import-statement' && outputs[imp.path]) visit(imp.path);
  };
  visit(entryKey);
  const byPath = new Map(out.outputFiles.map((f) => [f.path.slice(root.length + 1), f]));
  let code = '';
  for (const k of eager) code += byPath.get(k)?.text ?? '';
  const gz = gzipSync(Buffer.from(code), { level: 9 }).length / 1024;
  const eagerInputs = new Map();
  for (const k of eager) for (const [p, v] of Object.entries(outputs[k].inputs)) eagerInputs.set(p, v);
  const elk = [...eagerInputs.keys()].filter((p) => /elkjs/.test(p));
  const lazy = Object.keys(outputs).filter((k) => !eager.has(k) && k.endsWith('.js')).length;
  const biggest = [...eagerInputs]
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, 6)
    .map(([p, v]) => `${p.replace(/^node_modules\//, '').replace(/^bench\/\.out\//, '')} ${(v.bytesInOutput / 1024).toFixed(1)}K`)
    .join(', ');
  const r = row({ id, scenario: `bundle (${label}) minified + gzip, ELK excluded`, values: [gz], unit: 'KB', goal: '≤ 60 KB gz; ELK loaded only for auto layout', checks: [{ ok: gz <= 60, what: `${gz.toFixed(1)} KB` }, { ok: elk.length === 0, what: `ELK in main bundle: ${elk.join(', ')}` }], note: `esbuild with code splitting: entry + static chunks ${(code.length / 1024).toFixed(0)} KB minified, ${lazy} lazy chunk(s); largest inputs (minified): ${biggest}` });
  rows.push({ ...r, ratio: Math.round((gz / 60) * 1000) / 1000, runs: 1 });
}
