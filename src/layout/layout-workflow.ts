/**
 * The layout entry points: full layout (ELK for auto mode, authored positions for stored mode),
 * the synchronous immediate layout for the first paint, prewarming and disposal.
 */
import type { Workflow } from '../model/types.js';
import { cacheGet, cacheSet, clearLayoutCache } from './cache.js';
import { encodeRequest } from './compact.js';
import { mapCompactResultSliced } from './elk-result.js';
import { disposeElk, elkWorkerCount, prewarmElk, runElk } from './elk-runner.js';
import { LayoutError, errorText, isLayoutError } from './errors.js';
import { layoutKeyOf } from './layout-key.js';
import { inducedSubgraph, prepareGraph, type PreparedGraph } from './prepared-graph.js';
import { simpleLayout } from './simple-layout.js';
import { missingBlockMembers, planStored, storedLayout } from './stored-layout.js';
import type { LayoutDirection, LayoutMode, NodeSize, WorkflowLayout } from './types.js';

export interface LayoutRequest {
  readonly workflow: Workflow;
  /** Every node id -> measured size (groups: ignored, computed from children). */
  readonly sizes: ReadonlyMap<string, NodeSize>;
  /** 'right' (default) | 'down'. */
  readonly direction: LayoutDirection;
  /** 'auto' (ELK) | 'stored' (authored positions). */
  readonly mode: LayoutMode;
  readonly signal?: AbortSignal;
  /** Default 15000. */
  readonly deadlineMs?: number;
}

const normDirection = (d: unknown): LayoutDirection => (d === 'down' ? 'down' : 'right');
const normMode = (m: unknown): LayoutMode => (m === 'stored' ? 'stored' : 'auto');

function fallbackFor(g: PreparedGraph, direction: LayoutDirection, key: string): WorkflowLayout | undefined {
  try {
    return simpleLayout(g, direction, key);
  } catch {
    return undefined;
  }
}

async function elkLayoutOf(
  g: PreparedGraph,
  direction: LayoutDirection,
  key: string,
  req: Pick<LayoutRequest, 'signal' | 'deadlineMs'>,
): Promise<WorkflowLayout> {
  let result;
  try {
    result = await runElk(encodeRequest(g, direction), { signal: req.signal, deadlineMs: req.deadlineMs, nodeCount: g.nodes.length });
  } catch (e) {
    const err = isLayoutError(e) ? e : new LayoutError('LAYOUT_FAILED', `Layout failed: ${errorText(e)}`);
    if (err.code !== 'LAYOUT_ABORTED' && !err.fallback) {
      const fb = fallbackFor(g, direction, key);
      if (fb) err.fallback = fb;
    }
    throw err;
  }
  try {
    return await mapCompactResultSliced(result, g, direction, key, req.signal);
  } catch (e) {
    if (isLayoutError(e) && e.code === 'LAYOUT_ABORTED') throw e;
    const err = isLayoutError(e) ? e : new LayoutError('LAYOUT_INVALID', `ELK returned an unusable layout: ${errorText(e)}`);
    const fb = fallbackFor(g, direction, key);
    if (fb) err.fallback = fb;
    throw err;
  }
}

/**
 * Full layout: ELK in the shared worker (auto), or authored positions with ELK only for nodes
 * lacking one (stored). Cached by graph content key. Rejects with LayoutError {code:
 * 'LAYOUT_FAILED'|'LAYOUT_TIMEOUT'|'LAYOUT_UNAVAILABLE'|'LAYOUT_INVALID'|'LAYOUT_ABORTED', message};
 * every code but LAYOUT_ABORTED also carries `fallback`, a simple layered layout of the graph.
 */
export async function layoutWorkflow(req: LayoutRequest): Promise<WorkflowLayout> {
  const direction = normDirection(req.direction);
  const mode = normMode(req.mode);
  const g = prepareGraph(req.workflow, req.sizes);
  const key = layoutKeyOf(g, direction, mode);
  const cached = cacheGet(key);
  if (cached) return cached;
  if (req.signal?.aborted) throw new LayoutError('LAYOUT_ABORTED', 'The layout was cancelled.');
  return joinFlight(key, (signal) => computeLayout(g, direction, mode, key, { signal, deadlineMs: req.deadlineMs }), req.signal);
}

