/**
 * <fluss-run-timeline>: time travel through a run. Owns the lanes canvas, the cursor, the brush,
 * zoom and pan along the axis, and the transport controls; reads the run, the cursor and the
 * filters from the enclosing <fluss-run> and sends commands back through its control context.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { runContext, type RunContextValue } from '../../context/run-context.js';
import { cursorContext, type RunCursor } from '../../context/cursor-context.js';
import { filtersContext, type RunFilters } from '../../context/filters-context.js';
import { selectionContext, type RunSelection } from '../../context/selection-context.js';
import { runControlContext, type RunControl } from '../../context/run-control-context.js';
import type { RunEvent } from '../../model/types.js';
import { eventsOfNode, orderedEvents, errorEvents, sourceIds, eventCount } from '../fluss-run/store-access.js';
import { eventAt, nextErrorT, nextT, previousErrorT, previousT } from '../fluss-run/navigation.js';
import { LinearScale, clampView, panView, paddedExtent, tickLabel, ticks, zoomView, type Extent, type TimelineAxis } from './scale.js';
import { binLane, kindSlot, lowerBound, KIND_COMPLETE, KIND_ERROR, KIND_NEXT } from './density.js';
import { PlaybackController, type PlaybackHost } from './playback.js';
import { ResizeController } from './resize.js';
import { timelineStyles } from './styles.js';
import { cssomStyle } from '../../render/cssom-style.js';

/** One lane: a node of the workflow (or an event source the workflow does not know). */
export interface TimelineLane {
  readonly id: string;
  readonly title: string;
}

/** Play speeds offered, in events per second. */
export const PLAY_SPEEDS: readonly number[] = [1, 5, 10, 50, 100, 500, 1000];

const GUTTER = 132;
const timeCache = new WeakMap<RunEvent, number>();

/** Captures the pointer on the event's target (synthetic events have no active pointer). */
function capturePointer(ev: PointerEvent): void {
  try {
    (ev.currentTarget as Element | null)?.setPointerCapture(ev.pointerId);
  } catch {
    // not an active pointer: nothing to capture
  }
}

/** Wall-clock milliseconds of an event (NaN when unknown), parsed once per event object. */
function eventTime(e: RunEvent): number {
  let v = timeCache.get(e);
  if (v === undefined) {
    v = e.createdAt ? Date.parse(e.createdAt) : NaN;
    timeCache.set(e, v);
  }
  return v;
}

/**
 * Time travel through a Fluss run: one lane per node with its event ticks, the cursor, snapshot
 * marks, transport controls and a brush that sets the time-range filter. Place it inside a
 * `<fluss-run>`; it has no data of its own.
 *
 * Keyboard (on the lanes, a slider): Left/Right previous/next event, Home/End first/last event,
 * E / Shift+E next/previous error, Space play/pause, L follow live, + / - zoom, 0 show all,
 * Shift+Left/Right pan, Escape clear the brush.
 *
 * Moving the cursor, following live and brushing are commands to the enclosing `<fluss-run>`,
 * which fires `fluss-time-change` and keeps every view in sync; this element fires no events.
 *
 * @tagname fluss-run-timeline
 * @summary Timeline of a run: lanes of event ticks, cursor, brush, transport controls.
 *
 * @csspart toolbar - The transport controls.
 * @csspart button - Every transport button.
 * @csspart speed - The speed select.
 * @csspart readout - The text that shows the cursor (t and wall-clock time).
 * @csspart lanes - The scrolling area with the lanes (the slider).
 * @csspart canvas - The canvas the lanes and ticks are drawn on.
 * @csspart cursor - The cursor line.
 * @csspart brush - The brushed time range.
 * @csspart axis - The axis strip (drag there to brush).
 * @csspart empty - The message shown outside a run or before events arrive.
 *
 * @cssprop [--fluss-run-timeline-max-height=240px] - Height of the lanes area before it scrolls.
 * @cssprop [--fluss-run-timeline-next=#3b82f6] - Colour of NEXT ticks.
 * @cssprop [--fluss-run-timeline-complete=#16a34a] - Colour of COMPLETE ticks.
 * @cssprop [--fluss-run-timeline-error=#dc2626] - Colour of ERROR ticks.
 * @cssprop [--fluss-run-timeline-cursor=#f59e0b] - Colour of the cursor.
 * @cssprop [--fluss-run-timeline-lane=rgba(127,127,127,0.08)] - Background of every other lane.
 * @cssprop [--fluss-run-timeline-selected-lane=rgba(59,130,246,0.16)] - Background of the selected node's lane.
 * @cssprop [--fluss-run-timeline-text=currentColor] - Lane label colour.
 */
