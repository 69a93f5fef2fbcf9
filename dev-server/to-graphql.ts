// Dev server: turns a normalized Workflow (src/model) into the current GraphQL form it serves,
// so that stored-form and legacy seeds are served like any current flow.
import type { Port, Workflow, WorkflowNode } from '../src/model/types.js';
import { hashOf } from './seed/build.js';
import type { GqlEdge, GqlFlow, GqlNode, GqlPort } from './types.js';

const PORT_KINDS = new Set(['BOOL', 'DATE', 'DICT', 'ENUM', 'FLOAT', 'INT', 'INTERFACE', 'LIST', 'MEMORY_STRUCTURE', 'MODEL', 'STRING', 'STRUCTURE', 'UNION']);
const REACTIVE = new Set([
  'ADD', 'ALL', 'AND', 'BUFFER_COMPLETE', 'BUFFER_COUNT', 'BUFFER_UNTIL', 'CHUNK', 'COMBINELATEST', 'DELAY', 'DELAY_UNTIL', 'DIVIDE', 'ENSURE',
  'FILTER', 'FOREACH', 'GATE', 'IF', 'JUST', 'MODULO', 'MULTIPLY', 'OMIT', 'POWER', 'PREFIX', 'REORDER', 'SELECT', 'SPLIT', 'SUBTRACT', 'SUFFIX',
  'TO_LIST', 'WITHLATEST', 'ZIP',
]);

/** Legacy kinds with no current equivalent (UNSET) are served as STRUCTURE. */
function portKind(kind: string): string {
  return PORT_KINDS.has(kind) ? kind : 'STRUCTURE';
}

function toPort(p: Port, depth = 0): GqlPort {
  return {
    key: p.key,
    label: p.label ?? null,
    kind: portKind(p.kind),
    identifier: p.identifier ?? null,
    nullable: p.nullable,
    description: p.description ?? null,
    default: p.default ?? null,
    choices: p.choices ? p.choices.map((c) => ({ value: c.value, label: c.label, description: c.description ?? null, image: null })) : null,
    children: depth < 8 ? p.children.map((c) => toPort(c, depth + 1)) : [],
  };
}

function common(n: WorkflowNode): Omit<GqlNode, '__typename' | 'kind'> {
  return {
    id: n.id,
    title: n.title,
    description: n.description,
    position: { x: n.position?.x ?? 0, y: n.position?.y ?? 0 },
    parentNode: n.parentId ?? null,
    ins: n.ins.map((s) => s.map((p) => toPort(p))),
    outs: n.outs.map((s) => s.map((p) => toPort(p))),
    constants: n.constants.map((p) => toPort(p)),
    voids: n.voids.map((p) => toPort(p)),
    constantsMap: Object.fromEntries(n.constantsMap),
    globalsMap: Object.fromEntries(n.globalsMap),
  };
}

function toNode(n: WorkflowNode): GqlNode | undefined {
  const c = common(n);
  switch (n.kind) {
    case 'args':
      return { __typename: 'ArgNode', kind: 'ARGS', ...c };
    case 'returns':
      return { __typename: 'ReturnNode', kind: 'RETURNS', ...c };
    case 'kwargs':
      // The legacy KwargNode has no current equivalent; an empty one is dropped (spec Q17).
      return undefined;
    case 'reactive':
      return { __typename: 'ReactiveNode', kind: 'REACTIVE', ...c, implementation: REACTIVE.has(n.implementation ?? '') ? n.implementation! : 'FOREACH' };
    case 'agent-subflow':
      return {
        __typename: 'AgentSubFlowNode',
        kind: 'AGENT_SUBFLOW',
        ...c,
        appFilter: n.agentFilter?.app ?? null,
        versionFilter: n.agentFilter?.version ?? null,
        deviceFilter: n.agentFilter?.device ?? null,
        instanceFilter: n.agentFilter?.instance ?? null,
        userFilter: n.agentFilter?.user ?? null,
        autoResolvable: n.agentFilter?.autoResolvable ?? false,
      };
    default: {
      const filter = n.kind === 'rekuest-filter';
      const a = n.action;
      return {
        __typename: filter ? 'RekuestFilterActionNode' : 'RekuestMapActionNode',
        kind: filter ? 'REKUEST_FILTER' : 'REKUEST',
        ...c,
        hash: a?.hash ?? `unknown-${n.id}`,
        mapStrategy: a?.mapStrategy ?? 'MAP',
        allowLocalExecution: a?.allowLocalExecution ?? false,
        actionKind: a?.actionKind === 'GENERATOR' ? 'GENERATOR' : 'FUNCTION',
        retries: a?.retries ?? null,
        retryDelay: a?.retryDelayMs ?? null,
        nextTimeout: a?.nextTimeoutMs ?? null,
      };
    }
  }
}

/** The GraphQL form of a normalized workflow (nodes with no current equivalent are dropped). */
export function toGraphQLFlow(w: Workflow): GqlFlow {
  const nodes = w.nodes.map(toNode).filter((n): n is GqlNode => !!n);
  const ids = new Set(nodes.map((n) => n.id));
  const edges: GqlEdge[] = w.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => {
      const base = { id: e.id, source: e.source, sourceHandle: e.sourceHandle, target: e.target, targetHandle: e.targetHandle, stream: e.items.map((i) => ({ kind: portKind(i.kind), label: i.label })) };
      return e.kind === 'logging' ? { __typename: 'LoggingEdge', kind: 'LOGGING', level: e.level ?? 'INFO', ...base } : { __typename: 'VanillaEdge', kind: 'VANILLA', label: e.label ?? null, ...base };
    });
  const globals = w.globals.map((g) => ({ key: g.key, port: toPort(g.port) }));
  return {
    __typename: 'Flow',
    id: w.id,
    title: w.title || 'Untitled Workspace',
    description: w.description || null,
    createdAt: w.createdAt ?? new Date(0).toISOString(),
    hash: w.hash ?? hashOf(JSON.stringify({ nodes, edges, globals })),
    workspace: { id: w.workspaceId ?? '1', title: 'Dev workspace', description: null, createdAt: w.createdAt ?? new Date(0).toISOString() },
    graph: { nodes, edges, globals },
  };
}
