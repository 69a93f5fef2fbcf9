// `fluss-elements/define` registers every tag, and markup written before it loads (a static page)
// works: the providers upgrade before the views inside them ask for the run.
import { expect } from '@open-wc/testing';
import { recordRun } from '../../../demo/data/recorded-run.js';

const TAGS = ['fluss-provider', 'fluss-workflow', 'fluss-run', 'fluss-run-timeline', 'fluss-run-log'];

describe('fluss-elements/define', () => {
  it('registers every tag, and views written before registration join their run', async () => {
    const host = document.createElement('div');
    host.innerHTML = '<fluss-run><fluss-workflow></fluss-workflow><fluss-run-timeline></fluss-run-timeline><fluss-run-log></fluss-run-log></fluss-run>';
    document.body.append(host);
    const run = host.querySelector('fluss-run')!;
    const recorded = recordRun();
    Object.assign(run, { run: recorded.run, events: recorded.events });

    await import('../../../src/define.js');
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.not.equal(undefined);

    const graph = host.querySelector('fluss-workflow')!;
    await graph.updateComplete;
    const deadline = Date.now() + 15_000;
    while (graph.state !== 'ready' && graph.state !== 'partial' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await graph.layoutComplete;
    expect(graph.workflow?.nodes.length, 'the graph draws the run\'s workflow').to.equal(recorded.run.flow!.nodes.length);
    expect(run.store.size).to.equal(recorded.events.length);
    host.remove();
  });
});
