// <fluss-run> with .run/.events and <fluss-run-timeline>: lanes, cursor, transport, keyboard, brush.
import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import '../../../src/elements/fluss-run/define.js';
import '../../../src/elements/fluss-run-timeline/define.js';
import type { FlussRunElement } from '../../../src/elements/fluss-run/fluss-run.js';
import type { FlussRunTimelineElement } from '../../../src/elements/fluss-run-timeline/fluss-run-timeline.js';
import type { FlussTimeChangeEvent } from '../../../src/events/fluss-time-change.js';
import { generateRun, type GeneratedRun } from './support/generate-run.js';

async function mount(gen: GeneratedRun): Promise<{ run: FlussRunElement; timeline: FlussRunTimelineElement }> {
  const run = await fixture<FlussRunElement>(html`<fluss-run .run=${gen.run} .events=${gen.events}>
    <fluss-run-timeline style="width: 800px"></fluss-run-timeline>
  </fluss-run>`);
  await waitUntil(() => run.state === 'ready', 'run loads', { timeout: 10_000 });
  const timeline = run.querySelector('fluss-run-timeline')!;
  await timeline.updateComplete;
  return { run, timeline };
}

function button(timeline: FlussRunTimelineElement, action: string): HTMLButtonElement {
  const b = timeline.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  if (!b) throw new Error(`no ${action} button`);
  return b;
}

