/**
 * The run overlay's node decorations, drawn imperatively into a layer the overlay owns: a status
 * ring (colour and dash pattern per status), a corner icon whose shape differs per status
 * (circle+check, diamond+cross, spinner, play), and a NEXT-count pill. A status change is
 * `data-status` on the badge (colours and dashes are CSS in run-overlay.styles.ts) plus the icon's
 * `d` attributes when its shape changes (attributes, not the CSS `d` property, which Safari lacks
 * and SVG export would drop); a count change is one text node's data. Text goes through Text
 * nodes only.
 */
import type { NodeBox } from '../../layout/types.js';
import { badgeTooltip, formatCount, type NodeRunStatus, type NodeVisual } from './node-visual.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

const CIRCLE = 'M-8 0 A8 8 0 1 0 8 0 A8 8 0 1 0 -8 0 Z';
const DIAMOND = 'M0 -9.5 L9.5 0 L0 9.5 L-9.5 0 Z';
/** The icon's outline and glyph per status: the shape, not only the colour, tells them apart. */
const ICON: ReadonlyMap<NodeRunStatus, { readonly shape: string; readonly glyph: string }> = new Map([
  ['idle', { shape: CIRCLE, glyph: '' }],
  ['active', { shape: CIRCLE, glyph: 'M-2.5 -4 L4 0 L-2.5 4 Z' }],
  ['running', { shape: CIRCLE, glyph: 'M0 -4.5 A4.5 4.5 0 1 1 -4.5 0' }],
  ['completed', { shape: CIRCLE, glyph: 'M-4 0.5 L-1.2 3.2 L4 -2.8' }],
  ['errored', { shape: DIAMOND, glyph: 'M-3 -3 L3 3 M3 -3 L-3 3' }],
]);

function el<K extends keyof SVGElementTagNameMap>(name: K, cls: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, name);
  e.setAttribute('class', cls);
  return e;
}

/** One node's decoration elements. */
export interface NodeBadge {
  readonly root: SVGGElement;
  readonly ring: SVGRectElement;
  readonly icon: SVGGElement;
  readonly iconShape: SVGPathElement;
  readonly iconGlyph: SVGPathElement;
  readonly iconTitle: SVGTitleElement;
  readonly count: SVGGElement;
  readonly countBg: SVGRectElement;
  readonly countText: SVGTextElement;
  /** The text nodes whose data is rewritten (never replaced: no node insertion, no style recalc). */
  readonly tipText: Text;
  readonly countData: Text;
  /** What was last written (so an update never reads the DOM and skips equal writes). */
  shown: { status: NodeRunStatus; shape: string; glyph: string; tip: string; count: string; countHidden: boolean; countWidth: number };
}

/** Creates the (hidden) decoration of one node. */
export function createNodeBadge(nodeId: string): NodeBadge {
  const root = el('g', 'run-badge');
  root.setAttribute('data-node-id', nodeId);
  root.setAttribute('data-status', 'idle');
  const ring = el('rect', 'run-ring');
  ring.setAttribute('aria-hidden', 'true');
  const icon = el('g', 'run-icon');
  const iconShape = el('path', 'run-icon-shape');
  const iconGlyph = el('path', 'run-icon-glyph');
  iconShape.setAttribute('d', CIRCLE);
  const iconTitle = el('title', '');
  const tipText = document.createTextNode('');
  iconTitle.append(tipText);
  icon.append(iconTitle, iconShape, iconGlyph);
  const count = el('g', 'run-count');
  const countBg = el('rect', 'run-count-bg');
  const countText = el('text', 'run-count-text');
  countBg.setAttribute('rx', '7');
  countBg.setAttribute('height', '14');
  countBg.setAttribute('y', '-7');
  countText.setAttribute('dy', '0.35em');
  const countData = document.createTextNode('');
  countText.append(countData);
  count.append(countBg, countText);
  root.append(ring, icon, count);
  return { root, ring, icon, iconShape, iconGlyph, iconTitle, count, countBg, countText, tipText, countData, shown: { status: 'idle', shape: CIRCLE, glyph: '', tip: '', count: '', countHidden: false, countWidth: -1 } };
}

/** Moves a node's decoration to its box (after a layout change). */
export function placeNodeBadge(badge: NodeBadge, box: NodeBox): void {
  badge.root.setAttribute('transform', `translate(${box.x} ${box.y})`);
  badge.ring.setAttribute('x', '-3');
  badge.ring.setAttribute('y', '-3');
  badge.ring.setAttribute('width', String(box.width + 6));
  badge.ring.setAttribute('height', String(box.height + 6));
  badge.ring.setAttribute('rx', '9');
  badge.icon.setAttribute('transform', `translate(${box.width} 0)`);
  badge.count.setAttribute('transform', `translate(${box.width} ${box.height})`);
}

/**
 * Shows a node's visual in its decoration, writing only what differs from what it shows now: a
 * status change is `data-status` on the badge (CSS draws the ring and the colours from it) and
 * the icon's `d` attributes when its shape differs, a count change the pill's text data (and its width when the text gets longer
 * or shorter), a new tooltip the title's text data. Nothing is read back from the DOM and equal
 * values are never rewritten (every write costs style or layout); the badge's own record of what
 * it shows is what counts. Returns true when anything was written.
 */
export function updateNodeBadge(badge: NodeBadge, visual: NodeVisual, title: string): boolean {
  const shown = badge.shown;
  const { status } = visual;
  let wrote = false;
  if (shown.status !== status) {
    shown.status = status;
    badge.root.setAttribute('data-status', status);
    wrote = true;
  }
  if (status === 'idle') return wrote; // hidden by CSS; the rest is written when it shows again
  const icon = ICON.get(status);
  if (icon && icon.shape !== shown.shape) {
    shown.shape = icon.shape;
    badge.iconShape.setAttribute('d', icon.shape);
  }
  if (icon && icon.glyph !== shown.glyph) {
    shown.glyph = icon.glyph;
    badge.iconGlyph.setAttribute('d', icon.glyph);
  }
  const tip = badgeTooltip(title, visual);
  if (tip !== shown.tip) {
    shown.tip = tip;
    badge.tipText.data = tip;
    wrote = true;
  }
  if (visual.nextCount > 0) {
    const text = formatCount(visual.nextCount);
    if (text !== shown.count) {
      shown.count = text;
      badge.countData.data = text;
      wrote = true;
      if (text.length !== shown.countWidth) {
        shown.countWidth = text.length;
        const w = 8 + text.length * 6.5;
        badge.countBg.setAttribute('width', String(w));
        badge.countBg.setAttribute('x', String(-w / 2));
      }
    }
    if (shown.countHidden) {
      shown.countHidden = false;
      badge.count.removeAttribute('visibility');
      wrote = true;
    }
  } else if (!shown.countHidden) {
    shown.countHidden = true;
    badge.count.setAttribute('visibility', 'hidden');
    wrote = true;
  }
  return wrote;
}
