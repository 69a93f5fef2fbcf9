/**
 * ReactiveNode: a built-in stream operator drawn as a compact pill with its glyph and short
 * operator text (ZIP, WITHLATEST, COMBINELATEST as merge glyphs; arithmetic with its constant;
 * CHUNK, BUFFER_*, JUST, SELECT, ...).
 */
import { svg, nothing, type SVGTemplateResult } from 'lit';
import type { NodeBox } from '../../layout/types.js';
import type { NodeView } from '../node-view.js';
import { METRICS } from '../node-view.js';
import type { NodeRenderContext } from '../render-context.js';
import { glyph } from '../glyphs.js';
import { frame, nodeShell } from './node-shell.js';

export function reactiveNode(view: NodeView, box: NodeBox, ctx: NodeRenderContext): SVGTemplateResult {
  const radius = Math.min(box.height / 2, 18);
  const hasGlyph = view.glyph !== 'none';
  const glyphSpace = hasGlyph ? METRICS.iconSize + 6 : 0;
  const cy = box.height / 2;
  const contentWidth = box.width - 2 * METRICS.padX;
  const textX = METRICS.padX + glyphSpace + (contentWidth - glyphSpace) / 2;
  return nodeShell(
    view,
    box,
    ctx,
    svg`${frame(box.width, box.height, radius, 'operator')}
      ${hasGlyph ? svg`<g class="node-icon operator-glyph">${glyph(view.glyph, METRICS.padX, cy - METRICS.iconSize / 2, METRICS.iconSize)}</g>` : nothing}
      <text class="operator-text" x=${textX} y=${cy + 4} text-anchor="middle">${view.title}</text>`,
  );
}
