/** A node whose kind we do not know: a generic card with a warning badge. */
import { svg, type SVGTemplateResult } from 'lit';
import type { NodeBox } from '../../layout/types.js';
import type { NodeView } from '../node-view.js';
import type { NodeRenderContext } from '../render-context.js';
import { card, nodeShell, warningBadge } from './node-shell.js';

export function unknownNode(view: NodeView, box: NodeBox, ctx: NodeRenderContext): SVGTemplateResult {
  return nodeShell(view, box, ctx, svg`${card(view, box, 8, 'unknown')}${warningBadge(view, box.width)}`);
}
