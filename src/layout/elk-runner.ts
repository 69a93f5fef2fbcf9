/**
 * The ELK runner: one layout worker per page, shared by every element, created lazily (the
 * script URL goes through a named Trusted Types policy 'fluss-elk' where Trusted Types exist).
 * The worker (elk.worker.ts) speaks the compact protocol of compact.ts: typed arrays in, numbers
 * out, so the page never clones or walks ELK's JSON. Jobs run one at a time; each has a deadline
 * and an abort signal, and our promise always settles: on timeout or abort of the running job the worker is
 * terminated and a fresh one is made for the next job. Where no worker can run, small graphs
 * are laid out on the main thread (elk.bundled.js, loaded on demand); larger ones are refused.
 * ELK is imported dynamically, only when a layout must be computed.
 */
import { computeCompact, type CompactRequest, type CompactResult, type ElkEngine } from './compact.js';
import { ELK_ALGORITHMS } from './elk-direct.js';
import { LayoutError, errorText } from './errors.js';

/** Default deadline of one layout. */
export const DEFAULT_DEADLINE_MS = 15_000;
/** Largest graph laid out on the main thread when no worker is available. */
export const MAIN_THREAD_MAX_NODES = 200;

export interface RunOptions {
  readonly signal?: AbortSignal | undefined;
  readonly deadlineMs?: number | undefined;
  /** Node count, for the main-thread threshold. */
  readonly nodeCount: number;
}

interface Job {
  readonly id: number;
  readonly request: CompactRequest;
  readonly nodeCount: number;
  readonly resolve: (r: CompactResult) => void;
  readonly reject: (e: LayoutError) => void;
  settled: boolean;
  running: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  cleanup: () => void;
}

interface WorkerSlot {
  readonly worker: Worker;
  /** The worker has answered at least once (it started). */
  answered: boolean;
}

type WorkerFactory = () => Worker;
type TrustedPolicy = { createScriptURL(url: string): unknown };

let slot: WorkerSlot | null = null;
let slotPromise: Promise<WorkerSlot> | null = null;
let workerUnavailable = false;
const queue: Job[] = [];
let current: Job | null = null;
let mainElk: Promise<ElkEngine> | null = null;
let nextJobId = 1;
let customFactory: WorkerFactory | null = null;
let configuredUrl: { url: string; type: WorkerType } | null = null;
let policy: TrustedPolicy | null | undefined;
let warming = false;
/** Bumped by disposeElk: a worker still being created for an older generation is discarded. */
let generation = 0;
const allowedUrls = new Set<string>();

/**
 * The URL of the bundled worker. Bundlers (Vite) recognise the literal
 * `new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module' })` and rewrite the URL
 * to the built worker. `Worker` is shadowed here so that pattern only records the URL: the real
 * worker is created below, through the Trusted Types policy when there is one.
 */
function bundledWorkerUrl(): string {
  let url = '';
  const Worker = class {
    constructor(u: URL | string, _options?: unknown) {
      url = String(u);
    }
  };
  new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module' });
  return url;
}

function trustedPolicy(): TrustedPolicy | null {
  if (policy !== undefined) return policy;
  const tt = (globalThis as { trustedTypes?: { createPolicy?: (name: string, rules: object) => TrustedPolicy } }).trustedTypes;
  if (!tt || typeof tt.createPolicy !== 'function') {
    policy = null;
    return policy;
  }
  // Only the worker URLs we chose (or the host configured) pass this policy.
  policy = tt.createPolicy('fluss-elk', {
    createScriptURL: (u: string) => {
      if (!allowedUrls.has(u)) throw new TypeError('fluss-elk: this worker URL is not allowed.');
      return u;
    },
  });
  return policy;
}

function defaultWorker(): Worker {
  const url = configuredUrl?.url ?? bundledWorkerUrl();
  const type = configuredUrl?.type ?? 'module';
  allowedUrls.add(url);
  const p = trustedPolicy();
  const scriptUrl = p ? (p.createScriptURL(url) as string) : url;
  return new Worker(scriptUrl, { type });
}

function elkCtor(mod: unknown): new (opts: object) => ElkEngine {
  let c = (mod as { default?: unknown }).default ?? mod;
  if (typeof c !== 'function') c = (c as { default?: unknown }).default;
  if (typeof c !== 'function') throw new Error('elkjs did not load.');
  return c as new (opts: object) => ElkEngine;
}

function workersSupported(): boolean {
  return !!customFactory || typeof Worker === 'function';
}

