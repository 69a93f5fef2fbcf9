/**
 * Standalone SVG export: copies a rendered scene, inlines the computed styles it needs as
 * presentation attributes (so the file renders without our stylesheet or custom properties),
 * drops interactive attributes and serialises it. Text stays text (XMLSerializer escapes it).
 */
import type { Rect } from '../interaction/fit-view.js';

/** Properties copied from computed style onto each exported element. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
] as const;

const DROP_ATTRIBUTES = ['tabindex', 'part', 'aria-current', 'style'];

function copyStyles(source: Element, target: Element): void {
  const cs = getComputedStyle(source);
  if (cs.display === 'none') {
    target.remove();
    return;
  }
  for (const prop of STYLE_PROPS) {
    const v = cs.getPropertyValue(prop);
    if (v === '' || v === 'normal' || (prop === 'stroke-dasharray' && v === 'none')) continue;
    if (prop === 'opacity' && v === '1') continue;
    target.setAttribute(prop, v);
  }
  for (const name of DROP_ATTRIBUTES) target.removeAttribute(name);
  const sourceChildren = source.children;
  const targetChildren = Array.from(target.children);
  for (let i = 0; i < sourceChildren.length && i < targetChildren.length; i++) copyStyles(sourceChildren[i]!, targetChildren[i]!);
}

export interface SvgExportOptions {
  /** Canvas area to export (the graph bounds); padding is added around it. */
  readonly bounds: Rect;
  readonly padding?: number;
  /** Background colour as computed (never from data). */
  readonly background: string;
  /** Title of the document (plain text; serialised as escaped text). */
  readonly title: string;
}

/** Serialises a rendered, styled scene `<svg>` into a standalone SVG document string. */
export function exportSvg(scene: SVGSVGElement, options: SvgExportOptions): string {
  const pad = options.padding ?? 24;
  const clone = scene.cloneNode(true) as SVGSVGElement;
  copyStyles(scene, clone);
  const { x, y, width, height } = options.bounds;
  const vb = [x - pad, y - pad, width + 2 * pad, height + 2 * pad].map((n) => Math.round(n * 100) / 100);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('viewBox', vb.join(' '));
  clone.setAttribute('width', String(vb[2]));
  clone.setAttribute('height', String(vb[3]));
  clone.removeAttribute('class');
  clone.removeAttribute('aria-describedby');
  clone.setAttribute('role', 'img');
  const ns = 'http://www.w3.org/2000/svg';
  const title = document.createElementNS(ns, 'title');
  title.textContent = options.title;
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('x', String(vb[0]));
  bg.setAttribute('y', String(vb[1]));
  bg.setAttribute('width', String(vb[2]));
  bg.setAttribute('height', String(vb[3]));
  bg.setAttribute('fill', options.background);
  clone.insertBefore(bg, clone.firstChild);
  clone.insertBefore(title, clone.firstChild);
  // Lit's comment markers are noise in a file.
  const walker = document.createTreeWalker(clone, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
  return new XMLSerializer().serializeToString(clone);
}

/** Rasterises an SVG string into a PNG blob at `scale`, capped to a safe canvas size. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const max = 8192;
  const k = Math.max(0.1, Math.min(scale, max / Math.max(1, width), max / Math.max(1, height)));
  const blob = new Blob([svgText], { type: 'image/svg+xml' });
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * k));
    canvas.height = Math.max(1, Math.round(height * k));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('Canvas 2D is not available');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
