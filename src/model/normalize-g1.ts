/**
 * Legacy nodes (G1, 2022 to early 2024): `instream`/`outstream`/`constream`, `__typename` or the
 * stored `typename`, or no type at all in snake_case client dumps (types inferred, spec 2.7 step 1).
 * Mapping to the normalized model per spec 2.2 and 2.8.
 */
import type { ParseContext } from './context.js';
import { DiagnosticCode, quote } from './diagnostics.js';
import { isRecord } from './json.js';
import {
  type DraftNode,
  EMPTY_MAP,
  TYPENAME_KIND,
  optNumber,
  optString,
  readSharedNodeFields,
  readText,
  streamedKeys,
} from './node-common.js';
import { normalizePort, normalizeStreams } from './ports.js';
import type { ActionInfo, NodeKind, Port, Stream } from './types.js';

/** Which node ids have outgoing / incoming edges (used to infer IO node types). */
export interface EdgeEnds {
  readonly sources: ReadonlySet<string>;
  readonly targets: ReadonlySet<string>;
}

const hasPorts = (streams: readonly Stream[]): boolean => streams.some((s) => s.length > 0);

/**
 * Infers the legacy type of a node without `__typename`/`typename` (spec 2.7 step 1):
 * implementation -> ReactiveNode, hash -> ArkitektNode, ids "1"/"2"/"3" -> Arg/Return/KwargNode,
 * else by edges: outgoing and no in-ports -> ArgNode, incoming and no out-ports -> ReturnNode, else KwargNode.
 */
export function inferLegacyTypename(raw: Record<string, unknown>, id: string, ins: readonly Stream[], outs: readonly Stream[], ends: () => EdgeEnds): string {
  if (raw.implementation !== undefined && raw.implementation !== null) return 'ReactiveNode';
  if (raw.hash !== undefined && raw.hash !== null) return 'ArkitektNode';
  if (id === '1') return 'ArgNode';
  if (id === '2') return 'ReturnNode';
  if (id === '3') return 'KwargNode';
  const e = ends();
  if (e.sources.has(id) && !hasPorts(ins)) return 'ArgNode';
  if (e.targets.has(id) && !hasPorts(outs)) return 'ReturnNode';
  return 'KwargNode';
}

/** `constream` flattened: a list of port lists, or (tolerated) a flat list of ports. */
function readConstream(raw: unknown, ctx: ParseContext, base: string): Port[] {
  if (!Array.isArray(raw)) return [];
  const out: Port[] = [];
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i];
    if (Array.isArray(s)) {
      for (let j = 0; j < s.length; j++) out.push(normalizePort(s[j], ctx, base, '.constream', j, 0, i));
    } else if (isRecord(s)) {
      out.push(normalizePort(s, ctx, base, '.constream', i));
    }
  }
  return out;
}

/** Reads one legacy node. `id` was validated by the caller. */
export function readNodeG1(raw: Record<string, unknown>, id: string, ctx: ParseContext, path: string, ends: () => EdgeEnds): DraftNode {
  const d = ctx.diagnostics;
  let insRaw = raw.instream;
  let outsRaw = raw.outstream;
  if (insRaw === undefined && outsRaw === undefined && (raw.ins !== undefined || raw.outs !== undefined)) {
    insRaw = raw.ins;
    outsRaw = raw.outs;
  }
  ctx.portsInNode = 0;
  const ins = normalizeStreams(insRaw, ctx, path, '.instream');
  const outs = normalizeStreams(outsRaw, ctx, path, '.outstream');
  const constants = raw.constream !== undefined ? readConstream(raw.constream, ctx, path) : [];

  const tnRaw = typeof raw.__typename === 'string' && raw.__typename !== '' ? raw.__typename : typeof raw.typename === 'string' && raw.typename !== '' ? raw.typename : undefined;
  const typename = tnRaw ?? inferLegacyTypename(raw, id, ins, outs, ends);
  let kind: NodeKind | undefined = TYPENAME_KIND.get(typename);
  if (kind === undefined) {
    kind = 'unknown';
    d.warn(DiagnosticCode.NODE_KIND_UNKNOWN, `Node ${quote(id)} has an unknown type ${quote(typename)}; it is drawn as a generic node.`, path);
  }

  // defaults -> constantsMap, without the keys that are streamed (spec 2.8)
  let constantsMap: Map<string, unknown> = EMPTY_MAP;
  const defaults = raw.defaults;
  if (isRecord(defaults)) {
    const streamed = streamedKeys(ins);
    for (const key of Object.keys(defaults)) {
      if (streamed.has(key)) continue;
      if (constantsMap === EMPTY_MAP) constantsMap = new Map();
      constantsMap.set(key, ctx.value(defaults[key]));
    }
  } else if (defaults !== undefined && defaults !== null) {
    d.warn(DiagnosticCode.FIELD_INVALID, 'The node defaults are not an object; they are ignored.', `${path}.defaults`);
  }

  const node: DraftNode = {
    id,
    path,
    kind,
    typename,
    description: readText(raw.description, ctx, path, '.description', 'description') ?? '',
    ins,
    outs,
    constants,
    voids: [],
    constantsMap,
    globalsMap: EMPTY_MAP,
  };
  readSharedNodeFields(node, raw, raw.name ?? raw.title, '.name', ctx, path);

  if (kind === 'reactive') {
    const impl = readText(raw.implementation, ctx, path, '.implementation', 'implementation');
    if (impl !== undefined) node.implementation = impl;
  } else if (kind === 'rekuest-map' || kind === 'rekuest-filter' || kind === 'local') {
    const retries = optNumber(raw.maxRetries ?? raw.max_retries);
    const retryDelay = optNumber(raw.retryDelay ?? raw.retry_delay ?? raw.retrySleepMs);
    const timeout = optNumber(raw.assignTimeout ?? raw.assign_timeout);
    const action: { -readonly [K in keyof ActionInfo]: ActionInfo[K] } = {
      hash: optString(raw.hash) ?? '',
      actionKind: optString(raw.kind) ?? '',
      mapStrategy: optString(raw.mapStrategy ?? raw.map_strategy) ?? '',
      allowLocalExecution: (raw.allowLocal ?? raw.allow_local) === true,
    };
    if (retries !== undefined) action.retries = retries;
    if (retryDelay !== undefined) action.retryDelayMs = retryDelay;
    if (timeout !== undefined) action.nextTimeoutMs = timeout;
    if (kind === 'local') action.local = true;
    node.action = action;
  }
  return node;
}
