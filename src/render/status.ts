/**
 * Run status decorations: the hook the run overlay plugs into. A status is a short token such
 * as `running`, `completed` or `error`; anything else from outside is dropped, so a status can
 * safely become a class name and a `data-status` value.
 */
import { svg, nothing, type SVGTemplateResult } from 'lit';

/** Status tokens with their own styling; other well-formed tokens still reach `data-status`. */
export const KNOWN_STATUSES = ['idle', 'pending', 'running', 'completed', 'error', 'skipped', 'cancelled'] as const;

const TOKEN = /^[a-z][a-z0-9-]{0,31}$/;

/** Returns a status token safe for classes and attributes, or undefined. */
export function sanitizeStatus(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const s = value.trim().toLowerCase();
  return TOKEN.test(s) ? s : undefined;
}

/** Copies a host-provided status map, keeping only well-formed tokens. */
export function sanitizeStatusMap(map: ReadonlyMap<string, unknown> | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!map || typeof map.forEach !== 'function') return out;
  map.forEach((v, k) => {
    const s = sanitizeStatus(v);
    if (s !== undefined && typeof k === 'string') out.set(k, s);
  });
  return out;
}

/** Human text of a status for accessible names. */
export function statusText(status: string): string {
  return status.replace(/-/g, ' ');
}

/** The small status badge at a node's top-right corner. */
export function statusBadge(status: string | undefined, width: number): SVGTemplateResult | typeof nothing {
  if (!status) return nothing;
  return svg`<g class="status-badge" transform="translate(${width - 2} 2)" aria-hidden="true">
    <circle r="6" class="status-badge-ring"></circle>
    <circle r="3.5" class="status-badge-dot"></circle>
  </g>`;
}
