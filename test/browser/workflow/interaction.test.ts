// Pan, zoom, fit, selection and keyboard navigation with real input (sendMouse / sendKeys).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import '../../../src/elements/fluss-workflow/define.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import type { FlussNodeSelectEvent } from '../../../src/events/fluss-node-select.js';
import { chainFlow } from './samples.js';
import { nextFrame } from './helpers.js';

async function mount(attrs = ''): Promise<FlussWorkflow> {
  const host = await fixture<HTMLDivElement>(html`<div style="padding: 0; margin: 0"></div>`);
  host.innerHTML = `<button id="before">before</button><fluss-workflow ${attrs} style="width: 800px; height: 500px"></fluss-workflow><button id="after">after</button>`;
  const el = host.querySelector('fluss-workflow') as FlussWorkflow;
  el.flow = chainFlow();
  await el.layoutComplete;
  await el.updateComplete;
  await nextFrame();
  return el;
}

function center(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
}

function nodeBody(el: FlussWorkflow, id: string): SVGGElement {
  return el.shadowRoot!.querySelector(`[data-node-id="${id}"] > .node-body`) as SVGGElement;
}

function activeNodeId(el: FlussWorkflow): string | null {
  const a = el.shadowRoot!.activeElement;
  return a?.closest('[data-node-id]')?.getAttribute('data-node-id') ?? null;
}

