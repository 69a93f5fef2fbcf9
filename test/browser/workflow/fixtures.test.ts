// Renders every workflow fixture in ../shared/fixtures (current and legacy) and checks the drawing:
// counts match the model, no overlaps, edges end on their handles, children inside their group.
import { expect } from '@open-wc/testing';
import { parseWorkflow } from '../../../src/model/index.js';
import { handlePoint } from '../../../src/layout/index.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';
import { renderWorkflow, shadow, sharedFixtureNames, sharedFixtureText } from './helpers.js';

const SKIP = new Set(['legacy-fluss-introspection.json']);

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
}

async function checkWorkflow(el: FlussWorkflow, text: string, name: string): Promise<void> {
  const { workflow } = parseWorkflow(text);
  expect(workflow, name).to.not.equal(null);
  const wf = workflow!;
  const root = shadow(el);
  const nodeEls = root.querySelectorAll('.scene [data-node-id]');
  const edgeEls = root.querySelectorAll('.scene [data-edge-id]');
  expect(nodeEls.length, `${name}: node count`).to.equal(wf.nodes.length);
  expect(edgeEls.length, `${name}: edge count`).to.equal(wf.edges.length);
  const layout = el.getLayout()!;
  expect(layout, `${name}: layout`).to.not.equal(null);
  const boxes = new Map(layout.nodes.map((b) => [b.id, b]));
  // No two non-group nodes overlap (auto layout), in layout and in the DOM.
  const groups = new Set(wf.nodes.filter((n) => n.kind === 'agent-subflow').map((n) => n.id));
  const plain = wf.nodes.filter((n) => !groups.has(n.id)).map((n) => boxes.get(n.id)!);
  for (let i = 0; i < plain.length; i++) {
    for (let j = i + 1; j < plain.length; j++) {
      const a = plain[i]!;
      const b = plain[j]!;
      expect(overlaps(new DOMRect(a.x, a.y, a.width, a.height), new DOMRect(b.x, b.y, b.width, b.height)), `${name}: ${a.id} overlaps ${b.id}`).to.equal(false);
    }
  }
  // Each edge path starts at its source handle and ends at its target handle (1 px).
  const byId = new Map(wf.nodes.map((n) => [n.id, n]));
  for (const edge of wf.edges) {
    const path = root.querySelector<SVGPathElement>(`[data-edge-id="${CSS.escape(edge.id)}"] .edge-path`)!;
    expect(path, `${name}: edge ${edge.id}`).to.not.equal(null);
    const len = path.getTotalLength();
    const start = path.getPointAtLength(0);
    const end = path.getPointAtLength(len);
    const s = byId.get(edge.source)!;
    const t = byId.get(edge.target)!;
    const sp = handlePoint(boxes.get(edge.source)!, 'out', edge.sourceStream, Math.max(1, s.outs.length), 'right');
    const tp = handlePoint(boxes.get(edge.target)!, 'in', edge.targetStream, Math.max(1, t.ins.length), 'right');
    expect(Math.hypot(start.x - sp.x, start.y - sp.y), `${name}: ${edge.id} start`).to.be.lessThan(1);
    expect(Math.hypot(end.x - tp.x, end.y - tp.y), `${name}: ${edge.id} end`).to.be.lessThan(1);
    // The drawn handle is at the same point.
    const handle = root.querySelector(`[data-node-id="${CSS.escape(edge.target)}"] [data-handle="arg_${edge.targetStream}"]`);
    if (handle) {
      const g = handle.closest('[data-node-id]')!;
      const m = /translate\(([-\d.e]+) ([-\d.e]+)\)/.exec(handle.getAttribute('transform')!)!;
      const gm = /translate\(([-\d.e]+) ([-\d.e]+)\)/.exec(g.getAttribute('transform')!)!;
      expect(Math.abs(Number(gm[1]) + Number(m[1]) - tp.x)).to.be.lessThan(1);
      expect(Math.abs(Number(gm[2]) + Number(m[2]) - tp.y)).to.be.lessThan(1);
    }
  }
  // Children of a group lie inside it.
  for (const n of wf.nodes) {
    if (!n.parentId || !boxes.has(n.parentId)) continue;
    const c = boxes.get(n.id)!;
    const p = boxes.get(n.parentId)!;
    expect(c.x >= p.x - 0.5 && c.y >= p.y - 0.5 && c.x + c.width <= p.x + p.width + 0.5 && c.y + c.height <= p.y + p.height + 0.5, `${name}: ${n.id} inside ${n.parentId}`).to.equal(true);
  }
}

for (const folder of ['current', 'legacy'] as const) {
  describe(`fluss-workflow renders ../shared/fixtures/${folder}`, function () {
    this.timeout(120_000);
    it('draws every workflow file correctly', async function () {
      const names = await sharedFixtureNames(folder);
      if (!names) {
        console.warn(`../shared/fixtures/${folder} is absent: skipping the fixture rendering test`);
        this.skip();
        return;
      }
      let drawn = 0;
      for (const name of names) {
        if (SKIP.has(name)) continue;
        const text = await sharedFixtureText(folder, name);
        const el = await renderWorkflow(text);
        expect(el.state, `${name}: state`).to.be.oneOf(['ready', 'partial']);
        await checkWorkflow(el, text, name);
        el.remove();
        drawn++;
      }
      expect(drawn).to.be.greaterThan(0);
    });
  });
}
