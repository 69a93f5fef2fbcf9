// The flattened templates (one template instance where there were several, for first-paint
// speed) draw exactly the elements and attributes of the composed ones they replace; the title
// bound as a property and the memoized port labels give the same text.
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
import type { Port } from '../../../src/model/types.js';
import { portTypeLabel as modelPortTypeLabel, streamLabel } from '../../../src/model/labels.js';
import { portTypeLabel, streamTypeLabel } from '../../../src/render/port-labels.js';

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

describe('first-paint shortcuts draw the same text', () => {
  it('the node title bound as textContent holds the accessible name and details, with no comment marker', () => {
    const wf = parseWorkflow(chainFlow()).workflow!;
    for (const v of nodeViews(wf).values()) {
      const b = { id: v.id, x: 0, y: 0, width: v.width, height: v.height };
      const host = document.createElement('div');
      document.body.append(host);
      render(svg`<svg>${lowDetailNode(v, b, ctx({ lowDetail: true }))}${nodeShell(v, b, ctx(), lowDetailBody(v, b))}</svg>`, host);
      const titles = [...host.querySelectorAll('title')];
      expect(titles.length).to.equal(2);
      for (const t of titles) {
        expect(t.textContent, v.id).to.equal(v.details ? `${v.accessibleName}. ${v.details}` : v.accessibleName);
        expect([...t.childNodes].every((n) => n.nodeType === Node.TEXT_NODE), 'text only').to.equal(true);
      }
      render(nothing, host);
      host.remove();
    }
  });

  it('memoized stream labels equal the model labels, for leaf, nullable, identified and nested ports', () => {
    const leaf = (kind: string, extra: Record<string, unknown> = {}) => ({ key: 'k', kind, nullable: false, children: [], ...extra }) as unknown as Port;
    const ports: Port[] = [
      leaf('INT'),
      leaf('INT', { nullable: true }),
      leaf('STRUCTURE', { identifier: '@mikro/image' }),
      leaf('STRUCTURE', { identifier: '@mikro/image', nullable: true }),
      leaf('STRUCTURE', { identifier: '?x' }),
      leaf('STRUCTURE', { identifier: 'x', nullable: true }),
      leaf('STRUCTURE'),
      leaf('LIST'),
      leaf('LIST', { truncated: true }),
      leaf('UNION'),
      leaf('some_new_kind'),
      leaf('LIST', { children: [leaf('FLOAT', { nullable: true })] }),
      leaf('UNION', { children: [leaf('INT'), leaf('STRUCTURE', { identifier: '@a/b_c' })] }),
    ];
    for (let round = 0; round < 2; round++) {
      for (const p of ports) expect(portTypeLabel(p), JSON.stringify(p)).to.equal(modelPortTypeLabel(p, { compact: true }));
      for (const s of [[], ports.slice(0, 3), ports]) expect(streamTypeLabel(s)).to.equal(streamLabel(s));
    }
    const wf = parseWorkflow(chainFlow()).workflow!;
    for (const n of wf.nodes) for (const s of [...n.ins, ...n.outs]) expect(streamTypeLabel(s)).to.equal(streamLabel(s));
  });
});
