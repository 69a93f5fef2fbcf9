/** Dev probe (bench/tools/lod-ab.mjs): Lit cost of N low-detail nodes, nested vs one template. */
import { render, svg, nothing } from 'lit';
import { parseWorkflow } from '../../src/model/index.js';
import { nodeViews } from '../../src/render/node-view.js';
import { lowDetailBody, lowDetailNode, nodeShell } from '../../src/render/nodes/node-shell.js';
import type { NodeRenderContext } from '../../src/render/render-context.js';
import { generateFlow } from '../support/gen-flow.js';

const ctx: NodeRenderContext = { direction: 'right', lowDetail: true, selectedId: null, tabStopId: 'args', matches: null, status: new Map(), shadows: false };
async function ab(n: number, reps: number) {
  const wf = parseWorkflow(generateFlow(n).flow).workflow!;
  const views = [...nodeViews(wf).values()];
  for (const v of views) void v.details;
  const boxes = views.map((v, i) => ({ id: v.id, x: (i % 40) * 300, y: Math.floor(i / 40) * 150, width: v.width, height: v.height }));
  const variants = {
    nested: () => views.map((v, i) => nodeShell(v, boxes[i]!, ctx, lowDetailBody(v, boxes[i]!))),
    single: () => views.map((v, i) => lowDetailNode(v, boxes[i]!, ctx)),
  };
  const res: Record<string, number[]> = { nested: [], single: [] };
  for (let r = 0; r < reps; r++) {
    for (const k of (r % 2 ? ['single', 'nested'] : ['nested', 'single']) as ('nested' | 'single')[]) {
      const host = document.createElement('div');
      document.body.append(host);
      await new Promise((res) => setTimeout(res, 20));
      const t0 = performance.now();
      render(svg`<svg><g>${variants[k]()}</g></svg>`, host);
      res[k]!.push(performance.now() - t0);
      render(nothing, host);
      host.remove();
    }
  }
  const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!;
  const lazy: Record<string, number[]> = { views: [], details: [], names: [], fit: [] };
  for (let r = 0; r < reps; r++) {
    const copy = parseWorkflow(generateFlow(n, 100 + r).flow).workflow!;
    let t = performance.now();
    const vs = [...nodeViews(copy).values()];
    lazy.views!.push(performance.now() - t);
    const copy2 = parseWorkflow(generateFlow(n, 1000 + r).flow).workflow!;
    t = performance.now();
    nodeViews(copy2, undefined, { width: (s: string) => s.length * 7 });
    (lazy.viewsNoMeasure ??= []).push(performance.now() - t);
    t = performance.now();
    for (const v of vs) void v.details;
    lazy.details!.push(performance.now() - t);
    t = performance.now();
    for (const v of vs) void v.accessibleName;
    lazy.names!.push(performance.now() - t);
    t = performance.now();
    for (const v of vs) void v.title;
    lazy.fit!.push(performance.now() - t);
  }
  return { nested: med(res.nested!), single: med(res.single!), views: med(lazy.views!), viewsNoMeasure: med(lazy.viewsNoMeasure!), details: med(lazy.details!), names: med(lazy.names!), fit: med(lazy.fit!) };
}
(window as unknown as { ab: typeof ab }).ab = ab;
