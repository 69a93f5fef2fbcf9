/**
 * <fluss-run>: the run controller. Owns the source of a run (properties, a recorded export, or
 * a server run followed live), the event store, the time cursor, the selection and the filters,
 * and provides them through @lit/context to the views inside it. No visuals of its own besides a
 * blocking load error (part="error").
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { runContext, type RunContextValue, type RunLoadState } from '../../context/run-context.js';
import { cursorContext, type CursorReason, type RunCursor } from '../../context/cursor-context.js';
import { selectionContext, EMPTY_SELECTION, type RunSelection } from '../../context/selection-context.js';
import { filtersContext, EMPTY_FILTERS, type RunFilters } from '../../context/filters-context.js';
import { runControlContext, type RunControl } from '../../context/run-control-context.js';
import { FlussErrorEvent, type FlussErrorDetail } from '../../events/fluss-error.js';
import { FlussTimeChangeEvent } from '../../events/fluss-time-change.js';
import { FlussRunUpdateEvent } from '../../events/fluss-run-update.js';
import type { Run, Workflow } from '../../model/types.js';
import '../../events/fluss-node-select.js';
import { RunSource, type RunSourceHost } from './run-source.js';
import { createStore, eventCount, latestT, runOutcome, type RunStore } from './store-access.js';

/**
 * The run controller: loads a Fluss run and holds its events, the time cursor, the selection and
 * the filters for the elements inside it (`<fluss-workflow>`, `<fluss-run-timeline>`,
 * `<fluss-run-log>`). It draws nothing itself (`display: contents`).
 *
 * Sources, in order of precedence: the `.run` / `.events` properties, `src` (a recorded run
 * export such as the legacy `run { events, flow }` JSON), or `run-id` (loaded through the
 * enclosing `<fluss-provider>`, then followed live over the events subscription).
 *
 * @tagname fluss-run
 * @summary Holds a run (events, cursor, selection, filters) for the views inside it.
 *
 * @slot - The views of the run.
 * @csspart error - A blocking load error (`role="alert"`), shown above the views.
 *
 * @fires fluss-time-change - The cursor moved or following live was switched (`FlussTimeChangeEvent`).
 * @fires fluss-run-update - Events arrived, or the status or outcome changed; at most once per frame (`FlussRunUpdateEvent`).
 * @fires fluss-error - Loading failed or the data had problems (`FlussErrorEvent`).
 */
export class FlussRunElement extends LitElement implements RunSourceHost {
  static override styles = css`
    :host {
      display: contents;
    }
    .error {
      display: block;
      margin: 4px 0;
      padding: 8px 12px;
      border: 1px solid var(--fluss-color-error, #b42318);
      border-radius: 6px;
      color: var(--fluss-color-text, #1d2433);
      background: var(--fluss-color-surface, #fff);
      font: 13px/1.4 var(--fluss-font-family, system-ui, sans-serif);
    }
  `;

  /** The blocking error shown in part="error" (reliability contract, section 4); null when none. */
  @state() private blockingError: FlussErrorDetail | null = null;

  /** Id of a run on the Fluss server of the enclosing `<fluss-provider>`. */
  @property({ attribute: 'run-id', reflect: true }) runId: string | null = null;

  /** URL of a recorded run export (JSON). */
  @property() src: string | null = null;

  /** The run record (with its flow) given directly; use together with `.events`. */
  @property({ attribute: false }) run: Run | null = null;

  /**
   * The run's events given directly (current `kind` or legacy `type` shape). Events already in the
   * normalized `RunEvent` shape are kept as given (not copied): do not mutate them afterwards.
   */
  @property({ attribute: false }) events: readonly unknown[] | null = null;

  /** The flow to draw the run on when `.run` has none. */
  @property({ attribute: false }) flow: Workflow | null = null;

  /** The time cursor (logical t). Setting it moves the cursor and stops following live. */
  @property({ type: Number, reflect: true }) t: number | null = null;

  /** Keep the cursor on the newest event. On while a live run is RUNNING, off once the user scrubs. */
  @property({ type: Boolean, reflect: true }) follow = false;

  /** Load state (informational): idle, loading, ready, partial, error, reconnecting, too-large. */
  @property({ attribute: 'data-state', reflect: true }) state: RunLoadState = 'idle';

  @provide({ context: runContext })
  private runValue: RunContextValue;

  @provide({ context: cursorContext })
  private cursorValue: RunCursor = { t: 0, follow: false, reason: 'load' };

