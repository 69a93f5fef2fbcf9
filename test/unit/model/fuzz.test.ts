// Seeded fuzz: thousands of random mutations of project-written workflows (current GraphQL form,
// stored form, legacy G1, snake_case dump) never make parseWorkflow throw, and every result is
// either a workflow or an error diagnostic.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseWorkflow, parseRunExport, RunStore, nodeDisplayTitle, portTypeLabel, streamLabel } from '../../../src/model/index.js';
import { prng as rng } from '../../../dev-server/seed/prng.js';

type J = unknown;


const p = (key: string, kind = 'INT', extra: Record<string, J> = {}) => ({ key, kind, nullable: false, ...extra });

const BASES: J[] = [
  // current GraphQL form
  {
    __typename: 'Flow',
    id: '7',
    title: 'Fuzz',
    workspace: { id: '1' },
    graph: {
      nodes: [
        { __typename: 'ArgNode', id: 'a', kind: 'ARGS', position: { x: 0, y: 0 }, title: 'in', description: '', ins: [[]], outs: [[p('x'), p('l', 'LIST', { children: [p('0', 'STRUCTURE', { identifier: '@mikro/image' })] })]], constants: [], voids: [], constantsMap: {}, globalsMap: {} },
        { __typename: 'AgentSubFlowNode', id: 'g', kind: 'AGENT_SUBFLOW', position: { x: 10, y: 10 }, title: '', description: '', ins: [[]], outs: [[]], constants: [], voids: [], constantsMap: {}, globalsMap: {}, appFilter: 'napari', autoResolvable: true },
        { __typename: 'RekuestMapActionNode', id: 'm', kind: 'REKUEST', parentNode: 'g', position: { x: 1.5, y: 2.5 }, title: 'Do {{ what }}', description: '{{ what }}', ins: [[p('x')]], outs: [[p('y', 'FLOAT')]], constants: [p('what', 'STRING')], voids: [], constantsMap: { what: 'it' }, globalsMap: { what: 'gw' }, hash: 'h', mapStrategy: 'MAP', allowLocalExecution: true, actionKind: 'FUNCTION', retries: 3, retryDelay: 2000, nextTimeout: 100 },
        { __typename: 'ReactiveNode', id: 'z', kind: 'REACTIVE', position: { x: 3, y: 4 }, title: '{{__ports}}', description: '', ins: [[p('y', 'FLOAT')], [p('l', 'LIST', { children: [p('0')] })]], outs: [[p('y', 'FLOAT'), p('l', 'LIST')]], constants: [], voids: [], constantsMap: {}, globalsMap: {}, implementation: 'ZIP' },
        { __typename: 'ReturnNode', id: 'r', kind: 'RETURNS', position: { x: 5, y: 6 }, title: 'out', description: '', ins: [[p('y', 'FLOAT'), p('l', 'LIST')]], outs: [[]], constants: [], voids: [], constantsMap: {}, globalsMap: {} },
      ],
      edges: [
        { __typename: 'VanillaEdge', id: 'e1', kind: 'VANILLA', source: 'a', sourceHandle: 'return_0', target: 'm', targetHandle: 'arg_0', stream: [] },
        { __typename: 'VanillaEdge', id: 'e2', kind: 'VANILLA', source: 'm', sourceHandle: 'return_0', target: 'z', targetHandle: 'arg_0', stream: [{ kind: 'FLOAT', label: 'y' }] },
        { __typename: 'LoggingEdge', id: 'e3', kind: 'LOGGING', level: 'INFO', source: 'a', sourceHandle: 'return_0', target: 'z', targetHandle: 'arg_1', stream: [] },
        { __typename: 'VanillaEdge', id: 'e4', kind: 'VANILLA', source: 'z', sourceHandle: 'return_0', target: 'r', targetHandle: 'arg_0', stream: [] },
      ],
      globals: [{ key: 'gw', port: p('gw', 'STRING') }],
    },
  },
  // current stored form
  {
    nodes: [
      { id: '1', kind: 'ARGS', ins: [[]], outs: [[p('n')]], constants: [], voids: [], position: { x: 0, y: 50 }, constants_map: {}, globals_map: {}, title: 'Input', description: '' },
      { id: 'ark-1', kind: 'REKUEST_MAP', ins: [[p('n')]], outs: [[p('n')]], constants: [], voids: [], position: { x: 500, y: 50 }, constants_map: { k: 1 }, globals_map: {}, parent_node: null, hash: 'h', map_strategy: 'MAP', allow_local_execution: false, action_kind: 'GENERATOR', retry_delay: 5 },
      { id: '2', kind: 'RETURNS', ins: [[p('n')]], outs: [[]], constants: [], voids: [], position: { x: 1500, y: 50 }, constants_map: {}, globals_map: {}, title: 'Output', description: '' },
    ],
    edges: [
      { id: 'x', kind: 'VANILLA', source: '1', source_handle: 'return_0', target: 'ark-1', target_handle: 'arg_0', stream: [] },
      { id: 'y', kind: 'VANILLA', source: 'ark-1', source_handle: 'return_0', target: '2', target_handle: 'arg_0', stream: [] },
    ],
    globals: [],
  },
  // legacy G1 GraphQL export
  {
    data: {
      flow: {
        __typename: 'Flow',
        id: '3',
        name: 'legacy',
        graph: {
          nodes: [
            { __typename: 'ArgNode', typename: 'ArgNode', id: '1', position: { x: 0, y: 0 }, instream: [[]], outstream: [[p('s', 'STRUCTURE', { identifier: '@x/y', assignWidget: { kind: 'SearchWidget' } })]], constream: [[]] },
            { __typename: 'KwargNode', typename: 'KwargNode', id: '3', position: { x: 0, y: 0 }, instream: [[]], outstream: [[]], constream: [[]] },
            { __typename: 'ArkitektNode', typename: 'ArkitektNode', id: 'arkid-1', name: 'Act', position: { x: 1, y: 1 }, hash: 'h', kind: 'FUNCTION', mapStrategy: 'AS_COMPLETED', allowLocal: true, maxRetries: 2, instream: [[p('s', 'STRUCTURE')]], outstream: [[p('u', 'UNION', { variants: [{ kind: 'INT' }, { kind: 'STRING' }] })]], constream: [[p('c', 'DICT', { child: { kind: 'FLOAT' } })]], defaults: { s: null, c: { a: 1 } } },
            { __typename: 'ReturnNode', typename: 'ReturnNode', id: '2', position: { x: 2, y: 2 }, instream: [[p('u', 'UNSET')]], outstream: [[]], constream: [[]] },
          ],
          edges: [
            { __typename: 'LabeledEdge', id: 'reactflow__edge-1return_0-arkid-1arg_0', source: '1', sourceHandle: 'return_0', target: 'arkid-1', targetHandle: 'arg_0', stream: [{ key: 's', kind: 'STRUCTURE' }] },
            { __typename: 'LabeledEdge', id: 'l2', source: 'arkid-1', sourceHandle: 'return_0', target: '2', targetHandle: 'arg_0', stream: [] },
          ],
          globals: [{ __typename: 'Global', toKeys: ['arkid-1.c'], port: p('c', 'DICT') }],
          args: [],
          returns: [],
        },
      },
    },
  },
  // legacy snake_case client dump (types inferred)
  {
    id: '31',
    name: 'dump',
    created_at: '2023-01-01T00:00:00Z',
    graph: {
      nodes: [
        { id: '1', position: { x: 0, y: 0 }, parent_node: null, instream: [[]], outstream: [[p('d')]], constream: [[]] },
        { id: 'arkid-9', position: { x: 1, y: 0 }, parent_node: null, instream: [[p('d')]], outstream: [[p('e')]], constream: [], hash: 'h', kind: 'GENERATOR', map_strategy: 'MAP', allow_local: false, defaults: { d: null, r: 'x' } },
        { id: 'reactive-1', position: { x: 2, y: 0 }, parent_node: null, instream: [[p('e', 'LIST', { child: { kind: 'INT' } })]], outstream: [[p('e')]], constream: [], implementation: 'CHUNK' },
        { id: 'ret', position: { x: 3, y: 0 }, parent_node: null, instream: [[p('e')]], outstream: [[]], constream: [[]] },
      ],
      edges: [
        { id: 'a', source: '1', source_handle: 'return_0', target: 'arkid-9', target_handle: 'arg_0', stream: [] },
        { id: 'b', source: 'arkid-9', source_handle: 'return_0', target: 'reactive-1', target_handle: 'arg_0', stream: [] },
        { id: 'c', source: 'reactive-1', source_handle: 'return_0', target: 'ret', target_handle: 'arg_0', stream: [] },
      ],
      globals: [],
    },
  },
];

