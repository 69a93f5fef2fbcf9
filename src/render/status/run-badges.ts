/**
 * The run overlay's node decorations, drawn imperatively into a layer the overlay owns: a status
 * ring (colour and dash pattern per status), a corner icon whose shape differs per status
 * (circle+check, diamond+cross, spinner, play), and a NEXT-count pill. Updating one node touches
 * only that node's elements. Text goes through textContent only.
 */
import type { NodeBox } from '../../layout/types.js';
import { badgeTooltip, formatCount, type NodeRunStatus, type NodeVisual } from './node-visual.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Icon paths in a 16x16 box centred on 0,0. */
const ICON_PATH: Readonly<Record<NodeRunStatus, string>> = {
  idle: '',
  active: 'M-2.5 -4 L4 0 L-2.5 4 Z',
  running: 'M0 -4.5 A4.5 4.5 0 1 1 -4.5 0',
  completed: 'M-4 0.5 L-1.2 3.2 L4 -2.8',
  errored: 'M-3 -3 L3 3 M3 -3 L-3 3',
};

/** Background shape of the icon: the shape, not only the colour, tells the status apart. */
const ICON_SHAPE: Readonly<Record<NodeRunStatus, string>> = {
  idle: '',
  active: 'M-8 0 A8 8 0 1 0 8 0 A8 8 0 1 0 -8 0 Z',
  running: 'M-8 0 A8 8 0 1 0 8 0 A8 8 0 1 0 -8 0 Z',
  completed: 'M-8 0 A8 8 0 1 0 8 0 A8 8 0 1 0 -8 0 Z',
  errored: 'M0 -9.5 L9.5 0 L0 9.5 L-9.5 0 Z',
};

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
  /** What was last written (so an update never reads the DOM and skips equal writes). */
  shown: { status: NodeRunStatus; tip: string; count: string; countHidden: boolean };
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
  const iconTitle = el('title', '');
  icon.append(iconTitle, iconShape, iconGlyph);
  const count = el('g', 'run-count');
  const countBg = el('rect', 'run-count-bg');
  const countText = el('text', 'run-count-text');
  countBg.setAttribute('rx', '7');
  countBg.setAttribute('height', '14');
  countBg.setAttribute('y', '-7');
  countText.setAttribute('dy', '0.35em');
  count.append(countBg, countText);
  root.append(ring, icon, count);
  return { root, ring, icon, iconShape, iconGlyph, iconTitle, count, countBg, countText, shown: { status: 'idle', tip: '', count: '', countHidden: false } };
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
 * status change rewrites the icon (and `data-status`, from which CSS does the rest), a count change
 * the pill, a new tooltip the title. Nothing is read back from the DOM and equal text is never
 * rewritten (text writes cost style and layout). `previous` is accepted for compatibility; the
 * badge's own record of what it shows is what counts.
 */
export function updateNodeBadge(badge: NodeBadge, visual: NodeVisual, title: string, previous?: NodeVisual): void {
  void previous;
  const shown = badge.shown;
  const { status } = visual;
  if (shown.status !== status) {
    shown.status = status;
    badge.root.setAttribute('data-status', status);
    badge.iconShape.setAttribute('d', ICON_SHAPE[status]);
    badge.iconGlyph.setAttribute('d', ICON_PATH[status]);
  }
  if (status === 'idle') return; // hidden by CSS; the rest is written when it shows again
  const tip = badgeTooltip(title, visual);
  if (tip !== shown.tip) {
    shown.tip = tip;
    badge.iconTitle.textContent = tip;
  }
  if (visual.nextCount > 0) {
    const text = formatCount(visual.nextCount);
    if (text !== shown.count) {
      shown.count = text;
      badge.countText.textContent = text;
      const w = 8 + text.length * 6.5;
      badge.countBg.setAttribute('width', String(w));
      badge.countBg.setAttribute('x', String(-w / 2));
    }
    if (shown.countHidden) {
      shown.countHidden = false;
      badge.count.removeAttribute('visibility');
    }
  } else if (!shown.countHidden) {
    shown.countHidden = true;
    badge.count.setAttribute('visibility', 'hidden');
  }
}
