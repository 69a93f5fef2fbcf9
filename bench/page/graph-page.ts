/**
 * Page side of the graph benchmarks (bundled by esbuild, run in headless Chromium by
 * bench/run.mjs): first paint of <fluss-workflow> with known positions against innerHTML of the
 * very same scene (F1, F2), pan/zoom frame loops of ours, of the plain CSS-transform wrapper and of
 * React Flow (Z1-Z3, R1), and React Flow's first paint (R1). Every function returns plain numbers.
 */
import { zoom as d3zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import { select } from 'd3-selection';
import { render as litRender, nothing } from 'lit';
import { FlussWorkflow } from '../../src/elements/fluss-workflow/fluss-workflow.js';
import type { WorkflowLayout } from '../../src/layout/types.js';
import { parseWorkflow } from '../../src/model/index.js';
import { generateFlow } from '../support/gen-flow.js';
import { mountReactFlow, type ReactFlowHandle } from './react-flow-peer.js';

if (!customElements.get('fluss-workflow')) customElements.define('fluss-workflow', FlussWorkflow);

const W = 1280;
const H = 800;
const raf = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));
/** Resolves after the next frame has been produced (rAF, then a task after it). */
const nextPaint = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const settle = async (): Promise<void> => {
  await nextPaint();
  await nextPaint();
};

interface Viewport {
  x: number;
  y: number;
  zoom: number;
}
interface PanZoomProbe {
  setViewport(v: Viewport, duration?: number): Promise<void>;
}

let current: { el?: FlussWorkflow; rf?: ReactFlowHandle; host?: HTMLElement } = {};

function clear(): void {
  current.el?.remove();
  current.rf?.unmount();
  current.host?.remove();
  current = {};
  document.body.textContent = '';
}

function makeEl(minZoom: number | null): FlussWorkflow {
  const el = document.createElement('fluss-workflow') as FlussWorkflow;
  el.setAttribute('layout', 'stored');
  el.setAttribute('edge-style', 'bezier');
  if (minZoom !== null) el.setAttribute('min-zoom', String(minZoom));
  if ((window as { benchNoMinimap?: boolean }).benchNoMinimap) el.setAttribute('no-minimap', '');
  el.style.cssText = `display:block;position:absolute;left:0;top:0;width:${W}px;height:${H}px`;
  return el;
}

const flows = new Map<string, Record<string, unknown>>();
function flowOf(n: number): Record<string, unknown> {
  const key = String(n);
  if (!flows.has(key)) flows.set(key, generateFlow(n).flow);
  // A fresh deep copy per mount so no parse result is cached by object identity.
  return structuredClone(flows.get(key)!);
}

const counts = (root: ParentNode) => ({
  nodes: root.querySelectorAll('.scene .node').length,
  edges: root.querySelectorAll('.scene .edge').length,
  elements: root.querySelectorAll('*').length,
});

/** First paint of ours: from handing over the flow (positions known) to the painted frame. */
async function oursFirstPaint(n: number, minZoom: number | null) {
  clear();
  // The harness's own deep copy is made before the settle frames, not in the timed task: the
  // floor allocates nothing there, so its garbage must not be collected inside ours' window.
  const flow = flowOf(n);
  await settle();
  const el = makeEl(minZoom);
  current.el = el;
  performance.mark('fp-start');
  const t0 = performance.now();
  el.flow = flow;
  document.body.append(el);
  await el.layoutComplete;
  const t1 = performance.now();
  el.shadowRoot!.querySelector('.scene')?.getBoundingClientRect();
  await nextPaint();
  const t2 = performance.now();
  performance.mark('fp-end');
  const c = counts(el.shadowRoot!);
  return { ms: t2 - t0, ready_ms: t1 - t0, ...c, zoom: el.getViewport().zoom };
}

/** The scene our element drew, as markup, with its wrapper transform and the element's styles. */
function sceneSnapshot(el: FlussWorkflow) {
  const root = el.shadowRoot!;
  const vp = root.querySelector<HTMLElement>('.viewport')!;
  return { html: root.querySelector('.scene')!.outerHTML, transform: vp.style.transform, sheets: [...root.adoptedStyleSheets] };
}

/** Clears the page, lets it settle, and mounts an empty shadow root with the scene's stylesheets. */
async function snapshotHost(sheets: CSSStyleSheet[]): Promise<ShadowRoot> {
  clear();
  await settle();
  const host = document.createElement('div');
  host.style.cssText = `display:block;position:absolute;left:0;top:0;width:${W}px;height:${H}px`;
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets;
  document.body.append(host);
  current.host = host;
  return root;
}