async function getSlot(): Promise<WorkerSlot> {
  if (slot) return slot;
  if (!slotPromise) {
    const gen = generation;
    slotPromise = (async () => {
      const worker = customFactory ? customFactory() : defaultWorker();
      if (!worker || typeof worker.postMessage !== 'function') throw new TypeError('The worker factory returned no worker.');
      const s: WorkerSlot = { worker, answered: false };
      worker.addEventListener('message', (ev: MessageEvent) => onWorkerMessage(s, ev));
      worker.addEventListener('error', (ev: Event) => {
        ev.preventDefault?.();
        onWorkerError(s, ev);
      });
      worker.addEventListener('messageerror', (ev: Event) => onWorkerError(s, ev));
      if (gen !== generation) {
        worker.terminate();
        throw new Error('disposed');
      }
      slot = s;
      return s;
    })();
    const mine = slotPromise;
    mine.catch(() => undefined).finally(() => {
      if (slotPromise === mine) slotPromise = null;
    });
  }
  return slotPromise;
}

function onWorkerMessage(s: WorkerSlot, ev: MessageEvent): void {
  s.answered = true;
  if (slot !== s) return;
  const job = current;
  const msg = ev.data as { id?: unknown; result?: CompactResult; error?: unknown } | null;
  if (!job || !msg || msg.id !== job.id) return; // a late answer for a job that already ended
  if (msg.result) settle(job, msg.result, null);
  else settle(job, null, new LayoutError('LAYOUT_FAILED', `ELK could not lay out the graph: ${errorText(msg.error)}`));
  done(job);
}

function killWorker(): void {
  const s = slot;
  slot = null;
  if (s) {
    try {
      s.worker.terminate();
    } catch {
      /* already gone */
    }
  }
}

function settle(job: Job, ok: CompactResult | null, err: LayoutError | null): void {
  if (job.settled) return;
  job.settled = true;
  if (job.timer !== undefined) clearTimeout(job.timer);
  job.cleanup();
  if (err) job.reject(err);
  else job.resolve(ok!);
}

/** The running job ends (any way): free the slot and start the next one. */
function done(job: Job): void {
  job.running = false;
  if (current === job) current = null;
  queueMicrotask(pump);
}

function onWorkerError(s: WorkerSlot, ev: Event): void {
  if (slot !== s) return;
  const startedOk = s.answered;
  killWorker();
  const job = current;
  if (!startedOk) workerUnavailable = true;
  if (!job) return;
  if (!startedOk) {
    // The worker never started (404, CSP, Trusted Types): the main thread, if small enough.
    runOnMainThread(job);
    return;
  }
  const msg = (ev as ErrorEvent).message;
  settle(job, null, new LayoutError('LAYOUT_FAILED', `The layout worker failed${msg ? `: ${msg}` : '.'}`));
  done(job);
}

function runOnMainThread(job: Job): void {
  if (job.nodeCount > MAIN_THREAD_MAX_NODES) {
    settle(
      job,
      null,
      new LayoutError(
        'LAYOUT_UNAVAILABLE',
        `No layout worker could start, and ${job.nodeCount} nodes are too many to lay out on the page's main thread (limit ${MAIN_THREAD_MAX_NODES}).`,
      ),
    );
    done(job);
    return;
  }
  mainElk ??= import('elkjs/lib/elk.bundled.js')
    .then((mod) => new (elkCtor(mod))({ algorithms: [...ELK_ALGORITHMS] }))
    .catch((e: unknown) => {
      mainElk = null;
      throw e;
    });
  mainElk
    .then((elk) => (job.settled ? null : computeCompact(elk, job.request)))
    .then(
      (r) => {
        if (r) settle(job, r, null);
      },
      (e: unknown) => settle(job, null, new LayoutError('LAYOUT_FAILED', `ELK could not lay out the graph: ${errorText(e)}`)),
    )
    .finally(() => done(job));
}

function pump(): void {
  if (current) return;
  let job: Job | undefined;
  while ((job = queue.shift())) if (!job.settled) break;
  if (!job) return;
  current = job;
  job.running = true;
  const j = job;
  const gen = generation;
  if (!workersSupported() || workerUnavailable) {
    runOnMainThread(j);
    return;
  }
  getSlot().then(
    (s) => {
      if (!j.settled && j.request === warmup && queue.some((q) => !q.settled)) {
        // A real layout is already waiting: it warms ELK itself, so skip the warm-up (L4).
        settle(j, null, new LayoutError('LAYOUT_ABORTED', 'Warm-up skipped.'));
      }
      if (j.settled) {
        done(j);
        return;
      }
      // A worker that dies never answers: the deadline, abort and error listeners settle instead.
      try {
        s.worker.postMessage({ id: j.id, request: j.request });
      } catch (e) {
        settle(j, null, new LayoutError('LAYOUT_FAILED', `The layout worker refused the graph: ${errorText(e)}`));
        done(j);
      }
    },
    () => {
      if (gen !== generation) {
        done(j); // disposed meanwhile; j was settled by disposeElk
        return;
      }
      // The worker could not be created (no module support, CSP, Trusted Types policy refused).
      workerUnavailable = true;
      if (j.settled) done(j);
      else runOnMainThread(j);
    },
  );
}

