// The windowed list of <fluss-run-log>: rows in view only, scrolling renders further rows, expanded
// rows take their measured height (the rows below move, nothing overlaps), and a recorded run
// opens at the top of the log.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/fluss-run/define.js';
import '../../../src/elements/fluss-run-log/define.js';
import '../../../src/elements/fluss-run-timeline/define.js';
import '../../../src/elements/fluss-workflow/define.js';
import type { FlussRunElement } from '../../../src/elements/fluss-run/fluss-run.js';
import type { FlussRunLogElement } from '../../../src/elements/fluss-run-log/fluss-run-log.js';
import type { RunEvent } from '../../../src/model/types.js';
import { generateRun } from '../run/support/generate-run.js';

window.addEventListener(
  'error',
  (e) => {
    if (String(e.message).includes('ResizeObserver loop')) e.stopImmediatePropagation();
  },
  true,
);

const gen = generateRun({ nodes: 6, items: 5 });

function rows(log: FlussRunLogElement): HTMLElement[] {
  return [...log.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"]')];
}

function body(log: FlussRunLogElement): HTMLElement {
  return log.shadowRoot!.querySelector<HTMLElement>('.body')!;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

async function bigLog(n = 5000): Promise<FlussRunLogElement> {
  const many: RunEvent[] = [];
  for (let i = 0; i < n; i++) many.push({ id: String(i), t: i, source: `n${(i % 6) + 1}`, handle: 'return_0', kind: 'NEXT', causedBy: [], value: [i] });
  const log = await fixture<FlussRunLogElement>(html`<fluss-run-log .flow=${gen.workflow} .events=${many} style="height: 300px"></fluss-run-log>`);
  await waitUntil(() => log.store.size === n && rows(log).length > 0, 'log loads', { timeout: 20_000 });
  await frame();
  await log.updateComplete;
  return log;
}

/** Rows are stacked without gaps or overlap, in event order. */
function expectStacked(log: FlussRunLogElement): void {
  const rs = rows(log);
  for (let k = 1; k < rs.length; k++) {
    const a = rs[k - 1]!.getBoundingClientRect();
    const b = rs[k]!.getBoundingClientRect();
    expect(b.top).to.be.closeTo(a.bottom, 1, `row ${rs[k]!.dataset['eventId']} follows ${rs[k - 1]!.dataset['eventId']}`);
    expect(Number(rs[k]!.dataset['eventId'])).to.equal(Number(rs[k - 1]!.dataset['eventId']) + 1);
  }
}

describe('<fluss-run-log> windowed list', () => {
  it('renders the rows in view; the scroll height holds every row; scrolling renders the rows there', async () => {
    const log = await bigLog();
    const b = body(log);
    const rowH = rows(log)[0]!.getBoundingClientRect().height;
    expect(rows(log).length).to.be.lessThan(60);
    expect(b.scrollHeight).to.be.closeTo(5000 * rowH, 2);
    b.scrollTop = 2500 * rowH;
    await waitUntil(() => rows(log).some((r) => r.dataset['eventId'] === '2500'), 'row 2500 rendered after scrolling');
    const r2500 = rows(log).find((r) => r.dataset['eventId'] === '2500')!.getBoundingClientRect();
    expect(r2500.top).to.be.closeTo(b.getBoundingClientRect().top, 2);
    expect(rows(log).length).to.be.lessThan(60);
    expectStacked(log);
  });

  it('an expanded row takes its height: the rows below move down, a later row still scrolls into view', async () => {
    const log = await bigLog();
    log.selectEvent('3');
    await log.updateComplete;
    const grid = log.shadowRoot!.querySelector<HTMLElement>('[role="grid"]')!;
    grid.focus();
    grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await log.updateComplete;
    await frame();
    const row3 = rows(log).find((r) => r.dataset['eventId'] === '3')!;
    expect(row3.hasAttribute('data-expanded')).to.equal(true);
    const rowH = rows(log).find((r) => r.dataset['eventId'] === '2')!.getBoundingClientRect().height;
    expect(row3.getBoundingClientRect().height).to.be.greaterThan(rowH * 2);
    expectStacked(log);
    const b = body(log);
    const extra = row3.getBoundingClientRect().height - rowH;
    expect(b.scrollHeight).to.be.closeTo(5000 * rowH + extra, 2);
    log.selectEvent('4000');
    await waitUntil(() => rows(log).some((r) => r.dataset['eventId'] === '4000'), 'row 4000 rendered');
    const r = rows(log).find((x) => x.dataset['eventId'] === '4000')!.getBoundingClientRect();
    const br = b.getBoundingClientRect();
    expect(r.top).to.be.at.least(br.top - 1);
    expect(r.bottom).to.be.at.most(br.bottom + 1);
    expectStacked(log);
  });

  it('a recorded run opens with its log at the top', async () => {
    const run = await fixture<FlussRunElement>(html`<fluss-run src="/demo/samples/recorded-run-error.json">
      <fluss-workflow style="display: block; height: 300px"></fluss-workflow>
      <fluss-run-timeline></fluss-run-timeline>
      <fluss-run-log style="height: 260px"></fluss-run-log>
    </fluss-run>`);
    await waitUntil(() => run.state === 'ready' || run.state === 'partial', 'run loads', { timeout: 20_000 });
    const log = run.querySelector('fluss-run-log')!;
    await waitUntil(() => rows(log).length > 0, 'rows', { timeout: 20_000 });
    for (let i = 0; i < 10; i++) await frame();
    const b = body(log);
    const cursorRow = log.shadowRoot!.querySelector<HTMLElement>('.body .row.at-cursor');
    if (b.scrollTop > 0) {
      // Only allowed when it brings the row at the cursor into view.
      expect(cursorRow, `scrolled to ${b.scrollTop}px without a cursor row`).to.not.equal(null);
      const r = cursorRow!.getBoundingClientRect();
      const br = b.getBoundingClientRect();
      expect(r.top >= br.top - 1 && r.bottom <= br.bottom + 1).to.equal(true);
    }
    expect(b.scrollTop).to.equal(0);
    expect(document.scrollingElement!.scrollTop).to.equal(0);
  });

  it('a page rule that makes the host display:block (as the demo did) still shows the rows', async () => {
    const box = await fixture<HTMLDivElement>(html`<div>
      <style>
        .page fluss-run-log { display: block; margin-top: 8px; }
      </style>
      <div class="page"><fluss-run-log .flow=${gen.workflow} .events=${gen.events} style="height: 260px"></fluss-run-log></div>
    </div>`);
    const log = box.querySelector<FlussRunLogElement>('fluss-run-log')!;
    expect(getComputedStyle(log).display).to.equal('block');
    await waitUntil(() => log.store.size === gen.events.length && rows(log).length > 0, 'log loads', { timeout: 20_000 });
    await frame();
    const b = body(log).getBoundingClientRect();
    expect(b.height, 'the list keeps the host height minus toolbar and header').to.be.greaterThan(100);
    const first = rows(log)[0]!.getBoundingClientRect();
    expect(first.top).to.be.at.least(b.top - 1);
    expect(first.bottom).to.be.at.most(b.bottom + 1);
  });
});
