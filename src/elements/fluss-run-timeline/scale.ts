/**
 * The timeline's horizontal scale: a linear map from an axis domain (logical t, or wall-clock
 * milliseconds) to pixels, with zoom about a point, pan clamped to the full extent, and "nice"
 * tick values for both axes. Pure.
 */

export interface Extent {
  readonly min: number;
  readonly max: number;
}

/** Which axis the timeline shows. */
export type TimelineAxis = 't' | 'time';

export class LinearScale {
  constructor(
    readonly domain: Extent,
    readonly width: number,
  ) {}

  /** Pixel x of an axis value. */
  x(value: number): number {
    const span = this.domain.max - this.domain.min;
    if (span <= 0) return this.width / 2;
    return ((value - this.domain.min) / span) * this.width;
  }

  /** Axis value at a pixel x. */
  value(x: number): number {
    const span = this.domain.max - this.domain.min;
    if (this.width <= 0 || span <= 0) return this.domain.min;
    return this.domain.min + (x / this.width) * span;
  }
}

/** Widens a degenerate extent so a single event still has room around it. */
export function paddedExtent(extent: Extent, axis: TimelineAxis): Extent {
  if (!Number.isFinite(extent.min) || !Number.isFinite(extent.max)) return { min: 0, max: 1 };
  const span = extent.max - extent.min;
  const pad = span > 0 ? span * 0.02 : axis === 't' ? 1 : 1000;
  return { min: extent.min - pad, max: extent.max + pad };
}

/**
 * Zooms `view` by `factor` (> 1 zooms in) about `anchor`, clamped to `full` and to a minimum span.
 */
export function zoomView(view: Extent, full: Extent, factor: number, anchor: number, minSpan: number): Extent {
  const span = view.max - view.min;
  const fullSpan = full.max - full.min;
  const next = Math.min(fullSpan, Math.max(minSpan, span / factor));
  const ratio = span > 0 ? (anchor - view.min) / span : 0.5;
  return clampView({ min: anchor - ratio * next, max: anchor - ratio * next + next }, full);
}

/** Moves `view` by `delta` axis units, kept inside `full`. */
export function panView(view: Extent, full: Extent, delta: number): Extent {
  return clampView({ min: view.min + delta, max: view.max + delta }, full);
}

/** Keeps the view's span and puts it inside `full` (or makes it `full` when it is wider). */
export function clampView(view: Extent, full: Extent): Extent {
  const span = view.max - view.min;
  if (span >= full.max - full.min) return full;
  if (view.min < full.min) return { min: full.min, max: full.min + span };
  if (view.max > full.max) return { min: full.max - span, max: full.max };
  return view;
}

const T_STEPS = [1, 2, 5];
const TIME_STEPS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000,
  600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
];

/** Tick values inside `view` so that about `count` ticks show; integers for t, round times for wall clock. */
export function ticks(view: Extent, count: number, axis: TimelineAxis): number[] {
  const span = view.max - view.min;
  if (!(span > 0) || count < 1) return [];
  const raw = span / count;
  let step: number;
  if (axis === 'time') {
    step = TIME_STEPS_MS.find((s) => s >= raw) ?? Math.ceil(raw / 86_400_000) * 86_400_000;
  } else {
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    step = (T_STEPS.find((s) => s * magnitude >= raw) ?? 10) * magnitude;
    step = Math.max(1, step);
  }
  const out: number[] = [];
  for (let v = Math.ceil(view.min / step) * step; v <= view.max && out.length < 1000; v += step) out.push(v);
  return out;
}

/** A short label for a tick. Wall-clock ticks show the time of day in UTC. */
export function tickLabel(value: number, axis: TimelineAxis, stepHint: number): string {
  if (axis === 't') return String(Math.round(value));
  const d = new Date(value);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ss = String(d.getUTCSeconds()).padStart(2, '0');
  if (stepHint < 1000) return `${hh}:${mm}:${ss}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
  return `${hh}:${mm}:${ss}`;
}