describe('fluss-workflow interaction', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('fits the graph on first render', async () => {
    const el = await mount();
    const pane = el.shadowRoot!.querySelector('.pane')!.getBoundingClientRect();
    for (const g of el.shadowRoot!.querySelectorAll('.scene [data-node-id]')) {
      const r = g.getBoundingClientRect();
      expect(r.left).to.be.at.least(pane.left - 1);
      expect(r.right).to.be.at.most(pane.right + 1);
      expect(r.top).to.be.at.least(pane.top - 1);
      expect(r.bottom).to.be.at.most(pane.bottom + 1);
    }
    // The transform lives on the composited wrapper, not on the SVG.
    const layer = el.shadowRoot!.querySelector<HTMLElement>('.viewport')!;
    expect(layer.style.transform).to.match(/translate\(.+\) scale\(.+\)/);
    expect(getComputedStyle(layer).willChange).to.equal('transform');
  });

  it('pans by dragging without re-rendering nodes', async () => {
    const el = await mount();
    const before = el.getViewport();
    const nodeEl = el.shadowRoot!.querySelector('[data-node-id="a"]')!;
    const pane = el.shadowRoot!.querySelector('.pane')!.getBoundingClientRect();
    const start: [number, number] = [Math.round(pane.left + 20), Math.round(pane.top + 20)];
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [start[0] + 60, start[1] + 40] });
    await sendMouse({ type: 'move', position: [start[0] + 120, start[1] + 70] });
    await sendMouse({ type: 'up' });
    const after = el.getViewport();
    expect(after.x - before.x).to.be.closeTo(120, 2);
    expect(after.y - before.y).to.be.closeTo(70, 2);
    expect(el.shadowRoot!.querySelector('[data-node-id="a"]')).to.equal(nodeEl);
  });

  it('does not pan with no-pan', async () => {
    const el = await mount('no-pan');
    const before = el.getViewport();
    const pane = el.shadowRoot!.querySelector('.pane')!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [pane.left + 20, pane.top + 20] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [pane.left + 120, pane.top + 90] });
    await sendMouse({ type: 'up' });
    expect(el.getViewport()).to.deep.equal(before);
  });

  it('zooms with the wheel, the buttons and the API, within min/max zoom', async () => {
    const el = await mount('min-zoom="0.5" max-zoom="2"');
    const pane = el.shadowRoot!.querySelector('.pane')!;
    const z0 = el.getViewport().zoom;
    const [cx, cy] = center(pane);
    pane.dispatchEvent(new WheelEvent('wheel', { deltaY: -200, clientX: cx, clientY: cy, bubbles: true, cancelable: true, composed: true }));
    await nextFrame();
    expect(el.getViewport().zoom).to.be.greaterThan(z0);
    const z1 = el.getViewport().zoom;
    const zoomOut = el.shadowRoot!.querySelector('[part="controls"] button[aria-label="Zoom out"]')!;
    await sendMouse({ type: 'click', position: center(zoomOut) });
    await new Promise((r) => setTimeout(r, 350));
    expect(el.getViewport().zoom).to.be.lessThan(z1);
    for (let i = 0; i < 12; i++) await el.zoomIn();
    expect(el.getViewport().zoom).to.be.at.most(2 + 1e-6);
    for (let i = 0; i < 12; i++) await el.zoomOut();
    expect(el.getViewport().zoom).to.be.at.least(0.5 - 1e-6);
  });

  it('ignores the wheel with no-zoom', async () => {
    const el = await mount('no-zoom');
    const pane = el.shadowRoot!.querySelector('.pane')!;
    const z0 = el.getViewport().zoom;
    const [cx, cy] = center(pane);
    pane.dispatchEvent(new WheelEvent('wheel', { deltaY: -200, clientX: cx, clientY: cy, bubbles: true, cancelable: true, composed: true }));
    await nextFrame();
    expect(el.getViewport().zoom).to.equal(z0);
  });

  it('fits again and centres on a node', async () => {
    const el = await mount();
    await el.zoomIn();
    await el.zoomIn();
    await el.centerOn('f');
    const pane = el.shadowRoot!.querySelector('.pane')!.getBoundingClientRect();
    const [x, y] = center(el.shadowRoot!.querySelector('[data-node-id="f"] .node-frame')!);
    expect(x).to.be.closeTo(pane.left + pane.width / 2, 2);
    expect(y).to.be.closeTo(pane.top + pane.height / 2, 2);
    const fit = el.shadowRoot!.querySelector('[part="controls"] button[aria-label="Fit to view"]')!;
    await sendMouse({ type: 'click', position: center(fit) });
    await new Promise((r) => setTimeout(r, 350));
    for (const g of el.shadowRoot!.querySelectorAll('.scene [data-node-id]')) {
      const r = g.getBoundingClientRect();
      expect(r.left >= pane.left - 1 && r.right <= pane.right + 1).to.equal(true);
    }
  });

  it('selects a node on click, reflects it and fires fluss-node-select', async () => {
    const el = await mount();
    const body = nodeBody(el, 'a');
    setTimeout(() => void sendMouse({ type: 'click', position: center(el.shadowRoot!.querySelector('[data-node-id="a"] .node-frame')!) }));
    const ev = (await oneEvent(el, 'fluss-node-select')) as unknown as FlussNodeSelectEvent;
    expect(ev.nodeId).to.equal('a');
    expect(ev.kind).to.equal('rekuest-map');
    expect(ev.bubbles && ev.composed).to.equal(true);
    await el.updateComplete;
    expect(el.selected).to.equal('a');
    expect(el.getAttribute('selected')).to.equal('a');
    expect(el.shadowRoot!.querySelector('[data-node-id="a"]')!.classList.contains('selected')).to.equal(true);
    expect(body.getAttribute('aria-current')).to.equal('true');
  });

  it('Tab enters the graph, arrows follow edges, Enter selects, Escape clears, Tab leaves', async () => {
    const el = await mount();
    (el.parentElement!.querySelector('#before') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(activeNodeId(el)).to.equal('in');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const first = activeNodeId(el);
    expect(first === 'a' || first === 'c').to.equal(true);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(activeNodeId(el)).to.equal('z');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(activeNodeId(el)).to.equal('add');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(activeNodeId(el)).to.equal('z');
    const selected = oneEvent(el, 'fluss-node-select');
    await sendKeys({ press: 'Enter' });
    expect(((await selected) as unknown as FlussNodeSelectEvent).nodeId).to.equal('z');
    expect(el.selected).to.equal('z');
    const cleared = oneEvent(el, 'fluss-node-select');
    await sendKeys({ press: 'Escape' });
    expect(((await cleared) as unknown as FlussNodeSelectEvent).nodeId).to.equal(null);
    expect(el.hasAttribute('selected')).to.equal(false);
    // Only one node is in the tab order; Tab walks its ports (showing their types), then the
    // controls, then out of the element.
    expect(el.shadowRoot!.querySelectorAll('.node-body[tabindex="0"]').length).to.equal(1);
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.getAttribute('data-handle')).to.equal('arg_0');
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')!.textContent).to.contain('Input 1');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('data-handle')).to.equal('return_0');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Zoom in');
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.id).to.equal('after');
  });

  it('shows a handle\'s ports with their types on hover', async () => {
    const el = await mount();
    const handle = el.shadowRoot!.querySelector('[data-node-id="z"] [data-handle="arg_1"]')!;
    await sendMouse({ type: 'move', position: center(handle) });
    await el.updateComplete;
    const tip = el.shadowRoot!.querySelector('[part="tooltip"]')!;
    expect(tip).to.not.equal(null);
    expect(tip.textContent).to.contain('Input 2');
    expect(tip.textContent).to.contain('Int');
    await sendMouse({ type: 'move', position: [2, 2] });
    await el.updateComplete;
  });

  it('dims nodes not matching highlight and fits the matches', async () => {
    const el = await mount();
    el.highlight = 'segment';
    await el.updateComplete;
    const dimmed = [...el.shadowRoot!.querySelectorAll('.scene .node.dimmed')].map((n) => n.getAttribute('data-node-id'));
    expect(dimmed).to.not.include('a');
    expect(dimmed.length).to.equal(6);
    const bar = el.shadowRoot!.querySelector('[part="highlight"]')!;
    expect(bar.textContent).to.contain('1 match');
    await sendMouse({ type: 'click', position: center(bar.querySelector('button')!) });
    await new Promise((r) => setTimeout(r, 350));
    expect(el.getViewport().zoom).to.be.at.least(0.99);
  });
});
