/**
 * Arrowhead markers. Ids come from a per-instance prefix (never from data) so two graphs on a
 * page never share or clash on marker ids.
 */
import { svg, type SVGTemplateResult } from 'lit';

let instanceCounter = 0;

/** A fresh id prefix for one element instance (`fluss-3`). */
export function nextInstancePrefix(): string {
  instanceCounter += 1;
  return `fluss-${instanceCounter}`;
}

/** Marker ids for one instance. */
export function markerIds(prefix: string): { arrow: string; arrowLogging: string; arrowActive: string } {
  return { arrow: `${prefix}-arrow`, arrowLogging: `${prefix}-arrow-logging`, arrowActive: `${prefix}-arrow-active` };
}

function arrow(id: string, cls: string): SVGTemplateResult {
  // The tip sits 4.5 px before the path end, on the rim of the target handle.
  return svg`<marker id=${id} class=${cls} viewBox="0 0 10 10" refX="14" refY="5" markerWidth="10" markerHeight="10"
      markerUnits="userSpaceOnUse" orient="auto-start-reverse">
    <path d="M1 1.2 L9 5 L1 8.8 Z"></path>
  </marker>`;
}

/** The `<defs>` block with every marker one graph uses. */
export function markerDefs(prefix: string): SVGTemplateResult {
  const ids = markerIds(prefix);
  return svg`<defs>
    ${arrow(ids.arrow, 'marker marker-vanilla')}
    ${arrow(ids.arrowLogging, 'marker marker-logging')}
    ${arrow(ids.arrowActive, 'marker marker-active')}
  </defs>`;
}
