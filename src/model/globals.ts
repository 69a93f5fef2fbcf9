/**
 * Flow-level globals: current `{key, port}` entries bound through node `globalsMap`s (inverted
 * into targets, spec 1.8 and Q9), and legacy `{toKeys: ["<nodeId>.<portKey>"], port}` entries
 * (split at the first "." that follows an existing node id, spec 2.8).
 */
import type { ParseContext } from './context.js';
import { DiagnosticCode, quote } from './diagnostics.js';
import { isRecord } from './json.js';
import { type DraftNode, EMPTY_MAP } from './node-common.js';
import { normalizePort } from './ports.js';
import type { GlobalTarget, Port, WorkflowGlobal } from './types.js';

interface DraftGlobal {
  key: string;
  port: Port;
  targets: GlobalTarget[];
}

/** Splits `"<nodeId>.<portKey>"` at the first "." after which the prefix is a known node id. */
export function splitToKey(toKey: string, byId: ReadonlyMap<string, DraftNode>): { nodeId: string; portKey: string } | null {
  let dot = toKey.indexOf('.');
  while (dot > 0) {
    const nodeId = toKey.slice(0, dot);
    if (byId.has(nodeId)) return { nodeId, portKey: toKey.slice(dot + 1) };
    dot = toKey.indexOf('.', dot + 1);
  }
  return null;
}

/**
 * Reads `graph.globals` and fills node `globalsMap`s (legacy) or global targets (current).
 * Call after nodes are final (hidden nodes removed) and before they are frozen into WorkflowNodes.
 */
export function readGlobals(raw: unknown, nodes: readonly DraftNode[], byId: ReadonlyMap<string, DraftNode>, ctx: ParseContext, basePath: string): WorkflowGlobal[] {
  const d = ctx.diagnostics;
  const globals: DraftGlobal[] = [];
  const byKey = new Map<string, DraftGlobal>();
  const byPortKey = new Map<string, DraftGlobal>();
  if (Array.isArray(raw)) {
    for (let i = 0; i < raw.length; i++) {
      const g = raw[i];
      const path = `${basePath}[${i}]`;
      if (!isRecord(g) || !isRecord(g.port)) {
        d.warn(DiagnosticCode.GLOBAL_INVALID, 'A global has no port; it is ignored.', path);
        continue;
      }
      ctx.portsInNode = 0;
      const port = normalizePort(g.port, ctx, path, '.port', -1);
      const key = typeof g.key === 'string' && g.key !== '' ? g.key : port.key;
      const legacy = Array.isArray(g.toKeys);
      if (byKey.has(key) && !legacy) {
        d.warn(DiagnosticCode.GLOBAL_INVALID, `Global key ${quote(key)} appears more than once; the first is kept.`, path);
        continue;
      }
      // legacy globals are keyed by port key: two entries with one key feed the same call argument,
      // so their bindings are merged into the first entry
      if (!byKey.has(key)) {
        const dg: DraftGlobal = { key, port, targets: [] };
        globals.push(dg);
        byKey.set(key, dg);
        if (!byPortKey.has(port.key)) byPortKey.set(port.key, dg);
      }
      if (legacy) {
        for (let j = 0; j < (g.toKeys as unknown[]).length; j++) {
          const tk: unknown = (g.toKeys as unknown[])[j];
          const split = typeof tk === 'string' ? splitToKey(tk, byId) : null;
          if (split === null) {
            d.warn(DiagnosticCode.GLOBAL_INVALID, `Global ${quote(key)} maps to ${quote(tk)}, which names no node; the binding is ignored.`, `${path}.toKeys[${j}]`);
            continue;
          }
          const target = byId.get(split.nodeId)!;
          if (target.globalsMap === EMPTY_MAP) target.globalsMap = new Map();
          target.globalsMap.set(split.portKey, key);
        }
      }
    }
  } else if (raw !== undefined && raw !== null) {
    d.warn(DiagnosticCode.GLOBAL_INVALID, 'The globals are not a list; they are ignored.', basePath);
  }
  // invert every node's globalsMap into targets (both generations end up here)
  for (const n of nodes) {
    for (const [portKey, globalKey] of n.globalsMap) {
      const g = byKey.get(globalKey) ?? byPortKey.get(globalKey);
      if (g === undefined) {
        d.warn(DiagnosticCode.GLOBAL_INVALID, `Node ${quote(n.id)} binds ${quote(portKey)} to an unknown global ${quote(globalKey)}.`, `${n.path}.globalsMap`);
        continue;
      }
      g.targets.push({ nodeId: n.id, portKey });
    }
  }
  return globals;
}
