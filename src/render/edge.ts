/**
 * Edge template: a wide transparent hit path, the visible path with its arrowhead and, when
 * asked for, a label with what flows over the edge. Carries the public `data-edge-id`,
 * `data-source` and `data-target` attributes.
 */
import { svg, nothing, type SVGTemplateResult } from 'lit';
import type { WorkflowEdge } from '../model/types.js';
import type { EdgeGeometry } from './edge-path.js';
import { displayText, fitText, sharedMeasurer } from './text.js';
import { nodeFonts } from './node-view.js';

const labelFont = nodeFonts().chip;

export interface EdgeRenderOptions {
  readonly markerId: string;
  readonly markerLoggingId: string;
  readonly markerActiveId?: string;
  readonly showLabel: boolean;
  readonly dimmed: boolean;
  readonly active: boolean;
  /** Draw the wide transparent hit path (false when zoomed far out: fewer elements to paint). */
  readonly hit?: boolean;
}

/** The text an edge label shows: its own label, else the stream items' labels. */
export function edgeLabelText(edge: WorkflowEdge): string {
  if (edge.label && edge.label.trim()) return displayText(edge.label, 60);
  if (edge.items.length === 0) return '';
  return displayText(edge.items.map((i) => i.label || i.kind).join(' | '), 60);
}

export function renderEdge(edge: WorkflowEdge, geometry: EdgeGeometry, options: EdgeRenderOptions): SVGTemplateResult {
  const logging = edge.kind === 'logging';
  const cls = `edge kind-${logging ? 'logging' : 'vanilla'}${options.dimmed ? ' dimmed' : ''}${options.active ? ' active' : ''}`;
  const label = options.showLabel ? edgeLabelText(edge) : '';
  let labelTpl: SVGTemplateResult | typeof nothing = nothing;
  if (label) {
    const fitted = fitText(label, labelFont, 160, sharedMeasurer);
    const w = Math.ceil(fitted.width) + 12;
    labelTpl = svg`<g class="edge-label" part="edge-label" transform="translate(${geometry.labelX - w / 2} ${geometry.labelY - 9})">
      <rect width=${w} height="18" rx="9"></rect>
      <text x=${w / 2} y="12.5" text-anchor="middle">${fitted.text}</text>
    </g>`;
  }
  const marker = `url(#${options.active && options.markerActiveId ? options.markerActiveId : logging ? options.markerLoggingId : options.markerId})`;
  // One template per variant (not a nested template for the hit path): hundreds of edges are
  // drawn at once, and every template instance costs a clone and a tree walk.
  if (options.hit === false) {
    return svg`<g class=${cls} part="edge" data-edge-id=${edge.id} data-source=${edge.source} data-target=${edge.target}>
    <path class="edge-path" d=${geometry.d} marker-end=${marker}></path>
    ${labelTpl}
  </g>`;
  }
  return svg`<g class=${cls} part="edge" data-edge-id=${edge.id} data-source=${edge.source} data-target=${edge.target}>
    <path class="edge-hit" d=${geometry.d}></path>
    <path class="edge-path" d=${geometry.d} marker-end=${marker}></path>
    ${labelTpl}
  </g>`;
}
