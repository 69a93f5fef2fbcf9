/**
 * Runs step generators (functions that `yield` at safe checkpoints) either to the end at once
 * (runAll) or spread over tasks (runSliced): after about `budgetMs` of work it yields to the
 * event loop, so mapping a big layout back on the page never blocks a frame for long (L3).
 */

/** Main-thread work per task while mapping a layout back. */
export const SLICE_BUDGET_MS = 8;

/** Runs the generator to the end synchronously. */
export function runAll<T>(steps: Generator<void, T, void>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

type Scheduler = { yield?: () => Promise<void> };

/** One macrotask turn: scheduler.yield() where it exists (keeps priority), else setTimeout. */
export function yieldToEventLoop(): Promise<void> {
  const s = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (s && typeof s.yield === 'function') return s.yield();
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs the generator, giving the event loop a turn whenever a slice has taken `budgetMs`.
 * Throws what the generator throws. `signal` aborts between slices (the generator is closed and
 * `onAbort()`'s error thrown).
 */
export async function runSliced<T>(
  steps: Generator<void, T, void>,
  options: { budgetMs?: number; signal?: AbortSignal | undefined; onAbort?: () => Error } = {},
): Promise<T> {
  const budget = options.budgetMs ?? SLICE_BUDGET_MS;
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - start >= budget) {
      await yieldToEventLoop();
      if (options.signal?.aborted) {
        steps.return(undefined as T);
        throw options.onAbort ? options.onAbort() : new Error('aborted');
      }
      start = performance.now();
    }
  }
}