  @provide({ context: selectionContext })
  private selectionValue: RunSelection = EMPTY_SELECTION;

  @provide({ context: filtersContext })
  private filtersValue: RunFilters = EMPTY_FILTERS;

  /** The commands the views use (stable object). */
  @provide({ context: runControlContext })
  protected readonly controlValue: RunControl = {
    setCursor: (t, reason) => this.setCursor(t, reason ?? 'user'),
    setFollow: (follow) => this.setFollow(follow),
    select: (selection) => this.select(selection),
    setFilters: (filters) => this.setFilters(filters),
  };

  private readonly source = new RunSource(this);
  private revision = 0;
  private frame = 0;
  private frameTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingAdded = 0;
  private lastStatus: unknown = undefined;
  private lastOutcome: string | undefined = undefined;

  constructor() {
    super();
    this.runValue = this.makeValue(createStore(), null, null, 'idle', false);
    // A node selected on the graph becomes the run's selection (the log filters to it).
    this.addEventListener('fluss-node-select', (e) => this.select({ nodeId: e.nodeId }));
  }

  // ---- public API --------------------------------------------------------------------------

  /** The event store of the current run. */
  get store(): RunStore {
    return this.runValue.store;
  }

  /** The selection shared by the views. */
  get selection(): RunSelection {
    return this.selectionValue;
  }

  /** The filters shared by the views. */
  get filters(): RunFilters {
    return this.filtersValue;
  }

  /** Moves the cursor. A move by the user or by playback turns following off. */
  setCursor(t: number, reason: CursorReason = 'user'): void {
    if (!Number.isFinite(t)) return;
    const follow = reason === 'follow' || reason === 'load' ? this.cursorValue.follow : false;
    if (t === this.cursorValue.t && follow === this.cursorValue.follow) {
      // Same place: remember that the user chose it (a later load does not move it), no event.
      if (reason !== this.cursorValue.reason && reason !== 'load') this.cursorValue = { t, follow, reason };
      return;
    }
    this.cursorValue = { t, follow, reason };
    this.reflectCursor();
    this.emit(new FlussTimeChangeEvent(t, follow, reason));
  }

  /** Turns following the newest event on (jumping there) or off. */
  setFollow(follow: boolean): void {
    const t = follow ? Math.max(latestT(this.store), 0) : this.cursorValue.t;
    if (follow === this.cursorValue.follow && t === this.cursorValue.t) return;
    this.cursorValue = { t, follow, reason: 'follow' };
    this.reflectCursor();
    this.emit(new FlussTimeChangeEvent(t, follow, 'follow'));
  }

  /** Replaces parts of the selection. */
  select(selection: Partial<RunSelection>): void {
    const next = { ...this.selectionValue, ...selection };
    const cur = this.selectionValue;
    if (
      next.nodeId === cur.nodeId &&
      next.eventId === cur.eventId &&
      next.highlightedEventIds === cur.highlightedEventIds &&
      next.highlightedEdgeIds === cur.highlightedEdgeIds
    ) {
      return;
    }
    this.selectionValue = Object.freeze(next);
  }

  /** Replaces parts of the filters. */
  setFilters(filters: Partial<RunFilters>): void {
    this.filtersValue = Object.freeze({ ...this.filtersValue, ...filters });
  }

  /** Reloads from the current source. */
  reload(): void {
    this.source.restart();
  }

  // ---- RunSourceHost (called by the source controller) -------------------------------------------

  /** A new source starts: an empty store. @internal */
  sourceReset(): void {
    this.blockingError = null;
    this.runValue = this.makeValue(createStore(), null, null, 'loading', false);
    this.pendingAdded = 0;
    this.lastStatus = undefined;
    this.lastOutcome = undefined;
    // A cursor the page set (`t`, a deep link) survives a new source; otherwise it starts over.
    if (this.cursorValue.reason !== 'user') this.cursorValue = { t: 0, follow: this.follow, reason: 'load' };
  }

  /** @internal */
  get sourceStore(): RunStore {
    return this.runValue.store;
  }

  /** Events were appended to the store; the views update at the next frame. @internal */
  sourceEventsAdded(count: number): void {
    this.pendingAdded += count;
    this.scheduleFrame();
  }

