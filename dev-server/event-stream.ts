// Dev server: the async iterator behind `subscription events(run)`, with the subscription faults
// (duplicates, reordering) applied per subscriber.
import type { Faults } from './faults.js';
import type { DevStore } from './store.js';
import type { StoredEvent } from './types.js';

/** Pushes a run's newly tracked events to one subscriber; no replay (like Fluss). */
export function runEventStream(store: DevStore, runId: string, faults: Faults): AsyncIterableIterator<StoredEvent> {
  let queue: StoredEvent[] = [];
  let head = 0;
  let waiting: ((r: IteratorResult<StoredEvent>) => void) | undefined;
  let closed = false;
  let held: StoredEvent[] = [];
  let heldTimer: ReturnType<typeof setTimeout> | undefined;
  let seen = 0;

  const deliver = (ev: StoredEvent): void => {
    if (closed) return;
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w({ value: ev, done: false });
    } else queue.push(ev);
  };
  const flushHeld = (): void => {
    if (heldTimer) clearTimeout(heldTimer);
    heldTimer = undefined;
    const batch = held.reverse();
    held = [];
    for (const ev of batch) deliver(ev);
  };
  const unsubscribe = store.onEvent(runId, (ev) => {
    seen++;
    const { duplicateEvery, reorderWindow } = faults.options;
    const copies = duplicateEvery && duplicateEvery > 0 && seen % duplicateEvery === 0 ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      if (reorderWindow && reorderWindow > 1) {
        held.push(ev);
        if (held.length >= reorderWindow) flushHeld();
        else if (!heldTimer) heldTimer = setTimeout(flushHeld, 25);
      } else deliver(ev);
    }
  });

  const finish = (): Promise<IteratorResult<StoredEvent>> => {
    closed = true;
    unsubscribe();
    if (heldTimer) clearTimeout(heldTimer);
    queue = [];
    head = 0;
    if (waiting) waiting({ value: undefined, done: true });
    waiting = undefined;
    return Promise.resolve({ value: undefined, done: true });
  };

  return {
    next(): Promise<IteratorResult<StoredEvent>> {
      if (head < queue.length) {
        const value = queue[head++]!;
        if (head === queue.length) {
          queue = [];
          head = 0;
        }
        return Promise.resolve({ value, done: false });
      }
      if (closed) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: finish,
    throw(): Promise<IteratorResult<StoredEvent>> {
      return finish();
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
