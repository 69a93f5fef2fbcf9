// Seeded fuzzing through parse, layout and render: thousands of random mutations of project-written
// workflows (and, when ../shared exists, of the real fixtures served at /__shared/) never throw and
// always end in a drawn graph or an error state. Most inputs use the stored/immediate layout; every
// 40th goes through the ELK worker. A failure prints its seed, base and mutation.
/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/fluss-workflow/define.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import { parseWorkflow } from '../../../src/model/index.js';
import { disposeLayoutWorkers } from '../../../src/layout/index.js';
import { sharedFixtureNames, sharedFixtureText } from '../workflow/helpers.js';
import { installPageGuards, type PageGuards } from './support/contract.js';
import { chainFlow, clone, edge, flow, node, payloadFlow, port, type Json } from './support/flows.js';
import { mutate, prng } from './support/fuzz.js';
import { PAYLOADS } from './support/probes.js';

window.addEventListener('error', (e) => {
  if (String(e.message).includes('ResizeObserver loop')) e.stopImmediatePropagation();
}, true);

const SEED = 20261126;
const PROJECT_INPUTS = 2400;
const FIXTURE_INPUTS = 600;
const ELK_EVERY = 40;

/** Project-written bases: a chain, a payload flow, groups with a cross edge, a legacy document. */
function projectBases(): Array<{ name: string; doc: Json }> {
  const grouped = flow(
    [node('in', 'ArgNode', { ins: [[]], outs: [[port('x')]] }), node('grp', 'AgentSubFlowNode'), node('a', 'RekuestMapActionNode', { parentNode: 'grp' }), node('f', 'RekuestFilterActionNode', { outs: [[port('x')], [port('x')]] }), node('out', 'ReturnNode', { ins: [[port('x')]], outs: [[]] })],
    [edge('e1', 'in', 'a'), edge('e2', 'a', 'f'), edge('e3', 'f', 'out', 'return_1', 'arg_0'), edge('e4', 'f', 'f')],
    'Grouped',
  );
  const legacy: Json = {
    name: 'Legacy',
    nodes: [
      { id: 'in', typename: 'ArgNode', instream: [[]], outstream: [[{ key: 'x', kind: 'INT', nullable: false }]], position: { x: 0, y: 0 } },
      { id: 'a', typename: 'ArkitektNode', name: 'Step', instream: [[{ key: 'x', kind: 'STRUCTURE', nullable: false, child: { key: 'c', kind: 'INT' } }]], outstream: [[{ key: 'y', kind: 'INT', nullable: false }]], position: { x: 300, y: 0 } },
    ],
    edges: [{ id: 'e', source: 'in', target: 'a', sourceHandle: 'return_0', targetHandle: 'arg_0', typename: 'FlowEdge' }],
  };
  return [
    { name: 'chain', doc: chainFlow() },
    { name: 'payloads', doc: payloadFlow((i) => PAYLOADS[i % PAYLOADS.length]!).flow },
    { name: 'grouped', doc: grouped },
    { name: 'legacy', doc: legacy },
  ];
}

interface Outcome {
  drawn: number;
  errors: number;
  empty: number;
}