const clone = (v: J): J => JSON.parse(JSON.stringify(v));

/** Collects [container, key] slots of a JSON tree (to pick a random mutation point). */
function slots(root: J): [Record<string, J> | J[], string | number][] {
  const out: [Record<string, J> | J[], string | number][] = [];
  const stack: J[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      v.forEach((c, i) => {
        out.push([v, i]);
        stack.push(c);
      });
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        out.push([v as Record<string, J>, k]);
        stack.push((v as Record<string, J>)[k]);
      }
    }
  }
  return out;
}

const WEIRD: J[] = [null, undefined, 0, -1, 1.5, 1e308, -1e308, Infinity, NaN, 2 ** 53 + 2, '', ' ', 'return_-1', 'arg_01', '__proto__', 'constructor', 'toString', [], [[]], {}, true, false, '{{ x }}', 'x'.repeat(1000), { __proto__: { polluted: 1 } }];

function mutate(doc: J, rand: () => number): J {
  const all = slots(doc);
  if (all.length === 0) return doc;
  const n = 1 + Math.floor(rand() * 4);
  for (let k = 0; k < n; k++) {
    const [c, key] = all[Math.floor(rand() * all.length)]!;
    const op = Math.floor(rand() * 6);
    const cur = (c as Record<string | number, J>)[key];
    if (op === 0) {
      if (Array.isArray(c)) c.splice(key as number, 1);
      else delete (c as Record<string, J>)[key as string];
    } else if (op === 1) {
      (c as Record<string | number, J>)[key] = WEIRD[Math.floor(rand() * WEIRD.length)];
    } else if (op === 2 && Array.isArray(cur)) {
      cur.reverse();
    } else if (op === 3 && Array.isArray(cur) && cur.length > 0) {
      cur.push(clone(cur[0]));
    } else if (op === 4) {
      const [c2, key2] = all[Math.floor(rand() * all.length)]!;
      const other = (c2 as Record<string | number, J>)[key2];
      (c as Record<string | number, J>)[key] = other;
    } else {
      (c as Record<string | number, J>)[key] = typeof cur === 'number' ? -cur * 1e300 : typeof cur === 'string' ? Number(cur.length) : String(cur);
    }
  }
  return doc;
}

