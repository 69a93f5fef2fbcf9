/** Dev probe (bench/tools/lod-ab.mjs): Lit cost of N low-detail nodes, nested vs one template. */
import { render, svg, nothing } from 'lit';
import { parseWorkflow } from '../../src/model/index.js';
import { nodeViews } from '../../src/render/node-view.js';
import { lowDetailBody, lowDetailNode, nodeShell, shapeRadius } from '../../src/render/nodes/node-shell.js';
import type { NodeView } from '../../src/render/node-view.js';
import type { NodeBox } from '../../src/layout/types.js';

/** Candidate: the title's text as a property (no child part, no comment marker). */
function textProp(view: NodeView, box: NodeBox, c: NodeRenderContext) {
  const radius = shapeRadius(view, box);
  const details = view.details;
  return svg`<g class=${`node family-${view.family} variant-${view.variant}`} part="node" data-node-id=${view.id} data-kind=${view.node.kind}
      data-status=${nothing} transform=${`translate(${box.x} ${box.y})`}>
    <g class="node-body" role="button" tabindex=${c.tabStopId === view.id ? 0 : -1} aria-label=${view.accessibleName}
        aria-current=${nothing}>
      <title .textContent=${details ? `${view.accessibleName}. ${details}` : view.accessibleName}></title>
      <rect class="node-halo" x="-4" y="-4" width=${box.width + 8} height=${box.height + 8} rx=${radius + 4}></rect>
    </g>
    <g class="node-visual" aria-hidden="true"><rect class=${view.variant === 'group' ? 'node-frame lod group-frame' : 'node-frame lod'} width=${box.width} height=${box.height} rx=${radius}></rect>${nothing}</g>
  </g>`;
}
/** Candidate: plain node (no status, selection, tab stop): fewer parts. */
function plain(view: NodeView, box: NodeBox) {
  const radius = shapeRadius(view, box);
  const details = view.details;
  return svg`<g class=${`node family-${view.family} variant-${view.variant}`} part="node" data-node-id=${view.id} data-kind=${view.node.kind}
      transform=${`translate(${box.x} ${box.y})`}>
    <g class="node-body" role="button" tabindex="-1" aria-label=${view.accessibleName}>
      <title .textContent=${details ? `${view.accessibleName}. ${details}` : view.accessibleName}></title>
      <rect class="node-halo" x="-4" y="-4" width=${box.width + 8} height=${box.height + 8} rx=${radius + 4}></rect>
    </g>
    <g class="node-visual" aria-hidden="true"><rect class=${view.variant === 'group' ? 'node-frame lod group-frame' : 'node-frame lod'} width=${box.width} height=${box.height} rx=${radius}></rect></g>
  </g>`;
}
/** Candidate: the current template without whitespace text between elements. */
function compact(view: NodeView, box: NodeBox, c: NodeRenderContext) {
  const radius = shapeRadius(view, box);
  return svg`<g class=${`node family-${view.family} variant-${view.variant}`} part="node" data-node-id=${view.id} data-kind=${view.node.kind} data-status=${nothing} transform=${`translate(${box.x} ${box.y})`}><g class="node-body" role="button" tabindex=${c.tabStopId === view.id ? 0 : -1} aria-label=${view.accessibleName} aria-current=${nothing}><title .textContent=${view.details ? `${view.accessibleName}. ${view.details}` : view.accessibleName}></title><rect class="node-halo" x="-4" y="-4" width=${box.width + 8} height=${box.height + 8} rx=${radius + 4}></rect></g><g class="node-visual" aria-hidden="true"><rect class=${view.variant === 'group' ? 'node-frame lod group-frame' : 'node-frame lod'} width=${box.width} height=${box.height} rx=${radius}></rect>${nothing}</g></g>`;
}
/** Candidate: no details in the title (how much the details cost). */
function noDetails(view: NodeView, box: NodeBox) {
  const radius = shapeRadius(view, box);
  return svg`<g class=${`node family-${view.family} variant-${view.variant}`} part="node" data-node-id=${view.id} data-kind=${view.node.kind}
      transform=${`translate(${box.x} ${box.y})`}>
    <g class="node-body" role="button" tabindex="-1" aria-label=${view.accessibleName}>
      <title .textContent=${view.accessibleName}></title>
      <rect class="node-halo" x="-4" y="-4" width=${box.width + 8} height=${box.height + 8} rx=${radius + 4}></rect>
    </g>
    <g class="node-visual" aria-hidden="true"><rect class=${view.variant === 'group' ? 'node-frame lod group-frame' : 'node-frame lod'} width=${box.width} height=${box.height} rx=${radius}></rect></g>
  </g>`;
}
import type { NodeRenderContext } from '../../src/render/render-context.js';
import { generateFlow } from '../support/gen-flow.js';

const ctx: NodeRenderContext = { direction: 'right', lowDetail: true, selectedId: null, tabStopId: 'args', matches: null, status: new Map(), shadows: false };
async function ab(n: number, reps: number) {
  const wf = parseWorkflow(generateFlow(n).flow).workflow!;
  const views = [...nodeViews(wf).values()];
  const boxes = views.map((v, i) => ({ id: v.id, x: (i % 40) * 300, y: Math.floor(i / 40) * 150, width: v.width, height: v.height }));
  const variants = {
    nested: () => views.map((v, i) => nodeShell(v, boxes[i]!, ctx, lowDetailBody(v, boxes[i]!))),
    single: () => views.map((v, i) => lowDetailNode(v, boxes[i]!, ctx)),
    textProp: () => views.map((v, i) => textProp(v, boxes[i]!, ctx)),
    plain: () => views.map((v, i) => plain(v, boxes[i]!)),
    noDetails: () => views.map((v, i) => noDetails(v, boxes[i]!)),
    compact: () => views.map((v, i) => compact(v, boxes[i]!, ctx)),
  };
  type K = keyof typeof variants;
  const keys = Object.keys(variants) as K[];
  const res: Record<string, number[]> = {};
  for (const k of keys) res[k] = [];
  for (let r = 0; r < reps; r++) {
    for (const k of r % 2 ? [...keys].reverse() : keys) {
      const host = document.createElement('div');
      document.body.append(host);
      // Fresh views each time: the lazy texts (details, names) are part of the cost.
      const fresh = [...nodeViews(wf).values()];
      views.splice(0, views.length, ...fresh);
      await new Promise((res) => setTimeout(res, 20));
      const t0 = performance.now();
      render(svg`<svg><g>${variants[k]()}</g></svg>`, host);
      const t1 = performance.now();
      host.getBoundingClientRect();
      res[k]!.push(performance.now() - t0);
      (res[`${k}.script`] ??= []).push(t1 - t0);
      (res[`${k}.style`] ??= []).push(performance.now() - t1);
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
  const out: Record<string, number> = {};
  for (const k of Object.keys(res)) out[k] = med(res[k]!);
  return { ...out, views: med(lazy.views!), viewsNoMeasure: med(lazy.viewsNoMeasure!), details: med(lazy.details!), names: med(lazy.names!), fit: med(lazy.fit!) };
}
(window as unknown as { ab: typeof ab }).ab = ab;
