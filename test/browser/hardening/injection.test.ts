// Reliability 3.3 (content injection) against every element: payloads in every text-bearing
// field render as text, nothing executes (window.__xss), no request leaves the page, no on*
// attribute, no string-to-markup sink sees data during a load.
/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/fluss-workflow/define.js';
import '../../../src/elements/fluss-run/define.js';
import '../../../src/elements/fluss-run-log/define.js';
import '../../../src/elements/fluss-run-timeline/define.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import type { FlussRunElement } from '../../../src/elements/fluss-run/fluss-run.js';
import type { FlussRunLogElement } from '../../../src/elements/fluss-run-log/fluss-run-log.js';
import type { RunEvent, Workflow } from '../../../src/model/types.js';
import { displayText } from '../../../src/render/text.js';
import { generateRun } from '../run/support/generate-run.js';
import { HOSTILE_STYLES, HOSTILE_URLS, LITERALS, PAYLOADS, allText, auditShadowDom, expectNoBeacons, resetXss, spyMarkupSinks, xssProbe } from './support/probes.js';
import { installPageGuards, type PageGuards } from './support/contract.js';
import { payloadFlow } from './support/flows.js';

window.addEventListener('error', (e) => {
  if (String(e.message).includes('ResizeObserver loop')) e.stopImmediatePropagation();
}, true);

const SETS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['C1 payloads', PAYLOADS],
  ['C4 style values', HOSTILE_STYLES],
  ['C7 literal entities', LITERALS],
];

async function drawFlow(f: unknown, attrs = 'edge-labels'): Promise<FlussWorkflow> {
  const el = await fixture<FlussWorkflow>(html`<fluss-workflow style="width: 900px; height: 560px"></fluss-workflow>`);
  for (const a of attrs.split(' ').filter(Boolean)) el.setAttribute(a, '');
  el.flow = f;
  await el.layoutComplete;
  await el.updateComplete;
  return el;
}

/** Hovers every handle so the port tooltips (labels, kinds) are rendered too. */
async function hoverHandles(el: FlussWorkflow): Promise<string> {
  let text = '';
  for (const h of el.shadowRoot!.querySelectorAll<SVGElement>('[part~="handle"]')) {
    h.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    text += el.shadowRoot!.querySelector('[part="tooltip"]')?.textContent ?? '';
    auditShadowDom(el);
  }
  return text;
}

