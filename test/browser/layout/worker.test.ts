// The layout worker in real Chromium: one shared worker, abort and deadline terminate and
// respawn it, the cache answers without it, stored layouts never load ELK, dispose cleans up.
import { expect } from '@open-wc/testing';
import {
  disposeLayoutWorkers,
  immediateLayout,
  isLayoutError,
  layoutKey,
  layoutWorkerCount,
  layoutWorkflow,
  prewarmLayout,
  setLayoutWorkerFactory,
} from '../../../src/layout/index.js';
import { genWorkflow } from '../../unit/layout/gen.js';
import { checkLayout } from '../../unit/layout/check.js';

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

function elkRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => /elkjs|elk\.worker|elk-api|elk\.bundled|elk-worker/i.test(n));
}

/** Makes sure the shared worker is up and idle (so the next job starts running at once). */
async function warmWorker(): Promise<void> {
  const g = genWorkflow(5, 99);
  await layoutWorkflow({ workflow: g.workflow, sizes: g.sizes, direction: 'right', mode: 'auto' });
  expect(layoutWorkerCount()).to.equal(1);
}

describe('layout worker', () => {
  afterEach(() => {
    setLayoutWorkerFactory(null);
    disposeLayoutWorkers();
  });

  // Runs first: nothing before it has loaded ELK in this page.
  it('immediateLayout on a fully positioned workflow loads no ELK and starts no worker', async () => {
    const { workflow, sizes } = genWorkflow(40, 5, { groups: 2, positions: true });
    const l = immediateLayout({ workflow, sizes, direction: 'right', mode: 'stored' });
    expect(l).to.not.equal(null);
    expect(checkLayout(l!, workflow)).to.deep.equal([]);
    const full = await layoutWorkflow({ workflow, sizes, direction: 'right', mode: 'stored' });
    expect(full).to.equal(l);
    await new Promise((r) => setTimeout(r, 50));
    expect(elkRequests()).to.deep.equal([]);
    expect(layoutWorkerCount()).to.equal(0);
  });

  it('lays out a graph in the worker', async () => {
    const { workflow, sizes } = genWorkflow(60, 2, { groups: 3, cycles: true });
    const layout = await layoutWorkflow({ workflow, sizes, direction: 'right', mode: 'auto' });
    expect(checkLayout(layout, workflow)).to.deep.equal([]);
    expect(layoutWorkerCount()).to.equal(1);
    expect(elkRequests().some((n) => n.includes('elk.worker'))).to.equal(true, 'the worker script was loaded');
  });

  it('shares one worker between concurrent layouts', async () => {
    const a = genWorkflow(30, 3);
    const b = genWorkflow(35, 4, { groups: 1 });
    const pa = layoutWorkflow({ workflow: a.workflow, sizes: a.sizes, direction: 'right', mode: 'auto' });
    const pb = layoutWorkflow({ workflow: b.workflow, sizes: b.sizes, direction: 'down', mode: 'auto' });
    await new Promise((r) => setTimeout(r, 0));
    const [la, lb] = await Promise.all([pa, pb]);
    expect(layoutWorkerCount()).to.equal(1);
    expect(checkLayout(la, a.workflow)).to.deep.equal([]);
    expect(checkLayout(lb, b.workflow)).to.deep.equal([]);
    expect(lb.direction).to.equal('down');
  });

  it('abort rejects with LAYOUT_ABORTED, terminates the worker, and the next layout respawns it', async () => {
    await warmWorker();
    const big = genWorkflow(400, 6);
    const ac = new AbortController();
    const p = layoutWorkflow({ workflow: big.workflow, sizes: big.sizes, direction: 'right', mode: 'auto', signal: ac.signal });
    await new Promise((r) => setTimeout(r, 30));
    ac.abort();
    const e = await rejection(p);
    expect(isLayoutError(e) && e.code).to.equal('LAYOUT_ABORTED');
    expect(layoutWorkerCount()).to.equal(0);
    const small = genWorkflow(12, 7);
    const l = await layoutWorkflow({ workflow: small.workflow, sizes: small.sizes, direction: 'right', mode: 'auto' });
    expect(checkLayout(l, small.workflow)).to.deep.equal([]);
    expect(layoutWorkerCount()).to.equal(1);
  });

  it('aborting one queued layout leaves the other running', async () => {
    const a = genWorkflow(40, 8);
    const b = genWorkflow(41, 9);
    const ac = new AbortController();
    const pa = layoutWorkflow({ workflow: a.workflow, sizes: a.sizes, direction: 'right', mode: 'auto' });
    const pb = layoutWorkflow({ workflow: b.workflow, sizes: b.sizes, direction: 'right', mode: 'auto', signal: ac.signal });
    ac.abort();
    const e = await rejection(pb);
    expect(isLayoutError(e) && e.code).to.equal('LAYOUT_ABORTED');
    expect(checkLayout(await pa, a.workflow)).to.deep.equal([]);
  });

  it('a deadline of a few ms rejects with LAYOUT_TIMEOUT (with a fallback) and the next layout works', async () => {
    await warmWorker();
    const big = genWorkflow(500, 10);
    const e = await rejection(layoutWorkflow({ workflow: big.workflow, sizes: big.sizes, direction: 'right', mode: 'auto', deadlineMs: 5 }));
    expect(isLayoutError(e) && e.code).to.equal('LAYOUT_TIMEOUT');
    expect(isLayoutError(e) && checkLayout(e.fallback!, big.workflow)).to.deep.equal([]);
    expect(layoutWorkerCount()).to.equal(0);
    const small = genWorkflow(15, 11);
    const l = await layoutWorkflow({ workflow: small.workflow, sizes: small.sizes, direction: 'right', mode: 'auto' });
    expect(checkLayout(l, small.workflow)).to.deep.equal([]);
  });

  it('a worker that never answers is ended by the deadline (LAYOUT_TIMEOUT)', async () => {
    let made = 0;
    setLayoutWorkerFactory(() => {
      made++;
      // A worker that accepts messages and never answers them.
      return { postMessage() {}, terminate() {}, addEventListener() {}, removeEventListener() {}, onmessage: null } as unknown as Worker;
    });
    const g = genWorkflow(10, 12);
    const e = await rejection(layoutWorkflow({ workflow: g.workflow, sizes: g.sizes, direction: 'right', mode: 'auto', deadlineMs: 100 }));
    expect(isLayoutError(e) && e.code).to.equal('LAYOUT_TIMEOUT');
    expect(made).to.equal(1);
  });

  it('ELK rejecting gives LAYOUT_FAILED with ELK\'s text and a fallback; a crash after start too', async () => {
    // A stand-in worker speaking the layout protocol: says ready, then fails (or crashes on) every layout.
    class FailingWorker extends EventTarget {
      constructor(private readonly crash: boolean) {
        super();
        setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: { ready: true } })), 1);
      }
      postMessage(msg: { id: number }): void {
        setTimeout(() => {
          if (this.crash) this.dispatchEvent(new ErrorEvent('error', { message: 'worker crashed' }));
          else this.dispatchEvent(new MessageEvent('message', { data: { id: msg.id, error: 'Referenced shape does not exist' } }));
        }, 5);
      }
      terminate(): void {}
    }
    const g = genWorkflow(10, 17);
    const req = { workflow: g.workflow, sizes: g.sizes, direction: 'right' as const, mode: 'auto' as const };
    setLayoutWorkerFactory(() => new FailingWorker(false) as unknown as Worker);
    const e1 = await rejection(layoutWorkflow(req));
    expect(isLayoutError(e1) && e1.code).to.equal('LAYOUT_FAILED');
    expect(String((e1 as Error).message)).to.contain('Referenced shape does not exist');
    expect(isLayoutError(e1) && checkLayout(e1.fallback!, g.workflow)).to.deep.equal([]);
    disposeLayoutWorkers();
    setLayoutWorkerFactory(() => new FailingWorker(true) as unknown as Worker);
    const e2 = await rejection(layoutWorkflow(req));
    expect(isLayoutError(e2) && e2.code).to.equal('LAYOUT_FAILED');
    expect(layoutWorkerCount()).to.equal(0);
  });

  it('a worker that fails to start falls back to the main thread for small graphs, LAYOUT_UNAVAILABLE for big ones', async () => {
    setLayoutWorkerFactory(() => new Worker(new URL('./no-such-worker.js', import.meta.url), { type: 'module' }));
    const small = genWorkflow(12, 13);
    const l = await layoutWorkflow({ workflow: small.workflow, sizes: small.sizes, direction: 'right', mode: 'auto' });
    expect(checkLayout(l, small.workflow)).to.deep.equal([]);
    const big = genWorkflow(260, 14);
    const e = await rejection(layoutWorkflow({ workflow: big.workflow, sizes: big.sizes, direction: 'right', mode: 'auto' }));
    expect(isLayoutError(e) && e.code).to.equal('LAYOUT_UNAVAILABLE');
  });

  it('a cache hit returns without the worker', async () => {
    const g = genWorkflow(25, 15);
    const req = { workflow: g.workflow, sizes: g.sizes, direction: 'right' as const, mode: 'auto' as const };
    const first = await layoutWorkflow(req);
    let made = 0;
    setLayoutWorkerFactory(() => {
      made++;
      throw new Error('no worker expected');
    });
    const t = performance.now();
    const again = await layoutWorkflow({ ...req, workflow: structuredClone(g.workflow) });
    expect(again).to.equal(first);
    expect(made).to.equal(0);
    expect(immediateLayout(req)).to.equal(first);
    expect(again.graphKey).to.equal(layoutKey(req));
    expect(performance.now() - t).to.be.lessThan(5_000);
  });

  it('prewarm starts one worker (idempotent) and dispose leaves none', async () => {
    prewarmLayout();
    prewarmLayout();
    for (let i = 0; i < 200 && layoutWorkerCount() === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(layoutWorkerCount()).to.equal(1);
    const g = genWorkflow(200, 16);
    const pending = layoutWorkflow({ workflow: g.workflow, sizes: g.sizes, direction: 'right', mode: 'auto' });
    disposeLayoutWorkers();
    expect(layoutWorkerCount()).to.equal(0);
    const e = await rejection(pending);
    expect(isLayoutError(e) && e.code).to.equal('LAYOUT_ABORTED');
  });
});
