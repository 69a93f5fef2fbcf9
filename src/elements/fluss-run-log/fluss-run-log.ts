/**
 * <fluss-run-log>: the event log of a run. Owns the filter toolbar (time range, nodes, kinds with
 * counts, text), the windowed grid of events (row-window.ts), keyboard navigation, selection linked to the
 * run's cursor and graph, the causality trace, export, and mirroring its view in the URL hash.
 * Filtering is done by the pure engine in filter-engine.ts; values become text in value-text.ts.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { consume } from '@lit/context';
import { runContext, type RunContextValue, type RunLoadState } from '../../context/run-context.js';
import { cursorContext, type RunCursor } from '../../context/cursor-context.js';
import { selectionContext, type RunSelection } from '../../context/selection-context.js';
import { filtersContext, type RunFilters } from '../../context/filters-context.js';
import { runControlContext, type RunControl } from '../../context/run-control-context.js';
import { FlussErrorEvent, type FlussErrorDetail } from '../../events/fluss-error.js';
import { FlussEventSelectEvent } from '../../events/fluss-event-select.js';
import type { Run, RunEvent, RunEventKind, Workflow, WorkflowNode } from '../../model/types.js';
import { RunStore } from '../../model/run-store.js';
import { themeTokens } from '../../theming/tokens.js';
import { RunSource, type RunSourceHost } from '../fluss-run/run-source.js';
import { EVENT_KINDS, EventFilterEngine, NO_FILTER, isEmptyFilter, lastIndexAtOrBefore, type EventFilter } from './filter-engine.js';
import { previewLine, valueText, zipValueTexts } from './value-text.js';
import { traceCauses } from './causes.js';
import { eventsToCsv, eventsToJson } from './export.js';
import { readViewState, writeViewState } from './url-state.js';
import { RowHeights, type RowWindow } from './row-window.js';
import { cssomStyle } from '../../render/cssom-style.js';
import { runLogStyles } from './styles.js';

const KIND_ICON: Readonly<Record<RunEventKind, string>> = { NEXT: '▶', ERROR: '✕', COMPLETE: '✓', UNKNOWN: '?' };
const KIND_TEXT: Readonly<Record<RunEventKind, string>> = { NEXT: 'Next', ERROR: 'Error', COMPLETE: 'Complete', UNKNOWN: 'Unknown' };

/** Readable names of node kinds, shown next to node titles. */
const NODE_KIND_TEXT: ReadonlyMap<string, string> = new Map([
  ['args', 'inputs'],
  ['returns', 'outputs'],
  ['kwargs', 'kwargs'],
  ['rekuest-map', 'action'],
  ['rekuest-filter', 'filter'],
  ['reactive', 'reactive'],
  ['agent-subflow', 'sub-flow'],
  ['local', 'local action'],
  ['subgraph', 'sub-flow'],
]);

/** Delay of batched URL-hash writes (ms). */
const HASH_WRITE_DELAY_MS = 200;

/** One engine per store, so several logs on one run share the indexes and the text cache. */
const engines = new WeakMap<RunStore, EventFilterEngine>();
function engineFor(store: RunStore): EventFilterEngine {
  let e = engines.get(store);
  if (!e) engines.set(store, (e = new EventFilterEngine(store)));
  return e;
}

/** Rows rendered above and below the visible ones (keeps small scrolls from re-rendering). */
const OVERSCAN_ROWS = 8;
/** Height assumed for an expanded row until it has been measured. */
const EXPANDED_ESTIMATE_PX = 160;
/** Height assumed for the list before the first resize observation. */
const VIEW_ESTIMATE_PX = 800;

function formatRelative(ms: number): string {
  const sign = ms < 0 ? '−' : '+';
  const a = Math.abs(ms);
  if (a < 60_000) return `${sign}${(a / 1000).toFixed(3)} s`;
  const m = Math.floor(a / 60_000);
  const s = ((a % 60_000) / 1000).toFixed(1).padStart(4, '0');
  if (m < 60) return `${sign}${m} m ${s} s`;
  return `${sign}${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} m`;
}

function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 23);
}

/**
 * The event log of a Fluss run: a virtualized grid of events (logical t, wall time relative and
 * absolute, node title and kind, handle, kind badge, values zipped with port keys, exception)
 * with filters by time range (t or wall clock), nodes, kinds (with live counts) and free text.
 *
 * Inside a `<fluss-run>` it shares the run's store, cursor, selection and filters: selecting an
 * event moves the cursor to its t and selects its node on the graph; selecting a node on the graph
 * filters the log to it (deselecting clears that filter); the timeline's brush sets the time range;
 * the row at the cursor is marked. Alone it loads its own run from `run-id` (through a
 * `<fluss-provider>`), `src` or `.events`.
 *
 * Keyboard: Up/Down/Home/End/PageUp/PageDown move the selection, Enter expands a row, `c` shows
 * the causes of the selected event, Escape clears the trace, `/` focuses the search.
 *
 * @tagname fluss-run-log
 * @summary Filterable, virtualized event log of a run, linked to the graph and the timeline.
 *
 * @fires fluss-event-select - An event was selected or the selection cleared (`FlussEventSelectEvent`).
 * @fires fluss-error - Loading a standalone log failed (`FlussErrorEvent`).
 *
 * @csspart toolbar - The filter toolbar.
 * @csspart search - The free-text search field.
 * @csspart kinds - The group of kind toggles.
 * @csspart nodes - The node picker (a disclosure with a searchable list).
 * @csspart range - The time-range inputs.
 * @csspart grid - The grid (header and rows).
 * @csspart row - Every event row.
 * @csspart badge - The kind badge of a row.
 * @csspart detail - The expanded part of a row.
 * @csspart empty - The message shown when nothing passes the filter.
 *
 * @cssprop --fluss-run-log-row-height - Height of a collapsed row (default 28px).
 * @cssprop --fluss-run-log-columns - `grid-template-columns` of the rows.
 * @cssprop --fluss-run-log-next-color - Colour of NEXT badges.
 * @cssprop --fluss-run-log-error-color - Colour of ERROR badges and exceptions.
 * @cssprop --fluss-run-log-complete-color - Colour of COMPLETE badges.
 * @cssprop --fluss-run-log-cause-color - Mark of rows in a causality trace.
 * @cssprop --fluss-color-selection - Global token: selection colour.
 */
