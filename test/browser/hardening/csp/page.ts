// The CSP page's scenarios (called by csp.test.ts through the iframe's window): every element,
// an auto layout through the ELK worker, a run with its log and timeline, and the provider
// loading a flow and following a live run from the dev server. Data crosses the frame boundary
// as JSON text only.
import '../../../../src/define.js';
import type { FlussWorkflow } from '../../../../src/elements/fluss-workflow/fluss-workflow.js';
import type { FlussRunElement } from '../../../../src/elements/fluss-run/fluss-run.js';
import type { FlussRunTimelineElement } from '../../../../src/elements/fluss-run-timeline/fluss-run-timeline.js';
import type { FlussRunLogElement } from '../../../../src/elements/fluss-run-log/fluss-run-log.js';
import { layoutWorkerCount } from '../../../../src/layout/index.js';
import { generateRun } from '../../run/support/generate-run.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(test: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const start = performance.now();
  while (!test()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out: ${what}`);
    await sleep(20);
  }
}

function sized(el: HTMLElement, w: number, h: number): void {
  // CSSOM, not a style attribute (the CSP has no 'unsafe-inline' for styles).
  el.style.display = 'block';
  el.style.width = `${w}px`;
  el.style.height = `${h}px`;
}

/** An auto layout through the ELK worker; answers what was drawn. */
async function workflowAuto(flowJson: string): Promise<{ state: string; nodes: number; workers: number; errors: string[] }> {
  const el = document.createElement('fluss-workflow') as FlussWorkflow;
  const errors: string[] = [];
  el.addEventListener('fluss-error', (e) => errors.push((e as unknown as { detail: { code: string } }).detail.code));
  sized(el, 800, 500);
  el.setAttribute('edge-labels', '');
  document.body.append(el);
  el.flow = flowJson;
  await el.layoutComplete;
  await el.updateComplete;
  const workers = layoutWorkerCount();
  // Exercise hover tooltips, zoom buttons, the minimap and export.
  for (const h of Array.from(el.shadowRoot!.querySelectorAll<SVGElement>('[part~="handle"]')).slice(0, 4)) {
    h.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
  }
  await el.zoomIn();
  await el.fitView(undefined, { duration: 50 });
  el.toSVG();
  const nodes = el.shadowRoot!.querySelectorAll('[data-node-id]').length;
  return { state: el.state, nodes, workers, errors };
}

/** A generated run with graph, log and timeline; scrubs the cursor and filters. */
async function runElements(): Promise<{ state: string; events: number; rows: number; errors: string[] }> {
  const gen = generateRun({ nodes: 5, items: 6, failNode: 'n3', failOnNext: 2 });
  const errors: string[] = [];
  const run = document.createElement('fluss-run') as FlussRunElement;
  run.addEventListener('fluss-error', (e) => errors.push((e as unknown as { detail: { code: string } }).detail.code));
  run.run = gen.run;
  run.events = gen.events;
  const graph = document.createElement('fluss-workflow') as FlussWorkflow;
  graph.setAttribute('layout', 'stored');
  sized(graph, 600, 360);
  const log = document.createElement('fluss-run-log') as FlussRunLogElement;
  sized(log, 600, 300);
  const timeline = document.createElement('fluss-run-timeline') as FlussRunTimelineElement;
  timeline.style.display = 'block';
  timeline.style.width = '800px';
  run.append(graph, log, timeline);
  document.body.append(run);
  await until(() => run.state === 'ready' || run.state === 'partial', 'run ready');
  await until(() => graph.workflow !== null, 'graph');
  await graph.layoutComplete;
  const range = run.store.range();
  if (range) for (let t = range.min; t <= range.max; t += Math.max(1, Math.floor((range.max - range.min) / 20))) {
    run.setCursor(t);
    await sleep(0);
  }
  timeline.stepBackward();
  timeline.nextError();
  timeline.zoom(2);
  run.setFilters({ kinds: new Set(['ERROR'] as const), text: 'Process' });
  await sleep(50);
  run.setFilters({ kinds: new Set(), text: '' });
  log.selectEvent(gen.events[3]!.id);
  await sleep(100);
  const rows = log.shadowRoot!.querySelectorAll('[role="row"]').length;
  return { state: run.state, events: run.store.size, rows, errors };
}

/** The provider with the dev server: a flow by id and a live run followed to its end. */
async function providerLive(url: string, token: string, flowId: string, runId: string): Promise<{ flowState: string; events: number; status: string | null; errors: string[] }> {
  const errors: string[] = [];
  const provider = document.createElement('fluss-provider') as HTMLElement & { endpoint: string | null; token: string | null };
  provider.addEventListener('fluss-error', (e) => errors.push((e as unknown as { detail: { code: string } }).detail.code));
  provider.endpoint = url;
  provider.token = token;
  const wf = document.createElement('fluss-workflow') as FlussWorkflow;
  sized(wf, 600, 360);
  wf.setAttribute('flow-id', flowId);
  const run = document.createElement('fluss-run') as FlussRunElement;
  run.setAttribute('run-id', runId);
  const log = document.createElement('fluss-run-log') as FlussRunLogElement;
  sized(log, 600, 300);
  run.append(log);
  provider.append(wf, run);
  document.body.append(provider);
  await until(() => wf.state === 'ready' || wf.state === 'partial' || wf.state === 'error', 'flow-id loads');
  await wf.layoutComplete;
  await until(() => run.store.status === 'COMPLETED' && run.state === 'ready', 'live run finishes', 60_000);
  return { flowState: wf.state, events: run.store.size, status: run.store.status, errors };
}

/** Removes everything the scenarios mounted. */
function cleanup(): void {
  document.body.replaceChildren();
}

(window as unknown as { __csp: unknown }).__csp = { workflowAuto, runElements, providerLive, cleanup, ready: true };
