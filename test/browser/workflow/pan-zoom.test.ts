// The own pan/zoom controller with input the real-mouse tests do not reach: two-pointer pinch
// (dispatched PointerEvents), wheel zoom around the cursor, double-click zoom, interrupted
// transitions, click-after-drag suppression and listener removal on disconnect.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendMouse, resetMouse } from '@web/test-runner-commands';
import '../../../src/elements/fluss-workflow/define.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import { chainFlow } from './samples.js';
import { nextFrame } from './helpers.js';

async function mount(attrs = ''): Promise<FlussWorkflow> {
  const host = await fixture<HTMLDivElement>(html`<div style="padding: 0; margin: 0"></div>`);
  host.innerHTML = `<fluss-workflow ${attrs} style="width: 800px; height: 500px"></fluss-workflow>`;
  const el = host.querySelector('fluss-workflow') as FlussWorkflow;
  el.flow = chainFlow();
  await el.layoutComplete;
  await el.updateComplete;
  await nextFrame();
  return el;
}

function pane(el: FlussWorkflow): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('.pane')!;
}

/** The canvas point drawn at a client point. */
function canvasAt(el: FlussWorkflow, clientX: number, clientY: number): { x: number; y: number } {
  const r = pane(el).getBoundingClientRect();
  const v = el.getViewport();
  return { x: (clientX - r.left - v.x) / v.zoom, y: (clientY - r.top - v.y) / v.zoom };
}

function pointer(target: Element, type: string, id: number, x: number, y: number): void {
  target.dispatchEvent(
    new PointerEvent(type, { pointerId: id, pointerType: 'touch', isPrimary: id === 1, clientX: x, clientY: y, button: 0, buttons: type === 'pointerup' ? 0 : 1, bubbles: true, cancelable: true, composed: true }),
  );
}

