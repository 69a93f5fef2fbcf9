// Causality on the graph: "show causes" in a <fluss-run-log> inside a <fluss-run> marks the edges
// the causes travelled on with data-causal in <fluss-workflow>; clearing the trace unmarks them.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/fluss-run/define.js';
import '../../../src/elements/fluss-run-log/define.js';
import '../../../src/elements/fluss-workflow/define.js';
import type { FlussRunElement } from '../../../src/elements/fluss-run/fluss-run.js';
import type { FlussRunLogElement } from '../../../src/elements/fluss-run-log/fluss-run-log.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import type { Workflow } from '../../../src/model/types.js';
import { generateRun } from './support/generate-run.js';

async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

/** The edges from the ArgNode down to `nodeId` (every generated node has one incoming edge). */
function pathTo(workflow: Workflow, nodeId: string): string[] {
  const incoming = new Map(workflow.edges.map((e) => [e.target, e] as const));
  const out: string[] = [];
  let cur = incoming.get(nodeId);
  while (cur) {
    out.push(cur.id);
    cur = incoming.get(cur.source);
  }
  return out.sort();
}

function causalIds(graph: FlussWorkflow): string[] {
  return [...graph.shadowRoot!.querySelectorAll('.edge[data-causal]')].map((e) => e.getAttribute('data-edge-id')!).sort();
}

describe('causes on the graph (<fluss-run-log> "show causes" -> data-causal edges)', () => {
  const gen = generateRun({ nodes: 8, items: 3, seed: 11 });

  async function mount(): Promise<{ run: FlussRunElement; graph: FlussWorkflow; log: FlussRunLogElement }> {
    const run = await fixture<FlussRunElement>(html`<fluss-run .run=${gen.run} .events=${gen.events}>
      <fluss-workflow layout="stored" no-minimap style="display:block; width: 900px; height: 500px"></fluss-workflow>
      <fluss-run-log style="display:block; height: 300px"></fluss-run-log>
    </fluss-run>`);
    await waitUntil(() => run.state === 'ready' || run.state === 'partial', 'run loads', { timeout: 20_000 });
    const graph = run.querySelector('fluss-workflow')!;
    const log = run.querySelector('fluss-run-log')!;
    await waitUntil(() => graph.workflow !== null, 'graph gets the run flow', { timeout: 20_000 });
    await graph.layoutComplete;
    await waitUntil(() => graph.shadowRoot!.querySelectorAll('.scene .edge[data-edge-id]').length === gen.workflow.edges.length, 'edges drawn', { timeout: 20_000 });
    return { run, graph, log };
  }

  it('marks the edges the causes of an event travelled on, and only those', async () => {
    const { run, graph, log } = await mount();
    expect(causalIds(graph)).to.deep.equal([]);
    // The first NEXT of the deepest map node: its causes walk back to the ArgNode.
    const mapNodes = gen.workflow.nodes.filter((n) => n.kind === 'rekuest-map').map((n) => n.id);
    const deepest = mapNodes.reduce((a, b) => (pathTo(gen.workflow, b).length > pathTo(gen.workflow, a).length ? b : a));
    const event = gen.events.find((e) => e.source === deepest && e.kind === 'NEXT');
    if (!event) throw new Error('the generated run has no NEXT on the deepest node');
    const expected = pathTo(gen.workflow, deepest);
    expect(expected.length).to.be.greaterThan(1);

    log.showCauses(event.id);
    await settle();
    expect([...(run.selection.highlightedEdgeIds ?? [])].sort()).to.deep.equal(expected);
    expect(causalIds(graph)).to.deep.equal(expected);
    // The mark is style, not colour alone: the causal path is thicker than a plain edge.
    const causal = graph.shadowRoot!.querySelector(`.edge[data-causal] .edge-path`)!;
    const plain = graph.shadowRoot!.querySelector(`.edge:not([data-causal]) .edge-path`)!;
    expect(parseFloat(getComputedStyle(causal).strokeWidth)).to.be.greaterThan(parseFloat(getComputedStyle(plain).strokeWidth));

    // A re-render of the graph and a cursor move keep the marks.
    graph.requestUpdate();
    await graph.updateComplete;
    run.setCursor(0);
    await settle();
    expect(causalIds(graph)).to.deep.equal(expected);

    log.clearCauses();
    await settle();
    expect(causalIds(graph)).to.deep.equal([]);
  });

  it('a new trace replaces the old marks; selecting an event clears them', async () => {
    const { graph, log } = await mount();
    const first = gen.events.find((e) => e.source === 'n2' && e.kind === 'NEXT')!;
    const ret = gen.events.find((e) => e.source === 'ret' && e.kind === 'NEXT')!;
    log.showCauses(first.id);
    await settle();
    expect(causalIds(graph)).to.deep.equal(pathTo(gen.workflow, 'n2'));
    log.showCauses(ret.id);
    await settle();
    expect(causalIds(graph)).to.deep.equal(pathTo(gen.workflow, 'ret'));
    log.selectEvent(first.id);
    await settle();
    expect(causalIds(graph)).to.deep.equal([]);
  });
});
