/**
 * ELK without elk-api: an ElkEngine over elkjs's GWT build (`elk-worker.min.js`), used inside our
 * layout worker (performance.md L4, docs/adr/0030-direct-elk-in-the-worker.md). Only the layered
 * algorithm is registered (elk-api registers nine, each with its option metadata), and a layout
 * is one synchronous call of the build's dispatcher instead of two setTimeout hops and a promise
 * chain per layout. Where that dispatcher is missing (another elkjs version), the build's own
 * worker protocol (postMessage / onmessage) is used. Pure: no elkjs import; the caller passes the
 * module.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { ElkEngine } from './compact.js';

/** The ELK algorithms our layouts use (root and groups are all `layered`). */
export const ELK_ALGORITHMS: readonly string[] = ['layered'];

interface ElkAnswer {
  readonly id?: unknown;
  readonly data?: unknown;
  readonly error?: unknown;
}

/** The shape of elkjs's FakeWorker (elk-worker.min.js, `Worker` / `default` export). */
interface GwtWorker {
  onmessage: ((ev: { data: ElkAnswer }) => void) | null;
  postMessage(msg: unknown): void;
  readonly dispatcher?: { saveDispatch?: (ev: { data: unknown }) => void };
}
type GwtWorkerCtor = new (url?: string) => GwtWorker;

function gwtWorkerCtor(mod: unknown): GwtWorkerCtor {
  const m = mod as { Worker?: unknown; default?: unknown } | null;
  const d = m?.default as { Worker?: unknown } | undefined;
  const c = m?.Worker ?? d?.Worker ?? m?.default ?? mod;
  if (typeof c !== 'function') throw new Error('elkjs (elk-worker.min.js) did not load.');
  return c as GwtWorkerCtor;
}

/**
 * Wraps the loaded `elkjs/lib/elk-worker.min.js` module as an ElkEngine with only `algorithms`
 * registered. Layouts run one at a time (the worker's queue guarantees it).
 */
export function directElk(mod: unknown, algorithms: readonly string[] = ELK_ALGORITHMS): ElkEngine {
  const worker = new (gwtWorkerCtor(mod))();
  const dispatch = worker.dispatcher?.saveDispatch;
  let nextId = 1;
  const waiting = new Map<number, (a: ElkAnswer) => void>();
  worker.onmessage = (ev) => {
    const a = ev.data ?? {};
    const id = typeof a.id === 'number' ? a.id : -1;
    const w = waiting.get(id);
    if (w) {
      waiting.delete(id);
      w(a);
    }
  };
  const send = (msg: Record<string, unknown>): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, (a) => (a.error !== undefined ? reject(a.error) : resolve(a.data)));
      const m = { ...msg, id };
      // The dispatcher answers synchronously through onmessage; postMessage answers a timer later.
      if (typeof dispatch === 'function') dispatch.call(worker.dispatcher, { data: m });
      else worker.postMessage(m);
    });
  const registered = send({ cmd: 'register', algorithms: [...algorithms] });
  return {
    async layout(graph: ElkNode): Promise<ElkNode> {
      await registered;
      return (await send({ cmd: 'layout', graph, layoutOptions: {}, options: {} })) as ElkNode;
    },
  };
}