export class FlussRunTimelineElement extends LitElement implements PlaybackHost {
  static override styles = timelineStyles;

  /** The axis: logical clock `t`, or wall-clock `time` (the events' createdAt, UTC). */
  @property({ reflect: true }) axis: TimelineAxis = 't';

  /** Play speed in events per second. */
  @property({ type: Number }) speed = 10;

  /** Height of one lane in CSS pixels. */
  @property({ type: Number, attribute: 'lane-height' }) laneHeight = 18;

  /** Lane order as node ids (for example the layout order); default: the workflow's node order. */
  @property({ attribute: false }) laneOrder: readonly string[] | null = null;

  /** Reflects whether playback runs (read-only: use `play()` / `pause()`). */
  @property({ type: Boolean, reflect: true }) playing = false;

  @consume({ context: runContext, subscribe: true })
  @state()
  private runData?: RunContextValue;

  @consume({ context: cursorContext, subscribe: true })
  @state()
  private cursor?: RunCursor;

  @consume({ context: filtersContext, subscribe: true })
  @state()
  private filters?: RunFilters;

  @consume({ context: selectionContext, subscribe: true })
  @state()
  private selection?: RunSelection;

  @consume({ context: runControlContext, subscribe: true })
  private control?: RunControl;

  /** The visible part of the axis; null shows everything. */
  @state() private view: Extent | null = null;
  @state() private laneScroll = 0;
  /** Brush being dragged (axis units), before it is committed to the filters. */
  @state() private draft: Extent | null = null;

  @query('.lanes') private lanesEl?: HTMLElement;
  @query('canvas') private canvas?: HTMLCanvasElement;

  private readonly playback = new PlaybackController(this);
  private readonly resize = new ResizeController(this, () => this.requestUpdate());
  private drawFrame = 0;
  private drawnKey = '';
  private cachedLanes: { key: string; lanes: readonly TimelineLane[] } | null = null;
  private scrubbing = false;
  private brushStart: number | null = null;

  // ---- public API ------------------------------------------------------------------------

  /** The lanes in drawing order. */
  get lanes(): readonly TimelineLane[] {
    const data = this.runData;
    if (!data) return [];
    const key = `${data.revision}|${this.laneOrder?.join('\u0000') ?? ''}`;
    if (this.cachedLanes?.key === key) return this.cachedLanes.lanes;
    const titles = new Map<string, string>();
    for (const node of data.workflow?.nodes ?? []) titles.set(node.id, node.title || node.id);
    const ids: string[] = [];
    const seen = new Set<string>();
    const add = (id: string) => {
      if (!seen.has(id)) {
        seen.add(id);
        ids.push(id);
      }
    };
    for (const id of this.laneOrder ?? []) add(id);
    for (const id of titles.keys()) add(id);
    for (const id of sourceIds(data.store)) add(id);
    const lanes = ids.map((id) => ({ id, title: titles.get(id) ?? id }));
    this.cachedLanes = { key, lanes };
    return lanes;
  }

  /** Starts playback from the cursor (from the first event when the cursor is at the end). */
  play(): void {
    const events = this.events();
    if (events.length === 0) return;
    const T = this.cursor?.t ?? 0;
    if (nextT(events, T) === null) this.control?.setCursor(events[0]!.t, 'play');
    this.playback.speed = this.speed;
    this.playback.play();
  }

  /** Stops playback. */
  pause(): void {
    this.playback.pause();
  }

  /** Moves the cursor to the next event (distinct t); false when there is none. */
  stepForward(): boolean {
    return this.moveTo(nextT(this.events(), this.currentT()));
  }

  /** Moves the cursor to the previous event (distinct t); false when there is none. */
  stepBackward(): boolean {
    return this.moveTo(previousT(this.events(), this.currentT()));
  }

  /** Moves the cursor to the next ERROR event; false when there is none. */
  nextError(): boolean {
    return this.moveTo(nextErrorT(this.errors(), this.currentT()));
  }

