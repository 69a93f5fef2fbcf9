/**
 * The ELK layout worker (a module worker owned by the library). Loads elkjs's GWT build
 * (elk-worker.min.js, driven directly, only `layered` registered: elk-direct.ts) inside the worker,
 * answers {id, request} (a compact request, see compact.ts) with {id, result} (numbers only, in
 * transferred typed arrays) or {id, error: text}. GWT error objects never cross the boundary.
 */
import * as elkWorkerModule from 'elkjs/lib/elk-worker.min.js';
import { computeCompact } from './compact.js';
import { directElk } from './elk-direct.js';

interface WorkerScope {
  onmessage: ((ev: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

// elkjs installs its own `self.onmessage` when its module runs inside a worker; ours below
// replaces it.
const elk = directElk(elkWorkerModule);
const scope = self as unknown as WorkerScope;

function text(e: unknown): string {
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') {
    return (e as { message: string }).message;
  }
  return String(e);
}

scope.onmessage = (ev: MessageEvent) => {
  const msg = (ev.data ?? {}) as { id?: unknown; request?: unknown };
  const id = msg.id;
  computeCompact(elk, msg.request).then(
    (result) => scope.postMessage({ id, result }, [result.boxes.buffer, result.edgeOffsets.buffer, result.points.buffer]),
    (e: unknown) => scope.postMessage({ id, error: text(e) }),
  );
};

// Tell the page the worker started (module loaded, ELK created): errors after this are crashes,
// errors before it mean the worker cannot run here.
scope.postMessage({ ready: true });
