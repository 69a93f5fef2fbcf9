// Reliability 3.1, 3.2, 3.4, 3.5, 3.6 and 3.9 at the element level: each bad input through
// <fluss-workflow> (property, inline JSON, src) ends in the documented state under the error
// contract (support/contract.ts). Parser-level detail of the same rows: test/unit/model/reliability.test.ts.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/fluss-workflow/define.js';
import { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import type { FlussErrorEvent } from '../../../src/events/fluss-error.js';
import { disposeLayoutWorkers, layoutWorkerCount } from '../../../src/layout/index.js';
import { appendCanary, collectErrors, expectErrorContract, installPageGuards, type PageGuards } from './support/contract.js';
import { chainFlow, clone, edge, flow, node, port, type Json } from './support/flows.js';

interface Mounted {
  el: FlussWorkflow;
  errors: FlussErrorEvent[];
  canary: ReturnType<typeof appendCanary>;
}

async function mount(input: unknown, attrs: Record<string, string> = { layout: 'stored' }, how: 'property' | 'inline' = 'property'): Promise<Mounted> {
  const box = await fixture<HTMLDivElement>(html`<div><fluss-workflow style="display:block; width: 700px; height: 420px"></fluss-workflow></div>`);
  const el = box.querySelector('fluss-workflow')!;
  const errors = collectErrors(el);
  const canary = appendCanary(box);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (how === 'inline') {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = String(input);
    el.append(script);
    el.reload();
  } else {
    el.flow = input;
  }
  await el.layoutComplete;
  await el.updateComplete;
  return { el, errors, canary };
}

const g = (nodes: Json[], edges: Json[] = []): Json => flow(nodes, edges);
const map = (id: string, extra: Json = {}): Json => node(id, 'RekuestMapActionNode', extra);
const ring = (n: number): Json => {
  const nodes = Array.from({ length: n }, (_, i) => map(`r${i}`, { position: { x: (i % 20) * 260, y: Math.floor(i / 20) * 140 } }));
  const edges = nodes.map((_, i) => edge(`re${i}`, `r${i}`, `r${(i + 1) % n}`));
  return g(nodes, edges);
};

/** Walks the shadow DOM: every numeric SVG attribute and the viewBox are finite (N1, N2). */
function expectFiniteGeometry(el: FlussWorkflow): void {
  const numeric = ['x', 'y', 'width', 'height', 'cx', 'cy', 'r', 'rx', 'x1', 'x2', 'y1', 'y2'];
  for (const e of el.shadowRoot!.querySelectorAll('svg, svg *')) {
    for (const a of numeric) {
      const v = e.getAttribute(a);
      if (v !== null && v !== '' && !v.endsWith('%')) expect(Number.isFinite(parseFloat(v)), `${e.localName}[${a}]=${v}`).to.equal(true);
    }
    for (const a of ['transform', 'd', 'viewBox', 'points']) {
      const v = e.getAttribute(a);
      if (v) expect(/NaN|Infinity/.test(v), `${e.localName}[${a}]=${v}`).to.equal(false);
    }
  }
}

const BLOCKING: ReadonlyArray<{ row: string; input: () => unknown; code: string; inline?: boolean }> = [
  { row: 'P1 malformed JSON (property)', input: () => '{"nodes":[1,', code: 'PARSE_INVALID_JSON' },
  { row: 'P1 malformed JSON (inline script)', input: () => '{"nodes":[1,', code: 'PARSE_INVALID_JSON', inline: true },
  { row: 'P2 "null"', input: () => 'null', code: 'PARSE_SCHEMA' },
  { row: 'P2 "[]"', input: () => '[]', code: 'PARSE_SCHEMA' },
  { row: 'P2 "42"', input: () => '42', code: 'PARSE_SCHEMA' },
  { row: 'P2 "\\"text\\""', input: () => '"text"', code: 'PARSE_SCHEMA' },
  { row: 'P2 a number as property', input: () => 42, code: 'PARSE_SCHEMA' },
  { row: 'P3 JSON with comments', input: () => '{"nodes": [] /* c */, "edges": []}', code: 'PARSE_INVALID_JSON' },
  { row: 'P3 JSON with trailing commas (inline)', input: () => '{"nodes": [], "edges": [],}', code: 'PARSE_INVALID_JSON', inline: true },
  { row: 'P4 a 21 MB attribute-sized document', input: () => `{"nodes":[],"pad":"${'x'.repeat(21 * 1024 * 1024)}"}`, code: 'GRAPH_TOO_LARGE' },
  { row: 'P5 nodes is an object', input: () => ({ nodes: { a: 1 }, edges: [] }), code: 'PARSE_SCHEMA' },
  { row: 'P5 nodes is a string', input: () => ({ nodes: 'abc' }), code: 'PARSE_SCHEMA' },
  {
    row: 'P17 a Proxy whose getters throw',
    input: () => new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } }),
    code: 'PARSE_SCHEMA',
  },
  {
    row: 'G11 10,001 nodes (pre-layout guard)',
    input: () => g(Array.from({ length: 10_001 }, (_, i) => ({ id: `n${i}`, __typename: 'RekuestMapActionNode', kind: 'REKUEST', title: 't', ins: [], outs: [] }))),
    code: 'GRAPH_TOO_LARGE',
  },
];

