// The error contract of reliability.md section 4, as one reusable check: a `fluss-error` with the
// expected code exactly once, a visible part="error" (role=alert) with text, what could be drawn
// is drawn, no uncaught exception or unhandled rejection, and a sibling element unaffected.
import { expect } from '@open-wc/testing';
import type { FlussErrorEvent } from '../../../../src/events/fluss-error.js';

/** Counters of page-level failures: window `error` and `unhandledrejection`. */
export interface PageGuards {
  readonly errors: string[];
  readonly rejections: string[];
  reset(): void;
  dispose(): void;
}

/** Starts counting uncaught exceptions and unhandled rejections on this page. */
export function installPageGuards(): PageGuards {
  const errors: string[] = [];
  const rejections: string[] = [];
  const onError = (e: ErrorEvent): void => {
    // ResizeObserver loop notices are browser noise, not exceptions thrown by our code.
    if (/ResizeObserver loop/.test(e.message)) return;
    errors.push(e.message);
  };
  const onRejection = (e: PromiseRejectionEvent): void => {
    rejections.push(String((e.reason as Error | undefined)?.message ?? e.reason));
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    rejections,
    reset() {
      errors.length = 0;
      rejections.length = 0;
    },
    dispose() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Collects every `fluss-error` dispatched on (or bubbling through) a target. */
export function collectErrors(target: EventTarget): FlussErrorEvent[] {
  const list: FlussErrorEvent[] = [];
  target.addEventListener('fluss-error', (e) => list.push(e as FlussErrorEvent));
  return list;
}

/** A sibling canary: a plain button whose click handler still works after the failure. */
export function appendCanary(parent: Element = document.body): { el: HTMLButtonElement; check(): void; remove(): void } {
  const el = document.createElement('button');
  el.textContent = 'canary';
  let clicks = 0;
  el.addEventListener('click', () => clicks++);
  parent.append(el);
  return {
    el,
    check() {
      const before = clicks;
      el.click();
      expect(clicks, 'the sibling canary still responds').to.equal(before + 1);
      expect(el.isConnected && el.getBoundingClientRect().width > 0, 'the sibling canary is still rendered').to.equal(true);
    },
    remove: () => el.remove(),
  };
}

export interface ContractOptions {
  /** Expected code of the one blocking (or warning) event. */
  readonly code: string;
  readonly severity?: 'error' | 'warning';
  /** Minimum number of node groups that must still be drawn (what could be drawn is drawn). */
  readonly drawnNodes?: number;
  /** Whether part="error" must be visible (false for warnings, which go to part="warnings"). */
  readonly alert?: boolean;
  readonly guards: PageGuards;
  readonly canary?: { check(): void };
}

/**
 * Asserts the error contract on an element with a shadow root: `fluss-error` with `code` exactly
 * once, a visible `part="error"` with `role="alert"` and text, at least `drawnNodes` nodes drawn,
 * zero page errors and rejections, and the sibling canary still working.
 */
export function expectErrorContract(el: Element, errors: readonly FlussErrorEvent[], options: ContractOptions): void {
  const matching = errors.filter((e) => e.detail.code === options.code);
  expect(matching.length, `fluss-error ${options.code} exactly once (got ${errors.map((e) => e.detail.code).join(', ') || 'none'})`).to.equal(1);
  const detail = matching[0]!.detail;
  if (options.severity) expect(detail.severity).to.equal(options.severity);
  expect(detail.message, 'our own message').to.be.a('string').and.not.equal('');
  expect(matching[0]!.bubbles && matching[0]!.composed, 'bubbles and composed').to.equal(true);
  const root = el.shadowRoot!;
  if (options.alert !== false) {
    const alert = root.querySelector<HTMLElement>('[part~="error"]');
    expect(alert, 'part="error" present').to.not.equal(null);
    expect(alert!.getAttribute('role')).to.equal('alert');
    expect((alert!.textContent ?? '').trim().length, 'the alert has text').to.be.greaterThan(0);
    const box = alert!.getBoundingClientRect();
    expect(box.width > 0 && box.height > 0, 'the alert is visible').to.equal(true);
  }
  if (options.drawnNodes !== undefined) {
    expect(root.querySelectorAll('[data-node-id]').length, 'what could be drawn is drawn').to.be.at.least(options.drawnNodes);
  }
  expect(options.guards.errors, 'no uncaught exception').to.deep.equal([]);
  expect(options.guards.rejections, 'no unhandled rejection').to.deep.equal([]);
  options.canary?.check();
}