async function computeLayout(
  g: PreparedGraph,
  direction: LayoutDirection,
  mode: LayoutMode,
  key: string,
  run: { signal: AbortSignal; deadlineMs: number | undefined },
): Promise<WorkflowLayout> {
  const req = run.deadlineMs === undefined ? { signal: run.signal } : { signal: run.signal, deadlineMs: run.deadlineMs };
  let layout: WorkflowLayout;
  if (mode === 'stored') {
    const plan = planStored(g);
    let block: WorkflowLayout | null = null;
    if (plan.rootMissing.length) {
      const sub = inducedSubgraph(g, missingBlockMembers(g, plan));
      try {
        block = await elkLayoutOf(sub, direction, `${key}:block`, req);
      } catch (e) {
        if (isLayoutError(e) && e.code === 'LAYOUT_ABORTED') throw e;
        block = null; // the simple layout places the block instead
      }
    }
    try {
      layout = storedLayout(g, direction, key, plan, block);
    } catch (e) {
      throw new LayoutError('LAYOUT_INVALID', `The stored positions give no usable layout: ${errorText(e)}`, fallbackFor(g, direction, key));
    }
  } else if (g.nodes.length === 0) {
    layout = simpleLayout(g, direction, key);
  } else {
    layout = await elkLayoutOf(g, direction, key, req);
  }
  cacheSet(key, layout);
  return layout;
}

/** One computation per key at a time, shared by every caller asking for that key. */
interface Flight {
  readonly promise: Promise<WorkflowLayout>;
  readonly controller: AbortController;
  refs: number;
}
const flights = new Map<string, Flight>();

/**
 * Joins (or starts) the computation for `key`. Each caller's own signal rejects only its own
 * promise; the computation is cancelled when every caller has gone.
 */
function joinFlight(key: string, start: (signal: AbortSignal) => Promise<WorkflowLayout>, signal: AbortSignal | undefined): Promise<WorkflowLayout> {
  let flight = flights.get(key);
  if (!flight) {
    const controller = new AbortController();
    const f: Flight = { promise: start(controller.signal), controller, refs: 0 };
    flights.set(key, f);
    f.promise.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      if (flights.get(key) === f) flights.delete(key);
    });
    flight = f;
  }
  const f = flight;
  f.refs++;
  return new Promise<WorkflowLayout>((resolve, reject) => {
    let over = false;
    const leave = (): void => {
      over = true;
      signal?.removeEventListener('abort', onAbort);
      f.refs--;
    };
    const onAbort = (): void => {
      if (over) return;
      leave();
      reject(new LayoutError('LAYOUT_ABORTED', 'The layout was cancelled.'));
      if (f.refs === 0) {
        if (flights.get(key) === f) flights.delete(key);
        f.controller.abort();
      }
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    f.promise.then(
      (v) => {
        if (over) return;
        leave();
        resolve(v);
      },
      (e: unknown) => {
        if (over) return;
        leave();
        reject(e);
      },
    );
  });
}

/**
 * Synchronous, no ELK: the cached layout for this request's key, else a layout from authored
 * positions when EVERY non-group node has one (its graphKey is then the stored-mode key, which
 * differs from an auto request's key: the caller still runs layoutWorkflow for auto), else null.
 */
export function immediateLayout(req: Omit<LayoutRequest, 'signal' | 'deadlineMs'>): WorkflowLayout | null {
  const direction = normDirection(req.direction);
  const mode = normMode(req.mode);
  const g = prepareGraph(req.workflow, req.sizes);
  const key = layoutKeyOf(g, direction, mode);
  const cached = cacheGet(key);
  if (cached) return cached;
  const plan = planStored(g);
  if (!plan.complete) return null;
  const storedKey = mode === 'stored' ? key : layoutKeyOf(g, direction, 'stored');
  const hit = cacheGet(storedKey);
  if (hit) return hit;
  try {
    const layout = storedLayout(g, direction, storedKey, plan, null);
    cacheSet(storedKey, layout);
    return layout;
  } catch {
    return null;
  }
}

/** Start the shared worker early and warm it (idempotent). Loads nothing where no worker can run. */
export function prewarmLayout(): void {
  prewarmElk();
}

/** Test hook: number of live layout workers. */
export function layoutWorkerCount(): number {
  return elkWorkerCount();
}

/** Test hook: terminate the worker, settle pending layouts (LAYOUT_ABORTED), clear the cache. */
export function disposeLayoutWorkers(): void {
  disposeElk();
  clearLayoutCache();
}
