// Dev server seed: small builders for GraphQL-form flows (the project's own data, not fixtures).
import type { GqlEdge, GqlFlow, GqlNode, GqlPort } from '../types.js';

/** A port of a given kind. */
export function port(key: string, kind: string, extra: Partial<GqlPort> = {}): GqlPort {
  return {
    key,
    label: extra.label ?? key,
    kind,
    identifier: extra.identifier ?? null,
    nullable: extra.nullable ?? false,
    description: extra.description ?? null,
    default: extra.default ?? null,
    choices: extra.choices ?? null,
    children: extra.children ?? [],
  };
}

interface NodeBase {
  id: string;
  title: string;
  description?: string;
  x: number;
  y: number;
  parent?: string;
  ins?: GqlPort[][];
  outs?: GqlPort[][];
  constants?: GqlPort[];
  constantsMap?: Record<string, unknown>;
  globalsMap?: Record<string, unknown>;
}

function base(b: NodeBase): Omit<GqlNode, '__typename' | 'kind'> {
  return {
    id: b.id,
    title: b.title,
    description: b.description ?? '',
    position: { x: b.x, y: b.y },
    parentNode: b.parent ?? null,
    ins: b.ins ?? [],
    outs: b.outs ?? [],
    constants: b.constants ?? [],
    voids: [],
    constantsMap: b.constantsMap ?? {},
    globalsMap: b.globalsMap ?? {},
  };
}

export function argNode(b: NodeBase): GqlNode {
  return { __typename: 'ArgNode', kind: 'ARGS', ...base({ ...b, ins: [] }) };
}

export function returnNode(b: NodeBase): GqlNode {
  return { __typename: 'ReturnNode', kind: 'RETURNS', ...base({ ...b, outs: [] }) };
}

export function reactive(b: NodeBase & { implementation: string }): GqlNode {
  return { __typename: 'ReactiveNode', kind: 'REACTIVE', implementation: b.implementation, ...base(b) };
}

export function action(
  b: NodeBase & { hash: string; actionKind?: 'FUNCTION' | 'GENERATOR'; filter?: boolean; mapStrategy?: string; retries?: number | null },
): GqlNode {
  return {
    __typename: b.filter ? 'RekuestFilterActionNode' : 'RekuestMapActionNode',
    kind: b.filter ? 'REKUEST_FILTER' : 'REKUEST',
    ...base(b),
    hash: b.hash,
    mapStrategy: b.mapStrategy ?? 'MAP',
    allowLocalExecution: false,
    actionKind: b.actionKind ?? 'FUNCTION',
    retries: b.retries ?? null,
    retryDelay: null,
    nextTimeout: null,
  };
}

export function agentSubFlow(b: NodeBase & { appFilter?: string }): GqlNode {
  return {
    __typename: 'AgentSubFlowNode',
    kind: 'AGENT_SUBFLOW',
    ...base(b),
    appFilter: b.appFilter ?? null,
    versionFilter: null,
    deviceFilter: null,
    instanceFilter: null,
    userFilter: null,
    autoResolvable: true,
  };
}

/** A vanilla edge `source/return_j -> target/arg_i` (stream left empty, like the current editor). */
export function edge(id: string, source: string, j: number, target: string, i: number, logging?: string): GqlEdge {
  const common = { id, source, sourceHandle: `return_${j}`, target, targetHandle: `arg_${i}`, stream: [] };
  return logging ? { __typename: 'LoggingEdge', kind: 'LOGGING', level: logging, ...common } : { __typename: 'VanillaEdge', kind: 'VANILLA', label: null, ...common };
}

/** A flow envelope around a graph. */
export function flow(id: string, title: string, description: string, nodes: GqlNode[], edges: GqlEdge[], globals: GqlFlow['graph']['globals'] = []): GqlFlow {
  return {
    __typename: 'Flow',
    id,
    title,
    description,
    createdAt: '2026-05-04T09:30:00+00:00',
    hash: hashOf(JSON.stringify({ nodes, edges, globals })),
    workspace: { id: '1', title: 'Dev workspace', description: 'Seeded by the fluss-elements dev server', createdAt: '2026-05-01T08:00:00+00:00' },
    graph: { nodes, edges, globals },
  };
}

/** A stable 32-hex digest (FNV-1a based; stands in for Fluss's MD5 of the graph). */
export function hashOf(text: string): string {
  let out = '';
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
