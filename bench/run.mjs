// Benchmark runner: `npm run bench` runs every scenario, `npm run bench -- F1 Z1` some of them,
// `--json <file>` also writes the rows, `--quick` uses fewer repeats. Every scenario measures its
// anchor in the same process or browser run; the table shows median, min–max, anchor, ratio, goal.
// Nothing here is part of `npm test`; no test asserts timings.
import { writeFileSync } from 'node:fs';
import { printTable } from './lib/table.mjs';
import * as graph from './suites/graph.mjs';
import * as data from './suites/data.mjs';
import * as layout from './suites/layout.mjs';
import * as runSuite from './suites/run.mjs';
import * as bundleSuite from './suites/bundle.mjs';

// cheap first; the long browser suites last
const suites = [bundleSuite, data, runSuite, graph, layout];

const args = process.argv.slice(2);
let jsonFile = null;
const wanted = new Set();
let quick = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') jsonFile = args[++i];
  else if (a.startsWith('--json=')) jsonFile = a.slice(7);
  else if (a === '--quick') quick = true;
  else for (const id of a.split(',')) if (id) wanted.add(id.toUpperCase());
}
const all = suites.flatMap((s) => s.ids);
const unknown = [...wanted].filter((id) => !all.includes(id));
if (unknown.length) {
  console.error(`unknown scenario id(s): ${unknown.join(', ')}; known: ${all.join(', ')}`);
  process.exit(2);
}
const want = wanted.size ? wanted : new Set(all);
const started = Date.now();
const rows = [];
for (const suite of suites) {
  const mine = new Set(suite.ids.filter((id) => want.has(id)));
  if (mine.size === 0) continue;
  const t0 = Date.now();
  const got = [];
  try {
    await suite.run(mine, { quick }, got);
    rows.push(...got);
    console.error(`[bench] ${suite.ids.join(',')}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } catch (e) {
    console.error(`[bench] suite ${suite.ids.join(',')} failed:`, e);
    rows.push(...got);
    for (const id of [...mine].filter((x) => !got.some((r) => r.id.startsWith(x)))) rows.push({ id, scenario: 'suite failed', ratio: null, goal: '', met: false, median_ms: null, anchor_ms: null, runs: 0, min: null, max: null, anchor_min: null, anchor_max: null, unit: '', failed: [String(e?.message ?? e).slice(0, 120)], note: '' });
  }
}
console.log(`\nfluss-elements bench (${((Date.now() - started) / 1000).toFixed(0)} s; ratios against anchors measured in the same run)\n`);
printTable(rows);
if (jsonFile) {
  const toMs = (r, x) => (x === null || x === undefined ? null : r.unit === 'ns' ? x / 1e6 : x);
  const json = rows.map((r) => ({ id: r.id, ratio: r.ratio, goal: r.goal, met: r.met, median_ms: r.unit === 'KB' ? null : toMs(r, r.median_ms), anchor_ms: toMs(r, r.anchor_ms), runs: r.runs, scenario: r.scenario, value: r.median_ms, unit: r.unit, min: r.min, max: r.max, failed: r.failed, note: r.note }));
  writeFileSync(jsonFile, JSON.stringify(json, null, 2));
  console.log(`\nwrote ${rows.length} rows to ${jsonFile}`);
}
