// Connecting and disconnecting the element 100 times leaves no worker, listener, observer or timer
// behind (counted by instrumenting the browser APIs and through layoutWorkerCount).
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/fluss-workflow/define.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import { layoutWorkerCount } from '../../../src/layout/index.js';
import { chainFlow } from './samples.js';

type Key = string;
const live = new Map<Key, EventTarget>();
const ids = new WeakMap<object, number>();
let nextId = 1;
function idOf(o: object): number {
  let i = ids.get(o);
  if (!i) {
    i = nextId++;
    ids.set(o, i);
  }
  return i;
}
function key(target: EventTarget, type: string, listener: unknown, options?: boolean | EventListenerOptions): Key {
  const capture = typeof options === 'boolean' ? options : !!options?.capture;
  return `${idOf(target)}|${type}|${listener ? idOf(listener as object) : 0}|${capture}`;
}

const origAdd = EventTarget.prototype.addEventListener;
const origRemove = EventTarget.prototype.removeEventListener;
const observers = new Set<object>();
const pendingTimeouts = new Set<number>();
const intervals = new Set<number>();
let rafCalls = 0;

function instrument(): () => void {
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (listener) live.set(key(this, type, listener, options), this);
    return origAdd.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    if (listener) live.delete(key(this, type, listener, options));
    return origRemove.call(this, type, listener, options);
  };
  const RO = window.ResizeObserver;
  const MO = window.MutationObserver;
  window.ResizeObserver = class extends RO {
    override observe(t: Element, o?: ResizeObserverOptions): void {
      observers.add(this);
      super.observe(t, o);
    }
    override disconnect(): void {
      observers.delete(this);
      super.disconnect();
    }
  };
  window.MutationObserver = class extends MO {
    override observe(t: Node, o?: MutationObserverInit): void {
      observers.add(this);
      super.observe(t, o);
    }
    override disconnect(): void {
      observers.delete(this);
      super.disconnect();
    }
  };
  const st = window.setTimeout;
  const ct = window.clearTimeout;
  const si = window.setInterval;
  const ci = window.clearInterval;
  const raf = window.requestAnimationFrame;
  window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id: number = st(
      (...a: unknown[]) => {
        pendingTimeouts.delete(id);
        if (typeof fn === 'function') (fn as (...x: unknown[]) => void)(...a);
      },
      ms,
      ...rest,
    );
    pendingTimeouts.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) pendingTimeouts.delete(id);
    ct(id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id = si(fn, ms, ...rest);
    intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    ci(id);
  }) as typeof window.clearInterval;
  window.requestAnimationFrame = (cb: FrameRequestCallback) => {
    rafCalls++;
    return raf(cb);
  };
  return () => {
    EventTarget.prototype.addEventListener = origAdd;
    EventTarget.prototype.removeEventListener = origRemove;
    window.ResizeObserver = RO;
    window.MutationObserver = MO;
    window.setTimeout = st;
    window.clearTimeout = ct;
    window.setInterval = si;
    window.clearInterval = ci;
    window.requestAnimationFrame = raf;
  };
}

function listenersOn(targets: (t: EventTarget) => boolean): number {
  let n = 0;
  for (const t of live.values()) if (targets(t)) n++;
  return n;
}

describe('fluss-workflow lifecycle', function () {
  this.timeout(120_000);
  let restore: (() => void) | null = null;
  afterEach(() => restore?.());

  it('connect/disconnect 100 times leaks no worker, listener, observer or timer', async () => {
    restore = instrument();
    const container = await fixture<HTMLDivElement>(html`<div style="width: 800px; height: 500px"></div>`);
    const globalsBefore = listenersOn((t) => t === window || t === document || t === document.body);
    const el = document.createElement('fluss-workflow') as FlussWorkflow;
    el.style.height = '400px';
    el.flow = chainFlow();
    container.append(el);
    await el.layoutComplete;
    const workersWarm = layoutWorkerCount();
    expect(workersWarm).to.be.at.most(1);
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    const shadowAfterFirst = listenersOn((t) => t instanceof Node && t.getRootNode() === el.shadowRoot);
    expect(observers.size, 'observers after first disconnect').to.equal(0);

    for (let i = 0; i < 100; i++) {
      container.append(el);
      if (i % 10 === 0) await el.layoutComplete;
      else await el.updateComplete;
      el.remove();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(el.isConnected).to.equal(false);
    expect(observers.size, 'live observers').to.equal(0);
    expect(intervals.size, 'live intervals').to.equal(0);
    expect([...pendingTimeouts].length, 'pending timeouts').to.equal(0);
    expect(listenersOn((t) => t === window || t === document || t === document.body), 'global listeners').to.equal(globalsBefore);
    expect(listenersOn((t) => t instanceof Node && t.getRootNode() === el.shadowRoot), 'listeners inside the element').to.equal(shadowAfterFirst);
    expect(layoutWorkerCount(), 'layout workers').to.be.at.most(workersWarm);
    const rafBefore = rafCalls;
    await new Promise((r) => setTimeout(r, 250));
    expect(rafCalls - rafBefore, 'animation frames requested while disconnected').to.equal(0);

    // Still works when connected again.
    container.append(el);
    await el.layoutComplete;
    expect(el.shadowRoot!.querySelectorAll('.scene [data-node-id]').length).to.equal(7);
    expect(el.state).to.equal('ready');
  });
});
