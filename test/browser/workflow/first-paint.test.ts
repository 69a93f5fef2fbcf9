// Known positions paint before ELK finishes (layout="auto"), then the auto layout animates in
// and the progress part shows while it runs.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/fluss-workflow/define.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import { bigFlow, positionedChainFlow } from './samples.js';
import { nextFrame } from './helpers.js';

describe('fluss-workflow first paint with known positions', () => {
  it('draws authored positions first, then the auto layout', async () => {
    const el = await fixture<FlussWorkflow>(html`<fluss-workflow style="width: 800px; height: 500px"></fluss-workflow>`);
    el.flow = positionedChainFlow();
    await el.updateComplete;
    await new Promise((r) => queueMicrotask(() => r(undefined)));
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('.scene [data-node-id]').length).to.equal(7);
    const firstTransform = root.querySelector('[data-node-id="c"]')!.getAttribute('transform');
    expect(root.querySelector('[part="progress"]')).to.not.equal(null);
    await el.layoutComplete;
    expect(root.querySelector('[part="progress"]')).to.equal(null);
    expect(root.querySelector('[data-node-id="c"]')!.getAttribute('transform')).to.not.equal(firstTransform);
    expect(el.state).to.equal('ready');
    // Positive control for the precomputed-layout test: here the ELK module was requested.
    const elk = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /node_modules\/elkjs|elk\.worker|elk-worker|elk-api|elk\.bundled/i.test(n));
    expect(elk.length).to.be.greaterThan(0);
  });

  it('a big graph paints the culled scene first and its minimap in a later frame; a small one at once', async () => {
    const big = await fixture<FlussWorkflow>(html`<fluss-workflow layout="stored" style="width: 800px; height: 500px"></fluss-workflow>`);
    big.flow = bigFlow(1_200);
    // Loading a property input and drawing it takes no task boundary: no frame has run yet here.
    await big.layoutComplete;
    const root = big.shadowRoot!;
    expect(root.querySelectorAll('.scene [data-node-id]').length, 'the scene is drawn').to.be.greaterThan(0);
    expect(root.querySelector('[part="minimap"]'), 'no minimap in the first frame').to.equal(null);
    await nextFrame();
    await nextFrame();
    await big.updateComplete;
    expect(root.querySelector('[part="minimap"] path.minimap-node'), 'the minimap follows').to.not.equal(null);

    const small = await fixture<FlussWorkflow>(html`<fluss-workflow layout="stored" style="width: 800px; height: 500px"></fluss-workflow>`);
    small.flow = positionedChainFlow();
    await small.layoutComplete;
    expect(small.shadowRoot!.querySelector('[part="minimap"]')).to.not.equal(null);
  });
});