const WARNINGS: ReadonlyArray<{ row: string; input: () => Json; code: string; nodes: number }> = [
  { row: 'P6 id 42 and title ["a"] are coerced', input: () => g([map('a'), map('b', { id: 42, title: ['x'] })]), code: 'FIELD_INVALID', nodes: 2 },
  { row: 'P7 empty and whitespace ids', input: () => g([map('a'), map(''), map('   ')]), code: 'NODE_INVALID', nodes: 1 },
  { row: 'P8 duplicate node ids', input: () => g([map('a'), map('a', { title: 'second' }), map('b')]), code: 'NODE_DUPLICATE', nodes: 2 },
  { row: 'P9 duplicate edge ids', input: () => g([map('a'), map('b')], [edge('e', 'a', 'b'), edge('e', 'b', 'a')]), code: 'EDGE_DUPLICATE', nodes: 2 },
  {
    row: 'P15 mixed formats',
    input: () => g([map('a'), map('b'), { id: 'legacy', __typename: 'ArkitektNode', typename: 'ArkitektNode', instream: [[port('x')]], outstream: [[port('x')]], position: { x: 0, y: 0 }, name: 'Old' }]),
    code: 'FORMAT_MIXED',
    nodes: 3,
  },
  { row: 'P16 unknown kind REKUEST_MAP_V2', input: () => g([map('a'), { ...map('b'), __typename: 'RekuestMapV2Node', kind: 'REKUEST_MAP_V2' }]), code: 'NODE_KIND_UNKNOWN', nodes: 2 },
  { row: 'G1 an edge to a missing node', input: () => g([map('a'), map('b')], [edge('e1', 'a', 'b'), edge('e2', 'a', 'ghost')]), code: 'EDGE_DANGLING', nodes: 2 },
  { row: 'G2 handle return_5 on a node with one out stream', input: () => g([map('a'), map('b')], [edge('e1', 'a', 'b', 'return_5', 'arg_0')]), code: 'HANDLE_MISSING', nodes: 2 },
  { row: 'G2 malformed handle return_-1', input: () => g([map('a'), map('b')], [edge('e1', 'a', 'b', 'return_-1', 'arg_0')]), code: 'HANDLE_INVALID', nodes: 2 },
  { row: 'G5 parent cycle', input: () => g([map('a', { parentNode: 'b' }), map('b', { parentNode: 'a' }), map('c', { parentNode: 'c' })]), code: 'PARENT_CYCLE', nodes: 3 },
  { row: 'G5 missing parent', input: () => g([map('a', { parentNode: 'nowhere' }), map('b')]), code: 'PARENT_MISSING', nodes: 2 },
  {
    row: 'G6 a parent chain 500 deep',
    input: () => g(Array.from({ length: 500 }, (_, i) => ({ ...node(`d${i}`, i < 499 ? 'AgentSubFlowNode' : 'RekuestMapActionNode'), parentNode: i === 0 ? null : `d${i - 1}` }))),
    code: 'PARENT_DEPTH',
    nodes: 500,
  },
  {
    row: 'G7 port children nested 1,000 deep',
    input: () => {
      let p: Json = port('leaf');
      for (let i = 0; i < 1000; i++) p = port(`p${i}`, 'STRUCTURE', { children: [p] });
      return g([map('a', { ins: [[p]] })]);
    },
    code: 'PORT_DEPTH',
    nodes: 1,
  },
  { row: 'N1 positions 1e400, "12" and null', input: () => JSON.parse('{"graph":{"nodes":[' + JSON.stringify(map('a')).replace('"x":0', '"x":1e400') + ',' + JSON.stringify(map('b')).replace('"x":0', '"x":"12"') + '],"edges":[]}}') as Json, code: 'POSITION_INVALID', nodes: 2 },
];

