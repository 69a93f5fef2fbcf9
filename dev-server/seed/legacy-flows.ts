// Dev server seed: a legacy (G1) flow as the old fluss-server returned it (instream/outstream,
// ArkitektNode, LabeledEdge, a KwargNode), written for this project. Served after conversion.

const lp = (key: string, kind: string, identifier: string | null = null) => ({
  __typename: 'Port',
  key,
  label: null,
  identifier,
  scope: 'GLOBAL',
  kind,
  description: null,
  assignWidget: null,
  returnWidget: null,
  child: null,
  variants: null,
  nullable: false,
});

const ARK_PROJECT = 'arkid-7f3e2d1c-0b9a-4876-a5b4-c3d2e1f0a901';
const ARK_SHARPEN = 'arkid-1a2b3c4d-5e6f-4a8b-9c0d-e1f2a3b4c502';
const ZIP = 'arkid-9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b03';

const lEdge = (source: string, sh: string, target: string, th: string) => ({
  __typename: 'LabeledEdge',
  id: `reactflow__edge-${source}${sh}-${target}${th}`,
  source,
  sourceHandle: sh,
  target,
  targetHandle: th,
  typename: 'LabeledEdge',
  stream: [],
});

/** "Project and sharpen": max projection and sharpening joined by a ZIP (legacy G1 shape). */
export const legacyProjectFlow = {
  __typename: 'Flow',
  id: 'legacy-project',
  name: 'quiet-amber-heron',
  restrict: [],
  screenshot: null,
  createdAt: '2023-06-14T10:12:00+00:00',
  workspace: { __typename: 'Workspace', id: '7' },
  graph: {
    __typename: 'FlowGraph',
    nodes: [
      { __typename: 'ArgNode', typename: 'ArgNode', id: '1', position: { x: 0, y: 100 }, parentNode: null, instream: [], outstream: [[lp('stack', 'STRUCTURE', '@mikro/representation')]], constream: [], constants: null, name: '', description: 'No description', defaults: {} },
      { __typename: 'KwargNode', typename: 'KwargNode', id: '3', position: { x: 0, y: 300 }, parentNode: null, instream: [], outstream: [], constream: [], constants: null, name: '', description: 'No description', defaults: {} },
      {
        __typename: 'ArkitektNode', typename: 'ArkitektNode', id: ARK_PROJECT, position: { x: 300, y: 40 }, parentNode: null,
        instream: [[lp('stack', 'STRUCTURE', '@mikro/representation')]], outstream: [[lp('projection', 'STRUCTURE', '@mikro/representation')]],
        constream: [[lp('axis', 'STRING')]], constants: null, name: 'Max projection', description: 'Projects a stack along an axis',
        defaults: { stack: null, axis: 'z' }, hash: 'dev-legacy-max-projection', kind: 'FUNCTION', mapStrategy: 'MAP', allowLocal: false,
        binds: { templates: [], clients: [] }, assignTimeout: 100000, yieldTimeout: 100000, reserveTimeout: 100000, maxRetries: 3, retryDelay: 1000,
      },
      {
        __typename: 'ArkitektNode', typename: 'ArkitektNode', id: ARK_SHARPEN, position: { x: 300, y: 200 }, parentNode: null,
        instream: [[lp('stack', 'STRUCTURE', '@mikro/representation')]], outstream: [[lp('sharpened', 'STRUCTURE', '@mikro/representation'), lp('gain', 'FLOAT')]],
        constream: [], constants: null, name: 'Sharpen', description: 'Unsharp mask',
        defaults: { stack: null }, hash: 'dev-legacy-sharpen', kind: 'FUNCTION', mapStrategy: 'MAP', allowLocal: true,
        binds: { templates: [], clients: [] }, assignTimeout: 100000, yieldTimeout: 100000, reserveTimeout: 100000, maxRetries: 3, retryDelay: 1000,
      },
      {
        __typename: 'ReactiveNode', typename: 'ReactiveNode', id: ZIP, position: { x: 620, y: 120 }, parentNode: null,
        instream: [[lp('projection', 'STRUCTURE', '@mikro/representation')], [lp('sharpened', 'STRUCTURE', '@mikro/representation'), lp('gain', 'FLOAT')]],
        outstream: [[lp('projection', 'STRUCTURE', '@mikro/representation'), lp('sharpened', 'STRUCTURE', '@mikro/representation'), lp('gain', 'FLOAT')]],
        constream: [], constants: null, name: 'Zip', description: 'No description', defaults: {}, implementation: 'ZIP',
      },
      {
        __typename: 'ReturnNode', typename: 'ReturnNode', id: '2', position: { x: 900, y: 120 }, parentNode: null,
        instream: [[lp('projection', 'STRUCTURE', '@mikro/representation'), lp('sharpened', 'STRUCTURE', '@mikro/representation'), lp('gain', 'FLOAT')]],
        outstream: [], constream: [], constants: null, name: '', description: 'No description', defaults: {},
      },
    ],
    edges: [
      lEdge('1', 'return_0', ARK_PROJECT, 'arg_0'),
      lEdge('1', 'return_0', ARK_SHARPEN, 'arg_0'),
      lEdge(ARK_PROJECT, 'return_0', ZIP, 'arg_0'),
      lEdge(ARK_SHARPEN, 'return_0', ZIP, 'arg_1'),
      lEdge(ZIP, 'return_0', '2', 'arg_0'),
    ],
    globals: [],
    args: [lp('stack', 'STRUCTURE', '@mikro/representation')],
    returns: [lp('projection', 'STRUCTURE', '@mikro/representation'), lp('sharpened', 'STRUCTURE', '@mikro/representation'), lp('gain', 'FLOAT')],
  },
};

