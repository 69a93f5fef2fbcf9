/**
 * RekuestMapActionNode (and legacy ArkitektNode / LocalNode): a remote action card with its
 * title, action kind (function or generator), description and map strategy.
 */
import { svg, type SVGTemplateResult } from 'lit';
import type { NodeBox } from '../../layout/types.js';
import type { NodeView } from '../node-view.js';
import type { NodeRenderContext } from '../render-context.js';
import { card, nodeShell } from './node-shell.js';

export function rekuestMapNode(view: NodeView, box: NodeBox, ctx: NodeRenderContext): SVGTemplateResult {
  const generator = view.glyph === 'generator';
  // A generator (0..n results per call) shows a second card peeking out underneath.
  const body = generator
    ? svg`<rect class="generator-stack" x="6" y="4" width=${box.width - 12} height=${box.height} rx="8"></rect>${card(view, box, 8, 'generator')}`
    : card(view, box, 8);
  return nodeShell(view, box, ctx, body);
}
