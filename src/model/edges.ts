/**
 * Edges of every generation (VanillaEdge, LoggingEdge, legacy LabeledEdge/FancyEdge, snake_case
 * dumps): validated ends, strict handles, de-duplication, and the items that flow over each edge.
 */
import type { ParseContext } from './context.js';
import { DiagnosticCode, quote } from './diagnostics.js';
import { handleIndex } from './handles.js';
import { isRecord } from './json.js';
import { type DraftNode, coerceId, optString } from './node-common.js';
import { itemsFromStream, normalizeStreamItems } from './ports.js';
import type { StreamItem, WorkflowEdge } from './types.js';

/** The JSONPath of an edge field, built only for diagnostics. */
function edgePath(basePath: string, i: number, field = ''): string {
  return `${basePath}[${i}]${field}`;
}

/**
 * Reads the raw edges. Dropped with a warning: non-objects and edges without valid ends
 * (EDGE_INVALID), ends that are not nodes (EDGE_DANGLING), malformed or wrong-side handles
 * (HANDLE_INVALID), stream indexes the node does not have (HANDLE_MISSING), repeated ids
 * (EDGE_DUPLICATE, the first is kept). An edge without an id gets `<source>:<handle>-><target>:<handle>`.
 */
export function readEdges(raw: readonly unknown[], byId: ReadonlyMap<string, DraftNode>, ctx: ParseContext, basePath: string): WorkflowEdge[] {
  const d = ctx.diagnostics;
  const out: WorkflowEdge[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < raw.length; i++) {
    const e = raw[i];
    if (!isRecord(e)) {
      d.warn(DiagnosticCode.EDGE_INVALID, 'An edge is not an object; it is dropped.', edgePath(basePath, i));
      continue;
    }
    const source = coerceId(e.source);
    const target = coerceId(e.target);
    if (source === null || target === null) {
      d.warn(DiagnosticCode.EDGE_INVALID, 'An edge has no valid source or target id; it is dropped.', edgePath(basePath, i));
      continue;
    }
    const sh = e.sourceHandle ?? e.source_handle;
    const th = e.targetHandle ?? e.target_handle;
    let id = coerceId(e.id);
    if (id === null) {
      id = `${source}:${String(sh)}->${target}:${String(th)}`;
      d.warn(DiagnosticCode.EDGE_INVALID, `An edge has no valid id; ${quote(id)} is used.`, edgePath(basePath, i, '.id'));
    }
    const s = byId.get(source);
    const t = byId.get(target);
    if (s === undefined || t === undefined) {
      d.warn(
        DiagnosticCode.EDGE_DANGLING,
        `Edge ${quote(id)} refers to a missing node ${quote(s === undefined ? source : target)}; it is dropped.`,
        edgePath(basePath, i),
      );
      continue;
    }
    const si = handleIndex(sh, 'return_');
    const ti = handleIndex(th, 'arg_');
    if (si < 0) {
      d.warn(DiagnosticCode.HANDLE_INVALID, `Edge ${quote(id)} has a malformed source handle ${quote(sh)} (expected return_<n>); it is dropped.`, edgePath(basePath, i, '.sourceHandle'));
      continue;
    }
    if (ti < 0) {
      d.warn(DiagnosticCode.HANDLE_INVALID, `Edge ${quote(id)} has a malformed target handle ${quote(th)} (expected arg_<n>); it is dropped.`, edgePath(basePath, i, '.targetHandle'));
      continue;
    }
    if (si >= s.outs.length) {
      d.warn(DiagnosticCode.HANDLE_MISSING, `Edge ${quote(id)} leaves output stream ${si} of node ${quote(source)}, which has ${s.outs.length}; it is dropped.`, edgePath(basePath, i, '.sourceHandle'));
      continue;
    }
    if (ti >= t.ins.length) {
      d.warn(DiagnosticCode.HANDLE_MISSING, `Edge ${quote(id)} enters input stream ${ti} of node ${quote(target)}, which has ${t.ins.length}; it is dropped.`, edgePath(basePath, i, '.targetHandle'));
      continue;
    }
    if (seen.has(id)) {
      d.warn(DiagnosticCode.EDGE_DUPLICATE, `Edge id ${quote(id)} appears more than once; the first is kept.`, edgePath(basePath, i));
      continue;
    }
    seen.add(id);
    let items: readonly StreamItem[] = normalizeStreamItems(e.stream);
    if (items.length === 0) {
      const cache = (s.itemsCache ??= []);
      items = cache[si] ??= itemsFromStream(s.outs[si]!);
    }
    if (items.length === 0) items = itemsFromStream(t.ins[ti]!);
    const logging = e.__typename === 'LoggingEdge' || e.kind === 'LOGGING';
    const edge: {
      -readonly [K in keyof WorkflowEdge]: WorkflowEdge[K];
    } = {
      id,
      source,
      sourceStream: si,
      target,
      targetStream: ti,
      // the strict regex only accepts the canonical spelling, so the data's strings are reused
      sourceHandle: sh as string,
      targetHandle: th as string,
      kind: logging ? 'logging' : 'vanilla',
      items,
    };
    const label = optString(e.label);
    if (label !== undefined && label !== '') edge.label = label;
    if (logging) {
      const level = optString(e.level);
      if (level !== undefined) edge.level = level;
    }
    out.push(edge);
  }
  return out;
}