  /** Moves the cursor to the previous ERROR event; false when there is none. */
  previousError(): boolean {
    return this.moveTo(previousErrorT(this.errors(), this.currentT()));
  }

  /** Zooms the axis by `factor` (> 1 zooms in) about `anchor` (axis units; default the view centre). */
  zoom(factor: number, anchor?: number): void {
    const full = this.fullExtent();
    const view = this.view ?? full;
    const minSpan = this.axis === 't' ? 4 : 10;
    this.view = zoomView(view, full, factor, anchor ?? (view.min + view.max) / 2, minSpan);
  }

  /** Shows the whole run. */
  resetZoom(): void {
    this.view = null;
  }

  /** The visible axis range (axis units). */
  get visibleRange(): Extent {
    return this.view ?? this.fullExtent();
  }

  /** Playback started or stopped (PlaybackHost). @internal */
  playbackChanged(playing: boolean): void {
    this.playing = playing;
  }

  /** Playback's step (PlaybackHost). @internal */
  playbackStep(steps: number): boolean {
    const events = this.events();
    let T = this.currentT();
    for (let i = 0; i < steps; i++) {
      const n = nextT(events, T);
      if (n === null) break;
      T = n;
    }
    if (T === this.currentT()) return this.runData?.live ?? false;
    this.control?.setCursor(T, 'play');
    return true;
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.drawFrame);
    this.drawFrame = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('speed')) this.playback.speed = this.speed;
    if (changed.has('axis')) this.view = null;
    // Following live or playing: keep the cursor inside a zoomed view.
    if ((changed as Map<PropertyKey, unknown>).has('cursor') && this.view && (this.cursor?.follow || this.playback.playing)) {
      this.revealValue(this.axisValueOfT(this.currentT()));
    }
  }

  protected override updated(): void {
    if (this.lanesEl) this.resize.observe(this.lanesEl);
    this.scheduleDraw();
  }

  // ---- rendering ---------------------------------------------------------------------------

  protected override render() {
    const data = this.runData;
    if (!data) return html`<p part="empty" class="empty">Place &lt;fluss-run-timeline&gt; inside a &lt;fluss-run&gt;.</p>`;
    const events = orderedEvents(data.store);
    const lanes = this.lanes;
    const T = this.currentT();
    const follow = this.cursor?.follow ?? false;
    const width = this.plotWidth();
    const scale = new LinearScale(this.visibleRange, width);
    const total = lanes.length * this.laneHeight;
    const at = eventAt(events, T);
    const cursorValue = this.axisValueOfT(T);
    const cursorX = Number.isFinite(cursorValue) ? scale.x(cursorValue) : -10;
    const first = events[0]?.t ?? 0;
    const last = events[events.length - 1]?.t ?? 0;
    const brush = this.draft ?? this.brushExtent();
    const tickValues = ticks(this.visibleRange, Math.max(2, Math.floor(width / 90)), this.axis);
    const step = tickValues.length > 1 ? tickValues[1]! - tickValues[0]! : 1000;
    const when = at?.createdAt ? tickLabel(eventTime(at), 'time', 1) : '';
    const snapshots = this.snapshotValues().filter((v) => v >= this.visibleRange.min && v <= this.visibleRange.max);
    return html`
      <div part="toolbar" class="toolbar" role="toolbar" aria-label="Run transport">
        <button part="button" data-action="previous-error" title="Previous error (Shift+E)" aria-label="Previous error" @click=${() => this.previousError()}>⇤!</button>
        <button part="button" data-action="previous" title="Previous event (Left)" aria-label="Previous event" @click=${() => this.stepBackward()}>◁</button>
        <button part="button" data-action="play" title="Play / pause (Space)" aria-label=${this.playback.playing ? 'Pause' : 'Play'} aria-pressed=${this.playback.playing ? 'true' : 'false'} @click=${this.togglePlay}>${this.playback.playing ? '❚❚' : '▶'}</button>
        <button part="button" data-action="next" title="Next event (Right)" aria-label="Next event" @click=${() => this.stepForward()}>▷</button>
        <button part="button" data-action="next-error" title="Next error (E)" aria-label="Next error" @click=${() => this.nextError()}>!⇥</button>
        <label class="speed">Speed
          <select part="speed" aria-label="Play speed (events per second)" @change=${this.onSpeed}>
            ${PLAY_SPEEDS.map((s) => html`<option value=${s} ?selected=${s === this.speed}>${s}/s</option>`)}
          </select>
        </label>
        <button part="button" data-action="follow" title="Follow live (L)" aria-pressed=${follow ? 'true' : 'false'} @click=${() => this.control?.setFollow(!follow)}>● Live</button>
        <span class="spacer"></span>
        <button part="button" data-action="zoom-out" title="Zoom out (-)" aria-label="Zoom out" @click=${() => this.zoom(1 / 2)}>−</button>
        <button part="button" data-action="zoom-in" title="Zoom in (+)" aria-label="Zoom in" @click=${() => this.zoom(2)}>+</button>
        <button part="button" data-action="zoom-reset" title="Show all (0)" aria-label="Show the whole run" @click=${() => this.resetZoom()}>⤢</button>
        <span part="readout" class="readout">t ${events.length ? T : '–'}${when ? html` · ${when}` : nothing} · ${eventCount(data.store)} events</span>
      </div>
      <div class="frame">
        <div
          part="lanes"
          class="lanes"
          tabindex="0"
          role="slider"
          aria-label="Run time cursor"
          aria-valuemin=${first}
          aria-valuemax=${last}
          aria-valuenow=${T}
          aria-valuetext=${`t ${T}${when ? `, ${when}` : ''}`}
          style=${cssomStyle(`height: min(var(--fluss-run-timeline-max-height, 240px), ${Math.max(total, this.laneHeight)}px)`)}
          @scroll=${this.onScroll}
          @keydown=${this.onKeyDown}
          @pointerdown=${this.onLanesPointerDown}
          @pointermove=${this.onLanesPointerMove}
          @pointerup=${this.onPointerUp}
          @pointercancel=${this.onPointerUp}
          @wheel=${this.onWheel}
          @dblclick=${this.onLanesDoubleClick}
        >
          <canvas part="canvas"></canvas>
          <div style=${cssomStyle(`height: ${Math.max(0, total - this.resize.height)}px`)}></div>
        </div>
        <div class="overlay" aria-hidden="true">
          ${brush && width > 0
            ? html`<div part="brush" class="brush" style=${cssomStyle(`left: ${GUTTER + Math.max(0, scale.x(brush.min))}px; width: ${Math.max(1, Math.min(width, scale.x(brush.max)) - Math.max(0, scale.x(brush.min)))}px`)}></div>`
            : nothing}
          ${events.length && cursorX >= 0 && cursorX <= width
            ? html`<div part="cursor" class="cursor ${follow ? 'follow' : ''}" style=${cssomStyle(`transform: translateX(${GUTTER + cursorX}px)`)}></div>`
            : nothing}
        </div>
      </div>
      <div
        part="axis"
        class="axis"
        title="Drag to filter a time range; double-click to clear"
        @pointerdown=${this.onAxisPointerDown}
        @pointermove=${this.onAxisPointerMove}
        @pointerup=${this.onAxisPointerUp}
        @pointercancel=${this.onAxisPointerUp}
        @dblclick=${() => this.clearBrush()}
      >
        ${snapshots.length <= 400 ? snapshots.map((v) => html`<span class="snapshot" style=${cssomStyle(`left: ${GUTTER + scale.x(v)}px`)}></span>`) : nothing}
        ${tickValues.map((v) => html`<span class="tick" style=${cssomStyle(`left: ${GUTTER + scale.x(v)}px`)}>${tickLabel(v, this.axis, step)}</span>`)}
        <span class="axis-name">${this.axis === 't' ? 't' : 'UTC'}</span>
      </div>
      ${events.length === 0 ? html`<p part="empty" class="empty">${data.state === 'loading' ? 'Loading events…' : 'No events yet.'}</p>` : nothing}
    `;
  }

  private scheduleDraw(): void {
    if (this.drawFrame) return;
    this.drawFrame = requestAnimationFrame(() => {
      this.drawFrame = 0;
      this.draw();
    });
  }

  /** Draws the lanes; skipped when nothing it depends on changed (cursor moves never redraw). */
  private draw(): void {
    const canvas = this.canvas;
    const data = this.runData;
    if (!canvas || !data) return;
    const width = Math.floor(this.resize.width);
    const height = Math.floor(this.resize.height);
    const sel = this.selection?.nodeId ?? '';
    const view = this.visibleRange;
    const key = [data.revision, width, height, this.laneScroll, view.min, view.max, this.axis, this.laneHeight, sel, this.cachedLanes?.key].join('|');
    if (key === this.drawnKey) return;
    this.drawnKey = key;
    const dpr = globalThis.devicePixelRatio || 1;
    if (canvas.width !== width * dpr || canvas.height !== height * dpr) {
      canvas.width = width * dpr;
      canvas.height = height * dpr;
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const style = getComputedStyle(this);
    const colour = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const colours = [
      colour('--fluss-run-timeline-next', '#3b82f6'),
      colour('--fluss-run-timeline-complete', '#16a34a'),
      colour('--fluss-run-timeline-error', '#dc2626'),
    ];
    const laneBg = colour('--fluss-run-timeline-lane', 'rgba(127,127,127,0.08)');
    const selectedBg = colour('--fluss-run-timeline-selected-lane', 'rgba(59,130,246,0.16)');
    const text = colour('--fluss-run-timeline-text', style.color || '#444');
    const lanes = this.lanes;
    const lh = this.laneHeight;
    const plotWidth = Math.max(1, width - GUTTER);
    const firstLane = Math.max(0, Math.floor(this.laneScroll / lh));
    const lastLane = Math.min(lanes.length - 1, Math.ceil((this.laneScroll + height) / lh));
    ctx.font = `${Math.min(12, lh - 5)}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    for (let i = firstLane; i <= lastLane; i++) {
      const lane = lanes[i]!;
      const y = i * lh - this.laneScroll;
      if (lane.id === sel) {
        ctx.fillStyle = selectedBg;
        ctx.fillRect(0, y, width, lh);
      } else if (i % 2 === 1) {
        ctx.fillStyle = laneBg;
        ctx.fillRect(0, y, width, lh);
      }
      ctx.fillStyle = text;
      ctx.fillText(this.fitLabel(ctx, lane.title, GUTTER - 10), 4, y + lh / 2, GUTTER - 8);
      this.drawLane(ctx, eventsOfNode(data.store, lane.id), y, lh, plotWidth, view, colours);
    }
  }

  private drawLane(
    ctx: CanvasRenderingContext2D,
    events: readonly RunEvent[],
    y: number,
    lh: number,
    plotWidth: number,
    view: Extent,
    colours: readonly string[],
  ): void {
    if (events.length === 0) return;
    const byT = this.axis === 't';
    const value = byT ? (i: number) => events[i]!.t : (i: number) => eventTime(events[i]!);
    const from = byT ? lowerBound(events.length, value, view.min) : undefined;
    const bins = binLane(events.length, value, (i) => kindSlot(events[i]!.kind), view.min, view.max, plotWidth, from);
    if (bins.total === 0) return;
    const top = y + 3;
    const h = lh - 6;
    const logPeak = Math.log(bins.peak + 1);
    for (const slot of [KIND_NEXT, KIND_COMPLETE, KIND_ERROR]) {
      ctx.fillStyle = colours[slot]!;
      for (let c = 0; c < bins.columns; c++) {
        const n = bins.counts[c * 3 + slot]!;
        if (n === 0) continue;
        // One event: a full tick. Many: density, more opaque where more events fall.
        ctx.globalAlpha = bins.peak <= 1 || slot === KIND_ERROR ? 1 : 0.3 + (0.7 * Math.log(n + 1)) / logPeak;
        const x = GUTTER + c;
        if (slot === KIND_ERROR) ctx.fillRect(x - 1, y + 1, 3, lh - 2);
        else ctx.fillRect(x, top, 1, h);
      }
    }
    ctx.globalAlpha = 1;
  }

  private fitLabel(ctx: CanvasRenderingContext2D, label: string, max: number): string {
    if (ctx.measureText(label).width <= max) return label;
    let lo = 0;
    let hi = label.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ctx.measureText(`${label.slice(0, mid)}…`).width <= max) lo = mid;
      else hi = mid - 1;
    }
    return `${label.slice(0, lo)}…`;
  }

  // ---- data helpers --------------------------------------------------------------------------

  private events(): readonly RunEvent[] {
    return this.runData ? orderedEvents(this.runData.store) : [];
  }

  private errors(): readonly RunEvent[] {
    return this.runData ? errorEvents(this.runData.store) : [];
  }

  private currentT(): number {
    return this.cursor?.t ?? 0;
  }

  private moveTo(t: number | null): boolean {
    if (t === null || !this.control) return false;
    this.control.setCursor(t, 'user');
    this.revealValue(this.axisValueOfT(t));
    return true;
  }

  /** Pans the view so that `value` is visible. */
  private revealValue(value: number): void {
    const view = this.view;
    if (!view || !Number.isFinite(value) || (value >= view.min && value <= view.max)) return;
    const span = view.max - view.min;
    this.view = clampView({ min: value - span / 2, max: value + span / 2 }, this.fullExtent());
  }

  private fullExtent(): Extent {
    const events = this.events();
    if (events.length === 0) return { min: 0, max: 1 };
    if (this.axis === 't') return paddedExtent({ min: events[0]!.t, max: events[events.length - 1]!.t }, 't');
    // Wall clock: first and last event by t; createdAt grows with t in practice.
    const a = eventTime(events[0]!);
    const b = eventTime(events[events.length - 1]!);
    return paddedExtent({ min: Math.min(a, b), max: Math.max(a, b) }, 'time');
  }

  /** Axis value of a cursor position: t itself, or the createdAt of the event at T. */
  private axisValueOfT(T: number): number {
    if (this.axis === 't') return T;
    const at = eventAt(this.events(), T);
    return at ? eventTime(at) : NaN;
  }

  /** The cursor t for an axis value: the value itself on the t axis, else the last event at or before it. */
  private tOfAxisValue(value: number): number {
    const events = this.events();
    if (events.length === 0) return 0;
    const first = events[0]!.t;
    const last = events[events.length - 1]!.t;
    if (this.axis === 't') return Math.max(first, Math.min(last, Math.round(value)));
    const i = lowerBound(events.length, (k) => eventTime(events[k]!), value + 0.5);
    return i > 0 ? events[i - 1]!.t : first;
  }

  private snapshotValues(): number[] {
    const snaps = this.runData?.run?.snapshots ?? [];
    if (this.axis === 't') return [...new Set(snaps.map((s) => s.t))];
    return snaps.map((s) => (s.createdAt ? Date.parse(s.createdAt) : NaN)).filter((v) => Number.isFinite(v));
  }

  private brushExtent(): Extent | null {
    const range = this.filters?.timeRange;
    if (!range) return null;
    if (this.axis === 't') return { min: range.from, max: range.to };
    return { min: this.axisValueOfT(range.from), max: this.axisValueOfT(range.to) };
  }

  private clearBrush(): void {
    this.draft = null;
    this.control?.setFilters({ timeRange: null });
  }

  private plotX(ev: PointerEvent | WheelEvent | MouseEvent): number {
    const rect = (this.lanesEl ?? this).getBoundingClientRect();
    return ev.clientX - rect.left - GUTTER;
  }

  /** Width of the plot in CSS pixels (measured now if the observer has not reported yet). */
  private plotWidth(): number {
    const width = this.resize.width || this.lanesEl?.clientWidth || 0;
    return Math.max(1, width - GUTTER);
  }

  private valueAtPointer(ev: PointerEvent | WheelEvent | MouseEvent): number {
    return new LinearScale(this.visibleRange, this.plotWidth()).value(this.plotX(ev));
  }

  // ---- input -------------------------------------------------------------------------------

  private readonly togglePlay = (): void => {
    if (this.playback.playing) this.pause();
    else this.play();
  };

  private readonly onSpeed = (ev: Event): void => {
    this.speed = Number((ev.target as HTMLSelectElement).value) || 10;
  };

  private readonly onScroll = (): void => {
    this.laneScroll = this.lanesEl?.scrollTop ?? 0;
  };

  private readonly onLanesPointerDown = (ev: PointerEvent): void => {
    if (ev.button !== 0) return;
    if (this.plotX(ev) < 0) {
      // A click on a lane label selects the node.
      const rect = (this.lanesEl ?? this).getBoundingClientRect();
      const lane = this.lanes[Math.floor((ev.clientY - rect.top + this.laneScroll) / this.laneHeight)];
      if (lane) this.control?.select({ nodeId: lane.id });
      return;
    }
    this.scrubbing = true;
    capturePointer(ev);
    this.control?.setCursor(this.tOfAxisValue(this.valueAtPointer(ev)), 'user');
  };

  private readonly onLanesPointerMove = (ev: PointerEvent): void => {
    if (!this.scrubbing) return;
    this.control?.setCursor(this.tOfAxisValue(this.valueAtPointer(ev)), 'user');
  };

  private readonly onPointerUp = (): void => {
    this.scrubbing = false;
  };

  private readonly onLanesDoubleClick = (ev: MouseEvent): void => {
    if (this.plotX(ev) >= 0) this.zoom(2, this.valueAtPointer(ev));
  };

  private readonly onWheel = (ev: WheelEvent): void => {
    if (this.plotX(ev) < 0) return;
    if (ev.ctrlKey || ev.metaKey) {
      ev.preventDefault();
      this.zoom(Math.exp(-ev.deltaY / 300), this.valueAtPointer(ev));
    } else if (ev.shiftKey || Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
      ev.preventDefault();
      const view = this.visibleRange;
      const delta = ((ev.shiftKey ? ev.deltaY : ev.deltaX) / this.plotWidth()) * (view.max - view.min);
      this.view = panView(view, this.fullExtent(), delta);
    }
  };

  private readonly onAxisPointerDown = (ev: PointerEvent): void => {
    if (ev.button !== 0 || this.plotX(ev) < 0) return;
    capturePointer(ev);
    this.brushStart = this.valueAtPointer(ev);
    this.draft = { min: this.brushStart, max: this.brushStart };
  };

  private readonly onAxisPointerMove = (ev: PointerEvent): void => {
    if (this.brushStart === null) return;
    const v = this.valueAtPointer(ev);
    this.draft = { min: Math.min(this.brushStart, v), max: Math.max(this.brushStart, v) };
  };

  private readonly onAxisPointerUp = (): void => {
    const draft = this.draft;
    this.brushStart = null;
    this.draft = null;
    if (!draft) return;
    const px = new LinearScale(this.visibleRange, this.plotWidth());
    if (px.x(draft.max) - px.x(draft.min) < 3) return; // a click, not a drag
    this.setBrush(draft);
  };

  /** Commits a brushed axis range as the time-range filter (in t). */
  private setBrush(range: Extent): void {
    if (this.axis === 't') {
      this.control?.setFilters({ timeRange: { from: Math.ceil(range.min), to: Math.floor(range.max) } });
      return;
    }
    const events = this.events();
    const i = lowerBound(events.length, (k) => eventTime(events[k]!), range.min);
    const j = lowerBound(events.length, (k) => eventTime(events[k]!), range.max + 0.5);
    if (i >= j) return;
    this.control?.setFilters({ timeRange: { from: events[i]!.t, to: events[j - 1]!.t } });
  }

  private readonly onKeyDown = (ev: KeyboardEvent): void => {
    const view = this.visibleRange;
    const span = view.max - view.min;
    let handled = true;
    switch (ev.key) {
      case 'ArrowRight':
        if (ev.shiftKey) this.view = panView(view, this.fullExtent(), span / 10);
        else this.stepForward();
        break;
      case 'ArrowLeft':
        if (ev.shiftKey) this.view = panView(view, this.fullExtent(), -span / 10);
        else this.stepBackward();
        break;
      case 'Home': {
        const first = this.events()[0];
        if (first) this.moveTo(first.t);
        break;
      }
      case 'End': {
        const events = this.events();
        const last = events[events.length - 1];
        if (last) this.moveTo(last.t);
        break;
      }
      case 'e':
      case 'E':
        if (ev.shiftKey) this.previousError();
        else this.nextError();
        break;
      case ' ':
      case 'k':
        this.togglePlay();
        break;
      case 'l':
      case 'L':
        this.control?.setFollow(!(this.cursor?.follow ?? false));
        break;
      case '+':
      case '=':
        this.zoom(2, this.axisValueOfT(this.currentT()));
        break;
      case '-':
        this.zoom(1 / 2, this.axisValueOfT(this.currentT()));
        break;
      case '0':
        this.resetZoom();
        break;
      case 'Escape':
        if (this.filters?.timeRange) this.clearBrush();
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) {
      ev.preventDefault();
      ev.stopPropagation();
    }
  };
}