describe('3.3 content injection', function () {
  this.timeout(60_000);
  let guards: PageGuards;
  before(() => {
    guards = installPageGuards();
  });
  after(() => guards.dispose());
  beforeEach(() => {
    resetXss();
    guards.reset();
  });

  for (const [name, set] of SETS) {
    it(`<fluss-workflow>: ${name} in every text field and URL-like field render as text (C1, C2, C3, C4, C7, P13)`, async () => {
      // Warm Lit's template cache so the sink spy only sees what a load does with data.
      await drawFlow(payloadFlow((i) => `warm ${i}`).flow);
      const since = performance.now();
      const { flow, titles } = payloadFlow((i) => set[i % set.length]!, (i) => HOSTILE_URLS[i % HOSTILE_URLS.length]!);
      const spy = spyMarkupSinks();
      let el: FlussWorkflow;
      try {
        el = await drawFlow(flow);
      } finally {
        spy.restore();
      }
      expect(spy.calls.filter((c) => set.some((p) => c.includes(p)) || c.includes('__xss') || c.includes('evil.example')), 'no data through a markup sink (C2)').to.deep.equal([]);
      expect(el.state).to.be.oneOf(['ready', 'partial']);
      for (const [id, title] of titles) {
        const t = el.shadowRoot!.querySelector(`[data-node-id="${id}"] .node-title`);
        expect(t, `title of ${id}`).to.not.equal(null);
        const shown = (t!.textContent ?? '').replace(/…$/, '');
        expect(shown.length, `title of ${id} shows text`).to.be.greaterThan(0);
        expect(displayText(title).startsWith(shown), `title of ${id} is the literal text: ${shown} vs ${title}`).to.equal(true);
      }
      const tooltips = await hoverHandles(el);
      expect(tooltips.length).to.be.greaterThan(0);
      auditShadowDom(el);
      await xssProbe(el);
      // The unknown kind (node c) is shown as text too.
      expect(allText(el)).to.contain(displayText(set[0]!).slice(0, 8));
      // An SVG export carries the same text escaped.
      const svgText = el.toSVG();
      const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
      expect(doc.querySelector('parsererror'), 'the export is well-formed').to.equal(null);
      expect(doc.querySelectorAll('script, foreignObject, iframe, image').length).to.equal(0);
      expect((window as { polluted?: unknown }).polluted).to.equal(undefined);
      expectNoBeacons(since);
      expect(guards.errors).to.deep.equal([]);
      expect(guards.rejections).to.deep.equal([]);
    });
  }

  it('C7 labels are never entity- or URL-decoded', async () => {
    const { flow, titles } = payloadFlow((i) => LITERALS[i % LITERALS.length]!);
    const el = await drawFlow(flow);
    for (const [id, title] of titles) expect(el.shadowRoot!.querySelector(`[data-node-id="${id}"] .node-title`)!.textContent).to.equal(title);
  });

  /** A generated run whose texts are payloads: node titles, exceptions, values, handles. */
  function payloadRun(): { workflow: Workflow; events: RunEvent[]; run: ReturnType<typeof generateRun>['run'] } {
    const gen = generateRun({ nodes: 4, items: 4, failNode: 'n2', failOnNext: 2 });
    let i = 0;
    const p = (): string => PAYLOADS[i++ % PAYLOADS.length]!;
    const workflow: Workflow = { ...gen.workflow, title: p(), nodes: gen.workflow.nodes.map((n) => ({ ...n, title: p(), description: p() })) };
    const huge = { html: '<img src=x onerror="window.__xss=60">'.repeat(400), nested: JSON.parse('['.repeat(60) + '"deep<script>window.__xss=61</script>"' + ']'.repeat(60)) as unknown };
    const events = gen.events.map((e, k) => ({
      ...e,
      value: k % 3 === 0 ? huge : k % 3 === 1 ? { [p()]: p() } : p(),
      ...(e.kind === 'ERROR' ? { exception: ('<img src=x onerror="window.__xss=62">' + p()).repeat(60).slice(0, 2000) } : {}),
    }));
    return { workflow, events, run: { ...gen.run, flow: workflow } };
  }

  it('<fluss-run> + <fluss-workflow> + <fluss-run-log> + <fluss-run-timeline>: exceptions, values and titles with payloads are text (C1, C5)', async () => {
    const since = performance.now();
    const data = payloadRun();
    const spy = spyMarkupSinks();
    let run: FlussRunElement;
    try {
      run = await fixture<FlussRunElement>(html`<fluss-run .run=${data.run} .events=${data.events}>
        <div style="display:flex">
          <fluss-workflow layout="stored" style="display:block; width: 500px; height: 360px"></fluss-workflow>
          <fluss-run-log style="width: 500px; height: 360px"></fluss-run-log>
        </div>
        <fluss-run-timeline style="width: 1000px"></fluss-run-timeline>
      </fluss-run>`);
      await waitUntil(() => run.state === 'ready' || run.state === 'partial', 'run loads', { timeout: 20_000 });
      const graph = run.querySelector('fluss-workflow')!;
      await waitUntil(() => graph.workflow !== null, 'graph draws', { timeout: 20_000 });
      await graph.layoutComplete;
    } finally {
      spy.restore();
    }
    expect(spy.calls.filter((c) => c.includes('__xss')), 'no data through a markup sink').to.deep.equal([]);
    const log = run.querySelector<FlussRunLogElement>('fluss-run-log')!;
    await waitUntil(() => log.shadowRoot!.querySelectorAll('.body [role="row"]').length > 0, 'log rows');
    // Expand every visible row (details view of values and exceptions), select the error event.
    const error = data.events.find((e) => e.kind === 'ERROR')!;
    log.selectEvent(error.id);
    await log.updateComplete;
    for (const row of log.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"]')) row.click();
    await new Promise((r) => setTimeout(r, 100));
    for (const host of [run.querySelector('fluss-workflow')!, log, run.querySelector('fluss-run-timeline')!]) {
      auditShadowDom(host);
      await xssProbe(host);
    }
    const text = allText(log);
    expect(text).to.contain('<img src=x onerror');
    // C5: long values are shown truncated, never in full.
    const longest = Math.max(...[...log.shadowRoot!.querySelectorAll('.body [role="row"]')].map((r) => (r.textContent ?? '').length));
    expect(longest, 'a huge value is truncated').to.be.below(20_000);
    expectNoBeacons(since);
    expect(guards.errors).to.deep.equal([]);
    expect(guards.rejections).to.deep.equal([]);
  });
});
