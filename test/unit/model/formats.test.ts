// Format coverage of parseWorkflow on project-written documents: wrappers, stored vs GraphQL form,
// G2a ports, legacy node types and inference, globals, edges, KwargNode hiding.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseWorkflow } from '../../../src/model/index.js';
import type { Workflow } from '../../../src/model/index.js';

const port = (key: string, kind = 'INT', extra: Record<string, unknown> = {}) => ({ key, kind, nullable: false, ...extra });

const graphqlGraph = {
  nodes: [
    { __typename: 'ArgNode', id: 'in', kind: 'ARGS', title: 'In', description: '', position: { x: 1, y: 2 }, ins: [[]], outs: [[port('a')]], constants: [], voids: [], constantsMap: {}, globalsMap: {} },
    { __typename: 'RekuestFilterActionNode', id: 'f', kind: 'REKUEST_FILTER', title: 'Keep', description: '', position: { x: 3, y: 4 }, ins: [[port('a')]], outs: [[port('a')], [port('a')]], constants: [port('limit')], voids: [], constantsMap: {}, globalsMap: { limit: 'lim' }, hash: 'hf', mapStrategy: 'MAP', allowLocalExecution: true, actionKind: 'FUNCTION', retries: null, retryDelay: 500, nextTimeout: null },
    { __typename: 'ReturnNode', id: 'out', kind: 'RETURNS', title: 'Out', description: '', position: { x: 5, y: 6 }, ins: [[port('a')]], outs: [[]], constants: [], voids: [], constantsMap: {}, globalsMap: {} },
  ],
  edges: [
    { __typename: 'VanillaEdge', id: 'e1', kind: 'VANILLA', source: 'in', sourceHandle: 'return_0', target: 'f', targetHandle: 'arg_0', stream: [], label: 'first' },
    { __typename: 'LoggingEdge', id: 'e2', kind: 'LOGGING', level: 'DEBUG', source: 'f', sourceHandle: 'return_1', target: 'out', targetHandle: 'arg_0', stream: [{ kind: 'INT', label: 'a' }] },
  ],
  globals: [{ key: 'lim', port: port('limit') }],
};

const strip = (wf: Workflow | readonly Workflow["nodes"][number][] | null): unknown => JSON.parse(JSON.stringify(wf, (_k, v: unknown) => (v instanceof Map ? [...v] : v)));

describe('wrappers', () => {
  it('bare graph, Flow envelope, {flow}, {data: {flow}} and text give the same graph', () => {
    const envelope = { __typename: 'Flow', id: '5', title: 'T', description: 'D', createdAt: '2026-01-01T00:00:00Z', hash: 'abc', workspace: { id: '9' }, graph: graphqlGraph };
    const variants = [envelope, { flow: envelope }, { data: { flow: envelope } }, JSON.stringify({ data: { flow: envelope } })];
    const results = variants.map((v) => parseWorkflow(v));
    for (const r of results) assert.deepEqual(r.diagnostics, []);
    for (const r of results.slice(1)) assert.deepEqual(strip(r.workflow), strip(results[0]!.workflow));
    const wf = results[0]!.workflow!;
    assert.deepEqual([wf.id, wf.title, wf.description, wf.createdAt, wf.hash, wf.workspaceId], ['5', 'T', 'D', '2026-01-01T00:00:00Z', 'abc', '9']);
    const bare = parseWorkflow(graphqlGraph).workflow!;
    assert.deepEqual(strip(bare.nodes), strip(wf.nodes));
    assert.equal(bare.id, '');
  });
  it('a GraphQL response with data: null is PARSE_SCHEMA', () => {
    const r = parseWorkflow({ data: null, errors: [{ message: 'Flow matching query does not exist.' }] });
    assert.equal(r.workflow, null);
    assert.equal(r.diagnostics[0]!.code, 'PARSE_SCHEMA');
  });
});

