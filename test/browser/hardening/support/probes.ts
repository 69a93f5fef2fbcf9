// Injection probes of reliability.md section 3 ("test primitives"): the payload set, the XSS
// probe (window.__xss), a shadow-DOM audit, a request log from resource timing entries and an
// innerHTML-family spy.
import { expect } from '@open-wc/testing';

/** The payload set of section 3.3; each sets window.__xss if it ever executes. */
export const PAYLOADS: readonly string[] = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<svg><animate onbegin="window.__xss=3" attributeName=x dur=1s>',
  '"><svg onload=window.__xss=4>',
  '</text><foreignObject><iframe srcdoc="<script>parent.__xss=5</script>"></iframe></foreignObject>',
  '<a href="javascript:window.__xss=6">x</a>',
  "{{constructor.constructor('window.__xss=7')()}}",
  '${window.__xss=8}',
  '<style>*{background:url(/beacon?css)}</style>',
  ']]><![CDATA[',
  '&lt;script&gt;',
];

/** URL-like values of C3 (never followed, never requested). */
export const HOSTILE_URLS: readonly string[] = [
  'javascript:window.__xss=30',
  'JaVaScRiPt:window.__xss=31',
  '  javascript:window.__xss=32',
  'java\tscript:window.__xss=33',
  'java\nscript:window.__xss=34',
  '\u0000javascript:window.__xss=35',
  'data:text/html,<script>parent.__xss=36</script>',
  'vbscript:msgbox(1)',
  '//evil.example/beacon-1',
  '\\\\evil.example/beacon-2',
  '/\\evil.example/beacon-3',
  'blob:http://evil.example/beacon-4',
  'https://evil.example/beacon-5.png',
];

/** C4 colour and style values. */
export const HOSTILE_STYLES: readonly string[] = [
  'red; background:url(/beacon?c4a)',
  'url(/beacon?c4b)',
  'expression(window.__xss=40)',
  'var(--x)',
  '#fff" onmouseover="window.__xss=41',
  '}*{background:url(/beacon?c4c)}',
];

/** C7: entity and percent encodings that must display literally. */
export const LITERALS: readonly string[] = ['&amp;', '&#x3C;', '%3Cscript%3E', '&lt;b&gt;'];

type ProbeWindow = Window & { __xss?: unknown };

export function resetXss(): void {
  delete (window as ProbeWindow).__xss;
}

export function xssValue(): unknown {
  return (window as ProbeWindow).__xss;
}

const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