export class FlussRunLogElement extends LitElement implements RunSourceHost {
  static override styles = [themeTokens, runLogStyles];

  /** Id of a run on the Fluss server of the enclosing `<fluss-provider>` (standalone use). */
  @property({ attribute: 'run-id', reflect: true }) runId: string | null = null;

  /** URL of a recorded run export (standalone use). */
  @property() src: string | null = null;

  /** The run record given directly (standalone use, with `.events`). */
  @property({ attribute: false }) run: Run | null = null;

  /** The run's events given directly (standalone use; current or legacy shape). */
  @property({ attribute: false }) events: readonly unknown[] | null = null;

  /** The flow the events belong to, for node titles and port keys (standalone use). */
  @property({ attribute: false }) flow: Workflow | null = null;

  /** Keep the newest event in view while events arrive. */
  @property({ type: Boolean, reflect: true }) follow = false;

  /**
   * Mirror the filter, the cursor and the selected event in the URL hash, and restore them from
   * it. The value is the key prefix in the hash (default `log`), so several logs can coexist.
   */
  @property({ attribute: 'sync-url' }) syncUrl: string | null = null;

  /** Axis of the time-range inputs: logical `t` or `wall` clock. */
  @property({ attribute: 'time-axis', reflect: true }) timeAxis: 't' | 'wall' = 't';

  /** Colour scheme: follows `prefers-color-scheme` unless `light` or `dark`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | null = null;

  /** Load state of a standalone log (informational). */
  @property({ attribute: 'data-state', reflect: true }) state: RunLoadState = 'idle';

  @consume({ context: runContext, subscribe: true }) @state() private runCtx?: RunContextValue;
  @consume({ context: cursorContext, subscribe: true }) @state() private cursorCtx?: RunCursor;
  @consume({ context: selectionContext, subscribe: true }) @state() private selectionCtx?: RunSelection;
  @consume({ context: filtersContext, subscribe: true }) @state() private filtersCtx?: RunFilters;
  @consume({ context: runControlContext, subscribe: true }) @state() private control?: RunControl;

  @state() private localFilter: EventFilter = NO_FILTER;
  @state() private localSelection: RunSelection = { nodeId: null, eventId: null };
  @state() private localCursor: number | null = null;
  @state() private expanded = new Set<string>();
  @state() private nodeQuery = '';
  @state() private localRevision = 0;

  @query('.body') private bodyEl!: HTMLElement;
  @query('input[part="search"]') private searchEl!: HTMLInputElement;

  #localStore = new RunStore();
  #source: RunSource | null = null;
  #filtered: RunEvent[] = [];
  #memo: { store: RunStore | null; version: number; size: number; filter: EventFilter | null } = { store: null, version: -1, size: -1, filter: null };
  #counts = new Map<RunEventKind, number>();
  #ownNodeSelect: string | null | undefined = undefined;
  #lastSelectedNode: string | null = null;
  #graphNodeFilter: string | null = null;
  #writtenHash: string | null = null;
  #hashRestored = false;
  #frame = 0;
  #standaloneConfigured = false;
  #lastFollowLength = -1;
  #lastCursor: RunCursor | undefined;
  #warmTimer: ReturnType<typeof setTimeout> | undefined;
  #hashTimer: ReturnType<typeof setTimeout> | undefined;
  // windowed list: fixed row height (measured from a rendered row), measured expanded rows
  #rowHeight = 28;
  #rowHeightMeasured = false;
  #expandedHeights = new Map<string, number>();
  #scrollTop = 0;
  #viewHeight = 0;
  #window: RowWindow = { start: 0, end: 0, top: 0, bottom: 0 };
  #heights: RowHeights = new RowHeights(0, 28);
  #resizeObserver: ResizeObserver | null = null;
  #observed: Element | null = null;

  // ---- public API --------------------------------------------------------------------------

  /** The filter (shared with the run when inside a `<fluss-run>`). Setting it replaces it. */
  get filter(): EventFilter {
    return this.filtersCtx && this.control ? this.filtersCtx : this.localFilter;
  }

  set filter(value: EventFilter) {
    const f: EventFilter = Object.freeze({ ...NO_FILTER, ...value });
    if (this.filtersCtx && this.control) this.control.setFilters(f);
    else {
      const old = this.localFilter;
      this.localFilter = f;
      this.requestUpdate('filter', old);
    }
  }

