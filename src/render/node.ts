/**
 * Node dispatch: picks the template for a node's kind. Legacy kinds arrive already mapped by the
 * parser (ArkitektNode -> rekuest-map, KwargNode -> kwargs, LocalNode -> local, ...).
 */
import type { SVGTemplateResult } from 'lit';
import type { NodeBox } from '../layout/types.js';
import type { NodeView } from './node-view.js';
import type { NodeRenderContext } from './render-context.js';
import { argNode } from './nodes/arg-node.js';
import { returnNode } from './nodes/return-node.js';
import { rekuestMapNode } from './nodes/rekuest-map-node.js';
import { rekuestFilterNode } from './nodes/rekuest-filter-node.js';
import { reactiveNode } from './nodes/reactive-node.js';
import { agentSubflowNode } from './nodes/agent-subflow-node.js';
import { unknownNode } from './nodes/unknown-node.js';
import { lowDetailNode } from './nodes/node-shell.js';

/** The SVG of one node at its box. */
export function renderNode(view: NodeView, box: NodeBox, ctx: NodeRenderContext): SVGTemplateResult {
  if (ctx.lowDetail) return lowDetailNode(view, box, ctx);
  switch (view.node.kind) {
    case 'args':
    case 'kwargs':
      return argNode(view, box, ctx);
    case 'returns':
      return returnNode(view, box, ctx);
    case 'rekuest-map':
    case 'local':
    case 'subgraph':
      return rekuestMapNode(view, box, ctx);
    case 'rekuest-filter':
      return rekuestFilterNode(view, box, ctx);
    case 'reactive':
      return reactiveNode(view, box, ctx);
    case 'agent-subflow':
      return agentSubflowNode(view, box, ctx);
    default:
      return unknownNode(view, box, ctx);
  }
}
