// Reliability rows P1-P17 and G1-G11, N1, N4 (shared/reference/reliability.md) for the pure parser:
// every bad input gives its diagnostic code and never an exception.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseWorkflow, parseRunExport, normalizeRunEvent, parseHandle, portTypeLabel } from '../../../src/model/index.js';
import type { Diagnostic, WorkflowParseResult } from '../../../src/model/index.js';

type Obj = Record<string, unknown>;

const port = (key: string, kind = 'INT'): Obj => ({ key, kind, nullable: false });
const gnode = (id: unknown, extra: Obj = {}): Obj => ({
  __typename: 'RekuestMapActionNode',
  id,
  kind: 'REKUEST',
  title: `Node ${String(id)}`,
  description: '',
  position: { x: 0, y: 0 },
  ins: [[port('x')]],
  outs: [[port('y')]],
  constants: [],
  voids: [],
  constantsMap: {},
  globalsMap: {},
  hash: 'h',
  mapStrategy: 'MAP',
  allowLocalExecution: false,
  actionKind: 'FUNCTION',
  ...extra,
});
const gedge = (id: string, source: unknown, target: unknown, sh = 'return_0', th = 'arg_0'): Obj => ({
  __typename: 'VanillaEdge',
  id,
  kind: 'VANILLA',
  source,
  sourceHandle: sh,
  target,
  targetHandle: th,
  stream: [],
});
const graph = (nodes: unknown[], edges: unknown[] = []): Obj => ({ nodes, edges, globals: [] });

const codes = (r: { diagnostics: readonly Diagnostic[] }): string[] => r.diagnostics.map((d) => d.code);
const safeParse = (input: unknown, opts?: Parameters<typeof parseWorkflow>[1]): WorkflowParseResult => {
  let r: WorkflowParseResult | undefined;
  assert.doesNotThrow(() => {
    r = parseWorkflow(input, opts);
  });
  return r!;
};
const expectError = (input: unknown, code: string, opts?: Parameters<typeof parseWorkflow>[1]): WorkflowParseResult => {
  const r = safeParse(input, opts);
  assert.equal(r.workflow, null, `no workflow for ${code}`);
  const errs = r.diagnostics.filter((d) => d.severity === 'error');
  assert.equal(errs.length, 1, `exactly one error: ${JSON.stringify(r.diagnostics)}`);
  assert.equal(errs[0]!.code, code);
  return r;
};
const expectWarning = (input: unknown, code: string, opts?: Parameters<typeof parseWorkflow>[1]): WorkflowParseResult => {
  const r = safeParse(input, opts);
  assert.ok(r.workflow, `a workflow despite ${code}: ${JSON.stringify(r.diagnostics)}`);
  assert.ok(codes(r).includes(code), `expected ${code}, got ${JSON.stringify(codes(r))}`);
  assert.ok(r.diagnostics.every((d) => d.severity === 'warning'));
  return r;
};

