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
import { glyph, glyphPath } from '../glyphs.js';
import { frame, nodeShell } from './node-shell.js';

export function reactiveNode(view: NodeView, box: NodeBox, ctx: NodeRenderContext): SVGTemplateResult {
  const radius = Math.min(box.height / 2, 18);
  const hasGlyph = view.glyph !== 'none';
  const glyphSpace = hasGlyph ? METRICS.iconSize + 6 : 0;
  const cy = box.height / 2;
  const contentWidth = box.width - 2 * METRICS.padX;
  const textX = METRICS.padX + glyphSpace + (contentWidth - glyphSpace) / 2;
  const d = hasGlyph ? glyphPath(view.glyph) : undefined;
  // One template with the glyph inline (the common case): every nested instance costs a clone.
  if (d) {
    const gy = cy - METRICS.iconSize / 2;
    return nodeShell(
      view,
      box,
      ctx,
      svg`<rect class="node-frame operator" width=${box.width} height=${box.height} rx=${radius}></rect><g class="node-icon operator-glyph"><path class="glyph" d=${d} transform=${`translate(${METRICS.padX} ${gy}) scale(${METRICS.iconSize / 16})`} aria-hidden="true"></path></g>
      <text class="operator-text" x=${textX} y=${cy + 4} text-anchor="middle">${view.title}</text>`,
    );
  }
  return nodeShell(
    view,
    box,
    ctx,
    svg`${frame(box.width, box.height, radius, 'operator')}
      ${hasGlyph ? svg`<g class="node-icon operator-glyph">${glyph(view.glyph, METRICS.padX, cy - METRICS.iconSize / 2, METRICS.iconSize)}</g>` : nothing}
      <text class="operator-text" x=${textX} y=${cy + 4} text-anchor="middle">${view.title}</text>`,
  );
}
