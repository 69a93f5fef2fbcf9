// Accessibility (axe, light and dark, accessible names and description) and export (toSVG, toPNG).
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/fluss-workflow/define.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import { emulateMedia } from '@web/test-runner-commands';
import { chainFlow } from './samples.js';

async function mount(theme: 'light' | 'dark', flow: unknown = chainFlow()): Promise<FlussWorkflow> {
  const el = await fixture<FlussWorkflow>(html`<fluss-workflow theme=${theme} edge-labels style="width: 800px; height: 500px"></fluss-workflow>`);
  el.flow = flow;
  await el.layoutComplete;
  await el.updateComplete;
  return el;
}

describe('fluss-workflow accessibility', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe in ${theme}`, async () => {
      const el = await mount(theme);
      el.selected = 'a';
      el.highlight = 'a';
      el.nodeStatus = new Map([['a', 'running'], ['z', 'error']]);
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }

  it('names nodes by kind and title and describes the graph', async () => {
    const el = await mount('light');
    const root = el.shadowRoot!;
    expect(root.querySelector('[data-node-id="a"] > .node-body')!.getAttribute('aria-label')).to.equal('Action: Segment Nuclei');
    expect(root.querySelector('[data-node-id="z"] > .node-body')!.getAttribute('aria-label')).to.contain('Zip operator');
    expect(root.querySelector('[data-node-id="f"] > .node-body')!.getAttribute('aria-label')).to.equal('Conditional action: Is Large?');
    const scene = root.querySelector('.scene')!;
    expect(scene.getAttribute('aria-label')).to.equal('Workflow: Chain');
    const desc = root.getElementById(scene.getAttribute('aria-describedby')!)!;
    expect(desc.textContent).to.contain('7 nodes and 7 connections');
  });

  it('uses dark tokens with theme="dark"', async () => {
    const light = await mount('light');
    const dark = await mount('dark');
    const bg = (el: FlussWorkflow): string => getComputedStyle(el).backgroundColor;
    expect(bg(light)).to.not.equal(bg(dark));
  });

  it('follows prefers-color-scheme unless theme="light" is set', async () => {
    const auto = await fixture<FlussWorkflow>(html`<fluss-workflow></fluss-workflow>`);
    const forcedLight = await fixture<FlussWorkflow>(html`<fluss-workflow theme="light"></fluss-workflow>`);
    const bg = (el: FlussWorkflow): string => getComputedStyle(el).backgroundColor;
    const lightBg = bg(auto);
    try {
      await emulateMedia({ colorScheme: 'dark' });
      expect(bg(auto)).to.not.equal(lightBg);
      expect(bg(forcedLight)).to.equal(lightBg);
      await expect(auto).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('reflects nodeStatus into data-status and a class (run overlay hook)', async () => {
    const el = await mount('light');
    el.nodeStatus = new Map([['a', 'running'], ['c', 'bad value; x'], ['nope', 'completed']]);
    await el.updateComplete;
    const a = el.shadowRoot!.querySelector('[data-node-id="a"]')!;
    expect(a.getAttribute('data-status')).to.equal('running');
    expect(a.classList.contains('status-running')).to.equal(true);
    expect(el.shadowRoot!.querySelector('[data-node-id="c"]')!.hasAttribute('data-status')).to.equal(false);
  });

  it('gives every instance its own SVG ids', async () => {
    const a = await mount('light');
    const b = await mount('light');
    const ids = (el: FlussWorkflow): string[] => [...el.shadowRoot!.querySelectorAll('[id]')].map((n) => n.id);
    const shared = ids(a).filter((id) => ids(b).includes(id));
    expect(shared).to.deep.equal([]);
  });
});

describe('fluss-workflow export', () => {
  it('toSVG() returns a standalone SVG with every node title', async () => {
    const el = await mount('light');
    const text = el.toSVG();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.documentElement.localName).to.equal('svg');
    expect(doc.documentElement.getAttribute('xmlns')).to.equal('http://www.w3.org/2000/svg');
    for (const title of ['Inputs', 'Segment Nuclei', 'Measure', 'Is Large?', 'Outputs', 'Zip', '+ 3']) expect(text).to.contain(title);
    expect(doc.querySelectorAll('[data-node-id]').length).to.equal(7);
    // Styles are inlined: frames carry a fill, no stylesheet or custom property is needed.
    const frame = doc.querySelector('[data-node-id="a"] .node-frame')!;
    expect(frame.getAttribute('fill')).to.match(/^rgb/);
    expect(text).to.not.contain('var(--');
    expect(text).to.not.contain('tabindex');
  });

  it('escapes data in the SVG export', async () => {
    const f = chainFlow() as { graph: { nodes: Array<Record<string, unknown>> } };
    f.graph.nodes[1]!.title = '</text><script>alert(1)</script>';
    const el = await mount('light', f);
    const doc = new DOMParser().parseFromString(el.toSVG(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.querySelector('script')).to.equal(null);
  });

  it('toPNG() returns a PNG blob', async () => {
    const el = await mount('dark');
    const blob = await el.toPNG(1);
    expect(blob.type).to.equal('image/png');
    expect(blob.size).to.be.greaterThan(1000);
  });
});
