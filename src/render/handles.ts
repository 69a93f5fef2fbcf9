/**
 * Stream handles: one per input stream and one per output stream, drawn exactly where the
 * layout's `handlePoint` puts them so that edges end on them. Hover or focus shows the ports.
 */
import { svg, nothing, type SVGTemplateResult } from 'lit';
import { handlePoint } from '../layout/handles.js';
import type { LayoutDirection, NodeBox, Point } from '../layout/types.js';
import type { WorkflowNode } from '../model/types.js';
import { streamTypeLabel } from './port-labels.js';

export type HandleSide = 'in' | 'out';

export const HANDLE_RADIUS = 4.5;

/** Absolute point of handle `index` on `side` of `box`. */
export function handleAt(box: NodeBox, side: HandleSide, index: number, count: number, direction: LayoutDirection): Point {
  return handlePoint(box, side, index, Math.max(1, count), direction);
}

/** Whether a side of a node gets visible handles (Inputs has no in-handle, Outputs no out-handle, groups none). */
export function drawsHandles(node: WorkflowNode, side: HandleSide): boolean {
  if (node.kind === 'agent-subflow') return false;
  if (side === 'in' && (node.kind === 'args' || node.kind === 'kwargs')) return false;
  if (side === 'out' && node.kind === 'returns') return false;
  return true;
}

/** Accessible label of a handle ("Input 2: Image | Int"). */
export function handleLabel(node: WorkflowNode, side: HandleSide, index: number): string {
  const stream = side === 'in' ? node.ins[index] : node.outs[index];
  return `${side === 'in' ? 'Input' : 'Output'} ${index + 1}: ${stream ? streamTypeLabel(stream) : 'Event'}`;
}

/**
 * All handles of a node, in the node's local coordinates. `focusable`: the handles join the tab
 * order (only for the node that holds the roving tab stop, so Tab walks node -> its ports -> on).
 */
export function nodeHandles(node: WorkflowNode, box: NodeBox, direction: LayoutDirection, focusable = false): SVGTemplateResult[] | typeof nothing {
  const out: SVGTemplateResult[] = [];
  for (const side of ['in', 'out'] as const) {
    if (!drawsHandles(node, side)) continue;
    const streams = side === 'in' ? node.ins : node.outs;
    const count = streams.length;
    for (let i = 0; i < count; i++) {
      const p = handleAt(box, side, i, count, direction);
      const x = p.x - box.x;
      const y = p.y - box.y;
      const empty = (streams[i]?.length ?? 0) === 0;
      out.push(svg`<g class="handle handle-${side}${empty ? ' handle-event' : ''}" part="handle" data-handle=${side === 'in' ? `arg_${i}` : `return_${i}`}
        data-side=${side} data-index=${i} transform="translate(${x} ${y})" tabindex=${focusable ? 0 : -1} role="img" aria-label=${handleLabel(node, side, i)}>
        <circle class="handle-hit" r="10"></circle>
        <circle class="handle-dot" r=${HANDLE_RADIUS}></circle>
      </g>`);
    }
  }
  return out.length ? out : nothing;
}
