/**
 * Layout benchmark (prints a table; never asserted in tests). Same process, same graph:
 *  L1: our pipeline (prepare, key, encode, worker-side build + ELK + extract, map back; the
 *      postMessage copies simulated with structuredClone) vs raw elkjs on the same ELK
 *      graph with the same options;
 *  L2: our large-graph preset vs raw elkjs defaults on the same graph, with edge crossings.
 * Wall time swings 2-6x on a shared machine, so process CPU time (process.cpuUsage; ELK runs
 * synchronously here) is reported too: it is the steadier figure under load.
 * Fairness: before timing, both sides lay out a same-size graph (another seed) once, so neither
 * runs cold (JIT, heap growth), and the order of the cases rotates from run to run. A case pays
 * for the garbage of the one before it (the defaults leave the most), so with an even number of
 * runs and `l2` each side follows each side equally often (the warm-up ends with ours). Forcing a
 * GC between cases (--expose-gc) was tried: at 1,000 nodes it made ours ~2.5x and the defaults
 * ~2x slower, which is not fairer.
 * Usage: node --import tsx bench/layout-ratios.ts [n=1000] [runs=3] [l2]
 * (`l2`: skip the raw same-options case, which only the L1 row needs.)
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { buildElkGraph } from '../src/layout/elk-graph.js';
import { computeCompact, encodeRequest } from '../src/layout/compact.js';
import { mapCompactResult } from '../src/layout/elk-result.js';
import { prepareGraph } from '../src/layout/prepared-graph.js';
import { layoutKeyOf } from '../src/layout/layout-key.js';
import type { WorkflowLayout } from '../src/layout/types.js';
import { genWorkflow } from '../test/unit/layout/gen.js';

const n = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 3);
const onlyL2 = process.argv[4] === 'l2';
const elk = new ELK();
const { workflow, sizes } = genWorkflow(n, 42);

const median = (a: number[]): number => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const cpu: Record<string, number[]> = { ours: [], rawSame: [], rawDefaults: [] };

async function ours(): Promise<{ ms: number; layout: WorkflowLayout }> {
  const c0 = cpuMs();
  const t0 = performance.now();
  const g = prepareGraph(workflow, sizes);
  const key = layoutKeyOf(g, 'right', 'auto');
  // What the worker does (decode, build the ELK graph, ELK, extract numbers) plus the page's share.
  const res = await computeCompact(elk, structuredClone(encodeRequest(g, 'right')));
  const layout = mapCompactResult(structuredClone(res), g, 'right', key);
  cpu.ours!.push(cpuMs() - c0);
  return { ms: performance.now() - t0, layout };
}

const ourGraph = buildElkGraph(prepareGraph(workflow, sizes), 'right');
const defaultsGraph: ElkNode = { ...structuredClone(ourGraph), layoutOptions: { 'elk.algorithm': 'layered', 'elk.json.shapeCoords': 'ROOT', 'elk.json.edgeCoords': 'ROOT' } };

async function raw(graph: ElkNode, into: number[]): Promise<{ ms: number; res: ElkNode }> {
  const copy = structuredClone(graph);
  const c0 = cpuMs();
  const t0 = performance.now();
  const res = await elk.layout(copy);
  const ms = performance.now() - t0;
  into.push(cpuMs() - c0);
  return { ms, res };
}

type Seg = { x1: number; y1: number; x2: number; y2: number; e: number };
function crossings(polylines: { x: number; y: number }[][]): number {
  const h: Seg[] = [];
  const v: Seg[] = [];
  polylines.forEach((pts, e) => {
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1]!;
      const b = pts[i]!;
      const s = { x1: Math.min(a.x, b.x), y1: Math.min(a.y, b.y), x2: Math.max(a.x, b.x), y2: Math.max(a.y, b.y), e };
      if (Math.abs(a.y - b.y) < 1e-6) h.push(s);
      else if (Math.abs(a.x - b.x) < 1e-6) v.push(s);
    }
  });
  let c = 0;
  for (const hs of h) for (const vs of v) {
    if (hs.e === vs.e) continue;
    if (vs.x1 > hs.x1 + 1e-6 && vs.x1 < hs.x2 - 1e-6 && hs.y1 > vs.y1 + 1e-6 && hs.y1 < vs.y2 - 1e-6) c++;
  }
  return c;
}
const elkPolylines = (res: ElkNode) =>
  (res.edges ?? []).map((e) => (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]));

// Warm-up: each side once on a same-size graph (another seed), so that neither side's first
// timed run pays for cold code or heap growth (the preset used to run cold, the defaults warm).
{
  const w = genWorkflow(n, 4242);
  const g = prepareGraph(w.workflow, w.sizes);
  await elk.layout({ ...buildElkGraph(g, 'right'), layoutOptions: defaultsGraph.layoutOptions });
  await computeCompact(elk, encodeRequest(g, 'right'));
}

const t: Record<string, number[]> = { ours: [], rawSame: [], rawDefaults: [] };
let oursLayout: WorkflowLayout | undefined;
let defaultsRes: ElkNode | undefined;
for (let r = 0; r < runs; r++) {
  // Rotate the order so no case always runs first.
  const steps = [
    async () => {
      const o = await ours();
      t.ours!.push(o.ms);
      oursLayout = o.layout;
    },
    async () => {
      if (!onlyL2) t.rawSame!.push((await raw(ourGraph, cpu.rawSame!)).ms);
    },
    async () => {
      const d = await raw(defaultsGraph, cpu.rawDefaults!);
      t.rawDefaults!.push(d.ms);
      defaultsRes = d.res;
    },
  ];
  for (let k = 0; k < steps.length; k++) await steps[(k + r) % steps.length]!();
}
const mo = median(t.ours!);
const ms = onlyL2 ? NaN : median(t.rawSame!);
const md = median(t.rawDefaults!);
const co = median(cpu.ours!);
const cs = onlyL2 ? NaN : median(cpu.rawSame!);
const cd = median(cpu.rawDefaults!);
const cOurs = crossings(oursLayout!.edges.map((e) => [...e.points]));
const cDef = crossings(elkPolylines(defaultsRes!));
console.log(`nodes ${n}, edges ${workflow.edges.length}, runs ${runs} (medians; wall ms / CPU ms)`);
console.log('| id | case | wall / CPU ms | anchor | wall / CPU ms | ratio wall / CPU | goal |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
console.log(`| L1 | our pipeline (prepare, encode, build, ELK, extract, map) | ${mo.toFixed(0)} / ${co.toFixed(0)} | raw elkjs, same graph+options | ${ms.toFixed(0)} / ${cs.toFixed(0)} | ${(mo / ms).toFixed(2)} / ${(co / cs).toFixed(2)} | <= 1.15 |`);
console.log(`| L2 | our large-graph preset (pipeline) | ${mo.toFixed(0)} / ${co.toFixed(0)} | raw elkjs defaults | ${md.toFixed(0)} / ${cd.toFixed(0)} | ${(mo / md).toFixed(2)} / ${(co / cd).toFixed(2)} | <= ${n >= 3000 ? '0.45' : '0.6'} |`);
console.log(`| L2x | crossings: preset ${cOurs} vs defaults ${cDef} | | | | ${(cOurs / Math.max(1, cDef)).toFixed(2)} | <= 1.10 |`);
console.log(JSON.stringify({ n, wall: t, cpu }));