describe('current generation', () => {
  it('GraphQL form: filter node with two out-streams, globals inverted, edge kinds and items', () => {
    const wf = parseWorkflow(graphqlGraph).workflow!;
    const f = wf.nodes.find((n) => n.id === 'f')!;
    assert.equal(f.kind, 'rekuest-filter');
    assert.equal(f.outs.length, 2);
    assert.deepEqual(f.action, { hash: 'hf', actionKind: 'FUNCTION', mapStrategy: 'MAP', allowLocalExecution: true, retryDelayMs: 500 });
    assert.deepEqual(wf.globals, [{ key: 'lim', port: { key: 'limit', kind: 'INT', nullable: false, children: [] }, targets: [{ nodeId: 'f', portKey: 'limit' }] }]);
    const [e1, e2] = wf.edges;
    assert.deepEqual([e1!.kind, e1!.label, e1!.items], ['vanilla', 'first', [{ kind: 'INT', label: 'a' }]]);
    assert.deepEqual([e2!.kind, e2!.level, e2!.sourceStream, e2!.items], ['logging', 'DEBUG', 1, [{ kind: 'INT', label: 'a' }]]);
    assert.deepEqual(wf.nodes.map((n) => n.position), [{ x: 1, y: 2 }, { x: 3, y: 4 }, { x: 5, y: 6 }]);
  });

  it('stored form: snake_case fields, REKUEST_MAP, no __typename', () => {
    const r = parseWorkflow({
      nodes: [
        { id: 'm', kind: 'REKUEST_MAP', ins: [[port('a')]], outs: [[port('b')]], constants: [], voids: [], position: { x: 0, y: 0 }, constants_map: { c: 1 }, globals_map: { c: 'g' }, parent_node: 'grp', title: 'M', description: '', hash: 'h', map_strategy: 'MAP_TO', allow_local_execution: true, action_kind: 'GENERATOR', retry_delay: 10, next_timeout: 20 },
        { id: 'grp', kind: 'AGENT_SUBFLOW', ins: [[]], outs: [[]], app_filter: 'napari', version_filter: '0.5', auto_resolvable: true },
      ],
      edges: [],
      globals: [{ key: 'gk', port: port('g') }],
    });
    assert.deepEqual(r.diagnostics, []);
    const [grp, m] = r.workflow!.nodes;
    assert.equal(grp!.id, 'grp', 'parent first');
    assert.deepEqual(grp!.agentFilter, { autoResolvable: true, app: 'napari', version: '0.5' });
    assert.equal(grp!.title, 'napari:v0.5');
    assert.equal(m!.typename, 'RekuestMapActionNode');
    assert.equal(m!.parentId, 'grp');
    assert.deepEqual(m!.action, { hash: 'h', actionKind: 'GENERATOR', mapStrategy: 'MAP_TO', allowLocalExecution: true, retryDelayMs: 10, nextTimeoutMs: 20 });
    assert.deepEqual([...m!.constantsMap], [['c', 1]]);
    // binding resolved by port.key when no global has that key (spec Q9)
    assert.deepEqual(r.workflow!.globals[0]!.targets, [{ nodeId: 'm', portKey: 'c' }]);
  });

  it('G2a ports: assignWidget/returnWidget/scope read, binds ignored', () => {
    const r = parseWorkflow({
      nodes: [{ __typename: 'RekuestMapActionNode', id: 'x', kind: 'REKUEST', ins: [[port('a', 'STRUCTURE', { identifier: '@m/image', scope: 'GLOBAL', assignWidget: { kind: 'SEARCH', query: 'q' } })]], outs: [[port('b', 'ENUM', { returnWidget: { kind: 'CHOICE' }, choices: [{ value: 'v', label: 'V' }] })]], binds: { templates: [] } }],
    });
    const n = r.workflow!.nodes[0]!;
    assert.deepEqual([n.ins[0]![0]!.widgetKind, n.ins[0]![0]!.scope], ['SEARCH', 'GLOBAL']);
    assert.deepEqual([n.outs[0]![0]!.widgetKind, n.outs[0]![0]!.choices], ['CHOICE', [{ value: 'v', label: 'V' }]]);
    assert.deepEqual(r.diagnostics, []);
  });
});

