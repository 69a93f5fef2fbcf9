// Benchmark J1: parseWorkflow(text) vs JSON.parse(text) of the same generated 3,000-node workflow,
// in one process. Run: npx tsx bench/model-parse.ts  (prints a table; nothing is asserted).
// The model is bundled with esbuild first (as the shipped build is), so tsx's per-module export
// getters do not distort the figure; runs of both sides are interleaved and the min and median shown.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Model from '../src/model/index.js';

const dir = mkdtempSync(join(tmpdir(), 'fluss-bench-'));
const outfile = join(dir, 'model.mjs');
await build({ entryPoints: [new URL('../src/model/index.ts', import.meta.url).pathname], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile, logLevel: 'silent' });
const { parseWorkflow } = (await import(pathToFileURL(outfile).href)) as typeof Model;
rmSync(dir, { recursive: true, force: true });

const port = (key: string, kind: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'ArgPort', key, label: null, kind, identifier: kind === 'STRUCTURE' ? '@mikro/image' : null, nullable: false,
  description: `The ${key}`, default: null, children: kind === 'LIST' ? [{ __typename: 'ArgPort', key: '0', kind: 'INT', nullable: false, children: null }] : null,
  choices: null, effects: null, widget: null, validators: null, requires: null, ...extra,
});

/** A current GraphQL-form flow with `n` nodes in a layered chain (every node 1 in, 1 out stream). */
function currentFlow(n: number) {
  const nodes = [];
  const edges = [];
  for (let i = 0; i < n; i++) {
    const reactive = i % 5 === 4;
    nodes.push({
      __typename: reactive ? 'ReactiveNode' : 'RekuestMapActionNode',
      id: `node-${i}-${(i * 2654435761) % 1e9}`,
      kind: reactive ? 'REACTIVE' : 'REKUEST',
      position: { x: (i % 50) * 300.5, y: Math.floor(i / 50) * 200.25 },
      parentNode: null,
      title: reactive ? '' : `Action {{ level }} #${i}`,
      description: 'No description',
      ins: [[port('image', 'STRUCTURE'), port('level', 'INT')]],
      outs: [[port('return0', 'STRUCTURE'), port('values', 'LIST')]],
      constants: [port('level', 'INT')],
      voids: [],
      constantsMap: { level: i },
      globalsMap: {},
      ...(reactive ? { implementation: 'ZIP' } : { hash: `h${i}`, mapStrategy: 'MAP', allowLocalExecution: true, actionKind: 'FUNCTION', retries: 3, retryDelay: 2000, nextTimeout: 100000 }),
    });
    if (i > 0) {
      const src = nodes[Math.max(0, i - 1 - (i % 3))]!;
      edges.push({ __typename: 'VanillaEdge', id: `edge-${i}`, kind: 'VANILLA', label: null, stream: [], source: src.id, sourceHandle: 'return_0', target: nodes[i]!.id, targetHandle: 'arg_0' });
    }
  }
  return { data: { flow: { __typename: 'Flow', id: '1', title: 'bench', description: null, createdAt: '2026-01-01T00:00:00Z', hash: 'x', workspace: { id: '1' }, graph: { nodes, edges, globals: [] } } } };
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Interleaved runs of a and b; returns [min a, median a, min b, median b] in ms. */
function measurePair(a: () => void, b: () => void, runs: number): number[] {
  for (let i = 0; i < 5; i++) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    b();
    tb.push(performance.now() - t0);
  }
  return [Math.min(...ta), median(ta), Math.min(...tb), median(tb)];
}

const rows: string[][] = [];
for (const n of [300, 3000]) {
  const text = JSON.stringify(currentFlow(n));
  const check = parseWorkflow(text);
  if (!check.workflow || check.diagnostics.length > 0) throw new Error(`generated flow did not parse cleanly: ${JSON.stringify(check.diagnostics.slice(0, 3))}`);
  const runs = n > 1000 ? 31 : 61;
  const [jMin, jMed, pMin, pMed] = measurePair(() => JSON.parse(text), () => parseWorkflow(text), runs);
  rows.push([String(n), (text.length / 1024).toFixed(0), `${jMin!.toFixed(1)} / ${jMed!.toFixed(1)}`, `${pMin!.toFixed(1)} / ${pMed!.toFixed(1)}`, `${(pMin! / jMin!).toFixed(2)} / ${(pMed! / jMed!).toFixed(2)}`]);
}
const header = ['nodes', 'KiB', 'JSON.parse ms (min / median)', 'parseWorkflow ms (min / median)', 'ratio min / median (goal J1 <= 2)'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