describe('reliability 3.1: parsing and schema', () => {
  it('P1 malformed JSON -> PARSE_INVALID_JSON with line and column', () => {
    const r = expectError('{"nodes":[1,', 'PARSE_INVALID_JSON');
    assert.match(r.diagnostics[0]!.message, /line 1, column 13/);
    const r2 = expectError('{\n  "nodes": [\n    {"id": x}\n  ]\n}', 'PARSE_INVALID_JSON');
    assert.match(r2.diagnostics[0]!.message, /line 3, column 12/);
  });

  const p2: [string, unknown][] = [
    ['empty string', ''],
    ['whitespace', '  \n '],
    ['null (text)', 'null'],
    ['null (value)', null],
    ['undefined', undefined],
    ['"[]"', '[]'],
    ['"42"', '42'],
    ['"\\"text\\""', '"text"'],
    ['a number', 42],
    ['a list', []],
    ['an object without nodes', {}],
  ];
  for (const [name, input] of p2) {
    it(`P2 ${name} -> PARSE_SCHEMA`, () => {
      expectError(input, 'PARSE_SCHEMA');
    });
  }

  it('P3 BOM and surrounding whitespace are stripped', () => {
    const text = `\uFEFF \n\t${JSON.stringify(graph([gnode('a')]))}\n  `;
    const r = safeParse(text);
    assert.ok(r.workflow);
    assert.equal(r.diagnostics.length, 0);
  });
  const json5: [string, string][] = [
    ['line comment', '// hi\n{"nodes": []}'],
    ['block comment', '{"nodes": [] /* x */}'],
    ['trailing comma in object', '{"nodes": [],}'],
    ['trailing comma in array', '{"nodes": [1,]}'],
    ['single quotes', "{'nodes': []}"],
    ['unquoted key', '{nodes: []}'],
    ['NaN', '{"nodes": [], "x": NaN}'],
  ];
  for (const [name, text] of json5) {
    it(`P3 JSON5 (${name}) is rejected clearly`, () => {
      const r = expectError(text, 'PARSE_INVALID_JSON');
      assert.match(r.diagnostics[0]!.message, /not strict JSON.*JSON5/);
    });
  }

  it('P4 byte limit is checked before JSON.parse -> GRAPH_TOO_LARGE', () => {
    const big = `{"nodes": [], "pad": "${'x'.repeat(21 * 1024 * 1024)}"}`;
    expectError(big, 'GRAPH_TOO_LARGE');
    // configurable; multi-byte characters count as UTF-8 bytes
    expectError(`{"nodes": [], "t": "${'é'.repeat(600)}"}`, 'GRAPH_TOO_LARGE', { maxBytes: 1000 });
    assert.ok(safeParse(`{"nodes": [], "t": "${'e'.repeat(600)}"}`, { maxBytes: 1000 }).workflow);
  });

  for (const [name, nodes] of [
    ['an object', {}],
    ['a string', 'nodes'],
    ['a number', 3],
  ] as const) {
    it(`P5 nodes is ${name} -> PARSE_SCHEMA naming $.nodes`, () => {
      const r = expectError({ nodes, edges: [] }, 'PARSE_SCHEMA');
      assert.equal(r.diagnostics[0]!.path, '$.nodes');
    });
  }
  it('P5 missing edges is an empty list; edges of the wrong type is PARSE_SCHEMA', () => {
    const r = safeParse({ nodes: [gnode('a')] });
    assert.equal(r.workflow?.edges.length, 0);
    assert.equal(r.diagnostics.length, 0);
    expectError({ nodes: [], edges: 'x' }, 'PARSE_SCHEMA');
  });

  it('P6 wrong field types are coerced or dropped with warnings', () => {
    const r = safeParse(
      graph([
        gnode(42),
        gnode({}),
        gnode('t', { title: ['a'] }),
        gnode('p', { position: '0,0' }),
        gnode('k', { __typename: undefined, kind: 7 }),
      ]),
    );
    const wf = r.workflow!;
    assert.deepEqual(wf.nodes.map((n) => n.id), ['42', 't', 'p', 'k']);
    assert.equal(wf.nodes[1]!.title, 'a');
    assert.equal(wf.nodes[2]!.position, undefined);
    assert.equal(wf.nodes[3]!.kind, 'unknown');
    assert.deepEqual(codes(r).sort(), ['FIELD_INVALID', 'NODE_INVALID', 'NODE_KIND_UNKNOWN', 'POSITION_INVALID']);
  });

  it('P7 missing, empty and whitespace ids -> NODE_INVALID, node dropped', () => {
    const r = expectWarning(graph([gnode(undefined), gnode(''), gnode('  \t'), gnode('ok')]), 'NODE_INVALID');
    assert.deepEqual(r.workflow!.nodes.map((n) => n.id), ['ok']);
    assert.equal(codes(r).filter((c) => c === 'NODE_INVALID').length, 3);
    expectWarning(graph([gnode(1.5), gnode(2 ** 60), gnode(true)]), 'NODE_INVALID');
  });

  it('P8 duplicate node ids -> first kept, NODE_DUPLICATE', () => {
    const r = expectWarning(graph([gnode('a', { title: 'first' }), gnode('a', { title: 'second' })]), 'NODE_DUPLICATE');
    assert.equal(r.workflow!.nodes.length, 1);
    assert.equal(r.workflow!.nodes[0]!.title, 'first');
    assert.match(r.diagnostics[0]!.message, /"a"/);
  });

  it('P9 duplicate edge ids -> first kept, EDGE_DUPLICATE', () => {
    const r = expectWarning(graph([gnode('a'), gnode('b'), gnode('c')], [gedge('e', 'a', 'b'), gedge('e', 'b', 'c')]), 'EDGE_DUPLICATE');
    assert.deepEqual(r.workflow!.edges.map((e) => [e.source, e.target]), [['a', 'b']]);
  });

  it('P10 duplicate JSON keys: the last one wins, no crash', () => {
    const text = `{"nodes": [${JSON.stringify(gnode('a')).replace('"id":"a"', '"id":"a","id":"b"')}], "edges": []}`;
    const r = safeParse(text);
    assert.deepEqual(r.workflow!.nodes.map((n) => n.id), ['b']);
  });

  it('P11 ids __proto__, constructor, toString, hasOwnProperty, prototype are normal; 0 and "0" are duplicates', () => {
    const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype'];
    const nodes = ids.map((id) => gnode(id));
    const edges = ids.slice(1).map((id, i) => gedge(id, ids[i], id));
    const doc = graph([...nodes, gnode(0), gnode('0')], edges);
    for (const input of [doc, JSON.stringify(doc)]) {
      const r = safeParse(input);
      assert.deepEqual(r.workflow!.nodes.map((n) => n.id), [...ids, '0']);
      assert.equal(r.workflow!.edges.length, 4);
      assert.deepEqual(codes(r), ['NODE_DUPLICATE']);
    }
    assert.equal(({} as Obj).polluted, undefined);
  });

  it('P12 prototype-pollution payloads change no prototype; map keys named like them still work', () => {
    const text = `{
      "__proto__": {"polluted": 1},
      "constructor": {"prototype": {"polluted": 2}},
      "nodes": [{
        "__typename": "RekuestMapActionNode", "id": "n", "kind": "REKUEST", "title": "{{ __proto__ }} {{ constructor }}",
        "ins": [[{"key": "x", "kind": "INT", "nullable": false, "default": {"__proto__": {"polluted": 3}, "ok": 1}}]],
        "outs": [[]], "constants": [], "voids": [],
        "constantsMap": {"__proto__": {"polluted": 4}, "constructor": {"prototype": {"polluted": 5}}, "toString": "t"},
        "globalsMap": {"__proto__": "g"},
        "__proto__": {"polluted": 6}
      }],
      "edges": [], "globals": [{"key": "g", "port": {"key": "g", "kind": "INT", "nullable": false, "__proto__": {"polluted": 7}}}]
    }`;
    const r = safeParse(text);
    const n = r.workflow!.nodes[0]!;
    assert.equal((Object.prototype as Obj).polluted, undefined);
    assert.equal(({} as Obj).polluted, undefined);
    assert.deepEqual([...n.constantsMap.keys()], ['__proto__', 'constructor', 'toString']);
    assert.equal(n.globalsMap.get('__proto__'), 'g');
    assert.deepEqual(r.workflow!.globals[0]!.targets, [{ nodeId: 'n', portKey: '__proto__' }]);
    // pass-through values are copied without the dangerous keys
    const cv = n.constantsMap.get('__proto__') as Obj;
    assert.equal(Object.getPrototypeOf(cv), Object.prototype);
    assert.deepEqual(Object.keys(n.constantsMap.get('constructor') as Obj), []);
    assert.deepEqual(Object.keys(n.ins[0]![0]!.default as Obj), ['ok']);
    // a consumer that merges the values pollutes nothing
    Object.assign({}, cv, n.ins[0]![0]!.default);
    assert.equal(({} as Obj).polluted, undefined);
    // same through the object path
    const r2 = safeParse(JSON.parse(text));
    assert.deepEqual(Object.keys(r2.workflow!.nodes[0]!.ins[0]![0]!.default as Obj), ['ok']);
    assert.equal(({} as Obj).polluted, undefined);
  });

  it('P13 unknown fields (validators[].function, effects) are ignored and never evaluated', () => {
    (globalThis as Obj).__xss = undefined;
    const p = { ...port('x'), validators: [{ function: 'globalThis.__xss = 1', dependencies: [] }], effects: [{ function: 'globalThis.__xss = 2' }], widget: { kind: 'SEARCH', query: 'globalThis.__xss=3' } };
    const r = safeParse(graph([gnode('a', { ins: [[p]], extra: { deep: 1 } })]));
    assert.equal(r.diagnostics.length, 0);
    assert.equal((globalThis as Obj).__xss, undefined);
    assert.equal(r.workflow!.nodes[0]!.ins[0]![0]!.widgetKind, 'SEARCH');
  });

  it('P14 legacy format is detected and converted (instream/outstream, child)', () => {
    const r = safeParse({
      name: 'legacy',
      graph: {
        nodes: [
          { __typename: 'ArgNode', id: '1', instream: [[]], outstream: [[{ key: 'l', kind: 'LIST', nullable: false, child: { kind: 'INT' } }]], constream: [[]] },
          { __typename: 'ReturnNode', id: '2', instream: [[{ key: 'r', kind: 'INT', nullable: true }]], outstream: [[]], constream: [[]] },
        ],
        edges: [{ __typename: 'LabeledEdge', id: 'e', source: '1', sourceHandle: 'return_0', target: '2', targetHandle: 'arg_0', stream: [{ key: 'l', kind: 'LIST' }] }],
      },
    });
    assert.equal(r.workflow!.generation, 'G1');
    const l = r.workflow!.nodes[0]!.outs[0]![0]!;
    assert.equal(portTypeLabel(l), 'List of Int');
    assert.equal(portTypeLabel(l, { compact: true }), '[ Int ]');
    assert.deepEqual(r.workflow!.edges[0]!.items, [{ kind: 'LIST', label: 'l' }]);
  });

  it('P15 mixed formats -> FORMAT_MIXED with the written majority rule', () => {
    const legacy = (id: string): Obj => ({ __typename: 'ArkitektNode', id, hash: 'h', kind: 'FUNCTION', instream: [[port('x')]], outstream: [[port('y')]] });
    // two current nodes, one legacy: G2 wins; the legacy node is read as G1 and warned
    const r = expectWarning(graph([gnode('a'), gnode('b'), legacy('c')]), 'FORMAT_MIXED');
    assert.equal(r.workflow!.generation, 'G2');
    assert.equal(r.workflow!.nodes.find((n) => n.id === 'c')!.ins[0]![0]!.key, 'x');
    assert.equal(r.workflow!.nodes.find((n) => n.id === 'c')!.action?.actionKind, 'FUNCTION');
    // a tie goes to G1
    assert.equal(safeParse(graph([gnode('a'), legacy('c')])).workflow!.generation, 'G1');
    // deterministic: same input, same output
    assert.deepEqual(JSON.stringify(safeParse(graph([gnode('a'), legacy('c')])).workflow), JSON.stringify(safeParse(graph([gnode('a'), legacy('c')])).workflow));
    // port with both children and child
    const both = { key: 'l', kind: 'LIST', nullable: false, children: [port('0', 'INT')], child: { kind: 'STRING' } };
    const r2 = expectWarning(graph([gnode('a', { ins: [[both]] })]), 'FORMAT_MIXED');
    assert.equal(portTypeLabel(r2.workflow!.nodes[0]!.ins[0]![0]!), 'List of Int');
  });

  it('P16 unknown kind -> generic node + NODE_KIND_UNKNOWN', () => {
    const r = expectWarning(graph([gnode('a', { __typename: undefined, kind: 'REKUEST_MAP_V2' })]), 'NODE_KIND_UNKNOWN');
    assert.equal(r.workflow!.nodes[0]!.kind, 'unknown');
    assert.equal(r.workflow!.nodes[0]!.typename, 'REKUEST_MAP_V2');
    assert.equal(r.workflow!.nodes[0]!.title, 'Node a');
  });

  it('P17 non-plain objects: class instances and frozen objects work; throwing Proxies and cycles give PARSE_SCHEMA', () => {
    class G {
      nodes = [gnode('a')];
      edges = [];
    }
    assert.equal(safeParse(new G()).workflow!.nodes.length, 1);
    assert.equal(safeParse(Object.freeze(graph([Object.freeze(gnode('a'))]))).workflow!.nodes.length, 1);
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    expectError(throwing, 'PARSE_SCHEMA');
    expectError(graph([throwing]), 'PARSE_SCHEMA');
    // cycles: only known fields are visited, so nothing hangs
    const cyc: Obj = graph([]);
    const n = gnode('a');
    n.self = n;
    (n.constantsMap as Obj).loop = n;
    (cyc.nodes as unknown[]).push(n);
    cyc.graph = undefined;
    cyc.me = cyc;
    const p: Obj = port('c', 'LIST');
    p.children = [p];
    n.ins = [[p]];
    const r = safeParse(cyc);
    assert.ok(r.workflow);
    assert.deepEqual(codes(r), ['PORT_DEPTH']);
    assert.equal(r.workflow.nodes[0]!.constantsMap.get('loop') !== undefined, true);
  });
});