describe('fuzz: parseWorkflow never throws', () => {
  it('4,000 seeded mutations (objects and text)', () => {
    const rand = rng(20260527);
    let workflows = 0;
    let errors = 0;
    for (let i = 0; i < 4000; i++) {
      const doc = mutate(clone(BASES[i % BASES.length]), rand);
      const useText = i % 3 === 0;
      let input: J = doc;
      if (useText) {
        try {
          input = JSON.stringify(doc);
        } catch {
          input = doc; // a mutation made a cycle: use the object
        }
      }
      let r: ReturnType<typeof parseWorkflow> | undefined;
      assert.doesNotThrow(() => {
        r = parseWorkflow(input);
      }, `iteration ${i}`);
      const res = r!;
      const hasError = res.diagnostics.some((d) => d.severity === 'error');
      assert.ok(res.workflow !== null || hasError, `iteration ${i}: a workflow or an error diagnostic`);
      assert.equal(res.workflow === null, hasError, `iteration ${i}: error iff no workflow`);
      if (res.workflow) {
        workflows++;
        const ids = new Set(res.workflow.nodes.map((n) => n.id));
        assert.equal(ids.size, res.workflow.nodes.length);
        for (const e of res.workflow.edges) assert.ok(ids.has(e.source) && ids.has(e.target));
        for (const n of res.workflow.nodes) {
          assert.equal(typeof n.title, 'string');
          if (n.position) assert.ok(Number.isFinite(n.position.x) && Math.abs(n.position.y) <= 1e6);
          assert.doesNotThrow(() => {
            nodeDisplayTitle(n);
            for (const s of [...n.ins, ...n.outs]) streamLabel(s);
            for (const c of n.constants) portTypeLabel(c);
          });
        }
      } else errors++;
      assert.equal(({} as Record<string, J>).polluted, undefined);
    }
    assert.ok(workflows > 1000, `most mutations still give a workflow (${workflows})`);
    assert.ok(errors > 0, `some mutations are document errors (${errors})`);
  });

  it('1,000 seeded mutations of a run through parseRunExport and RunStore', () => {
    const rand = rng(7);
    const base = {
      run: {
        id: '1',
        assignation: '9',
        status: null,
        snapshots: [{ id: 's', t: 0 }],
        flow: BASES[2],
        events: Array.from({ length: 20 }, (_, i) => ({ id: String(100 + i), source: i % 2 ? 'arkid-1' : '1', handle: 'return_0', type: i % 5 === 4 ? 'COMPLETE' : 'NEXT', t: i, causedBy: [i - 1], value: i % 5 === 4 ? 'None' : [String(i)] })),
      },
    };
    for (let i = 0; i < 1000; i++) {
      const doc = mutate(clone(base), rand);
      assert.doesNotThrow(() => {
        const r = parseRunExport(doc);
        const store = new RunStore(r.workflow, r.events, r.run?.status ?? null);
        const range = store.range();
        store.stateAt(range ? Math.floor((range.min + range.max) / 2) : 0);
        store.outcome();
        for (const e of r.events.slice(0, 5)) store.causesOf(e);
      }, `iteration ${i}`);
    }
  });
});
