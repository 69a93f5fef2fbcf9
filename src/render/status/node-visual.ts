/**
 * What the run overlay shows for one node and one edge at the cursor: status, NEXT count,
 * exception, last value as text. Plain data that is cheap to compare, so only nodes whose visual
 * changed are touched in the DOM. Pure.
 */

/** Node status at a cursor (spec 3.5). */
export type NodeRunStatus = 'idle' | 'active' | 'running' | 'completed' | 'errored';

export interface NodeVisual {
  readonly status: NodeRunStatus;
  /** NEXT events with t <= T. */
  readonly nextCount: number;
  /** ERROR only: the exception text. */
  readonly exception: string | null;
  /** The last NEXT value as short text (`key: value, ...`), or null. */
  readonly value: string | null;
}

/** Edge state at a cursor: the kind of the latest event on its source handle, and whether it is in flight. */
export interface EdgeVisual {
  readonly kind: 'none' | 'next' | 'complete' | 'error';
  readonly inFlight: boolean;
}

export const IDLE_VISUAL: NodeVisual = Object.freeze({ status: 'idle', nextCount: 0, exception: null, value: null });
export const NO_EDGE_VISUAL: EdgeVisual = Object.freeze({ kind: 'none', inFlight: false });

export function sameNodeVisual(a: NodeVisual | undefined, b: NodeVisual | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.status === b.status && a.nextCount === b.nextCount && a.exception === b.exception && a.value === b.value;
}

export function sameEdgeVisual(a: EdgeVisual | undefined, b: EdgeVisual | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.kind === b.kind && a.inFlight === b.inFlight;
}

const STATUS_WORDS: Readonly<Record<NodeRunStatus, string>> = {
  idle: 'idle',
  active: 'active',
  running: 'running',
  completed: 'completed',
  errored: 'errored',
};

/** Short count text: 999, 1.2k, 35k, 1.2M. */
export function formatCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  if (n < 1_000_000) return `${Math.round(n / 1000)}k`;
  return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
}

/** Caps a text for a tooltip or an accessible name. */
export function capText(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Status words for an accessible name: "completed, 12 values" / "errored: <exception>". */
export function statusDescription(v: NodeVisual): string {
  const parts: string[] = [STATUS_WORDS[v.status]];
  if (v.nextCount > 0) parts.push(`${v.nextCount} ${v.nextCount === 1 ? 'value' : 'values'}`);
  let text = parts.join(', ');
  if (v.status === 'errored' && v.exception) text += `: ${capText(v.exception, 200)}`;
  return text;
}

/** Tooltip of a node's badge: status, count, exception, last value. */
export function badgeTooltip(title: string, v: NodeVisual): string {
  const lines = [`${title}: ${statusDescription(v)}`];
  if (v.value !== null) lines.push(`Last value: ${v.value}`);
  return capText(lines.join('\n'), 600);
}

/** Renders a value for text display (never HTML): strings as is, others as compact JSON. */
export function valueToShortText(value: unknown, max = 80): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = String(value);
    }
  }
  return capText(s, max);
}

/** `key: value, key: value` from a value zipped with port keys. */
export function zippedValueText(entries: Iterable<readonly [string, unknown]>, max = 200): string {
  const parts: string[] = [];
  for (const [key, value] of entries) parts.push(`${key}: ${valueToShortText(value)}`);
  return capText(parts.join(', '), max);
}