/** Every shadow root below (and including) a root, depth first. */
export function shadowRoots(root: Element | ShadowRoot): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const visit = (r: Element | ShadowRoot): void => {
    if (r instanceof ShadowRoot) out.push(r);
    for (const el of r.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(root instanceof Element && root.shadowRoot ? root.shadowRoot : root);
  return out;
}

/**
 * The XSS probe: waits two frames and 300 ms, clicks every link and focusable element in the
 * element's shadow roots, then asserts window.__xss was never set.
 */
export async function xssProbe(host: Element): Promise<void> {
  await frame();
  await frame();
  await new Promise((r) => setTimeout(r, 300));
  for (const root of shadowRoots(host)) {
    for (const el of root.querySelectorAll<HTMLElement>('a, [tabindex]')) {
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
    }
  }
  await frame();
  await new Promise((r) => setTimeout(r, 50));
  expect(xssValue(), 'no payload executed').to.equal(undefined);
}

const FORBIDDEN = new Set(['script', 'iframe', 'object', 'embed', 'image', 'foreignobject', 'animate', 'set', 'img', 'frame', 'frameset', 'base', 'meta', 'link']);

/** Walks the shadow roots: no forbidden element, no on* attribute, only http(s)/# links, no url( in style. */
export function auditShadowDom(host: Element): void {
  for (const root of shadowRoots(host)) {
    for (const el of root.querySelectorAll('*')) {
      const name = el.localName.toLowerCase();
      expect(FORBIDDEN.has(name), `no <${name}> in the shadow DOM`).to.equal(false);
      for (const attr of el.getAttributeNames()) {
        expect(/^on/i.test(attr), `no ${attr} attribute on <${name}>`).to.equal(false);
        if (attr === 'href' || attr === 'xlink:href' || attr === 'src') {
          const v = el.getAttribute(attr) ?? '';
          if (!v.startsWith('#')) {
            const protocol = new URL(v, location.href).protocol;
            expect(['http:', 'https:'], `${attr}=${v}`).to.include(protocol);
          }
        }
      }
      const style = el.getAttribute('style') ?? '';
      expect(/url\(/i.test(style.replace(/url\(\s*['"]?#[^)]*\)/g, '')), `no url( in style of <${name}>`).to.equal(false);
      for (const a of ['fill', 'stroke', 'filter', 'marker-end', 'marker-start', 'clip-path', 'mask']) {
        const v = el.getAttribute(a);
        if (v && /url\(/i.test(v)) expect(/^url\(\s*#[^)]+\)$/.test(v.trim()), `${a}=${v} points to an own id`).to.equal(true);
      }
    }
  }
}

/** Resource requests the page made since `since` (performance entries), by name. */
export function requestsSince(since: number): string[] {
  return performance
    .getEntriesByType('resource')
    .filter((e) => e.startTime >= since)
    .map((e) => e.name);
}

/** Asserts that no request went to a beacon, an evil host or a payload's image. */
export function expectNoBeacons(since: number): void {
  const hits = requestsSince(since).filter((n) => /beacon|evil\.example|\/x$|__xss/.test(n));
  expect(hits, 'no request left the page for a payload').to.deep.equal([]);
}

/** Spies on every string-to-markup sink; `calls` holds the strings passed in. */
export function spyMarkupSinks(): { calls: string[]; restore(): void } {
  const calls: string[] = [];
  const inner = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
  const outer = Object.getOwnPropertyDescriptor(Element.prototype, 'outerHTML')!;
  const shadowInner = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'innerHTML')!;
  const adjacent = Element.prototype.insertAdjacentHTML;
  const fragment = Range.prototype.createContextualFragment;
  const setHTMLUnsafe = (Element.prototype as { setHTMLUnsafe?: (h: string) => void }).setHTMLUnsafe;
  const wrapSetter = (proto: object, d: PropertyDescriptor): void => {
    Object.defineProperty(proto, 'innerHTML', {
      configurable: true,
      get: d.get,
      set(this: Element, v: string) {
        calls.push(String(v));
        d.set!.call(this, v);
      },
    });
  };
  wrapSetter(Element.prototype, inner);
  Object.defineProperty(Element.prototype, 'outerHTML', {
    configurable: true,
    get: outer.get,
    set(this: Element, v: string) {
      calls.push(String(v));
      outer.set!.call(this, v);
    },
  });
  wrapSetter(ShadowRoot.prototype, shadowInner);
  Element.prototype.insertAdjacentHTML = function (this: Element, pos: InsertPosition, text: string) {
    calls.push(String(text));
    return adjacent.call(this, pos, text);
  };
  Range.prototype.createContextualFragment = function (this: Range, text: string) {
    calls.push(String(text));
    return fragment.call(this, text);
  };
  if (setHTMLUnsafe) {
    (Element.prototype as { setHTMLUnsafe?: (h: string) => void }).setHTMLUnsafe = function (this: Element, h: string) {
      calls.push(String(h));
      setHTMLUnsafe.call(this, h);
    };
  }
  return {
    calls,
    restore() {
      Object.defineProperty(Element.prototype, 'innerHTML', inner);
      Object.defineProperty(Element.prototype, 'outerHTML', outer);
      Object.defineProperty(ShadowRoot.prototype, 'innerHTML', shadowInner);
      Element.prototype.insertAdjacentHTML = adjacent;
      Range.prototype.createContextualFragment = fragment;
      if (setHTMLUnsafe) (Element.prototype as { setHTMLUnsafe?: (h: string) => void }).setHTMLUnsafe = setHTMLUnsafe;
    },
  };
}

/** All visible and accessible text of a host's shadow roots (text nodes, titles, aria-labels). */
export function allText(host: Element): string {
  const parts: string[] = [];
  for (const root of shadowRoots(host)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.nodeValue ?? '');
    for (const el of root.querySelectorAll('[aria-label]')) parts.push(el.getAttribute('aria-label') ?? '');
  }
  return parts.join('\n');
}
