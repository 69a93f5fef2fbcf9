/**
 * Shared pieces of node templates: the outer group with the public data attributes, the
 * focusable body with its accessible name, card texts, chips and the warning badge.
 */
import { svg, nothing, type SVGTemplateResult } from 'lit';
import type { NodeBox } from '../../layout/types.js';
import type { NodeView } from '../node-view.js';
import { METRICS } from '../node-view.js';
import type { NodeRenderContext } from '../render-context.js';
import { nodeHandles } from '../handles.js';
import { glyph, glyphPath } from '../glyphs.js';
import { statusBadge, statusText } from '../status.js';
import { sharedMeasurer } from '../text.js';
import { nodeFonts } from '../node-view.js';

const chipFont = nodeFonts().chip;

/** `node family-<f> variant-<v>` by family, then variant: one string per pair, not per node. */
const baseClasses = new Map<string, Map<string, string>>();

/** Classes of a node group from its view and the scene state (`status`: the node's run status). */
function groupClasses(view: NodeView, ctx: NodeRenderContext, status: string | undefined): string {
  let byVariant = baseClasses.get(view.family);
  if (!byVariant) baseClasses.set(view.family, (byVariant = new Map()));
  let c = byVariant.get(view.variant);
  if (c === undefined) byVariant.set(view.variant, (c = `node family-${view.family} variant-${view.variant}`));
  if (ctx.selectedId === view.id) c += ' selected';
  if (ctx.matches) c += ctx.matches.has(view.id) ? ' matched' : ' dimmed';
  if (status) c += ` status-${status}`;
  if (view.warning) c += ' has-warning';
  return c;
}

/**
 * The outer node group: `data-node-id`, `data-kind`, `data-status` (the run overlay's hook),
 * a focusable body with role `button` carrying the accessible name, then the handles.
 */
export function nodeShell(view: NodeView, box: NodeBox, ctx: NodeRenderContext, body: SVGTemplateResult): SVGTemplateResult {
  const status = ctx.status.get(view.id);
  const selected = ctx.selectedId === view.id;
  const name = status ? `${view.accessibleName}, ${statusText(status)}` : view.accessibleName;
  const radius = shapeRadius(view, box);
  // The focusable body holds no visible text (its accessible name is the label); the drawing is
  // a sibling so screen readers get one clean name per node.
  return svg`<g class=${groupClasses(view, ctx, status)} part="node" data-node-id=${view.id} data-kind=${view.node.kind}
      data-status=${status ?? nothing} transform="translate(${box.x} ${box.y})">
    <g class="node-body" role="button" tabindex=${ctx.tabStopId === view.id ? 0 : -1} aria-label=${name}
        aria-current=${selected ? 'true' : nothing}>
      <title .textContent=${titleText(view)}></title>
      <rect class="node-halo" x="-4" y="-4" width=${box.width + 8} height=${box.height + 8} rx=${radius + 4}></rect>
    </g>
    <g class="node-visual" aria-hidden="true">${body}${statusBadge(status, box.width)}</g>
    ${ctx.lowDetail ? nothing : nodeHandles(view.node, box, ctx.direction, ctx.tabStopId === view.id)}
  </g>`;
}

/**
 * The whole low-detail node (far zoomed out) as ONE template: the same elements and attributes
 * as `nodeShell` with `lowDetailBody`, without the nested body template and the handle part.
 * Thousands of these make up a zoomed-out first paint, so every template part counts.
 */
export function lowDetailNode(view: NodeView, box: NodeBox, ctx: NodeRenderContext): SVGTemplateResult {
  const status = ctx.status.get(view.id);
  const selected = ctx.selectedId === view.id;
  const name = status ? `${view.accessibleName}, ${statusText(status)}` : view.accessibleName;
  const radius = shapeRadius(view, box);
  return svg`<g class=${groupClasses(view, ctx, status)} part="node" data-node-id=${view.id} data-kind=${view.node.kind}
      data-status=${status ?? nothing} transform=${`translate(${box.x} ${box.y})`}>
    <g class="node-body" role="button" tabindex=${ctx.tabStopId === view.id ? 0 : -1} aria-label=${name}
        aria-current=${selected ? 'true' : nothing}>
      <title .textContent=${titleText(view)}></title>
      <rect class="node-halo" x="-4" y="-4" width=${box.width + 8} height=${box.height + 8} rx=${radius + 4}></rect>
    </g>
    <g class="node-visual" aria-hidden="true"><rect class=${view.variant === 'group' ? 'node-frame lod group-frame' : 'node-frame lod'} width=${box.width} height=${box.height} rx=${radius}></rect>${status ? statusBadge(status, box.width) : nothing}</g>
  </g>`;
}

/**
 * The text of a node's `<title>` (its accessible name and details). Templates bind it as the
 * title's `textContent` property: the same text node as a child binding, without the child
 * part and its comment marker per node (first paint of 1,000 nodes, performance.md F1). It is
 * still only ever text.
 */
export function titleText(view: NodeView): string {
  const details = view.details;
  return details ? `${view.accessibleName}. ${details}` : view.accessibleName;
}

/** Corner radius of a node's outline by variant. */
export function shapeRadius(view: NodeView, box: NodeBox): number {
  if (view.variant === 'operator') return Math.min(box.height / 2, 18);
  if (view.variant === 'group') return 12;
  return 8;
}

