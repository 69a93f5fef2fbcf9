// Soak (reliability W16, E1, section 4 "no lost events"): a live run of 100,000 events streamed at
// full speed into <fluss-run> with a graph, a log and a timeline while the test scrubs the
// timeline and changes filters. Afterwards the store equals the server's log exactly; after the
// elements are removed no worker, socket, interval or timer remains and the heap returns to
// within 10% of its baseline (window.gc from --js-flags=--expose-gc in web-test-runner.config.mjs).
/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import '../../../src/define.js';
import type { FlussRunElement } from '../../../src/elements/fluss-run/fluss-run.js';
import type { FlussRunTimelineElement } from '../../../src/elements/fluss-run-timeline/fluss-run-timeline.js';
import type { FlussRunLogElement } from '../../../src/elements/fluss-run-log/fluss-run-log.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import { layoutWorkerCount } from '../../../src/layout/index.js';
import { control, devServer, storeIds, waitForRun } from '../data/support.js';
import { installPageGuards } from './support/contract.js';

window.addEventListener('error', (e) => {
  if (String(e.message).includes('ResizeObserver loop')) e.stopImmediatePropagation();
}, true);

/** Live resources: sockets, workers, intervals and timeouts created while instrumented. */
class Resources {
  readonly sockets = new Set<WebSocket>();
  readonly workers = new Set<Worker>();
  readonly intervals = new Set<number>();
  readonly timeouts = new Map<number, string>();
  private readonly restore: Array<() => void> = [];

  install(): void {
    // The patched constructors below need this instance while their own `this` is the socket or worker.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    const WS = window.WebSocket;
    const W = window.Worker;
    const origSetInterval = window.setInterval;
    const origClearInterval = window.clearInterval;
    const origSetTimeout = window.setTimeout;
    const origClearTimeout = window.clearTimeout;
    window.WebSocket = class extends WS {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        self.sockets.add(this);
        this.addEventListener('close', () => self.sockets.delete(this));
      }
    } as typeof WebSocket;
    window.Worker = class extends W {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        self.workers.add(this);
      }
      override terminate(): void {
        self.workers.delete(this);
        super.terminate();
      }
    } as typeof Worker;
    window.setInterval = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id = origSetInterval(fn, ms, ...args);
      self.intervals.add(id);
      return id;
    }) as typeof setInterval;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined) self.intervals.delete(id);
      origClearInterval(id);
    }) as typeof clearInterval;
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id: number = origSetTimeout(
        (...a: unknown[]) => {
          self.timeouts.delete(id);
          if (typeof fn === 'function') (fn as (...x: unknown[]) => void)(...a);
        },
        ms,
        ...args,
      );
      const stack = (new Error().stack ?? '').split('\n').slice(2, 6).join(' | ');
      // Timers of the test itself (waitUntil, sleep) are not the elements' resources.
      if (!/testing-helpers|soak\.test\.ts/.test(stack.split(' | ')[0] ?? '')) self.timeouts.set(id, `${ms ?? 0} ms ${stack}`);
      return id;
    }) as typeof setTimeout;
    window.clearTimeout = ((id?: number) => {
      if (id !== undefined) self.timeouts.delete(id);
      origClearTimeout(id);
    }) as typeof clearTimeout;
    this.restore.push(() => {
      window.WebSocket = WS;
      window.Worker = W;
      window.setInterval = origSetInterval;
      window.clearInterval = origClearInterval;
      window.setTimeout = origSetTimeout;
      window.clearTimeout = origClearTimeout;
    });
  }

  uninstall(): void {
    for (const r of this.restore.splice(0)) r();
    // Drop the instrumentation's own references, so only the page's can keep anything alive.
    this.sockets.clear();
    this.workers.clear();
    this.intervals.clear();
    this.timeouts.clear();
  }
}

const SOAK_EVENTS = 100_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
type GcWindow = Window & { gc?: () => void };
type MemoryPerformance = Performance & { memory?: { usedJSHeapSize: number } };

async function heap(): Promise<number | null> {
  const w = window as GcWindow;
  const mem = (performance as MemoryPerformance).memory;
  if (!w.gc || !mem) return null;
  for (let i = 0; i < 4; i++) {
    w.gc();
    await sleep(50);
  }
  return mem.usedJSHeapSize;
}

interface SoakSummary {
  size: number;
  server: number;
  lost: number;
  duplicates: number;
  equal: boolean;
  filtered: number;
  actions: number;
  /** The run's store, weakly: it must be collectable once the elements are gone. */
  store: WeakRef<object>;
}