describe('reliability 3.2: graph structure', () => {
  it('G1 an edge to a missing node is dropped with EDGE_DANGLING', () => {
    const r = expectWarning(graph([gnode('a'), gnode('b')], [gedge('ok', 'a', 'b'), gedge('bad', 'a', 'zzz'), gedge('bad2', 'nope', 'b')]), 'EDGE_DANGLING');
    assert.deepEqual(r.workflow!.edges.map((e) => e.id), ['ok']);
    assert.equal(codes(r).length, 2);
  });

  const handles: [string, string, string, string][] = [
    ['return_-1', 'arg_0', 'HANDLE_INVALID', 'negative'],
    ['return_01', 'arg_0', 'HANDLE_INVALID', 'leading zero'],
    ['return_1e1', 'arg_0', 'HANDLE_INVALID', 'exponent'],
    ['return_0', 'arg_', 'HANDLE_INVALID', 'empty index'],
    ['return_NaN', 'arg_0', 'HANDLE_INVALID', 'NaN'],
    ['RETURN_0', 'arg_0', 'HANDLE_INVALID', 'upper case'],
    ['return_0 ', 'arg_0', 'HANDLE_INVALID', 'trailing space'],
    ['arg_0', 'arg_0', 'HANDLE_INVALID', 'wrong side'],
    ['return_10000', 'arg_0', 'HANDLE_INVALID', 'five digits'],
    ['return_5', 'arg_0', 'HANDLE_MISSING', 'source stream out of range'],
    ['return_0', 'arg_3', 'HANDLE_MISSING', 'target stream out of range'],
  ];
  for (const [sh, th, code, why] of handles) {
    it(`G2 handle ${JSON.stringify(sh)} -> ${JSON.stringify(th)} (${why}) -> ${code}, edge dropped`, () => {
      const r = expectWarning(graph([gnode('a'), gnode('b')], [gedge('e', 'a', 'b', sh, th)]), code);
      assert.equal(r.workflow!.edges.length, 0);
    });
  }
  it('G2 the strict handle parser', () => {
    assert.deepEqual(parseHandle('return_12'), { side: 'return', index: 12 });
    assert.deepEqual(parseHandle('arg_9999'), { side: 'arg', index: 9999 });
    for (const h of ['return_-1', 'return_01', 'arg_', 'return_1.0', ' arg_0', 'return_0\n', 7, null]) assert.equal(parseHandle(h), null);
  });

  it('G3 self-loops are kept', () => {
    const r = safeParse(graph([gnode('a')], [gedge('e', 'a', 'a')]));
    assert.equal(r.workflow!.edges.length, 1);
    assert.equal(r.diagnostics.length, 0);
  });

  it('G4 a 1,000-node ring is parsed', () => {
    const n = 1000;
    const nodes = Array.from({ length: n }, (_, i) => gnode(`n${i}`));
    const edges = Array.from({ length: n }, (_, i) => gedge(`e${i}`, `n${i}`, `n${(i + 1) % n}`));
    const r = safeParse(graph(nodes, edges));
    assert.equal(r.workflow!.edges.length, n);
    assert.equal(r.diagnostics.length, 0);
  });

  it('G5 parent cycles, self-parents and missing parents are flattened', () => {
    const r = safeParse(
      graph([
        gnode('a', { parentNode: 'b' }),
        gnode('b', { parentNode: 'a' }),
        gnode('s', { parentNode: 's' }),
        gnode('m', { parentNode: 'missing' }),
        gnode('c', { parentNode: 'a' }),
      ]),
    );
    const wf = r.workflow!;
    assert.deepEqual(wf.nodes.map((n) => [n.id, n.parentId]), [
      ['a', undefined],
      ['b', undefined],
      ['s', undefined],
      ['m', undefined],
      ['c', 'a'],
    ]);
    assert.deepEqual(codes(r).sort(), ['PARENT_CYCLE', 'PARENT_CYCLE', 'PARENT_CYCLE', 'PARENT_MISSING']);
  });

  it('G5 parents come before children in the output', () => {
    const sub = { __typename: 'AgentSubFlowNode', kind: 'AGENT_SUBFLOW', ins: [[]], outs: [[]], appFilter: 'napari', versionFilter: '2', autoResolvable: true };
    const r = safeParse(graph([gnode('child', { parentNode: 'g2' }), { ...sub, id: 'g2', parentNode: 'g1' }, { ...sub, id: 'g1' }]));
    assert.deepEqual(r.workflow!.nodes.map((n) => n.id), ['g1', 'g2', 'child']);
    assert.equal(r.workflow!.nodes[0]!.title, 'napari:v2');
    assert.equal(r.diagnostics.length, 0);
  });

  for (const depth of [500, 3000]) {
    it(`G6 a parent chain ${depth} deep is capped at 32 levels (PARENT_DEPTH)`, () => {
      const nodes = Array.from({ length: depth }, (_, i) => gnode(`n${i}`, i > 0 ? { parentNode: `n${i - 1}` } : {}));
      const r = expectWarning(graph(nodes.reverse()), 'PARENT_DEPTH');
      const wf = r.workflow!;
      const byId = new Map(wf.nodes.map((n) => [n.id, n]));
      let maxDepth = 0;
      for (const n of wf.nodes) {
        let d = 0;
        for (let p = n.parentId; p !== undefined; p = byId.get(p)!.parentId) d++;
        maxDepth = Math.max(maxDepth, d);
      }
      assert.equal(maxDepth, 32);
      const seen = new Set<string>();
      for (const n of wf.nodes) {
        if (n.parentId !== undefined) assert.ok(seen.has(n.parentId), 'parent before child');
        seen.add(n.id);
      }
    });
  }

  for (const depth of [10, 1000, 100_000]) {
    it(`G7 port children nested ${depth} deep: no RangeError, children cut below 16 levels`, () => {
      let inner: Obj = port('leaf');
      for (let i = 0; i < depth; i++) inner = { key: `l${i}`, kind: 'LIST', nullable: false, children: [inner] };
      const r = safeParse(graph([gnode('a', { ins: [[inner]] })]));
      assert.ok(r.workflow);
      if (depth > 16) assert.deepEqual(codes(r), ['PORT_DEPTH']);
      else assert.equal(r.diagnostics.length, 0);
      assert.doesNotThrow(() => portTypeLabel(r.workflow!.nodes[0]!.ins[0]![0]!));
      if (depth === 100_000) {
        const open = '{"key":"l","kind":"LIST","nullable":false,"children":['.repeat(depth);
        const text = `{"nodes":[{"id":"a","kind":"REKUEST","ins":[[${open}{"key":"x","kind":"INT"}${']}'.repeat(depth)}]],"outs":[[]]}]}`;
        const r2 = safeParse(text);
        assert.ok(r2.workflow);
        assert.match(portTypeLabel(r2.workflow.nodes[0]!.ins[0]![0]!), /^(List of ){17}…$/);
      }
    });
  }

  it('G8 cross-hierarchy edges are kept', () => {
    const sub = (id: string): Obj => ({ __typename: 'AgentSubFlowNode', id, kind: 'AGENT_SUBFLOW', ins: [[]], outs: [[]], autoResolvable: false });
    const r = safeParse(graph([sub('A'), sub('B'), gnode('a', { parentNode: 'A' }), gnode('b', { parentNode: 'B' })], [gedge('x', 'a', 'b')]));
    assert.equal(r.workflow!.edges.length, 1);
    assert.equal(r.diagnostics.length, 0);
  });

  it('G9 empty graph and single node are not errors', () => {
    const r = safeParse(graph([]));
    assert.equal(r.workflow!.nodes.length, 0);
    assert.equal(r.diagnostics.length, 0);
    assert.equal(safeParse({ nodes: [gnode('a')] }).workflow!.nodes.length, 1);
  });

  it('G10 2,000 parallel edges between two nodes are within the limits', () => {
    const edges = Array.from({ length: 2000 }, (_, i) => gedge(`e${i}`, 'a', 'b'));
    const r = safeParse(graph([gnode('a'), gnode('b')], edges));
    assert.equal(r.workflow!.edges.length, 2000);
  });

  it('G11 more than 10,000 nodes (or the configured limits) -> GRAPH_TOO_LARGE', () => {
    const nodes = Array.from({ length: 10_001 }, (_, i) => ({ id: `n${i}`, kind: 'REACTIVE', ins: [], outs: [] }));
    expectError(graph(nodes), 'GRAPH_TOO_LARGE');
    expectError(graph(nodes.slice(0, 11)), 'GRAPH_TOO_LARGE', { maxNodes: 10 });
    expectError(graph([gnode('a'), gnode('b')], [gedge('1', 'a', 'b'), gedge('2', 'a', 'b')]), 'GRAPH_TOO_LARGE', { maxEdges: 1 });
    const many = Array.from({ length: 30 }, (_, i) => port(`p${i}`));
    expectError(graph([gnode('a', { ins: [many] })]), 'GRAPH_TOO_LARGE', { maxPortsPerNode: 20 });
  });

  it('G0 "elements" flows -> FORMAT_UNSUPPORTED', () => {
    expectError({ elements: [{ id: '1', type: 'argNode', data: {} }] }, 'FORMAT_UNSUPPORTED');
  });
});

