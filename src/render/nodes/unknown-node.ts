/** A node whose kind we do not know: a generic card with a warning badge. */
import { svg, type SVGTemplateResult } from 'lit';
import type { NodeBox } from '../../layout/types.js';
import type { NodeView } from '../node-view.js';
import type { NodeRenderContext } from '../render-context.js';
import { cardTexts, frame, nodeShell, warningBadge } from './node-shell.js';

export function unknownNode(view: NodeView, box: NodeBox, ctx: NodeRenderContext): SVGTemplateResult {
  return nodeShell(view, box, ctx, svg`${frame(box.width, box.height, 8, 'unknown')}${cardTexts(view)}${warningBadge(view, box.width)}`);
}
