// <fluss-run src> with a run larger than one worker page: the export worker posts the events page
// by page as the page asks for them (pull), and every event arrives once, in (t, id) order.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/fluss-run/define.js';
import type { FlussRunElement } from '../../../src/elements/fluss-run/fluss-run.js';
import { EXPORT_PAGE_SIZE } from '../../../src/elements/fluss-run/export-protocol.js';
import { compareEvents } from '../../../src/model/events.js';
import { generateRun } from './support/generate-run.js';

describe('<fluss-run src> in pages', () => {
  it('loads a run of several worker pages completely and in order', async () => {
    const gen = generateRun({ nodes: 6, items: 1_000 });
    expect(gen.events.length).to.be.greaterThan(EXPORT_PAGE_SIZE * 2);
    const url = URL.createObjectURL(new Blob([JSON.stringify({ run: { id: 'paged', status: 'COMPLETED', events: gen.events } })], { type: 'application/json' }));
    try {
      const run = await fixture<FlussRunElement>(html`<fluss-run src=${url}></fluss-run>`);
      await waitUntil(() => run.state !== 'loading' && run.state !== 'idle', 'run loads', { timeout: 30_000 });
      expect(run.state).to.be.oneOf(['ready', 'partial']);
      expect(run.store.size).to.equal(gen.events.length);
      const want = gen.events.slice().sort(compareEvents).map((e) => e.id);
      expect(run.store.events.map((e) => e.id)).to.deep.equal(want);
      const worker = performance.getEntriesByType('resource').some((r) => r.name.includes('export.worker'));
      if (!worker) console.warn('the export worker did not start here; the main-thread fallback loaded the run');
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});
