// A precomputed layout (or stored positions) draws at once: no worker is started and the ELK
// module is never requested. Runs in its own page so no other test has loaded ELK before.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/fluss-workflow/define.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import { parseWorkflow } from '../../../src/model/index.js';
import { immediateLayout, layoutWorkerCount } from '../../../src/layout/index.js';
import { nodeSizes, nodeViews } from '../../../src/render/node-view.js';
import { positionedChainFlow } from './samples.js';

function elkRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => /node_modules\/elkjs|elk\.worker|elk-worker|elk-api|elk\.bundled/i.test(n));
}

describe('fluss-workflow with a precomputed layout', () => {
  it('draws the given layout without a worker or the ELK module, and hands it back', async () => {
    const flow = positionedChainFlow();
    const { workflow } = parseWorkflow(flow);
    const layout = immediateLayout({ workflow: workflow!, sizes: nodeSizes(nodeViews(workflow!)), direction: 'right', mode: 'stored' })!;
    expect(layout).to.not.equal(null);
    const el = await fixture<FlussWorkflow>(html`<fluss-workflow layout="auto" style="width: 800px; height: 500px"></fluss-workflow>`);
    el.layout = layout;
    el.flow = flow;
    await el.layoutComplete;
    expect(el.state).to.equal('ready');
    expect(el.shadowRoot!.querySelectorAll('.scene [data-node-id]').length).to.equal(7);
    expect(el.getLayout()).to.deep.equal(layout);
    const a = layout.nodes.find((b) => b.id === 'a')!;
    expect(el.shadowRoot!.querySelector('[data-node-id="a"]')!.getAttribute('transform')).to.equal(`translate(${a.x} ${a.y})`);
    expect(el.shadowRoot!.querySelector('[part="progress"]')).to.equal(null);
    await new Promise((r) => setTimeout(r, 300));
    expect(layoutWorkerCount()).to.equal(0);
    expect(elkRequests()).to.deep.equal([]);
  });

  it('paints stored positions at once with layout="stored" (no ELK either)', async () => {
    const el = await fixture<FlussWorkflow>(html`<fluss-workflow layout="stored" style="width: 800px; height: 500px"></fluss-workflow>`);
    el.flow = positionedChainFlow();
    await el.updateComplete;
    await el.updateComplete;
    // First paint: no layout wait.
    await el.layoutComplete;
    expect(el.shadowRoot!.querySelectorAll('.scene [data-node-id]').length).to.equal(7);
    expect(layoutWorkerCount()).to.equal(0);
    expect(elkRequests()).to.deep.equal([]);
  });
});