/** The frame of a box-shaped node (the selection halo lives on the focusable body). */
export function frame(width: number, height: number, radius: number, extraClass = ''): SVGTemplateResult {
  return svg`<rect class="node-frame ${extraClass}" width=${width} height=${height} rx=${radius}></rect>`;
}

/** Caption, title, subtitle and chips of a card, laid out with `METRICS`. */
export function cardTexts(view: NodeView): SVGTemplateResult {
  const m = METRICS;
  const iconY = m.padTop;
  const captionBaseline = m.padTop + 10;
  const titleBaseline = m.padTop + m.captionLine + 14;
  const subtitleBaseline = titleBaseline + m.bodyLine;
  const chipsTop = m.padTop + m.captionLine + m.titleLine + (view.subtitle ? m.bodyLine : 0) + m.chipTop;
  return svg`<g class="node-icon" aria-hidden="true">
      <rect class="node-icon-bg" x=${m.padX - 2} y=${iconY - 2} width=${m.iconSize + 4} height=${m.iconSize + 4} rx="4"></rect>
      ${glyph(view.glyph, m.padX, iconY, m.iconSize)}
    </g>
    <text class="node-caption" x=${m.padX + m.iconSize + 8} y=${captionBaseline}>${view.caption}</text>
    <text class="node-title" x=${m.padX} y=${titleBaseline}>${view.title}</text>
    ${view.subtitle ? svg`<text class="node-subtitle" x=${m.padX} y=${subtitleBaseline}>${view.subtitle}</text>` : nothing}
    ${view.chips.length ? chips(view.chips, m.padX, chipsTop) : nothing}`;
}

/**
 * A card's frame and texts as ONE template: the same elements as `frame()` followed by
 * `cardTexts()` (icon, caption, title, subtitle, chips), without three nested template instances
 * per node. Hundreds of cards are drawn at once, and every instance costs a clone and a walk.
 */
export function card(view: NodeView, box: NodeBox, radius: number, frameClass = ''): SVGTemplateResult {
  const d = glyphPath(view.glyph);
  if (!d) return svg`${frame(box.width, box.height, radius, frameClass)}${cardTexts(view)}`;
  const m = METRICS;
  const iconY = m.padTop;
  const titleBaseline = m.padTop + m.captionLine + 14;
  const chipsTop = m.padTop + m.captionLine + m.titleLine + (view.subtitle ? m.bodyLine : 0) + m.chipTop;
  return svg`<rect class=${`node-frame ${frameClass}`} width=${box.width} height=${box.height} rx=${radius}></rect><g class="node-icon" aria-hidden="true">
      <rect class="node-icon-bg" x=${m.padX - 2} y=${iconY - 2} width=${m.iconSize + 4} height=${m.iconSize + 4} rx="4"></rect>
      <path class="glyph" d=${d} transform=${GLYPH_TRANSFORM} aria-hidden="true"></path>
    </g>
    <text class="node-caption" x=${m.padX + m.iconSize + 8} y=${m.padTop + 10}>${view.caption}</text>
    <text class="node-title" x=${m.padX} y=${titleBaseline}>${view.title}</text>
    ${view.subtitle ? svg`<text class="node-subtitle" x=${m.padX} y=${titleBaseline + m.bodyLine}>${view.subtitle}</text>` : nothing}
    ${view.chips.length ? chips(view.chips, m.padX, chipsTop) : nothing}`;
}

/** The card icon's glyph transform (what `glyph(name, padX, padTop, iconSize)` writes). */
const GLYPH_TRANSFORM = `translate(${METRICS.padX} ${METRICS.padTop}) scale(${METRICS.iconSize / 16})`;

/** A row of small rounded chips. */
export function chips(items: readonly string[], x: number, y: number): SVGTemplateResult {
  const m = METRICS;
  let cx = x;
  const parts: SVGTemplateResult[] = [];
  for (const [i, text] of items.entries()) {
    const w = Math.ceil(sharedMeasurer.width(text, chipFont) + 2 * m.chipPadX);
    parts.push(svg`<g class="chip chip-${i}" transform="translate(${cx} ${y})">
      <rect class="chip-bg" width=${w} height=${m.chipHeight} rx="4"></rect>
      <text class="chip-text" x=${m.chipPadX} y="12.5">${text}</text>
    </g>`);
    cx += w + m.chipGap;
  }
  return svg`<g class="chips">${parts}</g>`;
}

/** Total width of a chip row. */
export function chipsWidth(items: readonly string[]): number {
  let w = 0;
  for (const text of items) w += Math.ceil(sharedMeasurer.width(text, chipFont) + 2 * METRICS.chipPadX) + METRICS.chipGap;
  return Math.max(0, w - METRICS.chipGap);
}

/** The warning badge of an unknown node (top-right corner). */
export function warningBadge(view: NodeView, width: number): SVGTemplateResult | typeof nothing {
  if (!view.warning) return nothing;
  return svg`<g class="warning-badge" transform="translate(${width - 26} 6)">
    <rect width="20" height="18" rx="4" class="warning-badge-bg"></rect>
    ${glyph('warning', 2, 1, 16)}
  </g>`;
}

/** Low-detail body: only the frame, used when zoomed far out. */
export function lowDetailBody(view: NodeView, box: NodeBox): SVGTemplateResult {
  return svg`<rect class="node-frame lod${view.variant === 'group' ? ' group-frame' : ''}" width=${box.width} height=${box.height} rx=${shapeRadius(view, box)}></rect>`;
}