  /** @internal */
  sourceRunChanged(run: Run | null, workflow: Workflow | null): void {
    const v = this.runValue;
    const nextRun = run ?? v.run;
    const nextWorkflow = workflow ?? run?.flow ?? v.workflow;
    if (nextWorkflow !== v.store.workflow) v.store.setWorkflow(nextWorkflow);
    if (nextRun) v.store.setStatus(nextRun.status);
    this.runValue = this.makeValue(v.store, nextRun, nextWorkflow, v.state, v.live);
    this.scheduleFrame();
  }

  /** @internal */
  sourceStateChanged(state: RunLoadState, live: boolean): void {
    const v = this.runValue;
    const wasLive = v.live;
    this.runValue = this.makeValue(v.store, v.run, v.workflow, state, live);
    this.state = state;
    if (live && !wasLive) this.setFollow(true);
    if (state === 'ready' || state === 'partial') {
      // A finished load shows the end of the run unless the user has moved the cursor.
      if (this.cursorValue.reason === 'load' || this.cursorValue.follow) this.moveToLatest();
    }
    this.scheduleFrame();
  }

  /** @internal */
  sourceError(detail: FlussErrorDetail): void {
    if (detail.severity === 'error') this.blockingError = detail;
    this.emit(new FlussErrorEvent(detail));
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.frame);
    clearTimeout(this.frameTimer);
    this.frame = 0;
    this.frameTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Internal moves set `t` and `follow` together with the cursor, so a difference here is the page's.
    if (changed.has('t') && this.t !== null && this.t !== this.cursorValue.t) {
      this.setCursor(this.t, 'user');
    }
    if (changed.has('follow') && this.follow !== this.cursorValue.follow) {
      this.setFollow(this.follow);
    }
    if (changed.has('run') || changed.has('events') || changed.has('src') || changed.has('runId') || changed.has('flow')) {
      this.source.configure({ run: this.run, events: this.events, flow: this.flow, src: this.src, runId: this.runId });
    }
  }

  protected override render() {
    const e = this.blockingError;
    // Our own message first; the code for support. Server text never shows here.
    const alert = e ? html`<div class="error" part="error" role="alert"><strong>Cannot show this run.</strong> ${e.message} <code>${e.code}</code></div>` : nothing;
    return html`${alert}<slot></slot>`;
  }

  // ---- internals ---------------------------------------------------------------------------

  /** Dispatches one of the element's events (documented with @fires above). */
  private emit(event: Event): void {
    this.dispatchEvent(event);
  }

  private makeValue(store: RunStore, run: Run | null, workflow: Workflow | null, state: RunLoadState, live: boolean): RunContextValue {
    return Object.freeze({ store, run, workflow, revision: ++this.revision, state, live });
  }

  private reflectCursor(): void {
    this.t = this.cursorValue.t;
    this.follow = this.cursorValue.follow;
  }

  private moveToLatest(): void {
    const last = latestT(this.store);
    if (last < 0) return;
    if (last === this.cursorValue.t) return;
    this.cursorValue = { t: last, follow: this.cursorValue.follow, reason: this.cursorValue.follow ? 'follow' : 'load' };
    this.reflectCursor();
    this.emit(new FlussTimeChangeEvent(last, this.cursorValue.follow, this.cursorValue.reason));
  }

  /** Publishes store changes to the views once per animation frame. */
  private scheduleFrame(): void {
    if (this.frame || this.frameTimer !== undefined) return;
    const flush = () => {
      cancelAnimationFrame(this.frame);
      clearTimeout(this.frameTimer);
      this.frame = 0;
      this.frameTimer = undefined;
      this.flush();
    };
    // rAF does not run in hidden documents; the timer keeps a background tab's state current.
    this.frame = requestAnimationFrame(flush);
    this.frameTimer = setTimeout(flush, 250);
  }

  private flush(): void {
    const v = this.runValue;
    const added = this.pendingAdded;
    this.pendingAdded = 0;
    this.runValue = this.makeValue(v.store, v.run, v.workflow, v.state, v.live);
    if (this.cursorValue.follow || (this.cursorValue.reason === 'load' && v.state !== 'loading')) this.moveToLatest();
    const status = v.run?.status ?? null;
    const outcome = runOutcome(v.store, v.run);
    if (added > 0 || status !== this.lastStatus || outcome !== this.lastOutcome) {
      this.lastStatus = status;
      this.lastOutcome = outcome;
      this.emit(
        new FlussRunUpdateEvent({
          runId: v.run?.id ?? this.runId,
          status,
          outcome,
          eventCount: eventCount(v.store),
          added,
          latestT: latestT(v.store),
        }),
      );
    }
  }
}
