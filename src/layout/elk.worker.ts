/**
 * The ELK layout worker (a module worker owned by the library). Loads elkjs inside the worker,
 * answers {id, request} (a compact request, see compact.ts) with {id, result} (numbers only, in
 * transferred typed arrays) or {id, error: text}. GWT error objects never cross the boundary.
 */
import ELKModule from 'elkjs/lib/elk.bundled.js';
import { computeCompact, type ElkEngine } from './compact.js';

interface WorkerScope {
  onmessage: ((ev: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

type ElkCtor = new () => ElkEngine;
const ctor = ((ELKModule as unknown as { default?: ElkCtor }).default ?? ELKModule) as unknown as ElkCtor;
// Created before our handler is installed: elkjs installs its own `self.onmessage` when it first
// runs inside a worker, and ours below replaces it.
const elk = new ctor();
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