/** Feeds `count` mutations of the bases through parse and the element; asserts the invariant each time. */
async function fuzz(el: FlussWorkflow, bases: ReadonlyArray<{ name: string; doc: Json }>, count: number, seed: number, guards: PageGuards): Promise<Outcome> {
  const r = prng(seed);
  const outcome: Outcome = { drawn: 0, errors: 0, empty: 0 };
  for (let i = 0; i < count; i++) {
    const base = bases[Math.floor(r() * bases.length)]!;
    let input: unknown = clone(base.doc);
    const steps: string[] = [];
    const n = 1 + Math.floor(r() * 4);
    for (let k = 0; k < n && typeof input === 'object'; k++) {
      const m = mutate(input, r);
      input = m.input;
      steps.push(m.what);
    }
    const label = `seed ${seed} #${i} base ${base.name}: ${steps.join('; ')}`;
    // The parser alone never throws.
    let parsed: ReturnType<typeof parseWorkflow> | undefined;
    expect(() => (parsed = parseWorkflow(input)), label).to.not.throw();
    // parseWorkflow is pure: a second parse of the same input gives the same graph.
    const again = parseWorkflow(input);
    expect(again.workflow?.nodes.map((x) => x.id), `${label}: parse is repeatable`).to.deep.equal(parsed!.workflow?.nodes.map((x) => x.id));
    // Through the element: ELK for a sample, the stored/immediate layout for the rest.
    el.setAttribute('layout', i % ELK_EVERY === 0 ? 'auto' : 'stored');
    el.flow = input;
    await el.layoutComplete;
    const root = el.shadowRoot!;
    const state = el.state;
    expect(guards.errors, `${label}: no uncaught exception`).to.deep.equal([]);
    expect(guards.rejections, `${label}: no unhandled rejection`).to.deep.equal([]);
    expect(['ready', 'partial', 'error'], `${label}: state ${state}`).to.include(state);
    const alert = root.querySelector('[part="error"]');
    if (parsed!.workflow === null) {
      // Refused: an error is shown (the last good drawing may stay, marked by the alert).
      expect(alert, `${label}: a refused input shows part=error`).to.not.equal(null);
      expect(alert!.getAttribute('role')).to.equal('alert');
      outcome.errors++;
    } else if (state === 'error') {
      // Parsed but not drawable (layout): an alert too.
      expect(alert, `${label}: an error state shows part=error`).to.not.equal(null);
      outcome.errors++;
    } else {
      const expected = el.workflow?.nodes.length ?? 0;
      if (expected === 0) {
        expect(root.querySelector('[part="empty"]'), `${label}: the empty state`).to.not.equal(null);
        outcome.empty++;
      } else {
        const drawn = root.querySelectorAll('.scene [data-node-id]').length;
        expect(drawn, `${label}: nodes drawn`).to.be.greaterThan(0);
        expect(el.workflow!.nodes.map((x) => x.id), `${label}: the element drew what the parser read`).to.deep.equal(parsed!.workflow.nodes.map((x) => x.id));
        outcome.drawn++;
      }
    }
    if (i % 50 === 0) {
      for (const e of root.querySelectorAll('svg *')) for (const a of e.getAttributeNames()) expect(/^on/i.test(a), label).to.equal(false);
    }
    expect(guards.errors, `${label}: no uncaught exception`).to.deep.equal([]);
    expect(guards.rejections, `${label}: no unhandled rejection`).to.deep.equal([]);
    expect((window as { __xss?: unknown }).__xss, label).to.equal(undefined);
    expect(({} as Json).polluted, label).to.equal(undefined);
    // A fresh element now and then, so an element stuck in one state cannot hide later failures.
    if (i % 200 === 199) {
      el.flow = chainFlow();
      await el.layoutComplete;
      expect(el.state, `${label}: recovers with a valid flow`).to.equal('ready');
    }
  }
  return outcome;
}

describe('fuzz: parse, layout and render never throw', function () {
  this.timeout(600_000);
  let guards: PageGuards;
  // One element per test (open-wc removes fixtures after each test).
  const mountEl = (): Promise<FlussWorkflow> => fixture<FlussWorkflow>(html`<fluss-workflow no-minimap style="display:block; width: 640px; height: 400px"></fluss-workflow>`);
  before(() => {
    guards = installPageGuards();
  });
  after(() => {
    guards.dispose();
    disposeLayoutWorkers();
  });

  it(`${PROJECT_INPUTS} mutations of project-written workflows (seed ${SEED})`, async () => {
    const o = await fuzz(await mountEl(), projectBases(), PROJECT_INPUTS, SEED, guards);
    console.log(`[measure] fuzz project: ${PROJECT_INPUTS} inputs -> ${o.drawn} drawn, ${o.empty} empty, ${o.errors} error states`);
    expect(o.drawn + o.empty + o.errors).to.equal(PROJECT_INPUTS);
    expect(o.drawn, 'most mutations still draw').to.be.greaterThan(PROJECT_INPUTS / 4);
    expect(o.errors, 'some mutations are refused').to.be.greaterThan(0);
  });

  it(`${FIXTURE_INPUTS} mutations of the ../shared fixtures (seed ${SEED + 1})`, async function () {
    const names = [...((await sharedFixtureNames('current')) ?? []).map((n) => ['current', n] as const), ...((await sharedFixtureNames('legacy')) ?? []).map((n) => ['legacy', n] as const)];
    if (names.length === 0) {
      console.log('[skip] ../shared/fixtures is absent: fixture fuzzing skipped');
      this.skip();
      return;
    }
    const bases: Array<{ name: string; doc: Json }> = [];
    for (const [folder, name] of names) {
      if (/introspection|run-\d+-export/.test(name)) continue; // not workflows
      try {
        const doc = JSON.parse(await sharedFixtureText(folder, name)) as Json;
        if (parseWorkflow(doc).workflow && JSON.stringify(doc).length < 400_000) bases.push({ name, doc });
      } catch {
        /* a fixture that is not JSON is not a base */
      }
    }
    expect(bases.length).to.be.greaterThan(0);
    const o = await fuzz(await mountEl(), bases, FIXTURE_INPUTS, SEED + 1, guards);
    console.log(`[measure] fuzz fixtures (${bases.length} bases): ${FIXTURE_INPUTS} inputs -> ${o.drawn} drawn, ${o.empty} empty, ${o.errors} error states`);
    expect(o.drawn + o.empty + o.errors).to.equal(FIXTURE_INPUTS);
  });
});