/** Mounts provider > run > (graph, log, timeline), streams 100,000 events while scrubbing, removes it all. */
async function streamAndScrub(url: string, token: string, events: number): Promise<SoakSummary> {
  const { runId, expectedEvents } = await control<{ runId: string; expectedEvents: number }>('scenario', { scenario: 'stream', events, pace: 'rate', eventsPerSecond: 20_000 });
  const provider = document.createElement('fluss-provider');
  Object.assign(provider, { endpoint: url, token });
  const run = document.createElement('fluss-run') as FlussRunElement;
  run.setAttribute('run-id', runId);
  const graph = document.createElement('fluss-workflow') as FlussWorkflow;
  graph.setAttribute('layout', 'stored');
  graph.style.cssText = 'display:block;width:700px;height:320px';
  const log = document.createElement('fluss-run-log') as FlussRunLogElement;
  log.style.cssText = 'display:block;width:700px;height:300px';
  const timeline = document.createElement('fluss-run-timeline') as FlussRunTimelineElement;
  timeline.style.cssText = 'display:block;width:900px';
  run.append(graph, log, timeline);
  provider.append(run);
  document.body.append(provider);

  // Scrub and filter while the events stream in.
  let actions = 0;
  const kinds = [new Set(['NEXT'] as const), new Set(['ERROR', 'COMPLETE'] as const), new Set<never>()];
  while (run.store.status !== 'COMPLETED' || run.store.size < expectedEvents) {
    const range = run.store.range();
    if (range) {
      const t = Math.floor(range.min + Math.random() * (range.max - range.min + 1));
      run.setCursor(t);
      timeline.stepBackward();
      timeline.stepForward();
      if (actions % 5 === 0) timeline.zoom(actions % 10 === 0 ? 2 : 0.5);
      run.setFilters({ kinds: kinds[actions % 3]!, text: actions % 4 === 0 ? 'item' : '' });
      if (actions % 7 === 0) run.setFollow(true);
      actions++;
    }
    await sleep(60);
    if (actions > 20_000) throw new Error('the run never completed');
  }
  run.setFilters({ kinds: new Set(), text: '' });
  const info = await waitForRun(runId, 120_000);
  // A polling loop, not waitUntil: its pending 60 s timer would keep `run` (and the store) alive.
  for (let waited = 0; !(run.state === 'ready' && run.store.size >= info.eventCount); waited += 50) {
    if (waited > 60_000) throw new Error('the run did not settle');
    await sleep(50);
  }
  await sleep(100);
  const ids = run.store.events.map((e) => e.id);
  const server = await storeIds(runId);
  const unique = new Set(ids).size;
  const summary: SoakSummary = {
    size: ids.length,
    server: server.length,
    lost: server.length - unique,
    duplicates: ids.length - unique,
    equal: ids.length === server.length && ids.every((id, i) => id === server[i]),
    filtered: log.filtered.length,
    actions,
    store: new WeakRef(run.store),
  };
  provider.remove();
  return summary;
}

describe('soak: 100,000 live events while scrubbing and filtering', function () {
  this.timeout(300_000);

  it('ends equal to the server log, then leaves no worker, socket, timer or heap growth behind', async () => {
    const guards = installPageGuards();
    const res = new Resources();
    const { url, token } = await devServer();
    // Warm up module-level state (Lit template caches, styles, fonts, the text measurer) with a
    // small run first, so the baseline holds what any page that used the elements holds.
    await streamAndScrub(url, token, 2000);
    await sleep(1500);
    const baseline = await heap();
    res.install();
    // Everything that references the elements or the events lives in this function's scope only.
    const summary = await streamAndScrub(url, token, SOAK_EVENTS);
    console.log(`[measure] soak: ${summary.size} events in the store, ${summary.server} on the server, lost ${summary.lost}, ${summary.actions} scrub/filter actions`);
    expect(summary.size).to.be.at.least(SOAK_EVENTS);
    expect(summary.duplicates, 'no duplicate').to.equal(0);
    expect(summary.lost, 'events lost').to.equal(0);
    expect(summary.equal, 'the store equals the server log, in order').to.equal(true);
    expect(summary.filtered).to.equal(summary.size);
    await sleep(1500);
    const openSockets = [...res.sockets].filter((s) => s.readyState !== WebSocket.CLOSED);
    const pendingTimeouts = [...res.timeouts.values()];
    const workers = res.workers.size;
    console.log(`[measure] soak: layout workers alive after removal: ${layoutWorkerCount()}`);
    const intervals = res.intervals.size;
    res.uninstall();
    expect(openSockets.length, 'no socket left open').to.equal(0);
    expect(workers, 'no worker left').to.equal(0);
    expect(intervals, 'no interval left').to.equal(0);
    expect(pendingTimeouts, 'no timer left pending').to.deep.equal([]);
    expect(guards.errors).to.deep.equal([]);
    expect(guards.rejections).to.deep.equal([]);
    guards.dispose();
    // Closing sockets and settling promises release the last references within seconds: poll.
    const afterRemoval = await heap();
    let after = afterRemoval;
    for (let i = 0; i < 20 && baseline !== null && after !== null && after > baseline * 1.1; i++) {
      await sleep(1000);
      after = await heap();
    }
    console.log(`[measure] soak heap right after removal: ${((afterRemoval ?? 0) / 1e6).toFixed(1)} MB`);
    if (after !== null) expect(summary.store.deref(), 'the 100,000-event store was garbage-collected').to.equal(undefined);
    if (baseline === null || after === null) {
      console.log('[measure] soak heap: performance.memory or gc not exposed; heap check skipped');
      return;
    }
    console.log(`[measure] soak heap: baseline ${(baseline / 1e6).toFixed(1)} MB, after ${(after / 1e6).toFixed(1)} MB (${(((after - baseline) / baseline) * 100).toFixed(1)}%)`);
    expect(after, 'heap back within 10% of the baseline').to.be.at.most(baseline * 1.1);
  });
});
