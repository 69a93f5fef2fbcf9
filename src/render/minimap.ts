/**
 * Minimap template: node boxes scaled into a small frame, plus the viewport rectangle (updated
 * imperatively while panning). Large graphs get one path of boxes and no edges.
 */
import { svg, nothing, type SVGTemplateResult } from 'lit';
import type { NodeBox } from '../layout/types.js';
import type { MinimapFrame } from '../interaction/minimap.js';
import { MINIMAP_SIMPLIFY_NODES } from '../interaction/minimap.js';

function r(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The minimap's inner SVG content in canvas coordinates (the caller sets the viewBox). */
export function minimapContent(
  frame: MinimapFrame,
  boxes: readonly NodeBox[],
  groups: ReadonlySet<string>,
  selectedId: string | null,
): SVGTemplateResult {
  const v = frame.view;
  const bg = svg`<rect class="minimap-bg" x=${r(v.x)} y=${r(v.y)} width=${r(v.width)} height=${r(v.height)}></rect>`;
  if (boxes.length > MINIMAP_SIMPLIFY_NODES) {
    let d = '';
    for (const b of boxes) {
      if (groups.has(b.id)) continue;
      d += `M${r(b.x)} ${r(b.y)}h${r(b.width)}v${r(b.height)}h${r(-b.width)}z`;
    }
    return svg`${bg}<path class="minimap-node" d=${d}></path>`;
  }
  // About 1.5 minimap pixels of corner radius, whatever the scale.
  const radius = 1.5 / Math.max(frame.scale, 0.01);
  return svg`${bg}${boxes.map((b) => {
    const cls = `minimap-node${groups.has(b.id) ? ' group' : ''}${b.id === selectedId ? ' selected' : ''}`;
    return svg`<rect class=${cls} x=${r(b.x)} y=${r(b.y)} width=${r(b.width)} height=${r(b.height)} rx=${r(radius)}></rect>`;
  })}${nothing}`;
}