describe('<fluss-workflow> under the error contract', function () {
  this.timeout(60_000);
  let guards: PageGuards;
  before(() => {
    guards = installPageGuards();
  });
  after(() => {
    guards.dispose();
    disposeLayoutWorkers();
  });
  beforeEach(() => guards.reset());

  for (const c of BLOCKING) {
    it(`${c.row} -> ${c.code} (blocking)`, async () => {
      const { el, errors, canary } = await mount(c.input(), { layout: 'stored' }, c.inline ? 'inline' : 'property');
      expect(el.state).to.equal('error');
      expect(el.dataset.state).to.equal('error');
      expectErrorContract(el, errors, { code: c.code, severity: 'error', drawnNodes: 0, guards, canary });
    });
  }

  for (const c of WARNINGS) {
    it(`${c.row} -> ${c.code} (warning; the rest is drawn)`, async () => {
      const { el, errors, canary } = await mount(c.input());
      expect(el.state, JSON.stringify(errors.map((e) => e.detail.code))).to.equal('partial');
      expectErrorContract(el, errors, { code: c.code, severity: 'warning', alert: false, drawnNodes: c.nodes, guards, canary });
      expect(el.shadowRoot!.querySelector('[part="warnings"]')!.textContent).to.contain(c.code);
      expect(el.shadowRoot!.querySelector('[part="error"]'), 'warnings are not alerts').to.equal(null);
      expectFiniteGeometry(el);
    });
  }

  it('P2 no input at all is the idle state, not an error', async () => {
    const { el, errors } = await mount(undefined);
    expect(el.state).to.equal('idle');
    expect(errors).to.deep.equal([]);
  });

  it('P3 a BOM and surrounding whitespace are stripped (inline script)', async () => {
    const { el, errors } = await mount(`\uFEFF \n ${JSON.stringify(chainFlow())}\n\t`, { layout: 'stored' }, 'inline');
    expect(el.state).to.equal('ready');
    expect(errors).to.deep.equal([]);
    expect(el.shadowRoot!.querySelectorAll('[data-node-id]').length).to.equal(7);
  });

  it('P10 duplicate JSON keys: the last one wins', async () => {
    const text = JSON.stringify(g([map('a'), map('b')])).replace('"title":"a"', '"title":"first","title":"last"');
    const { el } = await mount(text);
    expect(el.shadowRoot!.querySelector('[data-node-id="a"] .node-title')!.textContent).to.equal('last');
  });

  it('P11 ids __proto__, constructor, toString, hasOwnProperty are drawn like any id', async () => {
    const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const f = g(ids.map((id) => map(id)), ids.slice(1).map((id, i) => edge(`e${i}`, ids[i]!, id)));
    const { el, errors } = await mount(JSON.stringify(f));
    expect(errors).to.deep.equal([]);
    for (const id of ids) expect(el.shadowRoot!.querySelector(`[data-node-id="${id}"]`), id).to.not.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[data-edge-id]').length).to.equal(3);
  });

  it('P12 prototype-pollution payloads through the element change no prototype', async () => {
    const text = `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"graph":{"nodes":[${JSON.stringify(map('a', { constantsMap: { x: 1 } })).replace('"constantsMap":{', '"constantsMap":{"__proto__":{"polluted":3},"constructor":{"prototype":{"polluted":4}},')}],"edges":[]}}`;
    const { el } = await mount(text);
    expect(el.state).to.be.oneOf(['ready', 'partial']);
    expect((Object.prototype as Json).polluted).to.equal(undefined);
    expect(({} as Json).polluted).to.equal(undefined);
  });

  it('P14 a legacy document is converted and drawn', async () => {
    const legacy = {
      nodes: [
        { id: 'in', typename: 'ArgNode', instream: [[]], outstream: [[{ key: 'x', kind: 'INT', nullable: false }]], position: { x: 0, y: 0 } },
        { id: 'a', typename: 'ArkitektNode', name: 'Legacy step', instream: [[{ key: 'x', kind: 'INT', nullable: false, child: null }]], outstream: [[{ key: 'y', kind: 'INT', nullable: false }]], position: { x: 300, y: 0 } },
      ],
      edges: [{ id: 'e', source: 'in', target: 'a', sourceHandle: 'return_0', targetHandle: 'arg_0', typename: 'FlowEdge' }],
    };
    const { el } = await mount(legacy);
    expect(el.workflow?.generation).to.equal('G1');
    expect(el.shadowRoot!.querySelectorAll('[data-node-id]').length).to.equal(2);
    expect(el.shadowRoot!.querySelectorAll('[data-edge-id]').length).to.equal(1);
  });

  it('P17 a cyclic object does not hang; class instances and frozen objects work', async () => {
    const f = chainFlow() as Json & { self?: unknown };
    f.self = f;
    const { el } = await mount(Object.freeze(f));
    expect(el.state).to.be.oneOf(['ready', 'partial']);
    class Holder {
      graph = (chainFlow() as { graph: unknown }).graph;
    }
    const { el: el2 } = await mount(new Holder());
    expect(el2.shadowRoot!.querySelectorAll('[data-node-id]').length).to.equal(7);
  });

  it('P18 a property set before the element is defined is picked up after the upgrade', async () => {
    const name = `fluss-workflow-late-${Math.random().toString(36).slice(2, 8)}`;
    const el = document.createElement(name) as FlussWorkflow;
    el.setAttribute('layout', 'stored');
    el.style.cssText = 'display:block;width:600px;height:300px';
    (el as unknown as { flow: unknown }).flow = chainFlow();
    document.body.append(el);
    customElements.define(name, class extends FlussWorkflow {});
    await (el as FlussWorkflow).layoutComplete;
    expect(el.shadowRoot!.querySelectorAll('[data-node-id]').length).to.equal(7);
    el.remove();
  });

  it('P19 precedence: the property wins over an inline script; removing it falls back to the script', async () => {
    const small = g([map('only')]);
    const { el } = await mount(JSON.stringify(small), { layout: 'stored' }, 'inline');
    expect(el.shadowRoot!.querySelectorAll('[data-node-id]').length).to.equal(1);
    el.flow = chainFlow();
    await el.layoutComplete;
    expect(el.shadowRoot!.querySelectorAll('[data-node-id]').length).to.equal(7);
    el.flow = undefined;
    await el.layoutComplete;
    expect(el.shadowRoot!.querySelectorAll('[data-node-id]').length).to.equal(1);
  });

  it('G3 self-loops and G4 a 1,000-node ring render (stored layout)', async () => {
    const f = ring(1000);
    (f.graph as { edges: Json[] }).edges.push(edge('self', 'r0', 'r0'));
    const { el, errors } = await mount(f);
    expect(errors.filter((e) => e.detail.severity === 'error')).to.deep.equal([]);
    expect(el.workflow!.nodes.length).to.equal(1000);
    expect(el.workflow!.edges.length).to.equal(1001);
    expectFiniteGeometry(el);
  });

  it('G4 + G8 a cycle with a group and a cross-hierarchy edge through the ELK worker', async () => {
    const f = g(
      [map('a'), map('b'), node('grp', 'AgentSubFlowNode'), map('inner', { parentNode: 'grp' })],
      [edge('e1', 'a', 'b'), edge('e2', 'b', 'a'), edge('e3', 'a', 'inner'), edge('self', 'b', 'b')],
    );
    const { el, errors } = await mount(f, {});
    expect(errors.filter((e) => e.detail.severity === 'error')).to.deep.equal([]);
    expect(el.state).to.equal('ready');
    expect(el.shadowRoot!.querySelectorAll('[data-edge-id]').length).to.equal(4);
    expectFiniteGeometry(el);
  });

  it('G9 an empty graph shows "No nodes"; a single node is drawn', async () => {
    const { el, errors } = await mount(g([]));
    expect(errors).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.contain('No nodes');
    const { el: one } = await mount(g([map('a')]));
    expect(one.shadowRoot!.querySelectorAll('[data-node-id]').length).to.equal(1);
  });

  it('G10 2,000 parallel edges between two nodes are drawn (stored layout)', async () => {
    const f = g([map('a', { position: { x: 0, y: 0 } }), map('b', { position: { x: 400, y: 0 } })], Array.from({ length: 2000 }, (_, i) => edge(`p${i}`, 'a', 'b')));
    const { el, errors } = await mount(f);
    expect(errors.filter((e) => e.detail.severity === 'error')).to.deep.equal([]);
    expect(el.workflow!.edges.length).to.equal(2000);
  });

  it('N2/N3 a precomputed layout with negative, huge and NaN sizes is rejected (LAYOUT_INVALID) and laid out again', async () => {
    const box = await fixture<HTMLDivElement>(html`<div><fluss-workflow layout="stored" style="display:block; width: 700px; height: 420px"></fluss-workflow></div>`);
    const el = box.querySelector('fluss-workflow')!;
    const errors = collectErrors(el);
    const canary = appendCanary(box);
    el.layout = {
      direction: 'right',
      nodes: [
        { id: 'in', x: 0, y: 0, width: -50, height: 40 },
        { id: 'a', x: Number.NaN, y: 0, width: 1e308, height: 40 },
      ],
      edges: [],
    } as never;
    el.flow = chainFlow();
    await el.layoutComplete;
    expectErrorContract(el, errors, { code: 'LAYOUT_INVALID', severity: 'warning', alert: false, drawnNodes: 7, guards, canary });
    expectFiniteGeometry(el);
    const vb = el.shadowRoot!.querySelector('.minimap svg')?.getAttribute('viewBox') ?? '0 0 1 1';
    expect(vb.split(' ').map(Number).every((n) => Number.isFinite(n) && Math.abs(n) < 1e7)).to.equal(true);
  });

  it('U1 a 1 MB title and a 100k-character description are truncated before drawing', async () => {
    const f = g([map('a', { title: 'T'.repeat(1_000_000), description: 'd'.repeat(100_000) })]);
    const { el } = await mount(f);
    const title = el.shadowRoot!.querySelector('[data-node-id="a"] .node-title')!.textContent!;
    expect(title.length).to.be.below(250);
    expect(el.shadowRoot!.textContent!.length).to.be.below(20_000);
  });

  it('U1 a node with 10,000 ports is refused by the model\'s port cap (GRAPH_TOO_LARGE) under the error contract', async () => {
    // src/model caps ports per node at 1,000 and refuses the document (a count limit, like G11),
    // rather than truncating the port list; see docs/reliability-coverage.md.
    const f = g([map('a', { ins: [Array.from({ length: 10_000 }, (_, i) => port(`p${i}`))] })]);
    const { el, errors, canary } = await mount(f);
    expectErrorContract(el, errors, { code: 'GRAPH_TOO_LARGE', severity: 'error', drawnNodes: 0, guards, canary });
    // 900 ports are within the cap and drawn.
    const { el: ok } = await mount(g([map('a', { ins: [Array.from({ length: 900 }, (_, i) => port(`p${i}`))] })]));
    expect(ok.shadowRoot!.querySelectorAll('[data-node-id]').length).to.equal(1);
  });

  it('U2-U5 bidi overrides are isolated; ZWJ emoji, combining marks, lone surrogates and control characters are safe', async () => {
    const titles = ['\u202Eevil\u202C txt', 'مرحبا \u2066abc\u2069 שלום', '👩‍👩‍👧‍👦'.repeat(60), 'Z\u0336\u0334\u0337a\u0338\u0335lgo', 'lone \ud800 surrogate \udc00', 'line1\nline2\ttab\u0000nul\u0007'];
    const f = g(titles.map((t, i) => map(`u${i}`, { title: t, position: { x: 0, y: i * 120 } })));
    const { el } = await mount(f);
    for (let i = 0; i < titles.length; i++) {
      const t = el.shadowRoot!.querySelector(`[data-node-id="u${i}"] .node-title`)!;
      const text = t.textContent ?? '';
      expect(getComputedStyle(t).unicodeBidi, 'labels are bidi-isolated').to.be.oneOf(['isolate', 'isolate-override', 'plaintext']);
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text), `no lone surrogate in ${JSON.stringify(text)}`).to.equal(false);
      // eslint-disable-next-line no-control-regex
      expect(/[\u0000-\u001F]/.test(text), 'no control characters').to.equal(false);
      expect(() => encodeURIComponent(text)).to.not.throw();
    }
    expect(el.shadowRoot!.querySelector('[data-node-id="u4"] .node-title')!.textContent).to.contain('\uFFFD');
  });

  it('L4 five quick changes: only the last workflow is drawn', async () => {
    const { el } = await mount(chainFlow(), {});
    const flows = [1, 2, 3, 4, 5].map((n) => g(Array.from({ length: n + 1 }, (_, i) => map(`v${n}-${i}`)), []));
    for (const f of flows) el.flow = f;
    await el.layoutComplete;
    const ids = [...el.shadowRoot!.querySelectorAll('[data-node-id]')].map((n) => n.getAttribute('data-node-id'));
    expect(ids.sort()).to.deep.equal(Array.from({ length: 6 }, (_, i) => `v5-${i}`).sort());
  });

  it('L5 removed during an auto layout: no event afterwards, and 20 mount/unmount cycles leave no extra worker', async () => {
    for (let i = 0; i < 20; i++) {
      const el = document.createElement('fluss-workflow');
      const late: Event[] = [];
      el.style.cssText = 'display:block;width:500px;height:300px';
      document.body.append(el);
      el.flow = clone(chainFlow());
      await new Promise((r) => setTimeout(r, 5));
      el.remove();
      for (const type of ['fluss-error', 'fluss-node-select']) el.addEventListener(type, (e) => late.push(e));
      await new Promise((r) => setTimeout(r, 20));
      expect(late).to.deep.equal([]);
    }
    expect(layoutWorkerCount()).to.be.at.most(1);
    expect(guards.errors).to.deep.equal([]);
    expect(guards.rejections).to.deep.equal([]);
  });

  it('E2 moved to another container keeps working without errors', async () => {
    const { el } = await mount(chainFlow(), {});
    const other = document.createElement('div');
    document.body.append(other);
    other.append(el);
    await el.layoutComplete;
    expect(el.shadowRoot!.querySelectorAll('[data-node-id]').length).to.equal(7);
    expect(el.state).to.equal('ready');
    other.remove();
  });

  it('E5 loading the define module twice is harmless', async () => {
    await import('../../../src/elements/fluss-workflow/define.js?again' as string).catch(() => undefined);
    await import('../../../src/define.js');
    expect(customElements.get('fluss-workflow')).to.equal(FlussWorkflow);
    expect(guards.errors).to.deep.equal([]);
  });

  it('E7 hostile host CSS does not reach the graph', async () => {
    const style = document.createElement('style');
    style.textContent = 'svg text { display: none !important; } * { box-sizing: content-box !important; } g { opacity: 0 !important; }';
    document.head.append(style);
    try {
      const { el } = await mount(chainFlow());
      const t = el.shadowRoot!.querySelector('[data-node-id="a"] .node-title')!;
      expect(getComputedStyle(t).display).to.not.equal('none');
      expect(getComputedStyle(el.shadowRoot!.querySelector('[data-node-id="a"]')!).opacity).to.equal('1');
    } finally {
      style.remove();
    }
  });
});
