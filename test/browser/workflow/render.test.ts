// Drawing details: node kinds and operator labels, edge styles ending on handles, edge labels,
// culling above 1,000 nodes and the low-detail mode when zoomed out, grapheme-safe truncation.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/fluss-workflow/define.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import { handlePoint } from '../../../src/layout/index.js';
import { displayText, fitText, graphemes } from '../../../src/render/text.js';
import { nextNode, navGraph } from '../../../src/interaction/keyboard-navigation.js';
import { bigFlow, chainFlow, edge, flow, node, port } from './samples.js';
import { nextFrame } from './helpers.js';

async function mount(f: unknown, attrs: Record<string, string> = {}): Promise<FlussWorkflow> {
  const el = await fixture<FlussWorkflow>(html`<fluss-workflow style="width: 900px; height: 560px"></fluss-workflow>`);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.flow = f;
  await el.layoutComplete;
  await el.updateComplete;
  return el;
}

describe('fluss-workflow drawing', function () {
  this.timeout(60_000);

  it('draws each kind with its own template and operator labels', async () => {
    const f = flow(
      [
        node('in', 'ArgNode', { ins: [[]], outs: [[port('img', 'STRUCTURE', { identifier: '@mikro/image' }), port('t', 'FLOAT', { nullable: true })]] }),
        node('zip', 'ReactiveNode', { implementation: 'ZIP', ins: [[port('x')], [port('x')]] }),
        node('wl', 'ReactiveNode', { implementation: 'WITHLATEST', ins: [[port('x')], [port('x')]] }),
        node('cl', 'ReactiveNode', { implementation: 'COMBINELATEST', ins: [[port('x')], [port('x')]] }),
        node('mul', 'ReactiveNode', { implementation: 'MULTIPLY', constantsMap: { value: 2.5 } }),
        node('chunk', 'ReactiveNode', { implementation: 'CHUNK' }),
        node('buf', 'ReactiveNode', { implementation: 'BUFFER_COUNT', constantsMap: { count: 10 } }),
        node('just', 'ReactiveNode', { implementation: 'JUST', ins: [[]], constantsMap: { value: 'hello' } }),
        node('sel', 'ReactiveNode', { implementation: 'SELECT', constantsMap: { i: 0 }, voids: [port('label')] }),
        node('gen', 'RekuestMapActionNode', { title: 'Stream Files', actionKind: 'GENERATOR', mapStrategy: 'AS_COMPLETED' }),
        node('filt', 'RekuestFilterActionNode', { title: 'Keep Large', outs: [[port('x')], [port('x')]] }),
        node('out', 'ReturnNode', { ins: [[port('x')]], outs: [[]] }),
      ],
      [],
    );
    const el = await mount(f);
    const root = el.shadowRoot!;
    const text = (id: string, sel: string): string => root.querySelector(`[data-node-id="${id}"] ${sel}`)?.textContent?.trim() ?? '';
    expect(text('in', '.node-title')).to.equal('Inputs');
    expect(text('in', '.node-subtitle')).to.equal('Image | ?Float');
    expect(text('out', '.node-title')).to.equal('Outputs');
    expect(text('zip', '.operator-text')).to.equal('Zip');
    expect(text('wl', '.operator-text')).to.equal('With latest');
    expect(text('cl', '.operator-text')).to.equal('Combine latest');
    expect(root.querySelector('[data-node-id="zip"] .operator-glyph')).to.not.equal(null);
    expect(text('mul', '.operator-text')).to.equal('× 2.5');
    expect(text('chunk', '.operator-text')).to.equal('Chunk');
    expect(text('buf', '.operator-text')).to.equal('Buffer 10');
    expect(text('just', '.operator-text')).to.equal('Just hello');
    expect(text('sel', '.operator-text')).to.equal('Select label');
    expect(text('gen', '.node-caption')).to.equal('ACTION · GENERATOR');
    expect(text('gen', '.chips')).to.contain('AS COMPLETED');
    expect(text('filt', '.chips')).to.contain('Conditional');
    // One handle per stream: ZIP has two inputs; Inputs has no input handle, Outputs no output handle.
    expect(root.querySelectorAll('[data-node-id="zip"] .handle-in').length).to.equal(2);
    expect(root.querySelectorAll('[data-node-id="in"] .handle-in').length).to.equal(0);
    expect(root.querySelectorAll('[data-node-id="out"] .handle-out').length).to.equal(0);
    expect(root.querySelectorAll('[data-node-id="filt"] .handle-out').length).to.equal(2);
  });

  for (const style of ['bezier', 'smoothstep', 'orthogonal'] as const) {
    it(`ends ${style} edges on their handles (direction down)`, async () => {
      const el = await mount(chainFlow(), { 'edge-style': style, direction: 'down' });
      const wf = el.workflow!;
      const layout = el.getLayout()!;
      expect(layout.direction).to.equal('down');
      const boxes = new Map(layout.nodes.map((b) => [b.id, b]));
      const byId = new Map(wf.nodes.map((n) => [n.id, n]));
      for (const e of wf.edges) {
        const path = el.shadowRoot!.querySelector<SVGPathElement>(`[data-edge-id="${e.id}"] .edge-path`)!;
        const start = path.getPointAtLength(0);
        const end = path.getPointAtLength(path.getTotalLength());
        const sp = handlePoint(boxes.get(e.source)!, 'out', e.sourceStream, byId.get(e.source)!.outs.length, 'down');
        const tp = handlePoint(boxes.get(e.target)!, 'in', e.targetStream, byId.get(e.target)!.ins.length, 'down');
        expect(Math.hypot(start.x - sp.x, start.y - sp.y)).to.be.lessThan(1);
        expect(Math.hypot(end.x - tp.x, end.y - tp.y)).to.be.lessThan(1);
        expect(path.getAttribute('marker-end')).to.match(/^url\(#fluss-\d+-arrow\)$/);
      }
    });
  }

  it('shows stream labels with edge-labels', async () => {
    const f = chainFlow() as { graph: { edges: Array<Record<string, unknown>> } };
    f.graph.edges[0]!.label = 'first images';
    const el = await mount(f, { 'edge-labels': '' });
    expect(el.shadowRoot!.querySelector('[data-edge-id="e1"] .edge-label')!.textContent).to.contain('first images');
    expect(el.shadowRoot!.querySelector('[data-edge-id="e3"] .edge-label')).to.not.equal(null);
  });

  it('renders only what is on screen above 1,000 nodes and simplifies when zoomed out', async () => {
    const el = await mount(bigFlow(1200), { layout: 'stored', 'min-zoom': '0.02' });
    const root = el.shadowRoot!;
    const fitCount = root.querySelectorAll('.scene [data-node-id]').length;
    expect(fitCount).to.be.greaterThan(0);
    // Fitted far out: low detail, no text and no ports.
    expect(el.getViewport().zoom).to.be.lessThan(0.4);
    expect(root.querySelectorAll('.scene .node-title').length).to.equal(0);
    expect(root.querySelectorAll('.scene .handle').length).to.equal(0);
    await el.centerOn('n0', { zoom: 1 });
    await el.updateComplete;
    await nextFrame();
    await el.updateComplete;
    const visible = root.querySelectorAll('.scene [data-node-id]').length;
    expect(visible).to.be.lessThan(200);
    expect(root.querySelector('[data-node-id="n0"] .node-title')!.textContent).to.equal('Step 0');
    expect(root.querySelector('[data-node-id="n1199"]')).to.equal(null);
    // The minimap simplifies itself: one path of boxes (drawn in the frame after the first paint).
    await nextFrame();
    await nextFrame();
    await el.updateComplete;
    expect(root.querySelectorAll('[part="minimap"] rect.minimap-node').length).to.equal(0);
    expect(root.querySelector('[part="minimap"] path.minimap-node')).to.not.equal(null);
    // Export still contains every node.
    const doc = new DOMParser().parseFromString(el.toSVG(), 'image/svg+xml');
    expect(doc.querySelectorAll('[data-node-id]').length).to.equal(1200);
  });

  it('truncates by graphemes and sanitises text', () => {
    expect(graphemes('👩‍👩‍👧e\u0301x').length).to.equal(3);
    expect(displayText('a\nb\u0000c\ud800')).to.equal('a b c\ufffd');
    const long = '👩‍👩‍👧'.repeat(100);
    const fitted = fitText(long, '13px sans-serif', 80);
    expect(fitted.truncated).to.equal(true);
    expect(fitted.text.endsWith('…')).to.equal(true);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(fitted.text)).to.equal(false);
    expect(fitted.width).to.be.at.most(80);
  });

  it('navigates along edges (pure)', () => {
    const boxes = new Map([
      ['a', { id: 'a', x: 0, y: 0, width: 10, height: 10 }],
      ['b', { id: 'b', x: 100, y: 0, width: 10, height: 10 }],
      ['c', { id: 'c', x: 100, y: 100, width: 10, height: 10 }],
      ['d', { id: 'd', x: 200, y: 50, width: 10, height: 10 }],
    ]);
    const g = navGraph(boxes, [
      { source: 'a', target: 'b' },
      { source: 'a', target: 'c' },
      { source: 'b', target: 'd' },
      { source: 'c', target: 'd' },
    ], ['a', 'b', 'c', 'd']);
    expect(nextNode(g, 'a', 'ArrowRight', 'right')).to.equal('b');
    expect(nextNode(g, 'b', 'ArrowDown', 'right')).to.equal('c');
    expect(nextNode(g, 'c', 'ArrowUp', 'right')).to.equal('b');
    expect(nextNode(g, 'b', 'ArrowRight', 'right')).to.equal('d');
    expect(nextNode(g, 'd', 'ArrowLeft', 'right')).to.be.oneOf(['b', 'c']);
    expect(nextNode(g, 'a', 'End', 'right')).to.equal('d');
  });

  it('keeps ids from data out of SVG ids and URLs', async () => {
    const f = flow([node('x" onload="1', 'RekuestMapActionNode'), node('url(#a)', 'RekuestMapActionNode')], [edge('e', 'x" onload="1', 'url(#a)')]);
    const el = await mount(f);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('.scene [data-node-id]').length).to.equal(2);
    for (const n of root.querySelectorAll('[id]')) expect(n.id).to.match(/^fluss-\d+-/);
    for (const n of root.querySelectorAll('[marker-end]')) expect(n.getAttribute("marker-end")).to.match(/^url\(#fluss-\d+-arrow(-logging|-active)?\)$/);
  });
});