describe('reliability 3.4: numbers', () => {
  it('N1 non-finite positions are absent (warned), finite ones clamped to +-1e6', () => {
    const text = `{"nodes":[
      {"id":"inf","kind":"REACTIVE","ins":[],"outs":[],"position":{"x":1e400,"y":0}},
      {"id":"ninf","kind":"REACTIVE","ins":[],"outs":[],"position":{"x":0,"y":-1e400}},
      {"id":"str","kind":"REACTIVE","ins":[],"outs":[],"position":{"x":"12","y":0}},
      {"id":"null","kind":"REACTIVE","ins":[],"outs":[],"position":null},
      {"id":"big","kind":"REACTIVE","ins":[],"outs":[],"position":{"x":5e6,"y":-1e300}}
    ]}`;
    const r = safeParse(text);
    const pos = new Map(r.workflow!.nodes.map((n) => [n.id, n.position]));
    assert.equal(pos.get('inf'), undefined);
    assert.equal(pos.get('ninf'), undefined);
    assert.equal(pos.get('str'), undefined);
    assert.equal(pos.get('null'), undefined);
    assert.deepEqual(pos.get('big'), { x: 1e6, y: -1e6 });
    assert.deepEqual(codes(r), ['POSITION_INVALID', 'POSITION_INVALID', 'POSITION_INVALID']);
    const r2 = safeParse(graph([gnode('nan', { position: { x: NaN, y: 1 } })]));
    assert.equal(r2.workflow!.nodes[0]!.position, undefined);
  });

  it('N4 event t that is not a non-negative safe integer is warned and keeps arrival order', () => {
    const ev = (id: string, t: unknown): Obj => ({ id, source: 'a', handle: 'return_0', kind: 'NEXT', t, causedBy: [], value: [1] });
    const r = parseRunExport({ run: { id: 'r', events: [ev('1', 0), ev('2', 5), ev('3', 1.5), ev('4', 2 ** 53 + 2), ev('5', -1), ev('6', '7'), ev('7', 6)] } });
    assert.deepEqual(codes(r), ['EVENT_TIME_INVALID', 'EVENT_TIME_INVALID', 'EVENT_TIME_INVALID']);
    assert.deepEqual(r.events.map((e) => [e.id, e.t, e.tInvalid === true]), [
      ['1', 0, false],
      ['2', 5, false],
      ['3', 5, true],
      ['4', 5, true],
      ['5', 5, true],
      ['7', 6, false],
      ['6', 7, false],
    ]);
    const one = normalizeRunEvent(ev('x', 'soon'), { fallbackT: 42 });
    assert.equal(one.event!.t, 42);
    assert.equal(one.diagnostics[0]!.code, 'EVENT_TIME_INVALID');
  });
});

