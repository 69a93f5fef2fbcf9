/**
 * Pieces every node normalizer shares: the mutable draft node, id coercion, positions,
 * titles, key/value maps, and the typename/kind tables of both generations.
 */
import { type ParseContext, MAX_COORDINATE } from './context.js';
import { DiagnosticCode, quote } from './diagnostics.js';
import { isRecord } from './json.js';
import type { ActionInfo, AgentFilter, NodeKind, Port, Position, Stream, StreamItem } from './types.js';

/** A node while the graph is being assembled (maps still mutable). */
export interface DraftNode {
  id: string;
  path: string;
  kind: NodeKind;
  typename: string;
  rawTitle?: string;
  description: string;
  ins: Stream[];
  outs: Stream[];
  constants: Port[];
  voids: Port[];
  constantsMap: Map<string, unknown>;
  globalsMap: Map<string, string>;
  parentRaw?: string;
  parentId?: string;
  position?: Position;
  implementation?: string;
  action?: ActionInfo;
  agentFilter?: AgentFilter;
  /** Edge items derived from each out-stream, shared by the edges that leave it. */
  itemsCache?: (readonly StreamItem[] | undefined)[];
}

/** Node typenames of both generations -> normalized kind. */
export const TYPENAME_KIND: ReadonlyMap<string, NodeKind> = new Map<string, NodeKind>([
  ['ArgNode', 'args'],
  ['ReturnNode', 'returns'],
  ['KwargNode', 'kwargs'],
  ['ReactiveNode', 'reactive'],
  ['RekuestMapActionNode', 'rekuest-map'],
  ['RekuestFilterActionNode', 'rekuest-filter'],
  ['AgentSubFlowNode', 'agent-subflow'],
  ['ArkitektNode', 'rekuest-map'],
  ['ArkitektFilterNode', 'rekuest-filter'],
  ['LocalNode', 'local'],
  ['GraphNode', 'subgraph'],
]);

/** Current `GraphNodeKind` values (GraphQL and stored spellings) -> [kind, typename]. */
export const G2_KIND: ReadonlyMap<string, readonly [NodeKind, string]> = new Map<string, readonly [NodeKind, string]>([
  ['ARGS', ['args', 'ArgNode']],
  ['RETURNS', ['returns', 'ReturnNode']],
  ['REACTIVE', ['reactive', 'ReactiveNode']],
  ['REKUEST', ['rekuest-map', 'RekuestMapActionNode']],
  ['REKUEST_MAP', ['rekuest-map', 'RekuestMapActionNode']],
  ['REKUEST_FILTER', ['rekuest-filter', 'RekuestFilterActionNode']],
  ['AGENT_SUBFLOW', ['agent-subflow', 'AgentSubFlowNode']],
]);

/** An id as a string: strings that are not empty or whitespace-only, and safe integers. Else null. */
export function coerceId(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return null;
}

function clamp(v: number): number {
  return v > MAX_COORDINATE ? MAX_COORDINATE : v < -MAX_COORDINATE ? -MAX_COORDINATE : v;
}

/** A position with finite numeric x and y (clamped to +-1e6), else absent (warned when present but invalid). */
export function readPosition(raw: unknown, ctx: ParseContext, base: string, field = '.position'): Position | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (isRecord(raw)) {
    const x = raw.x;
    const y = raw.y;
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) {
      return { x: clamp(x), y: clamp(y) };
    }
  }
  ctx.diagnostics.warn(DiagnosticCode.POSITION_INVALID, 'A position is not two finite numbers; it is treated as absent.', base + field);
  return undefined;
}

/** Optional text: strings as-is, null/undefined absent, anything else String()ed with a warning. */
export function readText(raw: unknown, ctx: ParseContext, base: string, field: string, what: string): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') return raw;
  let s: string;
  try {
    s = String(raw);
  } catch {
    s = '';
  }
  ctx.diagnostics.warn(DiagnosticCode.FIELD_INVALID, `The ${what} is not a string; it was converted to text.`, base + field);
  return s;
}

/** Optional string field; anything else is absent (no warning: used for optional metadata). */
export function optString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Optional finite number field. */
export function optNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A read-only shared Map used for every empty key/value map (saves thousands of allocations). */
class EmptyMap<K, V> extends Map<K, V> {
  override set(): this {
    throw new TypeError('This map is read-only.');
  }
  override delete(): boolean {
    return false;
  }
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const EMPTY_MAP: Map<any, any> = new EmptyMap<unknown, unknown>();

/** A JSON object read into a Map of pass-through values (keys kept verbatim, including `__proto__`). */
export function readValueMap(raw: unknown, ctx: ParseContext, base: string, field: string): Map<string, unknown> {
  if (raw === undefined || raw === null) return EMPTY_MAP;
  if (!isRecord(raw)) {
    ctx.diagnostics.warn(DiagnosticCode.FIELD_INVALID, 'Expected an object of values; the field is ignored.', base + field);
    return EMPTY_MAP;
  }
  const keys = Object.keys(raw);
  if (keys.length === 0) return EMPTY_MAP;
  const out = new Map<string, unknown>();
  for (const key of keys) out.set(key, ctx.value(raw[key]));
  return out;
}

/** A JSON object of strings read into a Map (non-string values dropped with a warning). */
export function readStringMap(raw: unknown, ctx: ParseContext, base: string, field: string): Map<string, string> {
  if (raw === undefined || raw === null) return EMPTY_MAP;
  if (!isRecord(raw)) {
    ctx.diagnostics.warn(DiagnosticCode.FIELD_INVALID, 'Expected an object of strings; the field is ignored.', base + field);
    return EMPTY_MAP;
  }
  const keys = Object.keys(raw);
  if (keys.length === 0) return EMPTY_MAP;
  const out = new Map<string, string>();
  for (const key of keys) {
    const v = raw[key];
    if (typeof v === 'string') out.set(key, v);
    else if (v !== null && v !== undefined) {
      ctx.diagnostics.warn(DiagnosticCode.FIELD_INVALID, `The binding of ${quote(key)} is not a string; it is ignored.`, base + field);
    }
  }
  return out;
}

/** The parent id field (`parentNode` or `parent_node`), coerced like an id; absent when empty. */
export function readParent(raw: Record<string, unknown>, ctx: ParseContext, path: string): string | undefined {
  const p = raw.parentNode ?? raw.parent_node;
  if (p === undefined || p === null) return undefined;
  const id = coerceId(p);
  if (id === null) {
    ctx.diagnostics.warn(DiagnosticCode.PARENT_MISSING, 'The parent id is not a valid id; the node is placed at the root.', `${path}.parentNode`);
    return undefined;
  }
  return id;
}

/** Collects the keys of all ports in a list of streams. */
export function streamedKeys(streams: readonly Stream[]): Set<string> {
  const keys = new Set<string>();
  for (const s of streams) for (const p of s) keys.add(p.key);
  return keys;
}

/** Reads what every generation stores alike: the authored title text, the parent and the position. */
export function readSharedNodeFields(node: DraftNode, raw: Record<string, unknown>, title: unknown, titleField: string, ctx: ParseContext, path: string): void {
  const text = readText(title, ctx, path, titleField, 'title');
  if (text !== undefined) node.rawTitle = text;
  const parent = readParent(raw, ctx, path);
  if (parent !== undefined) node.parentRaw = parent;
  const position = readPosition(raw.position, ctx, path);
  if (position) node.position = position;
}
