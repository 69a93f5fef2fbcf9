// <fluss-run-log> in Chromium: the grid (roles, node titles, badges, values), filters and counts,
// keyboard, virtualization, linking both ways inside a <fluss-run> (log -> cursor and graph
// selection; graph node -> log filter; timeline brush range -> log; causes -> graph edges),
// and the URL-hash round trip.
import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/elements/fluss-run/define.js';
import '../../../src/elements/fluss-run-log/define.js';
import '../../../src/elements/fluss-run-timeline/define.js';
import '../../../src/elements/fluss-workflow/define.js';
import type { FlussRunElement } from '../../../src/elements/fluss-run/fluss-run.js';
import type { FlussRunLogElement } from '../../../src/elements/fluss-run-log/fluss-run-log.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import type { FlussEventSelectEvent } from '../../../src/events/fluss-event-select.js';
import { FlussNodeSelectEvent } from '../../../src/events/fluss-node-select.js';
import type { RunEvent } from '../../../src/model/types.js';
import { NO_FILTER } from '../../../src/elements/fluss-run-log/filter-engine.js';
import { generateRun } from '../run/support/generate-run.js';

// The windowed list observes its height with a ResizeObserver; Chromium reports a benign "loop
// completed with undelivered notifications" when it resizes during layout. Keep it from failing tests.
window.addEventListener(
  'error',
  (e) => {
    if (String(e.message).includes('ResizeObserver loop')) e.stopImmediatePropagation();
  },
  true,
);

const gen = generateRun({ nodes: 6, items: 5, failNode: 'n4', failOnNext: 3 });