/**
 * Lays out a compact request (see compact.ts). Rejects with LayoutError:
 * LAYOUT_FAILED (ELK rejected), LAYOUT_TIMEOUT, LAYOUT_ABORTED, LAYOUT_UNAVAILABLE.
 */
export function runElk(request: CompactRequest, options: RunOptions): Promise<CompactResult> {
  return new Promise<CompactResult>((resolve, reject) => {
    const signal = options.signal;
    if (signal?.aborted) {
      reject(new LayoutError('LAYOUT_ABORTED', 'The layout was cancelled.'));
      return;
    }
    const job: Job = {
      id: nextJobId++,
      request,
      nodeCount: options.nodeCount,
      resolve,
      reject,
      settled: false,
      running: false,
      timer: undefined,
      cleanup: () => undefined,
    };
    const stop = (err: LayoutError): void => {
      if (job.settled) return;
      const wasRunning = job.running;
      settle(job, null, err);
      if (wasRunning) {
        // ELK cannot be interrupted: end the worker; the next job gets a fresh one.
        if (slot) killWorker();
        done(job);
      }
    };
    const ms = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    const deadline = Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_DEADLINE_MS;
    job.timer = setTimeout(
      () => stop(new LayoutError('LAYOUT_TIMEOUT', `The layout did not finish within ${Math.round(deadline)} ms.`)),
      deadline,
    );
    if (signal) {
      const onAbort = (): void => stop(new LayoutError('LAYOUT_ABORTED', 'The layout was cancelled.'));
      signal.addEventListener('abort', onAbort, { once: true });
      job.cleanup = () => signal.removeEventListener('abort', onAbort);
    }
    queue.push(job);
    pump();
  });
}

/** Two nodes and one edge: enough to load and JIT ELK in the worker. Identifies the warm-up job. */
const warmup: CompactRequest = {
  v: 1,
  direction: 'right',
  nodes: Float64Array.from([-1, 0, 40, 20, 1, 1, -1, 0, 40, 20, 1, 1]),
  edges: Int32Array.from([0, 0, 1, 0]),
};

/**
 * Starts the shared worker at once and warms ELK with a tiny layout (skipped when a real layout
 * is already queued by the time the worker takes it: that one warms ELK). Idempotent; never
 * loads ELK on the main thread.
 */
export function prewarmElk(): void {
  if (slot || slotPromise || warming || workerUnavailable || !workersSupported()) return;
  warming = true;
  runElk(warmup, { nodeCount: 2, deadlineMs: 60_000 })
    .catch(() => undefined)
    .finally(() => {
      warming = false;
    });
}

/** Live layout workers (0 or 1). */
export function elkWorkerCount(): number {
  return slot ? 1 : 0;
}

/** Terminates the worker and settles every pending layout with LAYOUT_ABORTED. */
export function disposeElk(): void {
  const pending = [...queue, ...(current ? [current] : [])];
  queue.length = 0;
  current = null;
  generation++;
  slotPromise = null;
  killWorker();
  workerUnavailable = false;
  for (const job of pending) {
    job.running = false;
    settle(job, null, new LayoutError('LAYOUT_ABORTED', 'The layout workers were disposed.'));
  }
}

/**
 * Host configuration: the URL of the layout worker script, for CDN or docs setups where the
 * bundled URL does not work. It must be same-origin and serve this library's built
 * `elk.worker` file (it speaks our compact protocol, not elkjs's own `elk-worker.min.js`).
 * Null restores the bundled worker. Takes effect for the next worker.
 */
export function setLayoutWorkerUrl(url: string | URL | null, type: WorkerType = 'module'): void {
  configuredUrl = url === null ? null : { url: String(url), type };
  workerUnavailable = false;
}

/** Test hook: make workers with `factory` instead (null restores the default). */
export function setLayoutWorkerFactory(factory: WorkerFactory | null): void {
  customFactory = factory;
  workerUnavailable = false;
}
