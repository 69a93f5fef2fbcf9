// Small project-owned workflows for the element tests (GraphQL form), built in code.
type Json = Record<string, unknown>;

export function port(key: string, kind = 'INT', extra: Json = {}): Json {
  return { key, label: null, kind, nullable: false, identifier: null, description: null, default: null, children: null, ...extra };
}

export function node(id: string, typename: string, extra: Json = {}): Json {
  const kind: Record<string, string> = {
    ArgNode: 'ARGS',
    ReturnNode: 'RETURNS',
    RekuestMapActionNode: 'REKUEST',
    RekuestFilterActionNode: 'REKUEST_FILTER',
    ReactiveNode: 'REACTIVE',
    AgentSubFlowNode: 'AGENT_SUBFLOW',
  };
  return {
    __typename: typename,
    id,
    kind: kind[typename] ?? 'MYSTERY',
    position: { x: 0, y: 0 },
    parentNode: null,
    title: id,
    description: '',
    ins: [[port('x')]],
    outs: [[port('x')]],
    constants: [],
    voids: [],
    constantsMap: {},
    globalsMap: {},
    ...(typename.startsWith('Rekuest') ? { hash: 'h', mapStrategy: 'MAP', allowLocalExecution: false, actionKind: 'FUNCTION' } : {}),
    ...extra,
  };
}

export function edge(id: string, source: string, target: string, sourceHandle = 'return_0', targetHandle = 'arg_0'): Json {
  return { __typename: 'VanillaEdge', id, kind: 'VANILLA', source, target, sourceHandle, targetHandle, stream: [], label: null };
}

export function flow(nodes: Json[], edges: Json[], title = 'Test flow'): Json {
  return { __typename: 'Flow', id: 'f1', title, description: null, createdAt: '2026-01-01T00:00:00Z', hash: 'x', workspace: { id: '1' }, graph: { nodes, edges, globals: [] } };
}

/** Inputs -> a -> b (ZIP with c) -> Outputs, with a filter and a reactive ADD. */
export function chainFlow(): Json {
  return flow(
    [
      node('in', 'ArgNode', { ins: [[]], outs: [[port('x')]] }),
      node('a', 'RekuestMapActionNode', { title: 'Segment Nuclei', description: 'StarDist' }),
      node('c', 'RekuestMapActionNode', { title: 'Measure' }),
      node('z', 'ReactiveNode', { implementation: 'ZIP', ins: [[port('x')], [port('x')]], outs: [[port('x'), port('x')]], title: 'Zip' }),
      node('add', 'ReactiveNode', { implementation: 'ADD', ins: [[port('x'), port('x')]], outs: [[port('x'), port('x')]], constantsMap: { value: 3 }, title: 'Add' }),
      node('f', 'RekuestFilterActionNode', { title: 'Is Large?', ins: [[port('x'), port('x')]], outs: [[port('x'), port('x')], [port('x'), port('x')]] }),
      node('out', 'ReturnNode', { ins: [[port('x'), port('x')]], outs: [[]] }),
    ],
    [edge('e1', 'in', 'a'), edge('e2', 'in', 'c'), edge('e3', 'a', 'z'), edge('e4', 'c', 'z', 'return_0', 'arg_1'), edge('e5', 'z', 'add'), edge('e6', 'add', 'f'), edge('e7', 'f', 'out')],
    'Chain',
  );
}

/** The same chain with authored positions (for stored layouts and first paint without ELK). */
export function positionedChainFlow(): Json {
  const f = chainFlow() as { graph: { nodes: Json[] } };
  f.graph.nodes.forEach((n, i) => {
    n.position = { x: i * 260, y: (i % 2) * 140 };
  });
  return f;
}

/** A generated wide graph of n nodes in columns (for culling). */
export function bigFlow(n: number): Json {
  const nodes: Json[] = [];
  const edges: Json[] = [];
  const perColumn = 40;
  for (let i = 0; i < n; i++) {
    nodes.push(node(`n${i}`, 'RekuestMapActionNode', { title: `Step ${i}`, position: { x: Math.floor(i / perColumn) * 300, y: (i % perColumn) * 120 } }));
    if (i >= perColumn) edges.push(edge(`e${i}`, `n${i - perColumn}`, `n${i}`));
  }
  return flow(nodes, edges, 'Big');
}