function rows(log: FlussRunLogElement): HTMLElement[] {
  return [...log.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"]')];
}

function rowOf(log: FlussRunLogElement, id: string): HTMLElement | null {
  return log.shadowRoot!.querySelector<HTMLElement>(`.body [role="row"][data-event-id="${CSS.escape(id)}"]`);
}

async function standalone(): Promise<FlussRunLogElement> {
  const log = await fixture<FlussRunLogElement>(html`<fluss-run-log .run=${gen.run} .events=${gen.events} style="height: 400px"></fluss-run-log>`);
  await waitUntil(() => log.store.size === gen.events.length && rows(log).length > 0, 'standalone log loads', { timeout: 20_000 });
  return log;
}

interface Mounted {
  run: FlussRunElement;
  log: FlussRunLogElement;
  graph: FlussWorkflow;
}

async function inRun(syncUrl = false): Promise<Mounted> {
  // side by side: the windowed log only renders the rows in its own viewport
  const run = await fixture<FlussRunElement>(html`<fluss-run .run=${gen.run} .events=${gen.events}>
    <div style="display: flex; gap: 4px; align-items: start">
      <fluss-workflow layout="stored" no-minimap style="display:block; width: 380px; height: 300px"></fluss-workflow>
      ${syncUrl ? html`<fluss-run-log sync-url="log" style="width: 400px; height: 300px"></fluss-run-log>` : html`<fluss-run-log style="width: 400px; height: 300px"></fluss-run-log>`}
    </div>
    <fluss-run-timeline style="width: 780px"></fluss-run-timeline>
  </fluss-run>`);
  await waitUntil(() => run.state === 'ready' || run.state === 'partial', 'run loads', { timeout: 20_000 });
  const log = run.querySelector('fluss-run-log')!;
  const graph = run.querySelector('fluss-workflow')!;
  await waitUntil(() => log.store === run.store && log.store.size > 0 && (rows(log).length > 0 || log.filtered.length === 0), 'log shows the run', { timeout: 20_000 });
  await waitUntil(() => graph.workflow !== null, 'graph draws the run flow', { timeout: 20_000 });
  await graph.layoutComplete;
  return { run, log, graph };
}

describe('<fluss-run-log> standalone', () => {
  it('renders a grid of rows with row headers, node titles with kinds, kind badges and port-keyed values', async () => {
    const log = await standalone();
    const grid = log.shadowRoot!.querySelector('[role="grid"]')!;
    expect(grid.getAttribute('aria-rowcount')).to.equal(String(gen.events.length + 1));
    const spacers = log.shadowRoot!.querySelectorAll('.body > .spacer');
    expect(spacers.length).to.equal(2, 'the windowed list holds its height with two spacers');
    for (const s of spacers) expect(s.getAttribute('aria-hidden')).to.equal('true');
    const first = rows(log)[0]!;
    const e0 = log.filtered[0]!;
    expect(first.querySelector('[role="rowheader"]')!.textContent!.trim()).to.equal(String(e0.t));
    expect(first.querySelectorAll('[role="gridcell"]').length).to.be.greaterThan(3);
    const nodeCell = first.querySelector('.node')!;
    expect(nodeCell.textContent).to.contain('Inputs').and.contain('inputs');
    const badge = first.querySelector('[part="badge"]')!;
    expect(badge.textContent).to.contain(e0.kind);
    expect(badge.querySelector('[aria-hidden="true"]')!.textContent!.trim()).to.not.equal('', 'an icon besides colour');
    const next = gen.events.find((e) => e.kind === 'NEXT' && e.source === 'n2')!;
    log.selectEvent(next.id);
    await waitUntil(() => rowOf(log, next.id) !== null, 'the selected row is rendered');
    const row = rowOf(log, next.id)!;
    expect(row.textContent).to.contain('value: ');
    expect(row.textContent).to.contain('Process 2');
  });

  it('filtered is the store order; kinds, nodes, text and range combine with AND; counts follow', async () => {
    const log = await standalone();
    expect(log.filtered.map((e) => e.id)).to.deep.equal(log.store.events.map((e) => e.id));
    const errorButton = log.shadowRoot!.querySelector<HTMLButtonElement>('button[data-kind="ERROR"]')!;
    const errorCount = gen.events.filter((e) => e.kind === 'ERROR').length;
    expect(errorButton.querySelector('[data-count]')!.textContent).to.equal(String(errorCount));
    errorButton.click();
    await log.updateComplete;
    expect(errorButton.getAttribute('aria-pressed')).to.equal('true');
    expect(log.filtered.every((e) => e.kind === 'ERROR')).to.equal(true);
    expect(log.filtered.length).to.equal(errorCount);
    log.filter = { ...NO_FILTER, nodeIds: new Set(['n2', 'n3']), kinds: new Set(['NEXT']), timeRange: { from: 3, to: 30 }, text: '' };
    await log.updateComplete;
    const expected = gen.events.filter((e) => (e.source === 'n2' || e.source === 'n3') && e.kind === 'NEXT' && e.t >= 3 && e.t <= 30);
    expect(log.filtered.map((e) => e.id)).to.deep.equal(expected.map((e) => e.id));
    const nextCount = log.shadowRoot!.querySelector('button[data-kind="NEXT"] [data-count]')!.textContent;
    expect(nextCount).to.equal(String(expected.length));
    // free text over exceptions
    log.clearFilters();
    await log.updateComplete;
    const exc = gen.events.find((e) => e.exception)!.exception!;
    const search = log.shadowRoot!.querySelector<HTMLInputElement>('input[part="search"]')!;
    search.value = exc.slice(0, 6).toUpperCase();
    search.dispatchEvent(new Event('input'));
    await log.updateComplete;
    expect(log.filtered.length).to.be.greaterThan(0);
    expect(log.filtered.every((e) => (e.exception ?? '').toLowerCase().includes(exc.slice(0, 6).toLowerCase()) || JSON.stringify(e.value).toLowerCase().includes(exc.slice(0, 6).toLowerCase()))).to.equal(true);
    log.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="clear"]')!.click();
    await log.updateComplete;
    expect(log.filtered.length).to.equal(gen.events.length);
  });

  it('keyboard: arrows move the selection, Enter expands, / focuses the search', async () => {
    const log = await standalone();
    const grid = log.shadowRoot!.querySelector<HTMLElement>('[role="grid"]')!;
    grid.focus();
    await sendKeys({ press: 'ArrowDown' });
    await log.updateComplete;
    expect(log.selectedEventId).to.equal(log.filtered[0]!.id);
    await sendKeys({ press: 'ArrowDown' });
    await log.updateComplete;
    expect(log.selectedEventId).to.equal(log.filtered[1]!.id);
    expect(grid.getAttribute('aria-activedescendant')).to.equal('row-1');
    await sendKeys({ press: 'ArrowUp' });
    await log.updateComplete;
    expect(log.selectedEventId).to.equal(log.filtered[0]!.id);
    await sendKeys({ press: 'Enter' });
    await log.updateComplete;
    const row = rowOf(log, log.filtered[0]!.id)!;
    expect(row.hasAttribute('data-expanded')).to.equal(true);
    expect(row.querySelector('button.expand')!.getAttribute('aria-expanded')).to.equal('true');
    expect(row.querySelector('[part="detail"]')).to.not.equal(null);
    await sendKeys({ press: 'End' });
    await log.updateComplete;
    expect(log.selectedEventId).to.equal(log.filtered.at(-1)!.id);
    await sendKeys({ press: '/' });
    expect(log.shadowRoot!.activeElement).to.equal(log.shadowRoot!.querySelector('input[part="search"]'));
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe in ${theme}, with a selected, expanded row and an empty result`, async () => {
      const log = await fixture<FlussRunLogElement>(html`<fluss-run-log theme=${theme} .run=${gen.run} .events=${gen.events} style="height: 400px"></fluss-run-log>`);
      await waitUntil(() => rows(log).length > 0, 'loads', { timeout: 20_000 });
      const grid = log.shadowRoot!.querySelector<HTMLElement>('[role="grid"]')!;
      grid.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await log.updateComplete;
      await expect(log).to.be.accessible();
      log.filter = { ...NO_FILTER, text: 'no such text anywhere' };
      await log.updateComplete;
      await expect(log).to.be.accessible();
    });
  }

  it('exports the filtered events as JSON and injection-safe CSV', async () => {
    const log = await standalone();
    log.filter = { ...NO_FILTER, kinds: new Set(['ERROR']) };
    await log.updateComplete;
    const json = JSON.parse(log.exportJson()) as RunEvent[];
    expect(json.map((e) => e.id)).to.deep.equal(log.filtered.map((e) => e.id));
    const csv = log.exportCsv().trimEnd().split('\r\n');
    expect(csv.length).to.equal(log.filtered.length + 1);
  });

  it('virtualizes: 200,000 events render only the rows in view', async () => {
    const many: RunEvent[] = [];
    for (let i = 0; i < 200_000; i++) many.push({ id: String(i), t: i >> 1, source: `n${(i % 6) + 1}`, handle: 'return_0', kind: i % 50 === 0 ? 'ERROR' : 'NEXT', causedBy: [0], value: [i], exception: i % 50 === 0 ? 'boom' : undefined });
    const log = await fixture<FlussRunLogElement>(html`<fluss-run-log .flow=${gen.workflow} .events=${many} style="height: 400px"></fluss-run-log>`);
    await waitUntil(() => log.store.size === many.length && rows(log).length > 0, 'large log loads', { timeout: 60_000 });
    expect(rows(log).length).to.be.lessThan(200);
    log.selectEvent('150000');
    await waitUntil(() => rowOf(log, '150000') !== null, 'scrolls to the selected event', { timeout: 10_000 });
    expect(rows(log).length).to.be.lessThan(200);
  });
});

describe('<fluss-run-log> inside <fluss-run>', () => {
  it('log -> run: selecting an event moves the cursor to its t and selects its node on the graph', async () => {
    const { run, log, graph } = await inRun();
    const target = gen.events.find((e) => e.source === 'n3' && e.kind === 'NEXT')!;
    log.selectEvent(target.id);
    await log.updateComplete;
    await waitUntil(() => rowOf(log, target.id) !== null, 'row rendered');
    const row = rowOf(log, target.id)!;
    setTimeout(() => row.click());
    const ev = (await oneEvent(log, 'fluss-event-select')) as unknown as FlussEventSelectEvent;
    expect(ev.eventId).to.equal(target.id);
    expect(run.t).to.equal(target.t);
    expect(run.selection.eventId).to.equal(target.id);
    expect(run.selection.nodeId).to.equal('n3');
    await waitUntil(() => graph.selected === 'n3', 'graph selects the node');
    // selecting an event does not narrow the log to its node
    expect(log.filter.nodeIds.size).to.equal(0);
    await waitUntil(() => rowOf(log, target.id)?.getAttribute('aria-selected') === 'true', 'the row is marked selected');
  });

  it('graph -> log: clicking a node filters the log to it, clearing the selection removes that filter', async () => {
    const { run, log, graph } = await inRun();
    const frameEl = graph.shadowRoot!.querySelector<SVGGraphicsElement>('[data-node-id="n2"] .node-frame') ?? graph.shadowRoot!.querySelector<SVGGraphicsElement>('[data-node-id="n2"]')!;
    frameEl.scrollIntoView();
    const r = frameEl.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    await waitUntil(() => run.selection.nodeId === 'n2', 'graph selection reaches the run');
    await waitUntil(() => log.filter.nodeIds.size === 1, 'log filters to the node');
    expect([...log.filter.nodeIds]).to.deep.equal(['n2']);
    expect(log.filtered.length).to.be.greaterThan(0);
    expect(log.filtered.every((e) => e.source === 'n2')).to.equal(true);
    // the toggle: the graph clears its selection (Escape) and the node filter goes away
    graph.dispatchEvent(new FlussNodeSelectEvent(null, null, 'keyboard'));
    await waitUntil(() => log.filter.nodeIds.size === 0, 'node filter cleared');
    expect(log.filtered.length).to.equal(gen.events.length);
  });

  it('timeline -> log: a brushed time range filters the log; the row at the cursor is marked', async () => {
    const { run, log } = await inRun();
    run.setFilters({ timeRange: { from: 5, to: 12 } });
    await waitUntil(() => log.filter.timeRange?.from === 5, 'log reads the shared range');
    await log.updateComplete;
    expect(log.filtered.map((e) => e.id)).to.deep.equal(gen.events.filter((e) => e.t >= 5 && e.t <= 12).map((e) => e.id));
    run.setFilters({ timeRange: null });
    run.setCursor(9);
    const expectedAt = [...gen.events].filter((e) => e.t <= 9).at(-1)!;
    // the log re-renders the filtered list asynchronously
    await waitUntil(() => log.shadowRoot!.querySelector(`.body .row.at-cursor[data-event-id="${expectedAt.id}"]`) !== null, 'the row at the cursor is marked');
    const marked = log.shadowRoot!.querySelectorAll('.body .row.at-cursor');
    expect(marked.length).to.equal(1);
    const expected = [...gen.events].filter((e) => e.t <= 9).at(-1)!;
    expect(marked[0]!.getAttribute('data-event-id')).to.equal(expected.id);
    expect(marked[0]!.getAttribute('aria-current')).to.equal('time');
  });

  it('moving the cursor elsewhere (timeline, playback) scrolls the log to the row at the cursor', async () => {
    const many = generateRun({ nodes: 8, items: 40 });
    const run = await fixture<FlussRunElement>(html`<fluss-run .run=${many.run} .events=${many.events}>
      <fluss-run-log style="width: 600px; height: 200px"></fluss-run-log>
    </fluss-run>`);
    await waitUntil(() => run.state === 'ready' || run.state === 'partial', 'run loads', { timeout: 20_000 });
    const log = run.querySelector('fluss-run-log')!;
    await waitUntil(() => rows(log).length > 0, 'rows', { timeout: 20_000 });
    run.setCursor(2, 'user');
    await waitUntil(() => log.shadowRoot!.querySelector('.body .row.at-cursor') !== null, 'row at an early cursor shown');
    const late = many.events.at(-5)!;
    run.setCursor(late.t, 'user');
    await waitUntil(() => {
      const row = log.shadowRoot!.querySelector<HTMLElement>('.body .row.at-cursor');
      if (!row) return false;
      const body = log.shadowRoot!.querySelector<HTMLElement>('.body')!.getBoundingClientRect();
      const r = row.getBoundingClientRect();
      return r.top >= body.top - 1 && r.bottom <= body.bottom + 1;
    }, 'the row at a late cursor is scrolled into view');
  });

  it('show causes: highlights the cause events in the log and their edges in the run selection', async () => {
    const { run, log } = await inRun();
    const ret = gen.events.find((e) => e.source === 'ret' && e.kind === 'NEXT')!;
    log.showCauses(ret.id);
    await log.updateComplete;
    const edges = run.selection.highlightedEdgeIds!;
    expect(edges.size).to.be.greaterThan(0);
    expect([...edges].some((id) => id.endsWith('->ret'))).to.equal(true);
    const causes = run.selection.highlightedEventIds!;
    expect(causes.size).to.be.greaterThan(0);
    const first = [...causes][0]!;
    log.selectEvent(first);
    log.showCauses(ret.id);
    await waitUntil(() => log.shadowRoot!.querySelectorAll('.body .row.cause').length > 0, 'cause rows are marked');
    const causeRows = [...log.shadowRoot!.querySelectorAll('.body .row.cause')].map((r) => r.getAttribute('data-event-id'));
    for (const id of causeRows) expect(causes.has(id!)).to.equal(true);
  });

  it('URL hash: the filter, cursor and selected event are written and restored into a new view', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    const a = await inRun(true);
    const target = gen.events.find((e) => e.source === 'n2' && e.kind === 'NEXT')!;
    a.log.filter = { ...NO_FILTER, kinds: new Set(['NEXT', 'ERROR']), text: 'x y&z', timeRange: { from: 2, to: 40 } };
    await a.log.updateComplete;
    a.log.selectEvent(target.id);
    await waitUntil(() => new URLSearchParams(location.hash.slice(1)).get('log.ev') === target.id, 'the hash is written (batched)');
    const params = new URLSearchParams(location.hash.slice(1));
    expect(params.getAll('log.kind')).to.deep.equal(['NEXT', 'ERROR']);
    expect(params.get('log.t')).to.equal('2~40');
    expect(params.get('log.q')).to.equal('x y&z');
    expect(params.get('log.at')).to.equal(String(target.t));
    expect(params.get('log.ev')).to.equal(target.id);
    a.run.remove();
    const b = await inRun(true);
    await waitUntil(() => b.log.filter.text === 'x y&z', 'filter restored');
    expect([...b.log.filter.kinds].sort()).to.deep.equal(['ERROR', 'NEXT']);
    expect(b.log.filter.timeRange).to.deep.equal({ from: 2, to: 40 });
    expect(b.run.t).to.equal(target.t);
    expect(b.log.selectedEventId).to.equal(target.id);
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  });
});
