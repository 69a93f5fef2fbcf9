// Text measurement for sizing nodes: the cheap sizing width of printable ASCII (sum of cached
// per-character advances) is never below the exactly measured width, so fitted texts still fit;
// other text is measured exactly. Widths are cached per font and text.
import { expect } from '@open-wc/testing';
import { CanvasTextMeasurer, fitText } from '../../../src/render/text.js';
import { nodeFonts, nodeView } from '../../../src/render/node-view.js';
import { parseWorkflow } from '../../../src/model/index.js';
import { flow, node } from './samples.js';

const WORDS = ['Normalize', 'Detect', 'Track', 'AVAWAY', 'Toffee', 'fluffy', 'Wavy', 'LT', 'yT', 'cells', 'W.A.V.', '"quoted"', 'x_y-z', 'office', '1/2', '~{}|', 'Ty', 'Po'];

function rand(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('text measurement for sizing', () => {
  it('the sizing width of printable ASCII is at least the measured width (kerning, ligatures)', () => {
    const fonts = nodeFonts();
    const r = rand(7);
    const exact = new CanvasTextMeasurer();
    const sizing = new CanvasTextMeasurer();
    let checked = 0;
    for (const font of [fonts.title, fonts.caption, fonts.body, fonts.operator, `italic 700 17px serif`]) {
      for (let i = 0; i < 300; i++) {
        const n = 1 + Math.floor(r() * 6);
        let text = '';
        for (let k = 0; k < n; k++) text += (k ? ' ' : '') + WORDS[Math.floor(r() * WORDS.length)];
        if (i % 3 === 0) for (let k = 0; k < 12; k++) text += String.fromCharCode(32 + Math.floor(r() * 95));
        const w = exact.width(text, font);
        expect(sizing.sizingWidth(text, font), `${font}: ${JSON.stringify(text)}`).to.be.at.least(w);
        checked++;
      }
    }
    expect(checked).to.equal(1500);
  });

  it('other text (accents, CJK, emoji, combining marks) is measured exactly', () => {
    const m = new CanvasTextMeasurer();
    const font = nodeFonts().title;
    for (const text of ['Zellkern erkennen – Größe', '細胞を検出する', '👩‍👩‍👧‍👦 family', 'Z\u0336a\u0338lgo', 'tab\tinside']) {
      expect(m.sizingWidth(text, font)).to.equal(new CanvasTextMeasurer().width(text, font));
    }
    expect(m.sizingWidth('', font)).to.equal(0);
  });

  it('a node sized with sizing widths shows its full title when it fits the widest card', () => {
    const wf = parseWorkflow(flow([node('a', 'RekuestMapActionNode', { title: 'AVAWAY Toffee fluffy office Wavy' })], [])).workflow!;
    const view = nodeView(wf.nodes[0]!);
    const exactWidth = new CanvasTextMeasurer().width('AVAWAY Toffee fluffy office Wavy', nodeFonts().title);
    expect(exactWidth, 'the title is narrower than the widest card').to.be.below(272 - 24);
    expect(view.title).to.equal('AVAWAY Toffee fluffy office Wavy');
    expect(fitText(view.title, nodeFonts().title, view.width - 24).truncated).to.equal(false);
  });
});
