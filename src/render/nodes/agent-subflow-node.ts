/**
 * AgentSubFlowNode: a group box around its children, labelled with its app filter (or "any")
 * and version, with the description below. Drawn beneath edges and other nodes.
 */
import { svg, nothing, type SVGTemplateResult } from 'lit';
import type { NodeBox } from '../../layout/types.js';
import type { NodeView } from '../node-view.js';
import { METRICS } from '../node-view.js';
import type { NodeRenderContext } from '../render-context.js';
import { glyph } from '../glyphs.js';
import { chips, chipsWidth, nodeShell } from './node-shell.js';

export function agentSubflowNode(view: NodeView, box: NodeBox, ctx: NodeRenderContext): SVGTemplateResult {
  const m = METRICS;
  return nodeShell(
    view,
    box,
    ctx,
    svg`<rect class="node-frame group-frame" width=${box.width} height=${box.height} rx="12"></rect>
      <g class="node-icon">${glyph('agent', m.padX, 12, m.iconSize)}</g>
      <text class="group-header" x=${m.padX + m.iconSize + 6} y="23"><tspan class="node-caption">${view.caption}</tspan><tspan
        class="node-title group-title" dx="8">${view.title}</tspan></text>
      ${view.subtitle ? svg`<text class="node-subtitle" x=${m.padX} y="40">${view.subtitle}</text>` : nothing}
      ${view.chips.length ? chips(view.chips, box.width - m.padX - chipsWidth(view.chips), 10) : nothing}`,
  );
}
