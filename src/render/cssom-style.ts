/**
 * `cssomStyle(text)`: sets an element's inline style through the CSSOM (`style.cssText`) instead
 * of writing a `style` attribute, so it works under a strict CSP without `'unsafe-inline'` for
 * styles (`style-src-attr`), which blocks attribute writes but not CSSOM writes. Only for CSS the
 * library computes from numbers; never pass data from a workflow or run.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

class CssomStyleDirective extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style') throw new Error('cssomStyle() belongs in a style attribute binding');
  }

  render(_cssText: string): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [cssText]: [string]): typeof noChange {
    const el = part.element as HTMLElement | SVGElement;
    if (el.style.cssText !== cssText) el.style.cssText = cssText;
    return noChange;
  }
}

/** Binds computed CSS text as the element's inline style via the CSSOM (CSP-safe). */
export const cssomStyle = directive(CssomStyleDirective);
