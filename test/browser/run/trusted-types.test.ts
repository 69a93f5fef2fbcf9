// Under enforced Trusted Types (CSP via <meta>), <fluss-run src> still parses in its export worker:
// the worker's script URL goes through the named policy 'fluss-run-export' (no main-thread
// fallback). Own file, so the policy only affects this page.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/fluss-run/define.js';
import type { FlussRunElement } from '../../../src/elements/fluss-run/fluss-run.js';
import { compareEvents } from '../../../src/model/events.js';
import { generateRun } from './support/generate-run.js';

interface TrustedTypesApi {
  isScriptURL(v: unknown): boolean;
}

describe('<fluss-run src> export worker under Trusted Types', () => {
  const created: unknown[] = [];
  const RealWorker = globalThis.Worker;

  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "require-trusted-types-for 'script'; trusted-types fluss-run-export lit-html 'allow-duplicates'";
    document.head.append(meta);
    // Records what each worker is created with (then creates it for real).
    globalThis.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        created.push(url);
        super(url, options);
      }
    };
  });
  after(() => {
    globalThis.Worker = RealWorker;
  });

  it('enforces Trusted Types on this page (a plain string worker URL is refused)', () => {
    expect(() => new RealWorker('./x.js', { type: 'module' })).to.throw(TypeError);
  });

  it('parses the export in the worker, created via the fluss-run-export policy', async () => {
    const gen = generateRun({ nodes: 4, items: 200 });
    const url = URL.createObjectURL(new Blob([JSON.stringify({ run: { id: 'tt', status: 'COMPLETED', events: gen.events } })], { type: 'application/json' }));
    try {
      const run = await fixture<FlussRunElement>(html`<fluss-run src=${url}></fluss-run>`);
      await waitUntil(() => run.state !== 'loading' && run.state !== 'idle', 'run loads', { timeout: 30_000 });
      expect(run.state).to.be.oneOf(['ready', 'partial']);
      expect(run.store.size).to.equal(gen.events.length);
      expect(run.store.events.map((e) => e.id)).to.deep.equal(gen.events.slice().sort(compareEvents).map((e) => e.id));
      const tt = (globalThis as unknown as { trustedTypes: TrustedTypesApi }).trustedTypes;
      expect(created.length, 'one export worker was created').to.equal(1);
      expect(tt.isScriptURL(created[0]), 'its URL is a TrustedScriptURL').to.equal(true);
      expect(String(created[0])).to.contain('export.worker');
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});
