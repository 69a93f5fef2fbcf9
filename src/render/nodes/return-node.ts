/** ReturnNode ("Outputs"): the flow's exit with its return types. */
import type { SVGTemplateResult } from 'lit';
import type { NodeBox } from '../../layout/types.js';
import type { NodeView } from '../node-view.js';
import type { NodeRenderContext } from '../render-context.js';
import { card, nodeShell } from './node-shell.js';

export function returnNode(view: NodeView, box: NodeBox, ctx: NodeRenderContext): SVGTemplateResult {
  return nodeShell(view, box, ctx, card(view, box, 8));
}