  /** The events that pass the filter, in (t, id) order (read-only). */
  get filtered(): readonly RunEvent[] {
    this.#refilter();
    return this.#filtered;
  }

  /** The store the log shows: the run's, or its own when standalone. */
  get store(): RunStore {
    return this.runCtx?.store ?? this.#localStore;
  }

  /** Id of the selected event, or null. */
  get selectedEventId(): string | null {
    return this.#selection().eventId;
  }

  /** The cursor (logical t) the log marks, or null. */
  get cursor(): number | null {
    return this.cursorCtx ? this.cursorCtx.t : this.localCursor;
  }

  /** Events highlighted by the last "show causes". */
  get highlightedEventIds(): ReadonlySet<string> {
    return this.#selection().highlightedEventIds ?? new Set();
  }

  /** Selects an event by id (null clears): moves the cursor to its t and selects its node. */
  selectEvent(eventId: string | null): void {
    const e = eventId === null ? undefined : this.store.get(eventId);
    if (eventId !== null && !e) return;
    const nodeId = e?.source ?? null;
    const clearTrace = { highlightedEventIds: undefined, highlightedEdgeIds: undefined };
    if (this.runCtx && this.control) {
      this.#ownNodeSelect = nodeId;
      this.control.select(e ? { eventId: e.id, nodeId, ...clearTrace } : { eventId: null, ...clearTrace });
      if (e) this.control.setCursor(e.t, 'select');
    } else {
      this.localSelection = { nodeId, eventId: e?.id ?? null };
      if (e) this.localCursor = e.t;
    }
    const selected = new FlussEventSelectEvent(e?.id ?? null, e?.t ?? null, nodeId);
    this.dispatchEvent(selected);
    if (e) void this.#scrollToEvent(e.id);
  }

  /** Highlights the events `eventId` came from (through causedBy) here and their edges on the graph. */
  showCauses(eventId: string): void {
    const e = this.store.get(eventId);
    if (!e) return;
    const trace = traceCauses(this.store, e);
    if (this.runCtx && this.control) {
      this.#ownNodeSelect = e.source;
      this.control.select({ eventId: e.id, nodeId: e.source, highlightedEventIds: trace.eventIds, highlightedEdgeIds: trace.edgeIds });
    } else {
      this.localSelection = { nodeId: e.source, eventId: e.id, highlightedEventIds: trace.eventIds, highlightedEdgeIds: trace.edgeIds };
    }
  }

  /** Clears the causality trace. */
  clearCauses(): void {
    if (this.runCtx && this.control) this.control.select({ highlightedEventIds: undefined, highlightedEdgeIds: undefined });
    else this.localSelection = { nodeId: this.localSelection.nodeId, eventId: this.localSelection.eventId };
  }

  /** Clears every filter condition. */
  clearFilters(): void {
    this.#graphNodeFilter = null;
    this.filter = NO_FILTER;
  }

  /** The filtered events as JSON text. */
  exportJson(): string {
    return eventsToJson(this.filtered);
  }