describe('run events: malformed and unknown', () => {
  it('malformed events are dropped (EVENT_MALFORMED); unknown sources kept (EVENT_UNKNOWN_NODE)', () => {
    const flow = graph([gnode('a')]);
    const r = parseRunExport({
      data: {
        run: {
          id: '1',
          taskId: 't',
          status: 'RUNNING',
          flow,
          events: [
            null,
            { id: '1', source: 'a', kind: 'NEXT', t: 0, handle: 'return_0', causedBy: ['0'], value: [1] },
            { id: '2', kind: 'NEXT', t: 1 },
            { source: 'a', kind: 'NEXT', t: 1 },
            { id: '3', source: 'a', t: 1 },
            { id: '4', source: 'ghost', kind: 'NEXT', t: 2, handle: 'return_0', value: [] },
            { id: '5', source: 'ghost', kind: 'ERROR', t: 3, handle: 'return_0', exception: 'bad <b>' },
            { id: '1', source: 'a', kind: 'NEXT', t: 0, handle: 'return_0', value: [1] },
          ],
        },
      },
    });
    assert.deepEqual(codes(r), ['EVENT_MALFORMED', 'EVENT_MALFORMED', 'EVENT_MALFORMED', 'EVENT_MALFORMED', 'EVENT_UNKNOWN_NODE']);
    assert.deepEqual(r.events.map((e) => e.id), ['1', '4', '5']);
    assert.deepEqual(r.events[0]!.causedBy, [0]);
    assert.equal(r.events[2]!.exception, 'bad <b>');
    assert.equal(r.run!.status, 'RUNNING');
  });

  it('legacy ERROR value is the exception; COMPLETE "None" is null', () => {
    const e1 = normalizeRunEvent({ id: '1', source: 'a', handle: 'return_0', type: 'ERROR', t: 3, causedBy: [2], value: 'boom' }).event!;
    assert.equal(e1.kind, 'ERROR');
    assert.equal(e1.exception, 'boom');
    assert.equal(e1.value, null);
    const e2 = normalizeRunEvent({ id: '2', source: 'a', handle: 'return_0', type: 'COMPLETE', t: 4, causedBy: [3], value: 'None' }).event!;
    assert.equal(e2.value, null);
  });

  it('a run document that is not a run -> PARSE_SCHEMA; a throwing Proxy never throws', () => {
    assert.equal(parseRunExport({ nodes: [] }).diagnostics[0]!.code, 'PARSE_SCHEMA');
    assert.equal(parseRunExport('{').diagnostics[0]!.code, 'PARSE_INVALID_JSON');
    const p = new Proxy({}, { get: () => { throw new Error('x'); }, has: () => { throw new Error('y'); } });
    assert.doesNotThrow(() => parseRunExport({ run: p }));
    assert.doesNotThrow(() => normalizeRunEvent(p));
    assert.equal(normalizeRunEvent(p).event, null);
  });
});