describe('<fluss-run> + <fluss-run-timeline>', () => {
  const gen = generateRun({ nodes: 6, items: 5, failNode: 'n4', failOnNext: 2 });
  const firstError = gen.events.find((e) => e.kind === 'ERROR')!;
  const lastT = gen.events[gen.events.length - 1]!.t;

  it('loads every event and puts the cursor on the last event', async () => {
    const { run } = await mount(gen);
    expect(run.store.size).to.equal(gen.events.length);
    expect(run.t).to.equal(lastT);
    expect(run.follow).to.equal(false);
    expect(run.getAttribute('data-state')).to.equal('ready');
  });

  it('keeps a cursor set through the t attribute before loading', async () => {
    const run = await fixture<FlussRunElement>(html`<fluss-run t="5" .run=${gen.run} .events=${gen.events}></fluss-run>`);
    await waitUntil(() => run.state === 'ready', 'run loads', { timeout: 10_000 });
    await new Promise((r) => requestAnimationFrame(r));
    expect(run.t).to.equal(5);
    expect(run.getAttribute('t')).to.equal('5');
    run.setAttribute('t', '7');
    await run.updateComplete;
    expect(run.t).to.equal(7);
  });

  it('draws one lane per node in workflow order', async () => {
    const { timeline } = await mount(gen);
    expect(timeline.lanes.map((l) => l.id)).to.deep.equal(gen.workflow.nodes.map((n) => n.id));
    const slider = timeline.shadowRoot!.querySelector('[role="slider"]')!;
    expect(slider.getAttribute('aria-valuemax')).to.equal(String(lastT));
    expect(slider.getAttribute('aria-valuenow')).to.equal(String(lastT));
  });

  it('next error jumps to the first ERROR, previous error comes back to it', async () => {
    const { run, timeline } = await mount(gen);
    run.setCursor(0);
    await timeline.updateComplete;
    button(timeline, 'next-error').click();
    expect(run.t).to.equal(firstError.t);
    run.setCursor(lastT);
    button(timeline, 'previous-error').click();
    expect(run.t).to.equal(firstError.t);
  });

  it('steps to the previous and next distinct t', async () => {
    const { run, timeline } = await mount(gen);
    const ts = [...new Set(gen.events.map((e) => e.t))];
    run.setCursor(ts[3]!);
    button(timeline, 'next').click();
    expect(run.t).to.equal(ts[4]);
    button(timeline, 'previous').click();
    button(timeline, 'previous').click();
    expect(run.t).to.equal(ts[2]);
  });

  it('play advances the cursor event by event and pause stops it', async () => {
    const { run, timeline } = await mount(gen);
    run.setCursor(0);
    timeline.speed = 1000;
    const seen: number[] = [];
    run.addEventListener('fluss-time-change', (e: FlussTimeChangeEvent) => seen.push(e.t));
    button(timeline, 'play').click();
    await waitUntil(() => run.t! >= 10, 'cursor advances', { timeout: 5000 });
    timeline.pause();
    expect(timeline.playing).to.equal(false);
    expect(seen.length).to.be.greaterThan(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).to.be.greaterThan(seen[i - 1]!);
    const stoppedAt = run.t;
    await new Promise((r) => setTimeout(r, 100));
    expect(run.t).to.equal(stoppedAt);
  });

  it('play at the end starts from the first event and stops at the last', async () => {
    const { run, timeline } = await mount(gen);
    timeline.speed = 1000;
    timeline.play();
    expect(run.t).to.be.lessThan(lastT);
    await waitUntil(() => !timeline.playing, 'playback ends', { timeout: 5000 });
    expect(run.t).to.equal(lastT);
  });

  it('is keyboard operable', async () => {
    const { run, timeline } = await mount(gen);
    const slider = timeline.shadowRoot!.querySelector<HTMLElement>('[role="slider"]')!;
    slider.focus();
    const key = (k: string, shiftKey = false) => slider.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, composed: true }));
    key('Home');
    expect(run.t).to.equal(0);
    key('ArrowRight');
    expect(run.t).to.equal(1);
    key('e');
    expect(run.t).to.equal(firstError.t);
    key('End');
    expect(run.t).to.equal(lastT);
    key('l');
    expect(run.follow).to.equal(true);
    key('ArrowLeft');
    expect(run.follow).to.equal(false, 'a user move stops following');
  });

  it('scrubbing with the pointer moves the cursor and stops following', async () => {
    const { run, timeline } = await mount(gen);
    run.setFollow(true);
    const lanes = timeline.shadowRoot!.querySelector<HTMLElement>('.lanes')!;
    const rect = lanes.getBoundingClientRect();
    const change = oneEvent(run, 'fluss-time-change');
    lanes.dispatchEvent(new PointerEvent('pointerdown', { clientX: rect.right - 2, clientY: rect.top + 5, button: 0, bubbles: true }));
    const ev = (await change) as unknown as FlussTimeChangeEvent;
    expect(ev.reason).to.equal('user');
    expect(run.follow).to.equal(false);
    expect(run.t).to.be.within(lastT - 2, lastT);
    lanes.dispatchEvent(new PointerEvent('pointermove', { clientX: rect.left + 140, clientY: rect.top + 5, bubbles: true }));
    expect(run.t).to.be.lessThan(3);
    lanes.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
  });

  it('a brush on the axis sets the time-range filter; double-click clears it', async () => {
    const { run, timeline } = await mount(gen);
    const axis = timeline.shadowRoot!.querySelector<HTMLElement>('.axis')!;
    const rect = axis.getBoundingClientRect();
    const plotLeft = rect.left + 132;
    const plotWidth = rect.width - 132;
    axis.dispatchEvent(new PointerEvent('pointerdown', { clientX: plotLeft + plotWidth * 0.25, clientY: rect.top + 5, button: 0, bubbles: true }));
    axis.dispatchEvent(new PointerEvent('pointermove', { clientX: plotLeft + plotWidth * 0.75, clientY: rect.top + 5, bubbles: true }));
    axis.dispatchEvent(new PointerEvent('pointerup', { clientX: plotLeft + plotWidth * 0.75, clientY: rect.top + 5, bubbles: true }));
    const range = run.filters.timeRange!;
    expect(range).to.not.equal(null);
    expect(range.from).to.be.greaterThan(0);
    expect(range.to).to.be.lessThan(lastT);
    expect(range.to).to.be.greaterThan(range.from);
    await timeline.updateComplete;
    expect(timeline.shadowRoot!.querySelector('[part="brush"]')).to.not.equal(null);
    axis.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    expect(run.filters.timeRange).to.equal(null);
  });

  it('zooms and pans along the axis', async () => {
    const { timeline } = await mount(gen);
    const full = timeline.visibleRange;
    timeline.zoom(4);
    const zoomed = timeline.visibleRange;
    expect(zoomed.max - zoomed.min).to.be.closeTo((full.max - full.min) / 4, 0.01);
    timeline.resetZoom();
    expect(timeline.visibleRange).to.deep.equal(full);
  });

  it('keeps the cursor inside a zoomed view while playing', async () => {
    const { run, timeline } = await mount(gen);
    run.setCursor(0);
    timeline.zoom(8, 0);
    await timeline.updateComplete;
    const first = timeline.visibleRange;
    timeline.speed = 1000;
    timeline.play();
    await waitUntil(() => run.t! > first.max + 1, 'cursor passes the view', { timeout: 5000 });
    await timeline.updateComplete;
    timeline.pause();
    const view = timeline.visibleRange;
    expect(view.min).to.be.greaterThan(first.min);
    expect(run.t!).to.be.within(view.min, view.max);
  });

  it('switches the axis to wall-clock time', async () => {
    const { run, timeline } = await mount(gen);
    timeline.axis = 'time';
    await timeline.updateComplete;
    const range = timeline.visibleRange;
    expect(range.min).to.be.greaterThan(1_000_000_000_000, 'milliseconds since the epoch');
    run.setCursor(firstError.t);
    await timeline.updateComplete;
    expect(timeline.shadowRoot!.querySelector('[part="readout"]')!.textContent).to.contain(':');
  });

  it('ingests a large run in chunks and reports progress more than once', async () => {
    const big = generateRun({ nodes: 50, items: 4000 });
    let updates = 0;
    const run = await fixture<FlussRunElement>(html`<fluss-run @fluss-run-update=${() => updates++} .run=${big.run} .events=${big.events}></fluss-run>`);
    await waitUntil(() => run.state === 'ready', 'run loads', { timeout: 20_000 });
    await new Promise((r) => requestAnimationFrame(r));
    expect(run.store.size).to.equal(big.events.length);
    expect(updates).to.be.greaterThan(1);
  });
});