const waitMs = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('fluss-workflow pan/zoom', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('zooms around the cursor with the wheel (the point under it stays put)', async () => {
    const el = await mount();
    const r = pane(el).getBoundingClientRect();
    const [cx, cy] = [r.left + 150, r.top + 120];
    const before = canvasAt(el, cx, cy);
    const z0 = el.getViewport().zoom;
    pane(el).dispatchEvent(new WheelEvent('wheel', { deltaY: -120, clientX: cx, clientY: cy, bubbles: true, cancelable: true, composed: true }));
    expect(el.getViewport().zoom).to.be.greaterThan(z0);
    const after = canvasAt(el, cx, cy);
    expect(after.x).to.be.closeTo(before.x, 1e-6);
    expect(after.y).to.be.closeTo(before.y, 1e-6);
    // A trackpad pinch (ctrl + small delta) zooms too, and the wheel is consumed (no page scroll).
    const ev = new WheelEvent('wheel', { deltaY: 8, ctrlKey: true, clientX: cx, clientY: cy, bubbles: true, cancelable: true, composed: true });
    const z1 = el.getViewport().zoom;
    pane(el).dispatchEvent(ev);
    expect(ev.defaultPrevented).to.equal(true);
    expect(el.getViewport().zoom).to.be.lessThan(z1);
    const again = canvasAt(el, cx, cy);
    expect(again.x).to.be.closeTo(before.x, 1e-6);
  });

  it('pinches with two pointers around their midpoint, clamped to max-zoom', async () => {
    const el = await mount('max-zoom="3"');
    const p = pane(el);
    const r = p.getBoundingClientRect();
    const [mx, my] = [r.left + 400, r.top + 250];
    const mid = canvasAt(el, mx, my);
    const z0 = el.getViewport().zoom;
    pointer(p, 'pointerdown', 1, mx - 50, my);
    pointer(p, 'pointerdown', 2, mx + 50, my);
    pointer(p, 'pointermove', 1, mx - 100, my);
    pointer(p, 'pointermove', 2, mx + 100, my);
    expect(el.getViewport().zoom).to.be.closeTo(Math.min(3, z0 * 2), 1e-6);
    const kept = canvasAt(el, mx, my);
    expect(kept.x).to.be.closeTo(mid.x, 1e-6);
    expect(kept.y).to.be.closeTo(mid.y, 1e-6);
    // Moving both fingers pans along.
    pointer(p, 'pointermove', 1, mx - 100, my + 30);
    pointer(p, 'pointermove', 2, mx + 100, my + 30);
    const moved = canvasAt(el, mx, my + 30);
    expect(moved.x).to.be.closeTo(mid.x, 1e-6);
    expect(moved.y).to.be.closeTo(mid.y, 1e-6);
    // Spreading far past max-zoom stops at max-zoom.
    pointer(p, 'pointermove', 2, mx + 2000, my + 30);
    expect(el.getViewport().zoom).to.be.at.most(3 + 1e-9);
    pointer(p, 'pointerup', 1, mx - 100, my + 30);
    pointer(p, 'pointerup', 2, mx + 2000, my + 30);
    expect(p.classList.contains('dragging')).to.equal(false);
  });

  it('zooms in on double-click around the pointer, out with shift, animated', async () => {
    const el = await mount('max-zoom="4"');
    const r = pane(el).getBoundingClientRect();
    const [cx, cy] = [Math.round(r.left + 600), Math.round(r.top + 80)];
    const before = canvasAt(el, cx, cy);
    const z0 = el.getViewport().zoom;
    pane(el).dispatchEvent(new MouseEvent('dblclick', { clientX: cx, clientY: cy, bubbles: true, cancelable: true, composed: true }));
    await nextFrame();
    await nextFrame();
    const mid = el.getViewport().zoom;
    await waitMs(400);
    expect(el.getViewport().zoom).to.be.closeTo(z0 * 2, 1e-6);
    expect(mid).to.be.greaterThan(z0 - 1e-9);
    const after = canvasAt(el, cx, cy);
    expect(after.x).to.be.closeTo(before.x, 1e-6);
    expect(after.y).to.be.closeTo(before.y, 1e-6);
    pane(el).dispatchEvent(new MouseEvent('dblclick', { clientX: cx, clientY: cy, shiftKey: true, bubbles: true, cancelable: true, composed: true }));
    await waitMs(400);
    expect(el.getViewport().zoom).to.be.closeTo(z0, 1e-6);
  });

  it('interrupts a running transition: its promise resolves and the newer target wins', async () => {
    const el = await mount();
    const z0 = el.getViewport().zoom;
    let firstDone = false;
    const first = el.fitView(['a'], { duration: 5000 }).then(() => (firstDone = true));
    await nextFrame();
    await nextFrame();
    await nextFrame();
    const during = el.getViewport();
    // Somewhere between the start and a 5 s target: not jumped.
    expect(during.zoom).to.be.at.least(z0 - 1e-9);
    await el.fitView(undefined, { duration: 0 });
    await first;
    expect(firstDone).to.equal(true);
    const fitted = el.getViewport();
    await waitMs(100);
    // The interrupted animation never writes again.
    expect(el.getViewport()).to.deep.equal(fitted);
  });

  it('a wheel or a press interrupts an animated zoom where it is', async () => {
    const el = await mount();
    const done = el.fitView(['a'], { duration: 5000 });
    await nextFrame();
    await nextFrame();
    const r = pane(el).getBoundingClientRect();
    pane(el).dispatchEvent(new WheelEvent('wheel', { deltaY: -100, clientX: r.left + 10, clientY: r.top + 10, bubbles: true, cancelable: true, composed: true }));
    await done;
    const v = el.getViewport();
    await nextFrame();
    await nextFrame();
    expect(el.getViewport()).to.deep.equal(v);
  });

  it('a drag neither selects nor clears the selection; a click does', async () => {
    const el = await mount();
    el.selected = 'b';
    await el.updateComplete;
    const frame = el.shadowRoot!.querySelector('[data-node-id="a"] .node-frame')!.getBoundingClientRect();
    const [x, y] = [Math.round(frame.left + frame.width / 2), Math.round(frame.top + frame.height / 2)];
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 40, y + 10] });
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    // The click the browser fires at the end of the drag is swallowed.
    expect(el.selected).to.equal('b');
    const f2 = el.shadowRoot!.querySelector('[data-node-id="a"] .node-frame')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(f2.left + f2.width / 2), Math.round(f2.top + f2.height / 2)] });
    await el.updateComplete;
    expect(el.selected).to.equal('a');
  });

  it('honours prefers-reduced-motion: animated calls land at once', async () => {
    const el = await mount();
    const z0 = el.getViewport().zoom;
    const animated = el.zoomIn();
    // With motion the call has not landed synchronously.
    expect(el.getViewport().zoom).to.equal(z0);
    await animated;
    const z1 = el.getViewport().zoom;
    expect(z1).to.be.greaterThan(z0);
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const instant = el.zoomIn();
      expect(el.getViewport().zoom).to.be.greaterThan(z1);
      await instant;
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('removes its listeners when disconnected', async () => {
    const el = await mount();
    const p = pane(el);
    const parent = el.parentElement!;
    el.remove();
    const v = el.getViewport();
    p.dispatchEvent(new WheelEvent('wheel', { deltaY: -200, clientX: 10, clientY: 10, bubbles: true, cancelable: true, composed: true }));
    expect(el.getViewport()).to.deep.equal(v);
    parent.appendChild(el);
    await el.updateComplete;
    const r = p.getBoundingClientRect();
    p.dispatchEvent(new WheelEvent('wheel', { deltaY: -200, clientX: r.left + 10, clientY: r.top + 10, bubbles: true, cancelable: true, composed: true }));
    expect(el.getViewport().zoom).to.be.greaterThan(v.zoom);
  });
});
