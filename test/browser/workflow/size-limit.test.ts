// The size limit and its opt-in: a workflow over `max-nodes` (default 10,000) reports
// GRAPH_TOO_LARGE once with a keyboard-reachable "Draw anyway" button that draws it; `max-nodes`
// raises or lowers the limit; limits that are not node or edge counts offer no button.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/fluss-workflow/define.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import type { FlussErrorEvent } from '../../../src/events/fluss-error.js';
import { bigFlow, chainFlow, flow, node, port, positionedChainFlow } from './samples.js';

interface Mounted {
  el: FlussWorkflow;
  before: HTMLButtonElement;
  errors: FlussErrorEvent[];
}

async function mount(input: unknown, maxNodes?: number): Promise<Mounted> {
  const errors: FlussErrorEvent[] = [];
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <button id="before">before</button>
    <fluss-workflow layout="stored" max-nodes=${maxNodes ?? ''} style="width: 800px; height: 500px" @fluss-error=${(e: FlussErrorEvent) => errors.push(e)}></fluss-workflow>
  </div>`);
  const el = wrap.querySelector('fluss-workflow')!;
  if (maxNodes === undefined) el.removeAttribute('max-nodes');
  el.flow = input;
  await el.layoutComplete;
  await el.updateComplete;
  return { el, before: wrap.querySelector<HTMLButtonElement>('#before')!, errors };
}

const drawn = (el: FlussWorkflow): number => el.shadowRoot!.querySelectorAll('.scene [data-node-id]').length;
const drawAnyway = (el: FlussWorkflow): HTMLButtonElement | null => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="error"] button');

describe('fluss-workflow size limit', () => {
  it('over max-nodes: GRAPH_TOO_LARGE once, nothing drawn, a "Draw anyway" button in the alert', async () => {
    const { el, errors } = await mount(positionedChainFlow(), 3);
    expect(el.state).to.equal('error');
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['GRAPH_TOO_LARGE']);
    expect(errors[0]!.detail.message).to.contain('7 nodes');
    expect(drawn(el)).to.equal(0);
    const button = drawAnyway(el);
    expect(button, 'the button').to.not.equal(null);
    expect(button!.type).to.equal('button');
    expect(button!.textContent!.trim()).to.equal('Draw anyway');
    const box = button!.getBoundingClientRect();
    expect(box.width > 0 && box.height > 0, 'visible').to.equal(true);
  });

  it('"Draw anyway" is reached with Tab and pressed with Enter: the workflow is drawn', async () => {
    const { el, before, errors } = await mount(positionedChainFlow(), 3);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement, 'Tab reaches the button').to.equal(drawAnyway(el));
    await sendKeys({ press: 'Enter' });
    await el.layoutComplete;
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(drawn(el)).to.equal(7);
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    expect(errors.length, 'no further error').to.equal(1);
    // Focus is not lost with the button: it moves on to the first node.
    await el.updateComplete;
    const active = el.shadowRoot!.activeElement;
    expect(active?.classList.contains('node-body'), 'a node has focus').to.equal(true);
    expect(active?.closest('[data-node-id]')?.getAttribute('data-node-id')).to.equal('in');
  });

  it('the opt-in holds for that input only: a new flow over the limit is refused again', async () => {
    const { el, errors } = await mount(positionedChainFlow(), 3);
    drawAnyway(el)!.click();
    await el.layoutComplete;
    expect(drawn(el)).to.equal(7);
    el.flow = chainFlow();
    await el.layoutComplete;
    await el.updateComplete;
    expect(errors.filter((e) => e.detail.code === 'GRAPH_TOO_LARGE').length).to.equal(2);
    expect(drawAnyway(el)).to.not.equal(null);
  });

  it('raising max-nodes after the error draws the workflow; max-nodes at or above the size draws at once', async () => {
    const { el } = await mount(positionedChainFlow(), 6);
    expect(el.state).to.equal('error');
    el.maxNodes = 7;
    await el.layoutComplete;
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(drawn(el)).to.equal(7);
    const { el: direct } = await mount(positionedChainFlow(), 7);
    expect(direct.state).to.equal('ready');
    expect(drawn(direct)).to.equal(7);
  });

  it('lowering max-nodes under a drawn workflow refuses it; a limit it still fits does not reload', async () => {
    const { el, errors } = await mount(positionedChainFlow(), 10);
    expect(drawn(el)).to.equal(7);
    const parsed = el.workflow;
    el.maxNodes = 8;
    await el.layoutComplete;
    await el.updateComplete;
    expect(el.workflow, 'not parsed again').to.equal(parsed);
    expect(errors.length).to.equal(0);
    el.maxNodes = 5;
    await el.layoutComplete;
    await el.updateComplete;
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['GRAPH_TOO_LARGE']);
    expect(drawAnyway(el)).to.not.equal(null);
  });

  it('a port-count limit is not a node count: no "Draw anyway"', async () => {
    const f = flow([node('a', 'RekuestMapActionNode', { ins: [Array.from({ length: 1_001 }, (_, i) => port(`p${i}`))] })], []);
    const { el, errors } = await mount(f, 50_000);
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['GRAPH_TOO_LARGE']);
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.not.equal(null);
    expect(drawAnyway(el)).to.equal(null);
  });

  it('the default limit: 10,001 nodes are refused, then drawn (culled) after "Draw anyway"', async () => {
    const { el, errors } = await mount(bigFlow(10_001));
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['GRAPH_TOO_LARGE']);
    expect(drawn(el)).to.equal(0);
    drawAnyway(el)!.click();
    await el.layoutComplete;
    await el.updateComplete;
    expect(el.workflow?.nodes.length).to.equal(10_001);
    expect(drawn(el)).to.be.greaterThan(0);
    expect(drawn(el), 'culled to the viewport').to.be.below(10_001);
  });
});
