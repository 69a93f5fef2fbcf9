/**
 * Dev probe page (bench/tools/paint-parts.mjs): where first paint's time goes. Wraps the
 * element's phases (parse, views, layout, Lit update, updated) with timers, without touching it.
 */
import { FlussWorkflow } from '../../src/elements/fluss-workflow/fluss-workflow.js';
import { parseWorkflow } from '../../src/model/index.js';
import { generateFlow } from '../support/gen-flow.js';

if (!customElements.get('fluss-workflow')) customElements.define('fluss-workflow', FlussWorkflow);
const times = new Map<string, number>();
const proto = FlussWorkflow.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
for (const name of ['setWorkflow', 'runLayout', 'update', 'updated', 'render', 'sceneSvg', 'sceneContext', 'willUpdate', 'renderControls', 'renderWarnings', 'graphDescription', 'firstUpdated', 'applyLayout', 'tryInitialFit', 'onViewportChange', 'reportDiagnosticWarnings', 'sceneLayers', 'renderMinimap']) {
  const orig = proto[name];
  if (!orig) continue;
  proto[name] = function (this: unknown, ...a: unknown[]) {
    const t0 = performance.now();
    try {
      return orig.apply(this, a);
    } finally {
      const k = name;
      times.set(k, (times.get(k) ?? 0) + performance.now() - t0);
      times.set(`#${k}`, (times.get(`#${k}`) ?? 0) + 1);
    }
  };
}
{
  const upd = proto['update']!;
  proto['update'] = function (this: unknown, ...a: unknown[]) {
    const changed = a[0] as Map<string, unknown>;
    const t0 = performance.now();
    try {
      return upd.apply(this, a);
    } finally {
      updates.push(`${[...changed.keys()].join(',')}:${(performance.now() - t0).toFixed(1)}`);
    }
  };
}
const updates: string[] = [];
const nextPaint = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const flows = new Map<number, Record<string, unknown>>();

async function run(n: number, minZoom: number | null) {
  if (!flows.has(n)) flows.set(n, generateFlow(n).flow);
  document.body.textContent = '';
  await nextPaint();
  await nextPaint();
  const flow = structuredClone(flows.get(n)!);
  const copy = structuredClone(flows.get(n)!);
  const tp = performance.now();
  parseWorkflow(copy);
  const parseMs = performance.now() - tp;
  await nextPaint();
  times.clear();
  updates.length = 0;
  const el = document.createElement('fluss-workflow') as FlussWorkflow;
  el.setAttribute('layout', 'stored');
  el.setAttribute('edge-style', 'bezier');
  if (minZoom !== null) el.setAttribute('min-zoom', String(minZoom));
  el.style.cssText = 'display:block;position:absolute;left:0;top:0;width:1280px;height:800px';
  const t0 = performance.now();
  el.flow = flow;
  document.body.append(el);
  await el.layoutComplete;
  const t1 = performance.now();
  el.shadowRoot!.querySelector('.scene')?.getBoundingClientRect();
  const t2 = performance.now();
  await nextPaint();
  const t3 = performance.now();
  const out: Record<string, number> = { total: t3 - t0, ready: t1 - t0, forcedLayout: t2 - t1, paint: t3 - t2, parseAlone: parseMs };
  for (const [k, v] of times) out[k] = Math.round(v * 10) / 10;
  (out as unknown as Record<string, string>).updates = updates.join(' | ');
  return out;
}
(window as unknown as { probe: typeof run }).probe = run;

/** The O(n) steps before the first render, alone, median of `reps` (same flow, fresh copies). */
async function steps(n: number, reps = 5) {
  const { nodeViews, nodeSizes } = await import('../../src/render/node-view.js');
  const { immediateLayout } = await import('../../src/layout/index.js');
  const { prepareGraph } = await import('../../src/layout/prepared-graph.js');
  const { layoutKeyOf } = await import('../../src/layout/layout-key.js');
  const { clearLayoutCache } = await import('../../src/layout/cache.js');
  if (!flows.has(n)) flows.set(n, generateFlow(n).flow);
  const acc = new Map<string, number[]>();
  const add = (k: string, v: number) => (acc.get(k) ?? acc.set(k, []).get(k)!).push(v);
  for (let i = 0; i < reps; i++) {
    const flow = structuredClone(flows.get(n)!);
    await nextPaint();
    let t = performance.now();
    const wf = parseWorkflow(flow).workflow!;
    add('parse', performance.now() - t);
    t = performance.now();
    const views = nodeViews(wf);
    add('views', performance.now() - t);
    const sizes = nodeSizes(views);
    clearLayoutCache();
    t = performance.now();
    immediateLayout({ workflow: wf, sizes, direction: 'right', mode: 'stored' });
    add('immediateLayout', performance.now() - t);
    t = performance.now();
    const g = prepareGraph(wf, sizes);
    add('prepareGraph', performance.now() - t);
    t = performance.now();
    layoutKeyOf(g, 'right', 'stored');
    add('layoutKeyOf', performance.now() - t);
  }
  const out: Record<string, number> = {};
  for (const [k, v] of acc) out[k] = v.sort((a, b) => a - b)[v.length >> 1]!;
  return out;
}
(window as unknown as { steps: typeof steps }).steps = steps;

/** Lit cost of the element's own templates, by piece, on a drawn element (sync renders into a scratch div). */
async function pieces(n: number, minZoom: number | null) {
  await run(n, minZoom);
  const el = document.querySelector('fluss-workflow') as unknown as Record<string, (...a: unknown[]) => unknown> & HTMLElement;
  const { render, nothing } = await import('lit');
  const out: Record<string, number> = {};
  const time = (name: string, tpl: () => unknown) => {
    const div = document.createElement('div');
    el.shadowRoot!.append(div);
    const t0 = performance.now();
    const v = tpl();
    const t1 = performance.now();
    render(v, div);
    const t2 = performance.now();
    out[`${name}.build`] = t1 - t0;
    out[`${name}.render`] = t2 - t1;
    render(nothing, div);
    div.remove();
  };
  time('scene', () => el['sceneSvg']!.call(el, false));
  const { svg } = await import('lit');
  time('sceneNodes', () => svg`<svg>${(el['sceneLayers']!.call(el, false) as { nodes: unknown[] }).nodes}</svg>`);
  time('sceneEdges', () => svg`<svg>${(el['sceneLayers']!.call(el, false) as { edges: unknown[] }).edges}</svg>`);
  time('minimap', () => el['renderMinimap']!.call(el));
  time('sceneExport', () => el['sceneSvg']!.call(el, true));
  return out;
}
(window as unknown as { pieces: typeof pieces }).pieces = pieces;