  /** The filtered events as CSV text (formula-injection safe). */
  exportCsv(): string {
    return eventsToCsv(this.filtered, (id) => this.#nodeTitle(id));
  }

  // ---- RunSourceHost (standalone loading) ------------------------------------------------------

  /** @internal */
  sourceReset(): void {
    this.#localStore = new RunStore();
    this.localCursor = null;
    this.localSelection = { nodeId: null, eventId: null };
    this.localRevision++;
  }

  /** @internal */
  get sourceStore(): RunStore {
    return this.#localStore;
  }

  /** @internal */
  sourceEventsAdded(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.localRevision++;
    });
  }

  /** @internal */
  sourceRunChanged(run: Run | null, workflow: Workflow | null): void {
    const wf = workflow ?? run?.flow ?? null;
    if (wf !== this.#localStore.workflow) this.#localStore.setWorkflow(wf);
    if (run) this.#localStore.setStatus(run.status);
    this.localRevision++;
  }

  /** @internal */
  sourceStateChanged(state: RunLoadState): void {
    this.state = state;
    this.localRevision++;
  }

  /** @internal */
  sourceError(detail: FlussErrorDetail): void {
    const error = new FlussErrorEvent(detail);
    this.dispatchEvent(error);
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onHostKeydown);
    window.addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onHostKeydown);
    window.removeEventListener('hashchange', this.#onHashChange);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#resizeObserver?.disconnect();
    this.#observed = null;
    clearTimeout(this.#warmTimer);
    this.#warmTimer = undefined;
    if (this.#hashTimer !== undefined && this.syncUrl !== null) this.#writeHash();
    clearTimeout(this.#hashTimer);
    this.#hashTimer = undefined;
  }

  /**
   * Someone is about to search: fill the search-text cache in short slices between frames, so
   * the first search over a long run is not one long task.
   */
  #warmSearch(): void {
    if (this.#warmTimer !== undefined) return;
    const step = (): void => {
      this.#warmTimer = undefined;
      if (!this.isConnected) return;
      if (!engineFor(this.store).warmText(6)) this.#warmTimer = setTimeout(step, 16);
    };
    this.#warmTimer = setTimeout(step, 0);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const standalone = this.runCtx === undefined;
    if (standalone && (changed.has('run') || changed.has('events') || changed.has('src') || changed.has('runId') || changed.has('flow') || !this.#standaloneConfigured)) {
      if (this.run || this.events || this.src || this.runId || this.flow) {
        this.#source ??= new RunSource(this);
        this.#standaloneConfigured = true;
        this.#source.configure({ run: this.run, events: this.events, flow: this.flow, src: this.src, runId: this.runId });
      }
    }
    if (!this.#hashRestored && this.syncUrl !== null && (standalone || this.control)) {
      this.#hashRestored = true;
      this.#restoreFromHash();
    }
    this.#followGraphSelection();
    this.#refilter();
  }

  protected override updated(): void {
    this.#measureRows();
    if (this.follow && this.#filtered.length !== this.#lastFollowLength && this.#filtered.length > 0) {
      this.#lastFollowLength = this.#filtered.length;
      void this.#scrollToIndex(this.#filtered.length - 1);
    } else if (!this.follow && this.cursorCtx && this.cursorCtx !== this.#lastCursor) {
      // the cursor moved elsewhere (timeline scrub, playback, step): bring its row into view
      // (not on load: a run that opens with its cursor at the end shows its log from the top)
      const moved = this.#lastCursor !== undefined && this.cursorCtx.t !== this.#lastCursor.t && this.cursorCtx.reason !== 'select' && this.cursorCtx.reason !== 'load';
      this.#lastCursor = this.cursorCtx;
      const i = this.#cursorIndex();
      if (moved && i >= 0) void this.#scrollToIndex(i);
    }
    if (this.syncUrl !== null && this.#hashRestored) this.#scheduleHashWrite();
  }

  /** Hash writes are batched (playback moves the cursor every frame; Safari limits replaceState). */
  #scheduleHashWrite(): void {
    if (this.#hashTimer !== undefined) return;
    this.#hashTimer = setTimeout(() => {
      this.#hashTimer = undefined;
      if (this.isConnected && this.syncUrl !== null) this.#writeHash();
    }, HASH_WRITE_DELAY_MS);
  }

  // ---- internals: state --------------------------------------------------------------------------

  #selection(): RunSelection {
    return this.runCtx && this.selectionCtx ? this.selectionCtx : this.localSelection;
  }

  /** Recomputes `filtered` and the kind counts when the store or the filter changed. */
  #refilter(): void {
    const store = this.store;
    const filter = this.filter;
    const m = this.#memo;
    if (m.store === store && m.version === store.version && m.size === store.size && m.filter === filter) return;
    const engine = engineFor(store);
    this.#filtered = engine.query(filter);
    this.#counts = engine.countKinds(filter, this.#filtered);
    this.#memo = { store, version: store.version, size: store.size, filter };
  }

  /** A node selected on the graph filters the log to it; clearing that selection clears the filter. */
  #followGraphSelection(): void {
    if (!this.runCtx || !this.selectionCtx || !this.control) return;
    const nodeId = this.selectionCtx.nodeId;
    if (nodeId === this.#lastSelectedNode) return;
    this.#lastSelectedNode = nodeId;
    if (this.#ownNodeSelect !== undefined && nodeId === this.#ownNodeSelect) {
      this.#ownNodeSelect = undefined;
      return;
    }
    this.#ownNodeSelect = undefined;
    const f = this.filter;
    if (nodeId !== null) {
      this.#graphNodeFilter = nodeId;
      if (!(f.nodeIds.size === 1 && f.nodeIds.has(nodeId))) this.filter = { ...f, nodeIds: new Set([nodeId]) };
    } else if (this.#graphNodeFilter !== null) {
      const g = this.#graphNodeFilter;
      this.#graphNodeFilter = null;
      if (f.nodeIds.size === 1 && f.nodeIds.has(g)) this.filter = { ...f, nodeIds: new Set() };
    }
  }

  #setFilterPart(part: Partial<EventFilter>): void {
    this.filter = { ...this.filter, ...part };
  }

  // ---- internals: URL hash -----------------------------------------------------------------------

  #prefix(): string {
    return this.syncUrl && /^[A-Za-z0-9_-]+$/.test(this.syncUrl) ? this.syncUrl : 'log';
  }

  #restoreFromHash(): void {
    const s = readViewState(location.hash, this.#prefix());
    if (!s) return;
    this.filter = s.filter;
    if (s.cursor !== null) {
      if (this.control) this.control.setCursor(s.cursor, 'user');
      else this.localCursor = s.cursor;
    }
    if (s.eventId !== null) {
      if (this.control) this.control.select({ eventId: s.eventId });
      else this.localSelection = { ...this.localSelection, eventId: s.eventId };
    }
  }

  #writeHash(): void {
    const next = writeViewState(location.hash, this.#prefix(), { filter: this.filter, cursor: this.cursor, eventId: this.selectedEventId });
    const current = location.hash.startsWith('#') ? location.hash.slice(1) : location.hash;
    if (next === current) return;
    this.#writtenHash = next;
    history.replaceState(history.state, '', `${location.pathname}${location.search}${next === '' ? '' : `#${next}`}`);
  }

  readonly #onHashChange = (): void => {
    if (this.syncUrl === null) return;
    const current = location.hash.startsWith('#') ? location.hash.slice(1) : location.hash;
    if (current === this.#writtenHash) return;
    this.#restoreFromHash();
  };

  // ---- internals: labels -------------------------------------------------------------------------

  #node(id: string): WorkflowNode | undefined {
    const wf = this.store.workflow;
    return wf ? this.#nodeMap(wf).get(id) : undefined;
  }

  #nodeMaps = new WeakMap<Workflow, Map<string, WorkflowNode>>();
  #nodeMap(wf: Workflow): Map<string, WorkflowNode> {
    let m = this.#nodeMaps.get(wf);
    if (!m) this.#nodeMaps.set(wf, (m = new Map(wf.nodes.map((n) => [n.id, n]))));
    return m;
  }

  #nodeTitle(id: string): string {
    return this.#node(id)?.title ?? id;
  }

  #nodeKindText(id: string): string {
    const n = this.#node(id);
    return n ? (NODE_KIND_TEXT.get(n.kind) ?? n.kind) : 'unknown node';
  }

  #portKeys(e: RunEvent): string[] {
    return (this.store.portsFor(e) ?? []).map((p) => p.key);
  }

  /** Node ids for the picker: the workflow's, then sources that are not in it. */
  #nodeChoices(): string[] {
    const ids: string[] = [];
    const seen = new Set<string>();
    for (const n of this.store.workflow?.nodes ?? []) {
      if (n.kind === 'agent-subflow') continue;
      seen.add(n.id);
      ids.push(n.id);
    }
    // filtered node ids that are not in the flow stay listed so they can be unticked
    for (const id of this.filter.nodeIds) {
      if (seen.has(id)) continue;
      seen.add(id);
      ids.push(id);
    }
    return ids;
  }

  // ---- internals: scrolling and keyboard ---------------------------------------------------------

  /**
   * Brings row `i` into view inside the log only (never scrolls the page): a row in the rendered
   * window is nudged into the visible band; a row further away is centred (the last one at the
   * end). The list is windowed, so this sets `scrollTop` from the row geometry.
   */
  async #scrollToIndex(i: number): Promise<void> {
    await this.updateComplete;
    const body = this.bodyEl;
    if (!body || !this.#filtered[i]) return;
    const h = this.#heights;
    const top = h.offsetOf(i);
    const height = h.heightOf(i);
    const view = body.clientHeight;
    const st = body.scrollTop;
    let next = st;
    if (i >= this.#window.start && i < this.#window.end && top + height > st - 4 * this.#rowHeight && top < st + view + 4 * this.#rowHeight) {
      if (top < st) next = top;
      else if (top + height > st + view) next = Math.min(top + height - view, top);
    } else {
      next = i === this.#filtered.length - 1 ? h.total - view : top - (view - height) / 2;
    }
    next = Math.max(0, Math.min(next, h.total - view));
    if (Math.abs(next - st) < 0.5) return;
    body.scrollTop = next;
    this.#onBodyScroll();
    await this.updateComplete;
  }

  /** The list scrolled: re-render when the visible rows leave the rendered window. */
  readonly #onBodyScroll = (): void => {
    const body = this.bodyEl;
    if (!body) return;
    this.#scrollTop = body.scrollTop;
    if (!this.#covers()) this.requestUpdate();
  };

  /** Whether the rendered window covers the rows visible now. */
  #covers(): boolean {
    const h = this.#heights;
    if (h.count === 0) return true;
    const view = this.#viewHeight || VIEW_ESTIMATE_PX;
    const first = h.indexAt(this.#scrollTop);
    const last = h.indexAt(this.#scrollTop + view - 1);
    const w = this.#window;
    return first >= w.start && (last < w.end || w.end === h.count);
  }

  /** Row geometry of the current filtered list (expanded rows add their measured height). */
  #rowGeometry(): RowHeights {
    const extras: [number, number][] = [];
    for (const id of this.expanded) {
      const i = this.#indexOf(id);
      if (i >= 0) extras.push([i, (this.#expandedHeights.get(id) ?? this.#rowHeight + EXPANDED_ESTIMATE_PX) - this.#rowHeight]);
    }
    return new RowHeights(this.#filtered.length, this.#rowHeight, extras);
  }

  /**
   * After a render: observes the list's height, measures the fixed row height once and every
   * expanded row; re-renders when a measurement moved the rows.
   */
  #measureRows(): void {
    const body = this.bodyEl;
    if (!body) return;
    if (this.#observed !== body) {
      this.#resizeObserver ??= new ResizeObserver((entries) => {
        const height = entries[entries.length - 1]!.contentRect.height;
        // A resize may come with new row metrics (theme, font) or rewrapped expanded rows.
        this.#rowHeightMeasured = false;
        if (height !== this.#viewHeight || this.expanded.size > 0) {
          this.#viewHeight = height;
          this.requestUpdate();
        }
      });
      this.#resizeObserver.disconnect();
      this.#resizeObserver.observe(body);
      this.#observed = body;
    }
    let changed = false;
    if (!this.#rowHeightMeasured) {
      const row = body.querySelector<HTMLElement>('.row:not([data-expanded])');
      const height = row?.offsetHeight ?? 0;
      if (height > 0) {
        this.#rowHeightMeasured = true;
        if (height !== this.#rowHeight) {
          this.#rowHeight = height;
          changed = true;
        }
      }
    }
    for (const id of this.#expandedHeights.keys()) if (!this.expanded.has(id)) this.#expandedHeights.delete(id);
    if (this.expanded.size > 0) {
      for (const row of body.querySelectorAll<HTMLElement>('.row[data-expanded]')) {
        const id = row.dataset['eventId'];
        const height = row.offsetHeight;
        if (id === undefined || height <= 0 || this.#expandedHeights.get(id) === height) continue;
        this.#expandedHeights.set(id, height);
        changed = true;
      }
    }
    if (changed) this.requestUpdate();
  }

  async #scrollToEvent(id: string): Promise<void> {
    await this.updateComplete;
    const i = this.#indexOf(id);
    if (i >= 0) await this.#scrollToIndex(i);
  }

  /** Index of an event in `filtered` (binary search by (t, id)), -1 when filtered out. */
  #indexOf(id: string): number {
    const e = this.store.get(id);
    if (!e) return -1;
    const arr = this.#filtered;
    let i = lastIndexAtOrBefore(arr, e.t);
    while (i >= 0 && arr[i]!.t === e.t) {
      if (arr[i]!.id === id) return i;
      i--;
    }
    return -1;
  }

  /** Scrolling up by hand stops following the newest event. */
  #onWheel(ev: WheelEvent): void {
    if (this.follow && ev.deltaY < 0) this.follow = false;
  }

  readonly #onHostKeydown = (ev: KeyboardEvent): void => {
    if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const target = ev.composedPath()[0] as HTMLElement | undefined;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
    ev.preventDefault();
    this.searchEl?.focus();
  };

  #onGridKeydown(ev: KeyboardEvent): void {
    const arr = this.#filtered;
    if (arr.length === 0) return;
    const cur = this.selectedEventId === null ? -1 : this.#indexOf(this.selectedEventId);
    let next = -2;
    switch (ev.key) {
      case 'ArrowDown':
        next = cur < 0 ? 0 : Math.min(arr.length - 1, cur + 1);
        break;
      case 'ArrowUp':
        next = cur < 0 ? arr.length - 1 : Math.max(0, cur - 1);
        break;
      case 'PageDown':
        next = Math.min(arr.length - 1, Math.max(0, cur) + 10);
        break;
      case 'PageUp':
        next = Math.max(0, cur - 10);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = arr.length - 1;
        break;
      case 'Enter':
      case ' ':
        if (cur >= 0) this.#toggleExpanded(arr[cur]!.id);
        ev.preventDefault();
        return;
      case 'c':
        if (cur >= 0) this.showCauses(arr[cur]!.id);
        return;
      case 'Escape':
        this.clearCauses();
        return;
      default:
        return;
    }
    ev.preventDefault();
    if (next >= 0 && next !== cur) this.selectEvent(arr[next]!.id);
  }

  #toggleExpanded(id: string): void {
    const next = new Set(this.expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.expanded = next;
  }

  #download(kind: 'json' | 'csv'): void {
    const text = kind === 'json' ? this.exportJson() : this.exportCsv();
    const blob = new Blob([text], { type: kind === 'json' ? 'application/json' : 'text/csv' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    const base = (this.runCtx?.run?.id ?? this.run?.id ?? 'run').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
    a.href = url;
    a.download = `${base}-events.${kind}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // ---- rendering ---------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const filtered = this.#filtered;
    const total = this.store.size;
    // One inner frame holds the layout, so a page rule such as `fluss-run > * { display: block }`
    // on the host cannot collapse the list: the frame fills whatever height the host has.
    return html`<div class="frame">
      ${this.#renderToolbar(filtered.length, total)}
      <div
        class="grid"
        part="grid"
        role="grid"
        tabindex="0"
        aria-label="Run events"
        aria-rowcount=${filtered.length + 1}
        aria-colcount="6"
        aria-activedescendant=${this.#activeDescendant() ?? nothing}
        @keydown=${this.#onGridKeydown}
      >
        <div class="head" role="rowgroup">
          <div class="row" role="row" aria-rowindex="1">
            <span role="columnheader">t</span>
            <span role="columnheader">Time</span>
            <span role="columnheader">Node</span>
            <span role="columnheader">Kind</span>
            <span role="columnheader">Handle</span>
            <span role="columnheader">Value</span>
          </div>
        </div>
        ${filtered.length === 0
          ? html`<div class="empty" part="empty" role="row"><span role="gridcell">${total === 0 ? 'No events yet.' : 'No event matches the filter.'}</span></div>`
          : nothing}
        ${this.#renderBody(filtered)}
      </div>
    </div>`;
  }

  /** The rows in view (plus overscan) between two spacers that hold the scroll height. */
  #renderBody(filtered: readonly RunEvent[]): TemplateResult {
    const h = (this.#heights = this.#rowGeometry());
    const w = (this.#window = h.window(this.#scrollTop, this.#viewHeight || VIEW_ESTIMATE_PX, OVERSCAN_ROWS));
    const rowsInView: TemplateResult[] = [];
    for (let i = w.start; i < w.end; i++) rowsInView.push(this.#renderRow(filtered[i]!, i));
    return html`<div class="body" role="rowgroup" @wheel=${this.#onWheel} @scroll=${this.#onBodyScroll}>
      <div class="spacer" aria-hidden="true" style=${cssomStyle(`height: ${w.top}px`)}></div>
      ${rowsInView}
      <div class="spacer" aria-hidden="true" style=${cssomStyle(`height: ${w.bottom}px`)}></div>
    </div>`;
  }

  #activeDescendant(): string | undefined {
    const id = this.selectedEventId;
    if (id === null) return undefined;
    const i = this.#indexOf(id);
    return i >= 0 ? `row-${i}` : undefined;
  }

  #renderToolbar(shown: number, total: number): TemplateResult {
    const f = this.filter;
    const choices = this.#nodeChoices();
    const q = this.nodeQuery.trim().toLowerCase();
    const visibleChoices = q === '' ? choices : choices.filter((id) => `${this.#nodeTitle(id)} ${this.#nodeKindText(id)} ${id}`.toLowerCase().includes(q));
    const startMs = this.#startMs();
    return html`<div class="toolbar" part="toolbar" role="toolbar" aria-label="Event filters">
      <input
        part="search"
        type="search"
        placeholder="Search  ( / )"
        aria-label="Search values and errors"
        .value=${f.text}
        @focus=${() => this.#warmSearch()}
        @input=${(ev: Event) => this.#setFilterPart({ text: (ev.target as HTMLInputElement).value })}
      />
      <span part="kinds" role="group" aria-label="Kinds">
        ${EVENT_KINDS.filter((k) => k !== 'UNKNOWN' || (this.#counts.get('UNKNOWN') ?? 0) > 0).map(
          (k) => html`<button
            type="button"
            data-kind=${k}
            aria-pressed=${f.kinds.has(k) ? 'true' : 'false'}
            @click=${() => {
              const kinds = new Set(f.kinds);
              if (kinds.has(k)) kinds.delete(k);
              else kinds.add(k);
              this.#setFilterPart({ kinds });
            }}
          >
            <span aria-hidden="true">${KIND_ICON[k]}</span> ${KIND_TEXT[k]} <span class="count" data-count=${k}>${this.#counts.get(k) ?? 0}</span>
          </button>`,
        )}
      </span>
      <details class="nodes" part="nodes">
        <summary>Nodes${f.nodeIds.size > 0 ? ` (${f.nodeIds.size})` : ': all'}</summary>
        <div class="menu" role="group" aria-label="Nodes">
          <input type="search" placeholder="Find a node" aria-label="Find a node" .value=${this.nodeQuery} @input=${(ev: Event) => (this.nodeQuery = (ev.target as HTMLInputElement).value)} />
          ${visibleChoices.map(
            (id) => html`<label
              ><input
                type="checkbox"
                data-node-id=${id}
                .checked=${f.nodeIds.has(id)}
                @change=${(ev: Event) => {
                  const ids = new Set(this.filter.nodeIds);
                  if ((ev.target as HTMLInputElement).checked) ids.add(id);
                  else ids.delete(id);
                  this.#setFilterPart({ nodeIds: ids });
                }}
              />${this.#nodeTitle(id)} <small>${this.#nodeKindText(id)}</small></label
            >`,
          )}
        </div>
      </details>
      <span class="range" part="range" role="group" aria-label="Time range">
        <select aria-label="Time axis" @change=${(ev: Event) => (this.timeAxis = (ev.target as HTMLSelectElement).value === 'wall' ? 'wall' : 't')}>
          <option value="t" ?selected=${this.timeAxis === 't'}>t</option>
          <option value="wall" ?selected=${this.timeAxis === 'wall'} ?disabled=${startMs === null}>wall clock</option>
        </select>
        ${this.timeAxis === 'wall' && startMs !== null ? this.#renderWallInputs() : this.#renderTInputs()}
      </span>
      <button type="button" data-action="clear" ?disabled=${isEmptyFilter(f)} @click=${() => this.clearFilters()}>Clear all</button>
      <span class="spacer"></span>
      <span class="count" role="status" aria-live="polite">${shown === total ? `${total} events` : `${shown} of ${total} events`}</span>
      <button type="button" data-action="follow" aria-pressed=${this.follow ? 'true' : 'false'} @click=${() => (this.follow = !this.follow)}>Follow</button>
      <button type="button" data-action="export-json" @click=${() => this.#download('json')}>JSON</button>
      <button type="button" data-action="export-csv" @click=${() => this.#download('csv')}>CSV</button>
    </div>`;
  }

  #renderTInputs(): TemplateResult {
    const r = this.filter.timeRange;
    const commit = (which: 'from' | 'to', raw: string): void => {
      const cur = this.filter.timeRange;
      const range = this.store.range();
      const v = raw.trim() === '' ? null : Number(raw);
      let from = which === 'from' ? v : (cur?.from ?? null);
      let to = which === 'to' ? v : (cur?.to ?? null);
      if (from === null && to === null) return this.#setFilterPart({ timeRange: null });
      from ??= range?.min ?? 0;
      to ??= range?.max ?? from;
      if (!Number.isFinite(from) || !Number.isFinite(to)) return;
      this.#setFilterPart({ timeRange: { from: Math.min(from, to), to: Math.max(from, to) } });
    };
    return html`<input type="number" aria-label="From t" placeholder="from" .value=${r ? String(r.from) : ''} @change=${(ev: Event) => commit('from', (ev.target as HTMLInputElement).value)} />
      <input type="number" aria-label="To t" placeholder="to" .value=${r ? String(r.to) : ''} @change=${(ev: Event) => commit('to', (ev.target as HTMLInputElement).value)} />`;
  }

  #renderWallInputs(): TemplateResult {
    const r = this.filter.wallRange ?? null;
    const commit = (which: 'from' | 'to', raw: string): void => {
      const cur = this.filter.wallRange ?? null;
      const v = raw === '' ? null : new Date(raw).getTime();
      const from = which === 'from' ? v : (cur?.from ?? null);
      const to = which === 'to' ? v : (cur?.to ?? null);
      if (from === null && to === null) return this.#setFilterPart({ wallRange: null });
      const a = from ?? Number.NEGATIVE_INFINITY;
      const b = to ?? Number.POSITIVE_INFINITY;
      if (Number.isNaN(a) || Number.isNaN(b)) return;
      this.#setFilterPart({ wallRange: { from: Math.min(a, b), to: Math.max(a, b) } });
    };
    const show = (ms: number | undefined): string => (ms !== undefined && Number.isFinite(ms) ? toLocalInput(ms) : '');
    return html`<input type="datetime-local" step="0.001" aria-label="From time" .value=${show(r?.from)} @change=${(ev: Event) => commit('from', (ev.target as HTMLInputElement).value)} />
      <input type="datetime-local" step="0.001" aria-label="To time" .value=${show(r?.to)} @change=${(ev: Event) => commit('to', (ev.target as HTMLInputElement).value)} />`;
  }

  /** Wall clock of the run's first event (relative times count from it), or null. */
  #startMs(): number | null {
    const first = this.store.events[0];
    if (!first?.createdAt) return null;
    const ms = Date.parse(first.createdAt);
    return Number.isFinite(ms) ? ms : null;
  }

  #cursorIndex(): number {
    const T = this.cursor;
    return T === null ? -1 : lastIndexAtOrBefore(this.#filtered, T);
  }

  #renderRow(e: RunEvent, i: number): TemplateResult {
    const sel = this.#selection();
    const selected = sel.eventId === e.id;
    const cause = sel.highlightedEventIds?.has(e.id) ?? false;
    const atCursor = i === this.#cursorIndex();
    const expanded = this.expanded.has(e.id);
    const startMs = this.#startMs();
    const ms = e.createdAt ? Date.parse(e.createdAt) : Number.NaN;
    const items = e.kind === 'NEXT' ? zipValueTexts(e.value, this.#portKeys(e)) : [];
    const preview = e.kind === 'ERROR' ? (e.exception ?? (typeof e.value === 'string' ? e.value : '')) : previewLine(items);
    const cls = `row${atCursor ? ' at-cursor' : ''}${cause ? ' cause' : ''}`;
    return html`<div
      class=${cls}
      part="row"
      role="row"
      id=${`row-${i}`}
      aria-rowindex=${i + 2}
      aria-selected=${selected ? 'true' : 'false'}
      aria-current=${ifDefined(atCursor ? 'time' : undefined)}
      ?data-expanded=${expanded}
      data-event-id=${e.id}
      data-kind=${e.kind}
      @click=${() => this.selectEvent(e.id)}
      @dblclick=${() => this.#toggleExpanded(e.id)}
    >
      <span role="rowheader" title=${`event ${e.id}`}>${e.t}</span>
      <span role="gridcell" class="wall" title=${e.createdAt ?? ''}>
        ${Number.isFinite(ms) ? html`${startMs !== null ? formatRelative(ms - startMs) : ''}<small>${new Date(ms).toISOString().slice(11, 23)}</small>` : '–'}
      </span>
      <span role="gridcell" class="node" title=${e.source}>${this.#nodeTitle(e.source)}<small>${this.#nodeKindText(e.source)}</small></span>
      <span role="gridcell"
        ><span class="badge" part="badge" data-kind=${e.kind}><span class="icon" aria-hidden="true">${KIND_ICON[e.kind]}</span>${e.kind}</span></span
      >
      <span role="gridcell" class="mono">${e.handle}</span>
      <span role="gridcell" class=${`value ${e.kind === 'ERROR' ? 'exception' : 'mono'}`} title=${preview}
        ><button
          type="button"
          class="expand"
          tabindex="-1"
          aria-label="Details"
          aria-expanded=${expanded ? 'true' : 'false'}
          @click=${(ev: Event) => {
            ev.stopPropagation();
            this.#toggleExpanded(e.id);
          }}
        >
          <span aria-hidden="true">${expanded ? '▾' : '▸'}</span></button
        >${preview}</span
      >
      ${expanded ? this.#renderDetail(e, items) : nothing}
    </div>`;
  }

  #renderDetail(e: RunEvent, items: ReturnType<typeof zipValueTexts>): TemplateResult {
    return html`<div class="detail" part="detail" role="gridcell" @click=${(ev: Event) => ev.stopPropagation()}>
      <dl>
        <dt>id</dt>
        <dd>${e.id}</dd>
        <dt>node</dt>
        <dd>${this.#nodeTitle(e.source)} (${e.source})</dd>
        <dt>caused by t</dt>
        <dd>${e.causedBy.join(', ') || '–'}</dd>
        ${items.map((it) => html`<dt>${it.key}</dt><dd>${it.text}${it.truncated ? ' (truncated)' : ''}</dd>`)}
        ${e.kind !== 'NEXT' && e.value !== null && e.value !== undefined && e.exception === undefined
          ? html`<dt>value</dt><dd>${valueText(e.value).text}</dd>`
          : nothing}
        ${e.exception !== undefined ? html`<dt>exception</dt><dd class="exception">${e.exception}</dd>` : nothing}
      </dl>
      <button type="button" data-action="causes" @click=${() => this.showCauses(e.id)}>Show causes</button>
      <button type="button" data-action="clear-causes" @click=${() => this.clearCauses()}>Clear trace</button>
    </div>`;
  }
}
