/**
 * Display text: sanitising data strings, grapheme-safe truncation and canvas measurement.
 * Strings from workflow data only ever become text nodes; nothing here produces markup.
 */

/** Longest label we ever measure or display, in graphemes (the full text goes to a capped title). */
export const MAX_LABEL_GRAPHEMES = 200;
/** Longest tooltip / accessible description, in characters. */
export const MAX_TOOLTIP_CHARS = 2000;

const ELLIPSIS = '…';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uD800-\uDFFF]|\s\s|^\s|\s$/;

let segmenter: Intl.Segmenter | null | undefined;
function graphemeSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  return segmenter;
}

/** Splits text into grapheme clusters (never splits a surrogate pair or a ZWJ sequence). */
export function graphemes(text: string, limit = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = [];
  const seg = graphemeSegmenter();
  if (seg) {
    for (const { segment } of seg.segment(text)) {
      out.push(segment);
      if (out.length >= limit) break;
    }
    return out;
  }
  for (const ch of text) {
    out.push(ch);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * Turns any data value into one line of safe display text: control characters and newlines
 * become spaces, lone surrogates become U+FFFD, runs of whitespace collapse, and the result
 * is capped at `MAX_LABEL_GRAPHEMES` graphemes.
 */
export function displayText(value: unknown, maxGraphemes = MAX_LABEL_GRAPHEMES): string {
  if (value === undefined || value === null) return '';
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') s = String(value);
  else {
    try {
      s = JSON.stringify(value) ?? '';
    } catch {
      s = '';
    }
  }
  if (s.length > maxGraphemes * 8) s = s.slice(0, maxGraphemes * 8);
  // Most labels are clean: one test instead of three replacements (no surrogates, no control
  // characters, no whitespace runs, nothing to trim).
  if (NEEDS_CLEANING.test(s)) {
    s = s.replace(LONE_SURROGATE, '\uFFFD');
    // eslint-disable-next-line no-control-regex
    s = s.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
  }
  // A string of at most max UTF-16 units has at most max graphemes: no segmentation needed.
  if (s.length <= maxGraphemes) return s;
  const parts = graphemes(s, maxGraphemes + 1);
  if (parts.length > maxGraphemes) return parts.slice(0, maxGraphemes - 1).join('') + ELLIPSIS;
  return parts.join('');
}

/** Caps free text for a tooltip or accessible description. */
export function tooltipText(value: unknown): string {
  const s = displayText(value, MAX_TOOLTIP_CHARS);
  return s;
}

/** Something that can tell the width of a string in a given CSS font. */
export interface TextMeasurer {
  width(text: string, font: string): number;
  /**
   * Optional: a width never below the measured one, cheaper to get for text never seen before
   * (sizing thousands of boxes). Falls back to `width` when absent.
   */
  sizingWidth?(text: string, font: string): number;
}

/** Printable ASCII only (no combining marks, no shaping): per-character advances add up. */
const PLAIN_ASCII = /^[\x20-\x7E]*$/;

/**
 * Canvas-backed measurer with a result cache. One 2D context per font: switching `ctx.font`
 * re-parses the font string, which costs more than the measurement itself.
 */
export class CanvasTextMeasurer implements TextMeasurer {
  private readonly contexts = new Map<string, CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null>();
  /** Widths by font, then by text: no key string is built per lookup. */
  private readonly cache = new Map<string, Map<string, number>>();
  private cached = 0;
  private lastFont = '';
  private lastWidths: Map<string, number> | undefined;
  /** Advances of the printable ASCII characters by font (-1: not measured yet). */
  private readonly advances = new Map<string, Float64Array>();

  width(text: string, font: string): number {
    if (text === '') return 0;
    let widths = font === this.lastFont ? this.lastWidths : this.cache.get(font);
    if (!widths) this.cache.set(font, (widths = new Map()));
    this.lastFont = font;
    this.lastWidths = widths;
    const hit = widths.get(text);
    if (hit !== undefined) return hit;
    const ctx = this.context(font);
    let w: number;
    if (ctx) {
      w = ctx.measureText(text).width;
    } else {
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
      w = graphemes(text).length * size * 0.56;
    }
    if (++this.cached > 20_000) {
      this.cache.clear();
      this.cache.set(font, (widths = new Map()));
      this.lastWidths = widths;
      this.cached = 1;
    }
    widths.set(text, w);
    return w;
  }

  /**
   * Width for sizing a box: printable ASCII text gets the sum of its cached per-character advances
   * (at least the shaped width, as kerning and ligatures only narrow Latin text; plus one pixel),
   * so a workflow of thousands of fresh titles needs about a hundred measurements, not thousands.
   * Any other text is measured.
   */
  sizingWidth(text: string, font: string): number {
    if (text === '') return 0;
    // Always the same rule for the same text (never "exact if measured before"): sizes, and so
    // layout keys, must not depend on what was drawn earlier.
    if (text.length < 4 || !PLAIN_ASCII.test(text) || !this.context(font)) return this.width(text, font);
    let advances = this.advances.get(font);
    if (!advances) this.advances.set(font, (advances = new Float64Array(95).fill(-1)));
    let w = 1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i) - 32;
      let a = advances[c]!;
      if (a < 0) a = advances[c] = this.width(text.charAt(i), font);
      w += a;
    }
    return w;
  }

  private context(font: string): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null {
    if (this.contexts.has(font)) return this.contexts.get(font) ?? null;
    let ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null = null;
    try {
      if (typeof OffscreenCanvas !== 'undefined') ctx = new OffscreenCanvas(1, 1).getContext('2d');
      else if (typeof document !== 'undefined') ctx = document.createElement('canvas').getContext('2d');
      if (ctx) ctx.font = font;
    } catch {
      ctx = null;
    }
    if (this.contexts.size > 32) this.contexts.clear();
    this.contexts.set(font, ctx);
    return ctx;
  }
}

/** One shared measurer: widths depend only on (font, text). */
export const sharedMeasurer = new CanvasTextMeasurer();

/**
 * Fits text into `maxWidth` pixels, cutting at a grapheme boundary and adding an ellipsis.
 * Returns the text to display and its measured width.
 */
export function fitText(
  text: string,
  font: string,
  maxWidth: number,
  measurer: TextMeasurer = sharedMeasurer,
): { text: string; width: number; truncated: boolean } {
  const full = measurer.width(text, font);
  if (full <= maxWidth) return { text, width: full, truncated: false };
  const parts = graphemes(text);
  let lo = 0;
  let hi = parts.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const w = measurer.width(parts.slice(0, mid).join('').trimEnd() + ELLIPSIS, font);
    if (w <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  const cut = lo === 0 ? ELLIPSIS : parts.slice(0, lo).join('').trimEnd() + ELLIPSIS;
  return { text: cut, width: measurer.width(cut, font), truncated: true };
}
