/**
 * A project-written workflow with one node of every kind the model knows (args, kwargs,
 * reactive, rekuest-map, rekuest-filter, agent-subflow with a child, local, subgraph, an unknown
 * typename, returns) and a logging edge. Used by the stories and the demo.
 */
import { action, agentSubFlow, argNode, edge, flow, port, reactive, returnNode } from '../../dev-server/seed/build.js';
import type { GqlFlow, GqlNode } from '../../dev-server/types.js';

/** A node in GraphQL form with an arbitrary typename (KwargNode, LocalNode, GraphNode, unknown). */
function other(typename: string, kind: string, b: { id: string; title: string; x: number; y: number; ins?: GqlNode['ins']; outs?: GqlNode['outs'] }): GqlNode {
  return {
    __typename: typename,
    kind,
    id: b.id,
    title: b.title,
    description: '',
    position: { x: b.x, y: b.y },
    parentNode: null,
    ins: b.ins ?? [],
    outs: b.outs ?? [],
    constants: [],
    voids: [],
    constantsMap: {},
    globalsMap: {},
  } as unknown as GqlNode;
}

/** Every node kind in one flow (GraphQL form). */
export function everyKindFlow(): GqlFlow {
  const num = (key: string) => port(key, 'INT');
  return flow(
    'every-kind',
    'Every node kind',
    'One node of each kind the library draws, wired as a small pipeline.',
    [
      argNode({ id: 'args', title: 'Inputs', x: 0, y: 120, outs: [[num('count'), port('name', 'STRING')]] }),
      other('KwargNode', 'KWARGS', { id: 'kwargs', title: 'Keyword arguments', x: 0, y: 320, outs: [[port('threshold', 'FLOAT')]] }),
      reactive({ id: 'reactive', title: 'Combine latest', x: 280, y: 120, implementation: 'COMBINELATEST', ins: [[num('count')], [port('threshold', 'FLOAT')]], outs: [[num('count'), port('threshold', 'FLOAT')]] }),
      action({ id: 'map', title: 'Scale values', x: 560, y: 40, hash: 'story-scale', ins: [[num('count'), port('threshold', 'FLOAT')]], outs: [[port('scaled', 'FLOAT')]], retries: 1 }),
      action({ id: 'filter', title: 'Above threshold', x: 560, y: 240, hash: 'story-filter', filter: true, ins: [[num('count')]], outs: [[num('count')], [num('count')]] }),
      agentSubFlow({ id: 'agent', title: 'Remote agent', x: 840, y: 0, appFilter: 'story-agent', ins: [[port('scaled', 'FLOAT')]], outs: [[port('result', 'FLOAT')]] }),
      action({ id: 'agent-child', title: 'Fit model', parent: 'agent', x: 30, y: 60, hash: 'story-fit', ins: [[port('scaled', 'FLOAT')]], outs: [[port('result', 'FLOAT')]] }),
      other('LocalNode', 'LOCAL', { id: 'local', title: 'Local function', x: 840, y: 280, ins: [[num('count')]], outs: [[num('count')]] }),
      other('GraphNode', 'GRAPH', { id: 'subgraph', title: 'Nested graph', x: 1120, y: 280, ins: [[num('count')]], outs: [[num('count')]] }),
      other('FutureNode', 'FUTURE', { id: 'unknown', title: 'From a newer Fluss', x: 1120, y: 460, ins: [[num('count')]], outs: [] }),
      returnNode({ id: 'returns', title: 'Outputs', x: 1400, y: 120, ins: [[port('result', 'FLOAT')], [num('count')]] }),
    ],
    [
      edge('e-args-reactive', 'args', 0, 'reactive', 0),
      edge('e-kwargs-reactive', 'kwargs', 0, 'reactive', 1),
      edge('e-reactive-map', 'reactive', 0, 'map', 0),
      edge('e-args-filter', 'args', 0, 'filter', 0, 'DEBUG'),
      edge('e-map-agent', 'map', 0, 'agent-child', 0),
      edge('e-agent-returns', 'agent-child', 0, 'returns', 0),
      edge('e-filter-local', 'filter', 0, 'local', 0),
      edge('e-local-subgraph', 'local', 0, 'subgraph', 0),
      edge('e-subgraph-returns', 'subgraph', 0, 'returns', 1),
      edge('e-filter-unknown', 'filter', 1, 'unknown', 0),
    ],
  );
}
