// The run overlay in <fluss-workflow>: scrubbing the timeline makes every node's data-status equal
// store.stateAt(T); badges, edges, accessible names, banner and announcements follow the cursor.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/fluss-run/define.js';
import '../../../src/elements/fluss-run-timeline/define.js';
import '../../../src/elements/fluss-workflow/define.js';
import type { FlussRunElement } from '../../../src/elements/fluss-run/fluss-run.js';
import type { FlussRunTimelineElement } from '../../../src/elements/fluss-run-timeline/fluss-run-timeline.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import { generateRun, type GeneratedRun } from './support/generate-run.js';

interface Mounted {
  run: FlussRunElement;
  graph: FlussWorkflow;
  timeline: FlussRunTimelineElement;
}

async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
}

async function ready(run: FlussRunElement): Promise<Mounted> {
  await waitUntil(() => run.state === 'ready' || run.state === 'partial', 'run loads', { timeout: 20_000 });
  const graph = run.querySelector('fluss-workflow')!;
  const timeline = run.querySelector('fluss-run-timeline')!;
  await waitUntil(() => graph.workflow !== null, 'graph gets the run flow', { timeout: 20_000 });
  await graph.layoutComplete;
  await waitUntil(() => graph.shadowRoot!.querySelectorAll('.node[data-status]').length === graph.workflow!.nodes.length, 'statuses drawn', { timeout: 20_000 });
  return { run, graph, timeline };
}

async function mountGenerated(gen: GeneratedRun): Promise<Mounted> {
  const run = await fixture<FlussRunElement>(html`<fluss-run .run=${gen.run} .events=${gen.events}>
    <fluss-workflow layout="stored" no-minimap style="display:block; width: 900px; height: 500px"></fluss-workflow>
    <fluss-run-timeline style="width: 900px"></fluss-run-timeline>
  </fluss-run>`);
  return ready(run);
}

/** Every node group's data-status against the store at the cursor. */
function expectStatusesMatch(m: Mounted): void {
  const T = m.run.t!;
  const state = m.run.store.stateAt(T);
  const groups = m.graph.shadowRoot!.querySelectorAll<SVGGElement>('.scene .node[data-node-id]');
  expect(groups.length).to.equal(m.graph.workflow!.nodes.length);
  for (const g of groups) {
    const id = g.getAttribute('data-node-id')!;
    expect(g.getAttribute('data-status'), `node ${id} at t=${T}`).to.equal(state.nodes.get(id)?.status ?? 'idle');
  }
}

