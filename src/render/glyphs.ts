/**
 * Kind and operator glyphs: small stroked SVG icons on a 16×16 grid, drawn with
 * `currentColor`. Fixed path data only; nothing here comes from workflow data.
 */
import { svg, nothing, type SVGTemplateResult } from 'lit';

export type GlyphName =
  | 'inputs'
  | 'outputs'
  | 'function'
  | 'generator'
  | 'filter'
  | 'zip'
  | 'with-latest'
  | 'combine-latest'
  | 'gate'
  | 'buffer'
  | 'chunk'
  | 'split'
  | 'clock'
  | 'constant'
  | 'select'
  | 'omit'
  | 'operator'
  | 'agent'
  | 'warning'
  | 'unknown'
  | 'none';

const PATHS = new Map<GlyphName, string>([
  ['inputs', 'M2 8h8M7 4.5 10.5 8 7 11.5M12.5 3v10'],
  ['outputs', 'M3.5 3v10M5.5 8h8M10.5 4.5 14 8l-3.5 3.5'],
  ['function', 'M5 3.5v9l7.5-4.5z'],
  ['generator', 'M3 3.5v9l5-4.5zM8.5 3.5v9l5-4.5z'],
  ['filter', 'M2.5 3h11l-4.2 5v4.5l-2.6 1.2V8z'],
  ['zip', 'M2 3.5 7.5 8 2 12.5M7.5 8H14M11.5 5.5 14 8l-2.5 2.5'],
  ['with-latest', 'M2 4h7.5M2 12h4.5L9.5 4M9.5 4H14M11.5 1.8 14 4l-2.5 2.2'],
  ['combine-latest', 'M2 4h3.5L8 8 5.5 12H2M8 8h6M11.5 5.5 14 8l-2.5 2.5'],
  ['gate', 'M2 8h4M10 8h4M6 4.5v7M10 4.5v7'],
  ['buffer', 'M3 4h10M3 8h10M3 12h10'],
  ['chunk', 'M2 4.5h5v7H2zM9.5 5.5h1.5M9.5 8h1.5M9.5 10.5h1.5M13 5.5h1M13 8h1M13 10.5h1'],
  ['split', 'M2 8h5M7 8 13 3.5M7 8h6M7 8l6 4.5'],
  ['clock', 'M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11zM8 5v3.2l2.2 1.4'],
  ['constant', 'M4 3.5h8M8 3.5v9M5.5 12.5h5'],
  ['select', 'M2 4h4M2 8h12M2 12h4M11 5.5 13.5 8 11 10.5'],
  ['omit', 'M3 8h10M5.5 5.5l5 5M10.5 5.5l-5 5'],
  ['operator', 'M3 3h10v10H3zM6 8h4M8 6v4'],
  ['agent', 'M3 4.5h10v7H3zM5.5 13.5h5M6 7.5h.01M10 7.5h.01'],
  ['warning', 'M8 2 14.5 13.5h-13zM8 6.5v3.2M8 11.6v.1'],
  ['unknown', 'M2.5 2.5h11v11h-11zM6.2 6.4a1.9 1.9 0 1 1 2.6 1.7c-.5.2-.8.6-.8 1.1v.4M8 11.4v.1'],
]);

/** The path data of a glyph, or undefined (`none`, unknown names). */
export function glyphPath(name: GlyphName): string | undefined {
  return PATHS.get(name);
}

/** A glyph at (x, y), `size` pixels square, stroked with the current colour. */
export function glyph(name: GlyphName, x: number, y: number, size = 14): SVGTemplateResult | typeof nothing {
  const d = PATHS.get(name);
  if (!d) return nothing;
  const k = size / 16;
  return svg`<path class="glyph" d=${d} transform="translate(${x} ${y}) scale(${k})" aria-hidden="true"></path>`;
}