/** The floor: innerHTML of a scene in a shadow root with the same styles and wrapper, to the painted frame. */
async function floorFirstPaint(snap: ReturnType<typeof sceneSnapshot>) {
  const root = await snapshotHost(snap.sheets);
  performance.mark('fp-start');
  const t0 = performance.now();
  root.innerHTML = `<div class="base"><div class="pane"><div class="viewport" style="transform:${snap.transform}">${snap.html}</div></div></div>`;
  root.querySelector('.scene')!.getBoundingClientRect();
  await nextPaint();
  const t1 = performance.now();
  performance.mark('fp-end');
  return { ms: t1 - t0, ...counts(root) };
}

/** Floor scene for n nodes: ours drawn once (not timed), snapshotted. */
async function snapshotOf(n: number, minZoom: number | null, full = false) {
  await oursFirstPaint(n, minZoom);
  const el = current.el!;
  if (!full) return sceneSnapshot(el);
  // Full DOM (no culling, full detail): the scene as drawn for export, in the live wrapper transform.
  const root = el.shadowRoot!;
  const transform = root.querySelector<HTMLElement>('.viewport')!.style.transform;
  const tpl = (el as unknown as { sceneSvg(exporting: boolean): unknown }).sceneSvg(true);
  const div = document.createElement('div');
  root.append(div);
  litRender(tpl, div);
  const html = div.querySelector('svg')!.outerHTML;
  litRender(nothing, div);
  div.remove();
  return { html, transform, sheets: [...root.adoptedStyleSheets] };
}

const snaps = new Map<string, ReturnType<typeof sceneSnapshot>>();
async function snap(n: number, minZoom: number | null, full = false) {
  const key = `${n}|${minZoom}|${full}`;
  if (!snaps.has(key)) snaps.set(key, await snapshotOf(n, minZoom, full));
  return snaps.get(key)!;
}

// ------------------------------------------------------------------ frame loops

type Stepper = (v: Viewport) => void;

/** Pan 7,3 px per frame, every third frame a 1% zoom step at the centre (the reference pattern). */
function nextViewport(v: Viewport, i: number): Viewport {
  if (i % 3 === 2) {
    const f = 1.01;
    return { x: W / 2 - (W / 2 - v.x) * f, y: H / 2 - (H / 2 - v.y) * f, zoom: v.zoom * f };
  }
  return { x: v.x - 7, y: v.y - 3, zoom: v.zoom };
}

async function frameLoop(start: Viewport, step: Stepper, frames: number, layer: () => Element) {
  let v = start;
  const stamps: number[] = [];
  const js: number[] = [];
  const work: number[] = [];
  for (let i = 0; i < frames; i++) {
    stamps.push(await raf());
    v = nextViewport(v, i);
    const t0 = performance.now();
    step(v);
    const t1 = performance.now();
    layer().getBoundingClientRect(); // style + layout inside the frame, as a real input frame would
    const t2 = performance.now();
    js.push(t1 - t0);
    work.push(t2 - t0);
  }
  stamps.push(await raf());
  const iv = stamps.slice(1).map((t, i) => t - stamps[i]!);
  const srt = (a: number[]) => [...a].sort((x, y) => x - y);
  const med = (a: number[]) => srt(a)[a.length >> 1]!;
  const p95 = (a: number[]) => srt(a)[Math.floor(a.length * 0.95)]!;
  return {
    frames,
    fps: 1000 / (iv.reduce((a, b) => a + b, 0) / iv.length),
    interval_med_ms: med(iv),
    interval_p95_ms: p95(iv),
    js_med_ms: med(js),
    js_p95_ms: p95(js),
    work_med_ms: med(work),
  };
}

/** Prepares a loop (mount, fit, settle) and returns its runner; the runner can be called repeatedly. */
const loops = new Map<string, (frames: number) => Promise<unknown>>();

async function prepareOurs(n: number, minZoom: number | null) {
  await oursFirstPaint(n, minZoom);
  const el = current.el!;
  await settle();
  const pz = (el as unknown as { panZoom: PanZoomProbe }).panZoom;
  const home = el.getViewport();
  const vpEl = el.shadowRoot!.querySelector('.viewport')!;
  const layer = () => vpEl;
  return async (frames: number) => {
    await pz.setViewport(home, 0);
    await settle();
    const r = await frameLoop(home, (v) => void pz.setViewport(v, 0), frames, layer);
    const c = counts(el.shadowRoot!);
    return { ...r, nodes_in_dom: c.nodes, elements: c.elements };
  };
}