describe('<fluss-run src>', () => {
  it('reports a missing export with fluss-error and the error state', async () => {
    const errors: string[] = [];
    const run = await fixture<FlussRunElement>(html`<fluss-run src="/__missing-run-export__.json" @fluss-error=${(e: Event) => errors.push((e as unknown as { detail: { code: string } }).detail.code)}></fluss-run>`);
    await waitUntil(() => run.state === 'error', 'fails', { timeout: 10_000 });
    expect(errors).to.deep.equal(['HTTP_BAD_RESPONSE']);
  });

  it('parses the export in a worker and ingests every event', async () => {
    const gen = generateRun({ nodes: 5, items: 40 });
    const body = JSON.stringify({ run: { id: 'r1', status: 'COMPLETED', events: gen.events.map((e) => ({ ...e, causedBy: e.causedBy.map(String) })) } });
    const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
    const NativeWorker = window.Worker;
    let workers = 0;
    window.Worker = class extends NativeWorker {
      constructor(u: string | URL, o?: WorkerOptions) {
        super(u, o);
        workers++;
      }
    };
    try {
      const run = await fixture<FlussRunElement>(html`<fluss-run src=${url}></fluss-run>`);
      await waitUntil(() => run.state === 'ready' || run.state === 'partial' || run.state === 'error', 'loads', { timeout: 10_000 });
      expect(run.state).to.equal('ready');
      expect(run.store.size).to.equal(gen.events.length);
      expect(run.store.events.map((e) => e.id)).to.deep.equal(gen.events.map((e) => e.id));
      expect(workers).to.equal(1);
    } finally {
      window.Worker = NativeWorker;
      URL.revokeObjectURL(url);
    }
  });

  it('falls back to the main thread when no worker can start', async () => {
    const gen = generateRun({ nodes: 3, items: 5 });
    const body = JSON.stringify({ run: { id: 'r2', status: 'COMPLETED', events: gen.events.map((e) => ({ ...e, causedBy: e.causedBy.map(String) })) } });
    const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
    const NativeWorker = window.Worker;
    window.Worker = class {
      constructor() {
        throw new TypeError('refused by policy');
      }
    } as unknown as typeof Worker;
    try {
      const run = await fixture<FlussRunElement>(html`<fluss-run src=${url}></fluss-run>`);
      await waitUntil(() => run.state === 'ready' || run.state === 'error', 'loads', { timeout: 10_000 });
      expect(run.store.size).to.equal(gen.events.length);
    } finally {
      window.Worker = NativeWorker;
      URL.revokeObjectURL(url);
    }
  });

  it('refuses a URL that is not http(s)', async () => {
    const errors: string[] = [];
    const run = await fixture<FlussRunElement>(html`<fluss-run src="javascript:alert(1)" @fluss-error=${(e: Event) => errors.push((e as unknown as { detail: { code: string } }).detail.code)}></fluss-run>`);
    await waitUntil(() => run.state === 'error', 'fails', { timeout: 10_000 });
    expect(errors).to.deep.equal(['HTTP_BAD_RESPONSE']);
  });

  it('a newer source aborts the older one (only the newer run is kept)', async () => {
    const a = generateRun({ nodes: 3, items: 2 });
    const b = generateRun({ nodes: 4, items: 3, seed: 3 });
    const run = await fixture<FlussRunElement>(html`<fluss-run src="/__never-mind__.json"></fluss-run>`);
    run.run = a.run;
    run.events = a.events;
    await run.updateComplete;
    run.run = b.run;
    run.events = b.events;
    await waitUntil(() => run.state === 'ready', 'loads', { timeout: 10_000 });
    expect(run.store.size).to.equal(b.events.length);
    expect(run.store.workflow).to.equal(b.workflow);
  });
});

describe('connect / disconnect', () => {
  it('stops playback and ingest when removed, and resumes loading when connected again', async () => {
    const big = generateRun({ nodes: 30, items: 3000 });
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    for (let i = 0; i < 5; i++) {
      const run = document.createElement('fluss-run');
      run.innerHTML = '<fluss-run-timeline style="width: 600px"></fluss-run-timeline>';
      run.run = big.run;
      run.events = big.events;
      holder.append(run);
      await run.updateComplete;
      const timeline = run.querySelector('fluss-run-timeline')!;
      timeline.play();
      run.remove();
      expect(timeline.playing).to.equal(false, 'playback stops on disconnect');
      const sizeAtRemoval = run.store.size;
      let updates = 0;
      run.addEventListener('fluss-run-update', () => updates++);
      await new Promise((r) => setTimeout(r, 150));
      expect(run.store.size).to.equal(sizeAtRemoval, 'ingest stops on disconnect');
      expect(updates).to.equal(0);
      expect(sizeAtRemoval).to.be.lessThan(big.events.length);
    }
    const run = document.createElement('fluss-run');
    run.run = big.run;
    run.events = big.events;
    holder.append(run);
    run.remove();
    holder.append(run);
    await waitUntil(() => run.state === 'ready', 'loads after reconnecting', { timeout: 20_000 });
    expect(run.store.size).to.equal(big.events.length);
  });
});