const sp = (key: string, kind: string, identifier: string | null = null) => ({ key, kind, identifier, nullable: false, scope: 'GLOBAL', child: null });
const ARK_DETECT = 'arkid-4c5d6e7f-8091-4a2b-b3c4-d5e6f7a8b901';
const ARK_COUNT = 'arkid-0a1b2c3d-4e5f-4061-8293-a4b5c6d7e802';

/**
 * "Detect and count" as a 2023 client dump: snake_case keys and no type names at all, so the
 * node types are inferred (ids "1"/"2"/"3", `hash` for actions). Legacy G1 shape.
 */
export const legacySnakeCaseFlow = {
  id: 'legacy-snake',
  name: 'brisk-teal-otter',
  brittle: false,
  created_at: '2023-02-20T15:40:00+00:00',
  workspace: null,
  hash: 'dev-legacy-snake-hash',
  graph: {
    nodes: [
      { id: '1', position: { x: 0, y: 60 }, parent_node: null, instream: [], outstream: [[sp('image', 'STRUCTURE', '@mikro/representation')]], constream: [], constants: null },
      { id: '2', position: { x: 760, y: 60 }, parent_node: null, instream: [[sp('count', 'INT')]], outstream: [], constream: [], constants: null },
      { id: '3', position: { x: 0, y: 240 }, parent_node: null, instream: [], outstream: [], constream: [], constants: null },
      {
        id: ARK_DETECT, position: { x: 250, y: 60 }, parent_node: null, name: 'Detect spots', description: 'LoG spot detection',
        hash: 'dev-legacy-detect', kind: 'FUNCTION', map_strategy: 'MAP', allow_local: false, binds: null,
        instream: [[sp('image', 'STRUCTURE', '@mikro/representation')]], outstream: [[sp('spots', 'STRUCTURE', '@mikro/table')]],
        constream: [[sp('sigma', 'FLOAT')]], constants: null, defaults: { image: null, sigma: 1.5 },
      },
      {
        id: ARK_COUNT, position: { x: 500, y: 60 }, parent_node: null, name: 'Count rows', description: 'No description',
        hash: 'dev-legacy-count', kind: 'FUNCTION', map_strategy: 'MAP', allow_local: true, binds: null,
        instream: [[sp('spots', 'STRUCTURE', '@mikro/table')]], outstream: [[sp('count', 'INT')]],
        constream: [], constants: null, defaults: { spots: null },
      },
    ],
    edges: [
      { id: `reactflow__edge-1return_0-${ARK_DETECT}arg_0`, source: '1', source_handle: 'return_0', target: ARK_DETECT, target_handle: 'arg_0', stream: [] },
      { id: `reactflow__edge-${ARK_DETECT}return_0-${ARK_COUNT}arg_0`, source: ARK_DETECT, source_handle: 'return_0', target: ARK_COUNT, target_handle: 'arg_0', stream: [] },
      { id: `reactflow__edge-${ARK_COUNT}return_0-2arg_0`, source: ARK_COUNT, source_handle: 'return_0', target: '2', target_handle: 'arg_0', stream: [] },
    ],
    globals: [],
    args: [sp('image', 'STRUCTURE', '@mikro/representation')],
    returns: [sp('count', 'INT')],
  },
};