async function prepareWrapper(snapshot: ReturnType<typeof sceneSnapshot>, home: Viewport) {
  const root = await snapshotHost(snapshot.sheets);
  root.innerHTML = `<div class="base"><div class="pane"><div class="viewport">${snapshot.html}</div></div></div>`;
  const pane = root.querySelector<HTMLElement>('.pane')!;
  const vpEl = root.querySelector<HTMLElement>('.viewport')!;
  vpEl.style.willChange = 'transform';
  const z: ZoomBehavior<HTMLElement, unknown> = d3zoom<HTMLElement, unknown>()
    .scaleExtent([0.01, 8])
    .on('zoom', (ev: { transform: { x: number; y: number; k: number } }) => {
      const t = ev.transform;
      vpEl.style.transform = `translate(${t.x}px, ${t.y}px) scale(${t.k})`;
    });
  const sel = select(pane);
  sel.call(z);
  const to = (v: Viewport) => sel.call(z.transform, zoomIdentity.translate(v.x, v.y).scale(v.zoom));
  to(home);
  await settle();
  return async (frames: number) => {
    to(home);
    await settle();
    const r = await frameLoop(home, to, frames, () => vpEl);
    return { ...r, nodes_in_dom: root.querySelectorAll('.node').length, elements: root.querySelectorAll('*').length };
  };
}

/** React Flow boxes and handles from our layout, so both draw the same graph at the same places. */
async function ourLayout(n: number): Promise<{ layout: WorkflowLayout; flow: Record<string, unknown> }> {
  await oursFirstPaint(n, null);
  const layout = current.el!.getLayout()!;
  return { layout, flow: flowOf(n) };
}

async function rfFirstPaint(n: number) {
  const { layout, flow } = await ourLayout(n);
  clear();
  await settle();
  const host = document.createElement('div');
  host.style.cssText = `position:absolute;left:0;top:0;width:${W}px;height:${H}px`;
  document.body.append(host);
  current.host = host;
  const t0 = performance.now();
  const rf = mountReactFlow(host, flow, layout);
  current.rf = rf;
  // React commits nodes first, measures them, then draws edges in a later commit.
  const edgesWanted = Math.min(1, layout.edges.length);
  for (let i = 0; i < 600; i++) {
    await raf();
    if (host.querySelectorAll('.react-flow__edge').length >= edgesWanted && host.querySelectorAll('.react-flow__node').length > 0 && rf.ready()) break;
  }
  await nextPaint();
  const t1 = performance.now();
  return { ms: t1 - t0, nodes: host.querySelectorAll('.react-flow__node').length, edges: host.querySelectorAll('.react-flow__edge').length, elements: host.querySelectorAll('*').length, zoom: rf.viewport().zoom };
}

async function prepareRf(n: number) {
  await rfFirstPaint(n);
  const rf = current.rf!;
  const host = current.host!;
  await settle();
  const home = rf.viewport();
  const rfVp = host.querySelector('.react-flow__viewport')!;
  const layer = () => rfVp;
  return async (frames: number) => {
    rf.setViewport(home);
    await settle();
    const r = await frameLoop(home, (v) => rf.setViewport(v), frames, layer);
    return { ...r, nodes_in_dom: host.querySelectorAll('.react-flow__node').length, elements: host.querySelectorAll('*').length };
  };
}

declare global {
  interface Window {
    bench: {
      oursFirstPaint(n: number, minZoom: number | null): Promise<unknown>;
      floorFirstPaint(n: number, minZoom: number | null, full?: boolean): Promise<unknown>;
      rfFirstPaint(n: number): Promise<unknown>;
      prepareLoop(id: string, kind: 'ours' | 'wrapper' | 'wrapper-full' | 'rf', n: number, minZoom: number | null): Promise<boolean>;
      runLoop(id: string, frames: number): Promise<unknown>;
      clear(): void;
      parseOnly(n: number): Promise<number>;
    };
  }
}

window.bench = {
  oursFirstPaint,
  async floorFirstPaint(n, minZoom, full = false) {
    return floorFirstPaint(await snap(n, minZoom, full));
  },
  rfFirstPaint,
  async prepareLoop(id, kind, n, minZoom) {
    let runner: (frames: number) => Promise<unknown>;
    if (kind === 'ours') runner = await prepareOurs(n, minZoom);
    else if (kind === 'rf') runner = await prepareRf(n);
    else {
      const s = await snap(n, minZoom, kind === 'wrapper-full');
      await oursFirstPaint(n, minZoom);
      const home = current.el!.getViewport();
      runner = await prepareWrapper(s, home);
    }
    loops.set(id, runner);
    return true;
  },
  runLoop(id, frames) {
    return loops.get(id)!(frames);
  },
  clear() {
    clear();
    loops.clear();
  },
  /** parseWorkflow alone on the same flow (the part of first paint that is the model's), median of 3. */
  async parseOnly(n) {
    const ts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const flow = flowOf(n);
      await settle();
      const t0 = performance.now();
      parseWorkflow(flow);
      ts.push(performance.now() - t0);
    }
    return ts.sort((a, b) => a - b)[1]!;
  },
};