describe('legacy generation', () => {
  it('node types: ArkitektFilterNode, LocalNode, GraphNode, KwargNode with ports kept', () => {
    const g1 = (typename: string, id: string, extra: Record<string, unknown> = {}) => ({ __typename: typename, id, instream: [[port('a')]], outstream: [[port('a')]], constream: [], ...extra });
    const r = parseWorkflow({
      graph: {
        nodes: [
          g1('ArkitektFilterNode', 'af', { hash: 'h', kind: 'FUNCTION', mapStrategy: 'ORDERED', allowLocal: false, assignTimeout: 1000, maxRetries: 2 }),
          g1('LocalNode', 'lo', { hash: 'h2', kind: 'GENERATOR', interface: 'x', retrySleepMs: 50 }),
          g1('GraphNode', 'gr', { hash: 'sub' }),
          g1('KwargNode', '3'),
        ],
        edges: [],
      },
    });
    assert.deepEqual(r.diagnostics, []);
    const kinds = r.workflow!.nodes.map((n) => [n.id, n.kind, n.title]);
    assert.deepEqual(kinds, [
      ['af', 'rekuest-filter', 'Filter'],
      ['lo', 'local', 'Local action'],
      ['gr', 'subgraph', 'Sub-flow'],
      ['3', 'kwargs', 'Kwargs'],
    ]);
    assert.deepEqual(r.workflow!.nodes[0]!.action, { hash: 'h', actionKind: 'FUNCTION', mapStrategy: 'ORDERED', allowLocalExecution: false, retries: 2, nextTimeoutMs: 1000 });
    assert.deepEqual(r.workflow!.nodes[1]!.action, { hash: 'h2', actionKind: 'GENERATOR', mapStrategy: '', allowLocalExecution: false, retryDelayMs: 50, local: true });
  });

  it('an empty KwargNode is hidden unless keepEmptyKwargs; one touched by an edge stays', () => {
    const doc = {
      graph: {
        nodes: [
          { typename: 'KwargNode', id: '3', instream: [[]], outstream: [[]], constream: [[]] },
          { typename: 'KwargNode', id: 'k2', instream: [[]], outstream: [[]], constream: [[]] },
          { typename: 'ArgNode', id: '1', instream: [[]], outstream: [[]], constream: [[]] },
        ],
        edges: [{ id: 'e', source: '1', sourceHandle: 'return_0', target: 'k2', targetHandle: 'arg_0', stream: [] }],
      },
    };
    assert.deepEqual(parseWorkflow(doc).workflow!.nodes.map((n) => n.id), ['k2', '1']);
    assert.deepEqual(parseWorkflow(doc, { keepEmptyKwargs: true }).workflow!.nodes.map((n) => n.id), ['3', 'k2', '1']);
  });

  it('snake_case dump inference by edges when ids are not 1/2/3', () => {
    const r = parseWorkflow({
      graph: {
        nodes: [
          { id: 'src', instream: [[]], outstream: [[port('a')]], constream: [[]] },
          { id: 'mid', instream: [[port('a')]], outstream: [[port('a')]], constream: [], implementation: 'CHUNK' },
          { id: 'sink', instream: [[port('a')]], outstream: [[]], constream: [[]] },
          { id: 'lonely', instream: [[]], outstream: [[]], constream: [[]] },
        ],
        edges: [
          { id: 'a', source: 'src', source_handle: 'return_0', target: 'mid', target_handle: 'arg_0' },
          { id: 'b', source: 'mid', source_handle: 'return_0', target: 'sink', target_handle: 'arg_0' },
        ],
      },
    });
    assert.deepEqual(r.workflow!.nodes.map((n) => [n.id, n.typename]), [
      ['src', 'ArgNode'],
      ['mid', 'ReactiveNode'],
      ['sink', 'ReturnNode'],
    ]);
    assert.equal(r.workflow!.generation, 'G1');
  });

  it('toKeys split at the first dot after an existing node id; bad targets warned', () => {
    const r = parseWorkflow({
      graph: {
        nodes: [
          { typename: 'ArkitektNode', id: 'a.b', hash: 'h', instream: [[]], outstream: [[]], constream: [[port('x.y')]] },
          { typename: 'ArkitektNode', id: 'c', hash: 'h', instream: [[]], outstream: [[]], constream: [[port('z')]] },
        ],
        edges: [],
        globals: [
          { toKeys: ['a.b.x.y', 'c.z', 'nope.z'], port: port('shared') },
          { toKeys: ['c.z2'], port: port('shared') },
        ],
      },
    });
    const [ab, c] = r.workflow!.nodes;
    assert.deepEqual([...ab!.globalsMap], [['x.y', 'shared']]);
    assert.deepEqual([...c!.globalsMap], [['z', 'shared'], ['z2', 'shared']]);
    assert.equal(r.workflow!.globals.length, 1);
    assert.equal(r.workflow!.globals[0]!.targets.length, 3);
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['GLOBAL_INVALID']);
  });
});
