// The flattened templates (one template instance where there were several, for first-paint
// speed) draw exactly the elements and attributes of the composed ones they replace.
import { expect } from '@open-wc/testing';
import { nothing, render, svg, type SVGTemplateResult } from 'lit';
import { parseWorkflow } from '../../../src/model/index.js';
import { nodeViews } from '../../../src/render/node-view.js';
import { card, cardTexts, frame, lowDetailBody, lowDetailNode, nodeShell } from '../../../src/render/nodes/node-shell.js';
import type { NodeRenderContext } from '../../../src/render/render-context.js';
import { reactiveNode } from '../../../src/render/nodes/reactive-node.js';
import { METRICS } from '../../../src/render/node-view.js';
import { glyph } from '../../../src/render/glyphs.js';
import { renderEdge } from '../../../src/render/edge.js';
import { chainFlow } from './samples.js';

/** Elements with their attributes (sorted) and non-blank text, as a string: what the DOM draws. */
function serialize(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent!.trim();
  if (!(node instanceof Element)) return '';
  const attrs = [...node.attributes].map((a) => `${a.name}="${a.value}"`).sort().join(' ');
  return `<${node.localName} ${attrs}>${[...node.childNodes].map(serialize).join('')}</${node.localName}>`;
}

/** The rendered DOM of a template, without Lit's comment markers and blank text. */
function markup(tpl: SVGTemplateResult): string {
  const host = document.createElement('div');
  document.body.append(host);
  render(svg`<svg>${tpl}</svg>`, host);
  const text = serialize(host.firstElementChild!);
  host.remove();
  return text;
}

const ctx = (over: Partial<NodeRenderContext> = {}): NodeRenderContext => ({
  direction: 'right',
  lowDetail: false,
  selectedId: null,
  tabStopId: null,
  matches: null,
  status: new Map(),
  shadows: false,
  ...over,
});

describe('flattened node templates', () => {
  const wf = parseWorkflow(chainFlow()).workflow!;
  const views = [...nodeViews(wf).values()];
  const box = (i: number) => ({ id: views[i]!.id, x: 10 + i * 300, y: 20, width: views[i]!.width, height: views[i]!.height });

  it('card() equals frame() + cardTexts() for every card of the sample', () => {
    let cards = 0;
    views.forEach((v, i) => {
      if (v.variant !== 'card') return;
      for (const cls of ['', 'conditional', 'generator']) {
        const b = box(i);
        expect(markup(card(v, b, 8, cls)), `${v.id} ${cls}`).to.equal(markup(svg`${frame(b.width, b.height, 8, cls)}${cardTexts(v)}`));
      }
      cards++;
    });
    expect(cards).to.be.at.least(4);
  });

  it('lowDetailNode() equals nodeShell() with lowDetailBody(), with and without status, selection and tab stop', () => {
    views.forEach((v, i) => {
      const b = box(i);
      for (const c of [
        ctx({ lowDetail: true }),
        ctx({ lowDetail: true, selectedId: v.id, tabStopId: v.id }),
        ctx({ lowDetail: true, status: new Map([[v.id, 'running']]), matches: new Set([v.id]) }),
      ]) {
        expect(markup(lowDetailNode(v, b, c)), v.id).to.equal(markup(nodeShell(v, b, c, lowDetailBody(v, b))));
      }
    });
  });

  it('the reactive pill with its glyph inline equals the composed frame + glyph group + text', () => {
    let pills = 0;
    views.forEach((v, i) => {
      if (v.variant !== 'operator' || v.glyph === 'none') return;
      const b = box(i);
      const radius = Math.min(b.height / 2, 18);
      const cy = b.height / 2;
      const glyphSpace = METRICS.iconSize + 6;
      const textX = METRICS.padX + glyphSpace + (b.width - 2 * METRICS.padX - glyphSpace) / 2;
      const composed = nodeShell(
        v,
        b,
        ctx(),
        svg`${frame(b.width, b.height, radius, 'operator')}
      ${svg`<g class="node-icon operator-glyph">${glyph(v.glyph, METRICS.padX, cy - METRICS.iconSize / 2, METRICS.iconSize)}</g>`}
      <text class="operator-text" x=${textX} y=${cy + 4} text-anchor="middle">${v.title}</text>`,
      );
      expect(markup(reactiveNode(v, b, ctx())), v.id).to.equal(markup(composed));
      pills++;
    });
    expect(pills).to.be.at.least(1);
  });

  it('an edge with its hit path inline equals the composed edge', () => {
    const edge = wf.edges[0]!;
    const geometry = { d: 'M0 0C10 0 20 10 30 10', labelX: 15, labelY: 5 };
    const opts = { markerId: 'a', markerLoggingId: 'l', showLabel: false, dimmed: false, active: false };
    const composed = (hit: boolean) => svg`<g class="edge kind-vanilla" part="edge" data-edge-id=${edge.id} data-source=${edge.source} data-target=${edge.target}>
    ${hit ? svg`<path class="edge-hit" d=${geometry.d}></path>` : nothing}
    <path class="edge-path" d=${geometry.d} marker-end="url(#a)"></path>
    ${nothing}
  </g>`;
    expect(markup(renderEdge(edge, geometry, opts))).to.equal(markup(composed(true)));
    expect(markup(renderEdge(edge, geometry, { ...opts, hit: false }))).to.equal(markup(composed(false)));
  });
});
