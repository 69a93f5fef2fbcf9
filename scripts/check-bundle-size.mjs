// `npm run size`: minified + gzip size of the single-file bundle (everything but ELK) against
// goal B1 (<= 60 KB, design/performance.md), as a table, plus the ELK files (not counted: they
// load only when an auto layout runs) and the largest contributors from the source map.
// Builds the bundle first when dist/fluss-elements.bundle.js is missing. `--strict` exits 1 over B1.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';

const B1_BYTES = 60 * 1024;
const dist = 'dist';
const bundle = join(dist, 'fluss-elements.bundle.js');

if (!existsSync(bundle)) {
  const r = spawnSync('npx', ['vite', 'build', '-c', 'vite.bundle.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const measure = (file) => {
  const bytes = readFileSync(file);
  return { file, min: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
};

const main = measure(bundle);
const lazy = readdirSync(dist)
  .filter((f) => /^fluss-.*\.js$/.test(f) && f !== 'fluss-elements.bundle.js')
  .map((f) => ({ ...measure(join(dist, f)), elk: f.startsWith('fluss-elk') }));
const others = lazy.filter((f) => !f.elk);

const rows = [
  ['file', 'minified', 'min+gzip', 'counted for B1'],
  [main.file, kb(main.min), kb(main.gz), 'yes (loaded by the page)'],
  ...others.map((e) => [e.file, kb(e.min), kb(e.gz), 'lazy worker, shown in the total']),
  ...lazy.filter((f) => f.elk).map((e) => [e.file, kb(e.min), kb(e.gz), 'no (ELK, lazy)']),
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(rows[0]));
console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
for (const r of rows.slice(1)) console.log(line(r));

const ok = main.gz <= B1_BYTES;
console.log(`\nB1 (everything but ELK, minified + gzip <= ${kb(B1_BYTES)}): ${kb(main.gz)} -> ${ok ? 'PASS' : `OVER by ${kb(main.gz - B1_BYTES)}`}`);
if (others.length) console.log(`   with the other lazy workers (${others.map((o) => o.file.slice(5)).join(', ')}): ${kb(main.gz + others.reduce((n, o) => n + o.gz, 0))}`);

// Largest contributors (minified bytes attributed through the source map).
const mapFile = `${bundle}.map`;
if (existsSync(mapFile)) {
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const code = readFileSync(bundle, 'utf8').split('\n');
  const digits = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));
  const vlq = (s) => {
    const out = [];
    let v = 0;
    let shift = 0;
    for (const c of s) {
      let d = digits.get(c);
      const more = d & 32;
      d &= 31;
      v += d << shift;
      if (more) shift += 5;
      else {
        out.push(v & 1 ? -(v >> 1) : v >> 1);
        v = 0;
        shift = 0;
      }
    }
    return out;
  };
  const group = (src) => {
    const s = src.replace(/^(\.\.\/)+/, '');
    const nm = s.lastIndexOf('node_modules/');
    if (nm >= 0) {
      const parts = s.slice(nm + 13).split('/');
      return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    }
    const m = s.match(/src\/[^/]+/);
    return m ? m[0] : s;
  };
  const bytes = new Map();
  let source = 0;
  map.mappings.split(';').forEach((segments, lineIndex) => {
    let col = 0;
    const points = [];
    for (const seg of segments ? segments.split(',') : []) {
      const v = vlq(seg);
      col += v[0];
      if (v.length > 1) source += v[1];
      points.push([col, v.length > 1 ? source : -1]);
    }
    points.forEach(([start, src], i) => {
      if (src < 0) return;
      const end = i + 1 < points.length ? points[i + 1][0] : (code[lineIndex] ?? '').length;
      const key = group(map.sources[src]);
      bytes.set(key, (bytes.get(key) ?? 0) + (end - start));
    });
  });
  const top = [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log('\nLargest contributors (minified, before gzip):');
  for (const [name, n] of top) console.log(`  ${kb(n).padStart(9)}  ${name}`);
}

if (!ok && process.argv.includes('--strict')) process.exit(1);
