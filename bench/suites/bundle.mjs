// Bundle suite: B1, everything but ELK (the package entry, minified, gzip), built here with
// esbuild so the packaging build is not touched; ELK must not be in the main graph.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { root } from '../lib/browser.mjs';
import { row } from '../lib/table.mjs';

export const ids = ['B1'];

export async function run(want, opts, rows = []) {
  for (const [id, entry] of [['B1', 'src/define.ts'], ['B1-graph', 'src/elements/fluss-workflow/define.ts']]) await measure(id, entry, rows);
  void opts;
  return rows;
}

async function measure(id, entry, rows) {
  const out = await build({
    entryPoints: [resolve(root, entry)],
    bundle: true,
    format: 'esm',
    write: false,
    minify: true,
    metafile: true,
    splitting: true,
    outdir: resolve(root, 'bench/.out'),
    target: 'es2022',
    tsconfig: resolve(root, 'tsconfig.json'),
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
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
    .map(([p, v]) => `${p.replace(/^node_modules\//, '')} ${(v.bytesInOutput / 1024).toFixed(1)}K`)
    .join(', ');
  const r = row({ id, scenario: `bundle (${entry}) minified + gzip, ELK excluded`, values: [gz], unit: 'KB', goal: '≤ 60 KB gz; ELK loaded only for auto layout', checks: [{ ok: gz <= 60, what: `${gz.toFixed(1)} KB` }, { ok: elk.length === 0, what: `ELK in main bundle: ${elk.join(', ')}` }], note: `esbuild with code splitting: entry + static chunks ${(code.length / 1024).toFixed(0)} KB minified, ${lazy} lazy chunk(s); largest inputs (minified): ${biggest}` });
  rows.push({ ...r, ratio: Math.round((gz / 60) * 1000) / 1000, runs: 1 });
}
