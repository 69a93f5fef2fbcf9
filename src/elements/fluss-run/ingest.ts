/**
 * Chunked ingest: feeds a large array of events to a sink in slices sized to a time budget and
 * yields to the event loop between slices, so loading a million events never blocks the main
 * thread for long (performance goal E3). Pure: the clock and the yield are injectable.
 */

export interface IngestOptions {
  /** Stop early (the promise rejects with the signal's reason). */
  readonly signal?: AbortSignal;
  /** Work per slice before yielding, in ms. Default 8. */
  readonly budgetMs?: number;
  /** First slice size; later ones adapt to the measured cost. Default 512. */
  readonly initialChunk?: number;
  /** Upper bound for one slice. Default 10,000 (pages of at most 10k events per task, goal E3). */
  readonly maxChunk?: number;
  readonly now?: () => number;
  /** Gives the event loop a turn (a macrotask, so input and rendering can run). */
  readonly yieldFn?: () => Promise<void>;
  /** Called after every slice with the number of items ingested so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Yields a macrotask: `scheduler.yield()` where it exists, else a MessageChannel round trip. */
export function yieldToEventLoop(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (sched?.yield) return sched.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
}

/**
 * Hands `items` to `sink` in consecutive slices (in order, each item exactly once) and yields
 * between slices. Slice sizes adapt so one slice costs about `budgetMs`. Resolves with the count.
 */
export async function ingestInChunks<T>(
  items: ArrayLike<T>,
  sink: (slice: readonly T[]) => void,
  options: IngestOptions = {},
): Promise<number> {
  const budget = Math.max(1, options.budgetMs ?? 8);
  const maxChunk = Math.max(1, options.maxChunk ?? 10_000);
  const now = options.now ?? (() => performance.now());
  const yieldFn = options.yieldFn ?? yieldToEventLoop;
  let chunk = Math.min(maxChunk, Math.max(1, options.initialChunk ?? 512));
  const total = items.length;
  let done = 0;
  throwIfAborted(options.signal);
  while (done < total) {
    const end = Math.min(total, done + chunk);
    const slice: T[] = new Array<T>(end - done);
    for (let i = done; i < end; i++) slice[i - done] = items[i] as T;
    const started = now();
    sink(slice);
    const spent = now() - started;
    done = end;
    options.onProgress?.(done, total);
    // Aim the next slice at the budget, growing by at most 2x (one fast slice is no proof) and
    // shrinking by at most 4x at a time.
    const perItem = spent / slice.length;
    const target = perItem > 0 ? Math.floor(budget / perItem) : chunk * 2;
    chunk = Math.max(1, Math.min(maxChunk, chunk * 2, Math.max(Math.floor(chunk / 4), target)));
    if (done < total) {
      await yieldFn();
      throwIfAborted(options.signal);
    }
  }
  return done;
}
