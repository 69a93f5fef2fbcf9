/**
 * Current-generation nodes (G2a/G2b): GraphQL form (camelCase, `__typename`, kind REKUEST) and
 * stored form (snake_case, no `__typename`, kind REKUEST_MAP). Spec sections 1.2-1.3 and 2.7 step 2.
 */
import type { ParseContext } from './context.js';
import { DiagnosticCode, quote } from './diagnostics.js';
import {
  type DraftNode,
  G2_KIND,
  TYPENAME_KIND,
  optNumber,
  optString,
  readSharedNodeFields,
  readStringMap,
  readText,
  readValueMap,
} from './node-common.js';
import { normalizePortList, normalizeStreams } from './ports.js';
import type { ActionInfo, AgentFilter, NodeKind } from './types.js';

/** Reads one current-generation node. `id` was validated by the caller. */
export function readNodeG2(raw: Record<string, unknown>, id: string, ctx: ParseContext, path: string): DraftNode {
  const d = ctx.diagnostics;
  let kind: NodeKind = 'unknown';
  let typename = '';
  const tn = raw.__typename;
  const rawKind = raw.kind;
  const fromType = typeof tn === 'string' ? TYPENAME_KIND.get(tn) : undefined;
  const fromKind = typeof rawKind === 'string' ? G2_KIND.get(rawKind) : undefined;
  if (fromType !== undefined) {
    kind = fromType;
    typename = tn as string;
    if (fromKind !== undefined && fromKind[0] !== fromType) {
      d.warn(DiagnosticCode.FIELD_INVALID, `Node kind ${quote(rawKind)} disagrees with __typename ${quote(tn)}; __typename is used.`, `${path}.kind`);
    }
  } else if (fromKind !== undefined) {
    kind = fromKind[0];
    typename = fromKind[1];
  } else {
    typename = typeof tn === 'string' && tn !== '' ? tn : typeof rawKind === 'string' ? rawKind : 'Unknown';
    d.warn(
      DiagnosticCode.NODE_KIND_UNKNOWN,
      `Node ${quote(id)} has an unknown type ${quote(typename)}; it is drawn as a generic node.`,
      path,
    );
  }

  let insRaw = raw.ins;
  let outsRaw = raw.outs;
  if (insRaw === undefined && outsRaw === undefined && (raw.instream !== undefined || raw.outstream !== undefined)) {
    insRaw = raw.instream;
    outsRaw = raw.outstream;
  }
  ctx.portsInNode = 0;
  const node: DraftNode = {
    id,
    path,
    kind,
    typename,
    description: readText(raw.description, ctx, path, '.description', 'description') ?? '',
    ins: normalizeStreams(insRaw, ctx, path, '.ins'),
    outs: normalizeStreams(outsRaw, ctx, path, '.outs'),
    constants: normalizePortList(raw.constants, ctx, path, '.constants'),
    voids: normalizePortList(raw.voids, ctx, path, '.voids'),
    constantsMap: readValueMap(raw.constantsMap ?? raw.constants_map, ctx, path, '.constantsMap'),
    globalsMap: readStringMap(raw.globalsMap ?? raw.globals_map, ctx, path, '.globalsMap'),
  };
  readSharedNodeFields(node, raw, raw.title, '.title', ctx, path);

  if (kind === 'reactive') {
    const impl = readText(raw.implementation, ctx, path, '.implementation', 'implementation');
    if (impl !== undefined) node.implementation = impl;
  } else if (kind === 'rekuest-map' || kind === 'rekuest-filter') {
    const retries = optNumber(raw.retries);
    const retryDelay = optNumber(raw.retryDelay ?? raw.retry_delay);
    const nextTimeout = optNumber(raw.nextTimeout ?? raw.next_timeout);
    const action: { -readonly [K in keyof ActionInfo]: ActionInfo[K] } = {
      hash: optString(raw.hash) ?? '',
      actionKind: optString(raw.actionKind ?? raw.action_kind) ?? '',
      mapStrategy: optString(raw.mapStrategy ?? raw.map_strategy) ?? '',
      allowLocalExecution: (raw.allowLocalExecution ?? raw.allow_local_execution) === true,
    };
    if (retries !== undefined) action.retries = retries;
    if (retryDelay !== undefined) action.retryDelayMs = retryDelay;
    if (nextTimeout !== undefined) action.nextTimeoutMs = nextTimeout;
    node.action = action;
  } else if (kind === 'agent-subflow') {
    const f: { -readonly [K in keyof AgentFilter]: AgentFilter[K] } = {
      autoResolvable: (raw.autoResolvable ?? raw.auto_resolvable) === true,
    };
    const app = optString(raw.appFilter ?? raw.app_filter);
    const version = optString(raw.versionFilter ?? raw.version_filter);
    const device = optString(raw.deviceFilter ?? raw.device_filter);
    const instance = optString(raw.instanceFilter ?? raw.instance_filter);
    const user = optString(raw.userFilter ?? raw.user_filter);
    if (app !== undefined) f.app = app;
    if (version !== undefined) f.version = version;
    if (device !== undefined) f.device = device;
    if (instance !== undefined) f.instance = instance;
    if (user !== undefined) f.user = user;
    node.agentFilter = f;
  }
  return node;
}
