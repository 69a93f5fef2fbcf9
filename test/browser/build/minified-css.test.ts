// The build's CSS minification (scripts/minify-template-text.mjs) keeps every stylesheet of every
// element equivalent: the browser parses the original and the minified text to the same rules.
import { expect } from '@open-wc/testing';
import type { CSSResult, LitElement } from 'lit';
import '../../../src/define.js';
import { minifyCssParts, minifyHtmlParts } from '../../../scripts/minify-template-text.mjs';

/**
 * The parsed rules as comparable text: selectors and conditions as the browser serializes them,
 * every declaration by name. Custom properties and values with var() are kept as author tokens
 * until substitution, so for them whitespace next to `,` and runs of whitespace are normalized
 * (substitution does not depend on either).
 */
function describe_(rules: CSSRuleList): string[] {
  const out: string[] = [];
  for (const r of rules) {
    if (r instanceof CSSStyleRule) {
      out.push(`${r.selectorText} {`);
      for (const name of [...r.style].sort()) {
        let value = r.style.getPropertyValue(name);
        if (name.startsWith('--') || value.includes('var(')) value = value.replace(/\s*,\s*/g, ',').replace(/\s+/g, ' ').trim();
        out.push(`  ${name}: ${value}${r.style.getPropertyPriority(name) ? ' !important' : ''}`);
      }
      if (r.cssRules.length) out.push(...describe_(r.cssRules).map((l) => `  ${l}`));
      out.push('}');
    } else if (r instanceof CSSGroupingRule) {
      out.push(`${r.cssText.slice(0, r.cssText.indexOf('{')).trim()} {`, ...describe_(r.cssRules).map((l) => `  ${l}`), '}');
    } else {
      out.push(r.cssText);
    }
  }
  return out;
}

function rulesOf(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return describe_(sheet.cssRules);
}

const TAGS = ['fluss-workflow', 'fluss-run', 'fluss-run-log', 'fluss-run-timeline', 'fluss-provider'];

describe('minified CSS', () => {
  it('parses to the same rules as the source CSS, for every element stylesheet', () => {
    let sheets = 0;
    let saved = 0;
    for (const tag of TAGS) {
      const ctor = customElements.get(tag) as (typeof LitElement & { elementStyles: (CSSResult | CSSStyleSheet)[] }) | undefined;
      expect(ctor, tag).to.not.equal(undefined);
      for (const s of ctor!.elementStyles) {
        const text = (s as CSSResult).cssText;
        if (typeof text !== 'string') continue;
        const [min] = minifyCssParts([text]);
        const original = rulesOf(text);
        expect(original.length, `${tag}: rules parsed`).to.be.greaterThan(0);
        expect(rulesOf(min!)).to.deep.equal(original, `${tag} stylesheet ${sheets}`);
        sheets++;
        saved += text.length - min!.length;
      }
    }
    expect(sheets).to.be.greaterThan(5);
    expect(saved).to.be.greaterThan(1000);
  });

  it('keeps strings, escapes, spaces before a pseudo-class and spaces in values next to expressions', () => {
    expect(minifyCssParts(['.a  :hover , .b > .c {\n  content: " x  y ";\n  /* note */ margin: 0  auto;\n}'])).to.deep.equal(['.a :hover,.b>.c{content:" x  y ";margin:0 auto;}']);
    expect(minifyCssParts(["p::before { content: '\\\\25B8  '; }"])).to.deep.equal(["p::before{content:'\\\\25B8  ';}"]);
    expect(minifyCssParts(['.a { width: calc(1px + ', ' * 2); }'])).to.deep.equal(['.a{width:calc(1px + ', ' * 2);}']);
  });

  it('html: whitespace inside tags becomes one space, indentation after line breaks goes, other text stays', () => {
    expect(minifyHtmlParts(['<div\n    class="a  b"\n    part="x"\n  >\n    <span>a  b</span>\n    ', '\n  </div>'])).to.deep.equal([
      '<div class="a  b" part="x">\n<span>a  b</span>\n',
      '\n</div>',
    ]);
    expect(minifyHtmlParts(['<button\n  title=', '\n  @click=', '\n>', ' ', '</button>'])).to.deep.equal(['<button title=', ' @click=', '>', ' ', '</button>']);
    expect(minifyHtmlParts(['<!--  keep  \n  this -->  <b>'])).to.deep.equal(['<!--  keep  \n  this -->  <b>']);
  });
});
