// A standalone <fluss-run-log run-id> inside a <fluss-provider>, against the dev server: it loads
// the run and follows it live; with `follow` the newest event stays in view; at the end the log
// holds exactly the server's events in (t, id) order.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/fluss-provider/define.js';
import '../../../src/elements/fluss-run-log/define.js';
import { control, devServer, storeIds, waitForRun } from '../data/support.js';

window.addEventListener(
  'error',
  (e) => {
    if (String(e.message).includes('ResizeObserver loop')) e.stopImmediatePropagation();
  },
  true,
);

describe('<fluss-run-log run-id> (dev server)', function () {
  this.timeout(120_000);

  it('loads and follows a live run; `follow` keeps the newest event in view', async () => {
    const { runId } = await control<{ runId: string }>('scenario', { scenario: 'stream', events: 3000, pace: 'rate', eventsPerSecond: 600 });
    const { url, token } = await devServer();
    const provider = await fixture(html`<fluss-provider .endpoint=${url} .token=${token}>
      <fluss-run-log run-id=${runId} follow style="height: 300px"></fluss-run-log>
    </fluss-provider>`);
    const log = provider.querySelector('fluss-run-log')!;
    await waitUntil(() => log.filtered.length > 200, 'live events arrive', { timeout: 30_000 });
    // while events stream in, the newest one is rendered (kept in view)
    let checks = 0;
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 300));
      await log.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const newest = log.filtered.at(-1)!;
      const body = log.shadowRoot!.querySelector<HTMLElement>('.body')!;
      await waitUntil(() => log.shadowRoot!.querySelector(`[role="row"][data-event-id="${CSS.escape(log.filtered.at(-1)!.id)}"]`) !== null, `newest event ${newest.id} rendered`, { timeout: 5000 });
      expect(body.scrollTop).to.be.greaterThan(0);
      checks++;
    }
    expect(checks).to.equal(5);
    const info = await waitForRun(runId, 60_000);
    await waitUntil(() => log.store.size >= info.eventCount, 'every event arrives', { timeout: 30_000 });
    expect(log.filtered.map((e) => e.id)).to.deep.equal(await storeIds(runId));
  });
});