describe('run overlay on <fluss-workflow>', () => {
  const gen = generateRun({ nodes: 8, items: 4, failNode: 'n5', failOnNext: 2 });

  it('draws the run flow and sets data-status on every node group', async () => {
    const m = await mountGenerated(gen);
    expect(m.graph.workflow!.nodes.map((n) => n.id)).to.deep.equal(gen.workflow.nodes.map((n) => n.id));
    expectStatusesMatch(m);
  });

  it('stepping the timeline through every event keeps every data-status equal to stateAt(T)', async () => {
    const m = await mountGenerated(gen);
    m.run.setCursor(-1);
    await settle();
    for (const g of m.graph.shadowRoot!.querySelectorAll('.scene .node[data-node-id]')) expect(g.getAttribute('data-status')).to.equal('idle');
    const button = m.timeline.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="next"]')!;
    const distinct = new Set(gen.events.map((e) => e.t)).size;
    let steps = 0;
    while (steps < distinct + 2) {
      const before = m.run.t;
      button.click();
      await settle();
      if (m.run.t === before) break;
      steps++;
      expectStatusesMatch(m);
    }
    expect(steps).to.equal(distinct);
  });

  it('scrubbing with the pointer matches the store at every position', async () => {
    const m = await mountGenerated(gen);
    const lanes = m.timeline.shadowRoot!.querySelector<HTMLElement>('.lanes')!;
    const rect = lanes.getBoundingClientRect();
    lanes.dispatchEvent(new PointerEvent('pointerdown', { clientX: rect.left + 133, clientY: rect.top + 4, button: 0, bubbles: true }));
    for (let x = rect.left + 133; x < rect.right; x += 37) {
      lanes.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: rect.top + 4, bubbles: true }));
      await settle();
      expectStatusesMatch(m);
    }
    lanes.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
  });

  it('touches only the nodes whose state changed when the cursor moves by one event', async () => {
    const m = await mountGenerated(gen);
    const overlay = (m.graph as unknown as { runOverlay: { lastStats: { nodesChanged: number; elementsTouched: number } } }).runOverlay;
    m.run.setCursor(20);
    await settle();
    const changed = m.run.store.changedBetween(20, 21);
    m.run.setCursor(21);
    await settle();
    expect(overlay.lastStats.nodesChanged).to.be.at.most(changed.nodes.size);
    expect(overlay.lastStats.nodesChanged).to.be.lessThan(gen.workflow.nodes.length);
    expect(overlay.lastStats.elementsTouched).to.be.at.most(2 * changed.nodes.size + changed.edges.size + 4);
  });

  it('shows the errored node with its exception in the accessible name, and shapes per status', async () => {
    const m = await mountGenerated(gen);
    const err = gen.events.find((e) => e.kind === 'ERROR' && e.source === 'n5')!;
    m.run.setCursor(err.t);
    await settle();
    const group = m.graph.shadowRoot!.querySelector<SVGGElement>('.node[data-node-id="n5"]')!;
    expect(group.getAttribute('data-status')).to.equal('errored');
    const name = group.querySelector('.node-body')!.getAttribute('aria-label')!;
    expect(name).to.contain('errored');
    expect(name).to.contain(err.exception!);
    const badge = m.graph.shadowRoot!.querySelector('.run-badge[data-node-id="n5"]')!;
    expect(badge.getAttribute('data-status')).to.equal('errored');
    // The shapes are CSS d paths chosen by the badge's data-status (one attribute per change).
    const shapeOf = (el: Element) => getComputedStyle(el).getPropertyValue('d');
    const errShape = shapeOf(badge.querySelector('.run-icon-shape')!);
    const doneBadge = m.graph.shadowRoot!.querySelector('.run-badge[data-status="completed"]')!;
    const done = shapeOf(doneBadge.querySelector('.run-icon-shape')!);
    expect(errShape).to.match(/^path\(/);
    expect(errShape).to.not.equal(done, 'errored and completed differ in shape, not only colour');
    expect(shapeOf(badge.querySelector('.run-icon-glyph')!)).to.not.equal(shapeOf(doneBadge.querySelector('.run-icon-glyph')!));
    const visible = (el: Element) => getComputedStyle(el).visibility;
    expect(visible(badge.querySelector('.run-ring')!)).to.equal('visible');
    const idle = m.graph.shadowRoot!.querySelector('.run-badge[data-status="idle"]');
    if (idle) expect(visible(idle.querySelector('.run-ring')!)).to.equal('hidden');
    expect(badge.querySelector('title')!.textContent).to.contain(err.exception!);
  });

  it('hides a badge whose node went back to idle and shows it again, by data-status alone', async () => {
    const m = await mountGenerated(gen);
    const end = m.run.t!;
    const first = m.run.store.range()!.min;
    m.run.setCursor(first);
    await settle();
    const idle = [...m.graph.shadowRoot!.querySelectorAll('.run-badge[data-status="idle"]')];
    expect(idle.length).to.be.greaterThan(0);
    for (const b of idle) {
      for (const leaf of b.querySelectorAll('.run-ring, .run-icon-shape, .run-icon-glyph, .run-count-bg, .run-count-text')) expect(getComputedStyle(leaf).visibility).to.equal('hidden');
    }
    m.run.setCursor(end);
    await settle();
    const back = idle[0]!;
    expect(back.getAttribute('data-status')).to.not.equal('idle');
    expect(getComputedStyle(back.querySelector('.run-ring')!).visibility).to.equal('visible');
    expect(back.hasAttribute('visibility')).to.equal(false);
  });

  it('counts NEXT events in a badge and shows the last value on hover', async () => {
    const m = await mountGenerated(gen);
    const last = m.run.t!;
    const n1 = m.run.store.stateAt(last).nodes.get('n1')!;
    const badge = m.graph.shadowRoot!.querySelector('.run-badge[data-node-id="n1"]')!;
    expect(badge.querySelector('.run-count-text')!.textContent).to.equal(String(n1.nextCount));
    expect(badge.querySelector('.run-icon title')!.textContent).to.contain('Last value: value: 3');
  });

  it('colours edges by their source handle and marks the in-flight edge', async () => {
    const m = await mountGenerated(gen);
    const firstN1 = gen.events.find((e) => e.source === 'n1' && e.kind === 'NEXT')!;
    m.run.setCursor(firstN1.t);
    await settle();
    const root = m.graph.shadowRoot!;
    const argEdge = root.querySelector('.edge[data-edge-id="arg->n1"]')!;
    expect(argEdge.getAttribute('data-run-kind')).to.equal('complete');
    const flying = [...root.querySelectorAll('.edge[data-in-flight]')].map((e) => e.getAttribute('data-edge-id'));
    const expected = [...m.run.store.stateAt(firstN1.t).edges.values()].filter((e) => e.inFlight).map((e) => e.edgeId);
    expect(flying.sort()).to.deep.equal(expected.sort());
    expect(flying.length).to.be.greaterThan(0);
  });

  it('shows the outcome in a banner and announces status changes politely', async () => {
    const m = await mountGenerated(gen);
    const banner = m.graph.shadowRoot!.querySelector<HTMLElement>('.run-banner')!;
    expect(banner.hidden).to.equal(false);
    expect(banner.getAttribute('data-outcome')).to.equal('failed');
    expect(banner.textContent).to.contain('Failed');
    const err = gen.events.find((e) => e.kind === 'ERROR')!;
    m.run.setCursor(err.t - 1);
    await settle();
    m.run.setCursor(err.t);
    const live = m.graph.shadowRoot!.querySelector<HTMLElement>('.run-live')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    await waitUntil(() => (live.textContent ?? '').includes('errored'), 'announced', { timeout: 3000 });
  });

  it('does not animate in-flight edges under prefers-reduced-motion', async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const m = await mountGenerated(gen);
      m.run.setCursor(5);
      await settle();
      const path = m.graph.shadowRoot!.querySelector('.edge[data-in-flight] .edge-path');
      expect(path).to.not.equal(null);
      expect(getComputedStyle(path!).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});

describe('run overlay on the recorded legacy run (../shared fixture)', () => {
  const url = '/__shared/fixtures/legacy/legacy-run-2832-export.json';

  it('scrubbing the legacy run export keeps every data-status equal to stateAt(T)', async function () {
    const probe = await fetch(url, { method: 'HEAD' }).catch(() => null);
    if (!probe || !probe.ok) {
      console.warn('SKIP: ../shared/fixtures is absent; the legacy run export test needs it.');
      this.skip();
    }
    const run = await fixture<FlussRunElement>(html`<fluss-run src=${url}>
      <fluss-workflow layout="stored" no-minimap style="display:block; width: 900px; height: 500px"></fluss-workflow>
      <fluss-run-timeline style="width: 900px"></fluss-run-timeline>
    </fluss-run>`);
    const m = await ready(run);
    expect(m.run.store.size).to.equal(1286);
    const banner = m.graph.shadowRoot!.querySelector<HTMLElement>('.run-banner')!;
    expect(banner.getAttribute('data-outcome')).to.equal('unknown', 'a legacy run records no outcome and has no error');
    expect(m.timeline.lanes.length).to.be.at.least(m.graph.workflow!.nodes.length);
    expectStatusesMatch(m);
    const range = m.run.store.range()!;
    for (let T = range.min - 1; T <= range.max; T += 37) {
      m.run.setCursor(T);
      await settle();
      expectStatusesMatch(m);
    }
    // next error: the export has none, so the button leaves the cursor where it is
    m.run.setCursor(0);
    m.timeline.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="next-error"]')!.click();
    expect(m.run.t).to.equal(0);
  });
});

