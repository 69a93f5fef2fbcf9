// <fluss-run run-id> against the dev server: a live run ends in the same state as loading the
// finished run, and dropped sockets, duplicates and reordering lose or double nothing.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/fluss-provider/define.js';
import '../../../src/elements/fluss-run/define.js';
import type { FlussRunElement } from '../../../src/elements/fluss-run/fluss-run.js';
import type { FlussErrorEvent } from '../../../src/events/fluss-error.js';
import type { FlussRunUpdateEvent } from '../../../src/events/fluss-run-update.js';
import { control, devServer, resetFaults, setFaults, stats, storeIds, waitForRun } from '../data/support.js';

interface Started {
  runId: string;
}

async function mountRun(runId: string, onError?: (e: FlussErrorEvent) => void): Promise<FlussRunElement> {
  const { url, token } = await devServer();
  const provider = await fixture(html`<fluss-provider .endpoint=${url} .token=${token} @fluss-error=${(e: FlussErrorEvent) => onError?.(e)}>
    <fluss-run run-id=${runId}></fluss-run>
  </fluss-provider>`);
  return provider.querySelector('fluss-run')!;
}

/** Waits until the element holds every event of the finished run and stopped following. */
async function finished(run: FlussRunElement, runId: string): Promise<void> {
  const info = await waitForRun(runId, 60_000);
  await waitUntil(() => run.store.size >= info.eventCount && run.state === 'ready' && run.store.status === 'COMPLETED', `run ${runId} settles`, { timeout: 30_000 });
}

function statusesAtEnd(run: FlussRunElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, s] of run.store.stateAt().nodes) out.set(id, `${s.status}/${s.nextCount}/${s.lastEvent?.id ?? '-'}`);
  return out;
}

describe('<fluss-run run-id> (dev server)', function () {
  this.timeout(120_000);

  afterEach(async () => {
    await resetFaults();
  });

  it('a live run ends in the same state as loading the finished run', async () => {
    const { runId } = await control<Started>('scenario', { scenario: 'error', pace: 'rate', eventsPerSecond: 150 });
    const updates: FlussRunUpdateEvent[] = [];
    const live = await mountRun(runId);
    live.addEventListener('fluss-run-update', (e) => updates.push(e));
    await waitUntil(() => live.store.size > 0 && live.store.status === 'RUNNING', 'live events arrive', { timeout: 20_000 });
    expect(live.follow).to.equal(true, 'follows while RUNNING');
    await finished(live, runId);
    expect(live.t).to.equal(live.store.range()!.max, 'the cursor followed to the newest event');
    const loaded = await mountRun(runId);
    await finished(loaded, runId);
    expect(loaded.follow).to.equal(false);
    expect(live.store.events.map((e) => e.id)).to.deep.equal(loaded.store.events.map((e) => e.id));
    expect(live.store.events.map((e) => e.id)).to.deep.equal(await storeIds(runId));
    expect([...statusesAtEnd(live)]).to.deep.equal([...statusesAtEnd(loaded)]);
    expect(live.store.outcome()).to.equal(loaded.store.outcome());
    expect(live.store.outcome()).to.equal('failed');
    expect(updates.length).to.be.greaterThan(1);
    expect(updates.at(-1)!.status).to.equal('COMPLETED');
    expect(updates.at(-1)!.outcome).to.equal('failed');
  });

  it('a socket drop mid-run loses nothing and doubles nothing', async () => {
    await setFaults({ duplicateEvery: 4, reorderWindow: 3 });
    // Long enough (300 events at 60/s) that the run is still live when the socket comes back.
    const { runId } = await control<Started>('scenario', { scenario: 'stream', events: 300, pace: 'rate', eventsPerSecond: 60 });
    const before = (await stats()).wsConnections;
    const run = await mountRun(runId);
    await waitUntil(() => run.store.size > 10 && run.store.status === 'RUNNING', 'events before the drop', { timeout: 20_000 });
    const { dropped } = await control<{ dropped: number }>('drop-sockets', {});
    expect(dropped).to.be.at.least(1);
    await finished(run, runId);
    const ids = run.store.events.map((e) => e.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids).to.deep.equal(await storeIds(runId));
    expect(run.store.outcome()).to.equal('succeeded');
    expect((await stats()).wsConnections - before).to.be.at.least(2, 'the socket was opened again');
  });

  it('a fast streaming run arrives completely, with the views updated per frame', async () => {
    const { runId } = await control<Started>('scenario', { scenario: 'stream', events: 20_000, pace: 'rate', eventsPerSecond: 5000 });
    let updates = 0;
    const run = await mountRun(runId);
    run.addEventListener('fluss-run-update', () => updates++);
    await finished(run, runId);
    const ids = run.store.events.map((e) => e.id);
    expect(ids).to.deep.equal(await storeIds(runId));
    expect(run.store.outcome()).to.equal('succeeded');
    expect(updates).to.be.greaterThan(1);
    expect(updates).to.be.lessThan(ids.length / 10, 'updates are batched, not one per event');
  });

  it('reports PROVIDER_MISSING without a provider', async () => {
    const errors: FlussErrorEvent[] = [];
    const run = await fixture<FlussRunElement>(html`<fluss-run run-id="1" @fluss-error=${(e: FlussErrorEvent) => errors.push(e)}></fluss-run>`);
    await waitUntil(() => errors.length > 0, 'error reported');
    expect(errors[0]!.detail.code).to.equal('PROVIDER_MISSING');
    expect(run.getAttribute('data-state')).to.equal('error');
  });
});