describe('run overlay hover', () => {
  it('hovering a node shows its status and last value', async () => {
    const gen = generateRun({ nodes: 4, items: 3 });
    const m = await mountGenerated(gen);
    const body = m.graph.shadowRoot!.querySelector<SVGGElement>('.node[data-node-id="n2"] .node-body')!;
    body.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, clientX: 100, clientY: 100 }));
    const tip = m.graph.shadowRoot!.querySelector<HTMLElement>('.run-tip')!;
    expect(tip.hidden).to.equal(false);
    expect(tip.textContent).to.contain('completed');
    expect(tip.textContent).to.contain('Last value: value: 4');
    body.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, composed: true, relatedTarget: m.graph }));
    expect(tip.hidden).to.equal(true);
  });
});

describe('run overlay on a culled graph (over 1,000 nodes)', () => {
  it('nodes that come into view get the state at the cursor', async function () {
    this.timeout(120_000);
    const gen = generateRun({ nodes: 1010, items: 2 });
    const run = await fixture<FlussRunElement>(html`<fluss-run .run=${gen.run} .events=${gen.events}>
      <fluss-workflow layout="stored" no-minimap style="display:block; width: 800px; height: 500px"></fluss-workflow>
    </fluss-run>`);
    await waitUntil(() => run.state === 'ready', 'run loads', { timeout: 60_000 });
    const graph = run.querySelector('fluss-workflow')!;
    await waitUntil(() => graph.workflow !== null, 'graph', { timeout: 60_000 });
    await graph.layoutComplete;
    const check = () => {
      const state = run.store.stateAt(run.t!);
      const groups = [...graph.shadowRoot!.querySelectorAll<SVGGElement>('.scene .node[data-node-id]')];
      expect(groups.length).to.be.greaterThan(0);
      for (const g of groups) {
        const id = g.getAttribute('data-node-id')!;
        const status = state.nodes.get(id)?.status ?? 'idle';
        expect(g.getAttribute('data-status'), id).to.equal(status);
        const badge = graph.shadowRoot!.querySelector(`.run-badge[data-node-id="${id}"]`);
        if (status !== 'idle') expect(badge?.getAttribute('data-status'), `badge ${id}`).to.equal(status);
        if (status !== 'idle' && state.nodes.get(id)!.nextCount > 0) {
          expect(badge!.querySelector('.run-count-text')!.textContent).to.equal(String(state.nodes.get(id)!.nextCount));
        }
      }
      return groups.map((g) => g.getAttribute('data-node-id')).join(',');
    };
    run.setCursor(Math.floor(run.store.range()!.max / 2));
    await settle();
    await waitUntil(() => graph.shadowRoot!.querySelectorAll('.scene .node[data-status]').length > 0, 'drawn', { timeout: 20_000 });
    const before = check();
    run.setCursor(run.store.range()!.max);
    await settle();
    await graph.centerOn('n1000', { duration: 0, zoom: 1 });
    await graph.updateComplete;
    await settle();
    const after = check();
    expect(after).to.not.equal(before, 'a different set of nodes is drawn');
  });
});
