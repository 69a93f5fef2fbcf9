/**
 * <fluss-workflow>: draws one Fluss workflow as an interactive, accessible SVG graph.
 * The class wires input, parsing, layout, templates and controllers together; drawing lives in
 * src/render, gestures and navigation in src/interaction, tokens in src/theming.
 */
import { LitElement, html, svg, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Viewport } from '../../interaction/viewport.js';
import { DEFAULT_LIMITS, parseWorkflow, type ParseWorkflowOptions } from '../../model/index.js';
import type { Diagnostic, Workflow, WorkflowEdge, WorkflowNode } from '../../model/types.js';
import { immediateLayout, layoutKey, layoutWorkflow, prewarmLayout, validateLayout, isLayoutError } from '../../layout/index.js';
import type { EdgeRoute, LayoutDirection, LayoutMode, NodeBox, Point, WorkflowLayout } from '../../layout/types.js';
import { FlussErrorEvent, type FlussErrorDetail } from '../../events/fluss-error.js';
import { FlussNodeSelectEvent, type NodeSelectSource } from '../../events/fluss-node-select.js';
import { themeTokens, DEFAULT_FONT_FAMILY, DEFAULT_MONO_FAMILY } from '../../theming/tokens.js';
import { nodeFonts, nodeSizes, nodeViews, type NodeView } from '../../render/node-view.js';
import { renderNode } from '../../render/node.js';
import { renderEdge } from '../../render/edge.js';
import { edgeGeometry, type EdgeGeometry, type EdgeStyle } from '../../render/edge-path.js';
import { handleAt, drawsHandles } from '../../render/handles.js';
import { markerDefs, markerIds, nextInstancePrefix } from '../../render/markers.js';
import { minimapContent } from '../../render/minimap.js';
import { sanitizeStatusMap } from '../../render/status.js';
import { displayText } from '../../render/text.js';
import { streamTypeLabel, portTypeLabel, portName } from '../../render/port-labels.js';
import { exportSvg, svgToPng } from '../../render/svg-export.js';
import type { NodeRenderContext } from '../../render/render-context.js';
import { PanZoomController } from '../../interaction/pan-zoom-controller.js';
import { ResizeController } from '../../interaction/resize-controller.js';
import { LayoutAnimationController } from '../../interaction/layout-animation.js';
import { boundsOf, centerViewport, fitViewport, type Rect } from '../../interaction/fit-view.js';
import { navGraph, nextNode, type NavGraph, type NavKey } from '../../interaction/keyboard-navigation.js';
import { CULL_THRESHOLD, LOW_DETAIL_ZOOM, contains, intersects, visibleCanvasRect, type CanvasRect } from '../../interaction/viewport-culling.js';
import { MINIMAP_HEIGHT, MINIMAP_SIMPLIFY_NODES, MINIMAP_WIDTH, minimapFrame, minimapToCanvas, viewportRect, type MinimapFrame } from '../../interaction/minimap.js';
import { workflowStyles } from './fluss-workflow.styles.js';
import { RunOverlayController } from './run-overlay.js';
import { runOverlayStyles } from '../../render/status/run-overlay.styles.js';
import { fetchSource, inlineJson, loadFlowById, type ResolvedSource } from './workflow-source.js';
import { render as litRender } from 'lit';
import { guard } from 'lit/directives/guard.js';

/** Loading state of the element (reliability contract, section 4). */
export type WorkflowState = 'idle' | 'loading' | 'ready' | 'partial' | 'error';

const DEFAULT_MIN_ZOOM = 0.05;
const DEFAULT_MAX_ZOOM = 2.5;
const ZOOM_STEP = 1.25;
/** Deadline of one auto layout (the layout module terminates the worker when it passes). */
/** Far out (low detail) with more edges than this, edges are drawn as one path per style. */
const MERGE_EDGES_ABOVE = 1500;
const LAYOUT_DEADLINE_MS = 60_000;
/** Fitting never zooms in past this (small graphs stay at a readable 1:1). */
const FIT_MAX_ZOOM = 1;

interface HoveredHandle {
  readonly nodeId: string;
  readonly side: 'in' | 'out';
  readonly index: number;
}

function parseDirection(v: unknown): LayoutDirection {
  return v === 'down' ? 'down' : 'right';
}
function parseMode(v: unknown): LayoutMode {
  return v === 'stored' ? 'stored' : 'auto';
}
function parseEdgeStyle(v: unknown): EdgeStyle {
  return v === 'bezier' || v === 'smoothstep' ? v : 'orthogonal';
}
function finiteOr(v: unknown, fallback: number): number {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

const icon = {
  zoomIn: svg`<path d="M8 3.5v9M3.5 8h9"></path>`,
  zoomOut: svg`<path d="M3.5 8h9"></path>`,
  fit: svg`<path d="M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10"></path>`,
  download: svg`<path d="M8 2.5v8M4.8 7.5 8 10.7l3.2-3.2M3 13.5h10"></path>`,
  target: svg`<circle cx="8" cy="8" r="5"></circle><circle cx="8" cy="8" r="1.5"></circle>`,
  close: svg`<path d="M4 4l8 8M12 4l-8 8"></path>`,
};

/**
 * Draws one Arkitekt Fluss workflow as an interactive, accessible graph: laid out with ELK (in a
 * worker) or from stored positions, with pan and zoom, a minimap, keyboard navigation along
 * edges, selection, search highlight and SVG / PNG export.
 *
 * Input, in order of precedence: the `flow` property, an inline `<script type="application/json">`
 * child, `src`, or `flow-id` (through a `<fluss-provider>`). Every format the spec describes is
 * accepted; parse warnings are in `diagnostics`.
 *
 * @tagname fluss-workflow
 * @summary Draws one Fluss workflow as an interactive, accessible SVG graph.
 *
 * @fires {FlussNodeSelectEvent} fluss-node-select - A node was selected (click, Enter, Space) or the selection cleared (Escape).
 * @fires {FlussErrorEvent} fluss-error - Exactly once per failure or aggregated warning, with a stable `code`.
 *
 * @slot - An optional `<script type="application/json">` holding the workflow (not rendered).
 *
 * @csspart base - The outer wrapper.
 * @csspart pane - The area that receives pan and zoom input.
 * @csspart node - A node group (carries `data-node-id`, `data-kind`, `data-status`).
 * @csspart edge - An edge group (carries `data-edge-id`, `data-source`, `data-target`).
 * @csspart edge-label - An edge's stream label (with `edge-labels`).
 * @csspart handle - A stream handle on a node side.
 * @csspart controls - The zoom / fit / export buttons.
 * @csspart minimap - The minimap.
 * @csspart progress - Shown while the auto layout runs.
 * @csspart tooltip - The port list shown for a hovered or focused handle.
 * @csspart highlight - The match counter shown with `highlight`.
 * @csspart empty - The "No nodes" message.
 * @csspart loading - The loading message.
 * @csspart error - The error message (`role="alert"`).
 * @csspart warnings - The collapsible list of parse and layout warnings.
 *
 * @cssprop --fluss-workflow-height - Height of the element (default 420px).
 * @cssprop --fluss-workflow-background - Canvas background.
 * @cssprop --fluss-node-background - Node fill.
 * @cssprop --fluss-node-border - Node border colour.
 * @cssprop --fluss-edge-stroke - Edge colour.
 * @cssprop --fluss-edge-stroke-width - Edge width.
 * @cssprop --fluss-font-family - Font of every label (also used to measure nodes).
 * @cssprop --fluss-color-canvas - Global token: canvas colour.
 * @cssprop --fluss-color-surface - Global token: surface colour.
 * @cssprop --fluss-color-text - Global token: text colour.
 * @cssprop --fluss-color-accent-action - Global token: accent of action nodes (also -args, -returns, -filter, -reactive, -group, -unknown).
 * @cssprop --fluss-color-selection - Global token: selection colour.
 * @cssprop --fluss-color-focus - Global token: focus ring colour.
 */
export class FlussWorkflow extends LitElement {
  static override styles = [themeTokens, workflowStyles, runOverlayStyles];

  /** The workflow: an object in any supported format, or its JSON text. Takes precedence over every other input. */
  @property({ attribute: false }) flow: unknown = undefined;

  /** URL of a workflow JSON file (fetched without credentials). */
  @property({ reflect: true }) src: string | null = null;

  /** Id of a flow to load through the enclosing `<fluss-provider>`. */
  @property({ attribute: 'flow-id', reflect: true }) flowId: string | null = null;

  /** `auto`: lay out with ELK; `stored`: keep the authored positions. */
  @property({ attribute: 'layout', reflect: true }) layoutMode: LayoutMode = 'auto';

  /** A precomputed layout to draw (no ELK is loaded when it fits the workflow). */
  @property({ attribute: false }) layout: WorkflowLayout | null = null;

  /** Flow direction of the auto layout. */
  @property({ reflect: true }) direction: LayoutDirection = 'right';

  /** Edge drawing: `orthogonal` follows the layout's routes; `bezier` and `smoothstep` are curves between handles. */
  @property({ attribute: 'edge-style', reflect: true }) edgeStyle: EdgeStyle = 'orthogonal';

  /** Show what flows over each edge. */
  @property({ attribute: 'edge-labels', type: Boolean, reflect: true }) edgeLabels = false;

  /** Smallest zoom factor. */
  @property({ attribute: 'min-zoom', type: Number }) minZoom = DEFAULT_MIN_ZOOM;

  /** Largest zoom factor. */
  @property({ attribute: 'max-zoom', type: Number }) maxZoom = DEFAULT_MAX_ZOOM;

  /** Disable panning by dragging. */
  @property({ attribute: 'no-pan', type: Boolean, reflect: true }) noPan = false;

  /** Disable zooming with wheel, pinch and double click. */
  @property({ attribute: 'no-zoom', type: Boolean, reflect: true }) noZoom = false;

  /** Hide the zoom / fit / export buttons. */
  @property({ attribute: 'no-controls', type: Boolean, reflect: true }) noControls = false;

  /** Hide the minimap. */
  @property({ attribute: 'no-minimap', type: Boolean, reflect: true }) noMinimap = false;

  /** Id of the selected node (reflected); null when none. */
  @property({ reflect: true }) selected: string | null = null;

  /** Text to search for: non-matching nodes are dimmed. */
  @property({ reflect: true }) highlight = '';

  /** Force a colour scheme; follows `prefers-color-scheme` when absent. */
  @property({ reflect: true }) theme: 'light' | 'dark' | null = null;

  /** Accessible name of the graph (defaults to the workflow title). */
  @property() label = '';

  /**
   * Largest workflow drawn, in nodes (default 10,000; the edge limit is five times this, at least
   * 50,000). A bigger one reports `GRAPH_TOO_LARGE` and offers a "Draw anyway" button.
   */
  @property({ attribute: 'max-nodes', type: Number }) maxNodes: number | null = null;

  /** Run status per node id (`running`, `completed`, `error`, ...): the run overlay's hook. Drawn as a class, a badge and `data-status`. */
  @property({ attribute: false }) nodeStatus: ReadonlyMap<string, string> | null = null;

  @state() private _state: WorkflowState = 'idle';
  @state() private _workflow: Workflow | null = null;
  @state() private _diagnostics: readonly Diagnostic[] = [];
  @state() private _boxes = new Map<string, NodeBox>();
  @state() private _layoutBusy = false;
  @state() private _error: FlussErrorDetail | null = null;
  @state() private _warnings: readonly FlussErrorDetail[] = [];
  @state() private _hoverHandle: HoveredHandle | null = null;
  @state() private _focusId: string | null = null;
  @state() private _lowDetail = false;
  @state() private _renderRect: CanvasRect | null = null;
  @state() private _announcement = '';
  @state() private _settling = false;
  /** A big graph's minimap waits for the frame after the first paint (see applyLayout). */
  @state() private _minimapHeld = false;
  /** The current error is a node or edge count limit that "Draw anyway" can lift. */
  @state() private _canDrawAnyway = false;

  private readonly idPrefix = nextInstancePrefix();
  private views = new Map<string, NodeView>();
  private finalLayout: WorkflowLayout | null = null;
  /** The layout's edge routes; by id only when an orthogonal edge needs one (see routeOf). */
  private routes: readonly EdgeRoute[] = [];
  private routesById: Map<string, readonly Point[]> | null = null;
  private nav: NavGraph | null = null;
  private matchIds: Set<string> | null = null;
  private statusMap = new Map<string, string>();
  private loadGeneration = 0;
  private loadAbort: AbortController | null = null;
  private layoutAbort: AbortController | null = null;
  private reported = new Set<string>();
  private needsFit = false;
  private pendingLoad = false;
  private interrupted = false;
  private minimap: MinimapFrame | null = null;
  private minimapBox: SVGRectElement | null = null;
  /** Where the minimap's viewport rectangle was last drawn (pans then only translate the overlay). */
  private minimapDrawn: { frame: MinimapFrame; x: number; y: number; width: number; height: number } | null = null;
  private viewportEl: HTMLElement | null = null;
  private userMovedView = false;
  private transitioning = false;
  private readyResolvers: (() => void)[] = [];
  /** Nodes by id of the current workflow (see nodesById). */
  private nodeIndex: { workflow: Workflow; byId: Map<string, WorkflowNode> } | null = null;
  /** Bounds of the current boxes (see graphBounds). */
  private boundsCache: { boxes: ReadonlyMap<string, NodeBox>; rect: Rect | null } | null = null;
  /** "Draw anyway" was chosen for the current input: no node or edge count limit. */
  private limitsLifted = false;

  private readonly panZoom = new PanZoomController(this, {
    pane: () => this.renderRoot.querySelector<HTMLElement>('.pane'),
    viewportLayer: () => {
      let el = this.viewportEl;
      if (!el || !el.isConnected) el = this.viewportEl = this.renderRoot.querySelector<HTMLElement>('.viewport');
      return el;
    },
    options: () => ({
      minZoom: finiteOr(this.minZoom, DEFAULT_MIN_ZOOM),
      maxZoom: Math.max(finiteOr(this.minZoom, DEFAULT_MIN_ZOOM), finiteOr(this.maxZoom, DEFAULT_MAX_ZOOM)),
      panEnabled: !this.noPan,
      zoomEnabled: !this.noZoom,
    }),
    onViewportChange: (vp, user) => {
      if (user) this.userMovedView = true;
      this.onViewportChange(vp);
    },
  });

  private readonly resize = new ResizeController(
    this,
    () => this.renderRoot.querySelector('.pane'),
    () => {
      // Keep the graph fitted while the element resizes, until someone moves the view.
      if (!this.userMovedView && this._boxes.size > 0) this.needsFit = true;
      this.tryInitialFit();
      this.onViewportChange(this.panZoom.viewport);
    },
  );

  private readonly animation = new LayoutAnimationController(this);
  /** Run status on the graph when inside a <fluss-run> (run-overlay.ts); never re-renders the graph. */
  private readonly runOverlay = new RunOverlayController(this, {
    boxes: () => this._boxes,
    workflow: () => this._workflow,
    onSelect: (id) => {
      if (id !== null && id !== this.selected) this.selected = id;
    },
    onWorkflow: () => {
      if (!this.hasInput() && this.isConnected) this.scheduleLoad();
    },
  });

  /** Loading state: `idle` (no input), `loading`, `ready`, `partial` (drawn with warnings) or `error`. */
  get state(): WorkflowState {
    return this._state;
  }

  /** Parse diagnostics of the current workflow (warnings and errors). */
  get diagnostics(): readonly Diagnostic[] {
    return this._diagnostics;
  }

  /** The normalized workflow being drawn, or null. */
  get workflow(): Workflow | null {
    return this._workflow;
  }

  /** Resolves when the current input has been loaded and laid out (or has failed). */
  get layoutComplete(): Promise<void> {
    return this.updateComplete.then(() => {
      if (!this.isBusy()) return undefined;
      return new Promise<void>((resolve) => this.readyResolvers.push(resolve));
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.pendingLoad || this.interrupted || (this._state === 'idle' && this.hasInput())) {
      this.interrupted = false;
      this.scheduleLoad();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.loadAbort || this.layoutAbort || this._state === 'loading' || this._layoutBusy) this.interrupted = true;
    this.loadAbort?.abort();
    this.loadAbort = null;
    this.layoutAbort?.abort();
    this.layoutAbort = null;
    this._layoutBusy = false;
    const midTransition = this.transitioning;
    this.animation.cancel();
    this.transitioning = false;
    this._settling = false;
    // An auto layout that was gliding in lands at once.
    if (midTransition && this.finalLayout) {
      this.applyLayout(this.finalLayout, false);
      this.finishLayout();
    }
  }

  // ---------------------------------------------------------------- public API

  /** Fits the graph (or the given nodes) into view. */
  async fitView(nodeIds?: Iterable<string>, options: { duration?: number; padding?: number } = {}): Promise<void> {
    const vp = this.fitTarget(nodeIds, options.padding);
    if (!vp) {
      this.needsFit = true;
      return;
    }
    this.needsFit = false;
    await this.panZoom.setViewport(vp, options.duration ?? 0);
  }

  /** Zooms in one step around the centre. */
  async zoomIn(): Promise<void> {
    this.userMovedView = true;
    await this.panZoom.scaleBy(ZOOM_STEP);
  }

  /** Zooms out one step around the centre. */
  async zoomOut(): Promise<void> {
    this.userMovedView = true;
    await this.panZoom.scaleBy(1 / ZOOM_STEP);
  }

  /** Centres a node in view (keeping the zoom, at least readable). */
  async centerOn(nodeId: string, options: { duration?: number; zoom?: number } = {}): Promise<void> {
    const box = this._boxes.get(nodeId);
    const pane = this.paneSize();
    if (!box || pane.width <= 0) return;
    this.userMovedView = true;
    const o = this.zoomLimits();
    const zoom = Math.min(o.max, Math.max(o.min, options.zoom ?? Math.max(this.panZoom.viewport.zoom, 0.6)));
    await this.panZoom.setViewport(centerViewport(box.x + box.width / 2, box.y + box.height / 2, zoom, pane.width, pane.height), options.duration ?? 0);
  }

  /** The current viewport `{x, y, zoom}`. */
  getViewport(): Viewport {
    return { ...this.panZoom.viewport };
  }

  /** The layout being drawn (plain JSON; hand it back through `layout` to skip ELK next time). */
  getLayout(): WorkflowLayout | null {
    return this.finalLayout;
  }

  /** A standalone SVG document of the whole graph, styles inlined. Empty string when nothing is drawn. */
  toSVG(): string {
    try {
      return this.buildExport();
    } catch (e) {
      this.report({ code: 'EXPORT_FAILED', severity: 'error', message: 'The graph could not be exported as SVG.', recoverable: true, phase: 'render' });
      void e;
      return '';
    }
  }

  /** A PNG image of the whole graph at `scale` (default 2). */
  async toPNG(scale = 2): Promise<Blob> {
    const text = this.toSVG();
    if (!text) throw new Error('Nothing to export');
    const bounds = this.graphBounds() ?? { x: 0, y: 0, width: 1, height: 1 };
    return svgToPng(text, bounds.width + 48, bounds.height + 48, scale);
  }

  /** Reloads the current input (re-fetches `src`). */
  reload(): void {
    this.scheduleLoad();
  }

  // ---------------------------------------------------------------- lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('flow') || changed.has('src') || changed.has('flowId')) {
      this.limitsLifted = false;
      if (this.hasUpdated || this.hasInput()) this.scheduleLoad();
    } else if (changed.has('maxNodes') && this.hasUpdated && this.limitChangeMatters()) {
      this.scheduleLoad();
    } else if ((changed.has('layoutMode') || changed.has('direction')) && this.hasUpdated && this._workflow) {
      this.runLayout(this._workflow, false);
    } else if (changed.has('layout') && this.hasUpdated && this._workflow && this.layout) {
      this.runLayout(this._workflow, false);
    }
    if (changed.has('nodeStatus')) this.statusMap = sanitizeStatusMap(this.nodeStatus);
    if (changed.has('highlight') || changed.has('_workflow' as keyof FlussWorkflow)) this.matchIds = this.computeMatches();
    if (changed.has('selected') && this.selected !== null && typeof this.selected !== 'string') this.selected = String(this.selected);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.dataset.state = this._state;
    if (changed.has('theme') && this.theme !== null && this.theme !== 'light' && this.theme !== 'dark') this.theme = null;
    this.positionTooltip();
    this.updateMinimapViewport();
    // Fitting changes state (detail level, culling); do it after this update has finished.
    if (this.needsFit) queueMicrotask(() => this.tryInitialFit());
  }

  // ---------------------------------------------------------------- loading

  private hasInput(): boolean {
    return this.flow !== undefined && this.flow !== null ? true : !!(this.src || this.flowId || inlineJson(this) !== undefined);
  }

  private isBusy(): boolean {
    return this.pendingLoad || this._state === 'loading' || this._layoutBusy || this.animation.running || this.transitioning;
  }

  private settleReady(): void {
    if (this.isBusy()) return;
    const r = this.readyResolvers;
    this.readyResolvers = [];
    for (const fn of r) fn();
  }

  private scheduleLoad(): void {
    this.pendingLoad = true;
    queueMicrotask(() => {
      if (!this.pendingLoad) return;
      this.pendingLoad = false;
      if (!this.isConnected) {
        this.interrupted = true;
        return;
      }
      void this.load();
    });
  }

  private async resolveSource(signal: AbortSignal): Promise<ResolvedSource> {
    if (this.flow !== undefined && this.flow !== null) return { kind: 'property', input: this.flow };
    const inline = inlineJson(this);
    if (inline !== undefined) return { kind: 'inline', input: inline };
    if (this.src) return fetchSource(this.src, signal);
    if (this.flowId) return loadFlowById(this, this.flowId, signal);
    return { kind: 'none' };
  }

  private async load(): Promise<void> {
    const generation = ++this.loadGeneration;
    this.loadAbort?.abort();
    this.layoutAbort?.abort();
    this.animation.cancel();
    this.transitioning = false;
    this._settling = false;
    const abort = new AbortController();
    this.loadAbort = abort;
    this.reported = new Set();
    this.userMovedView = false;
    this._error = null;
    this._warnings = [];
    this._canDrawAnyway = false;
    let source: ResolvedSource;
    const keepDrawing = this._workflow !== null;
    this._state = 'loading';
    // An auto layout will be needed: start and warm the layout worker now, before fetching,
    // parsing and measuring (performance.md L4). A precomputed layout needs none.
    if (parseMode(this.layoutMode) === 'auto' && !this.layout) prewarmLayout();
    try {
      source = await this.resolveSource(abort.signal);
    } catch {
      if (generation === this.loadGeneration && !abort.signal.aborted) this.fail({ code: 'HTTP_NETWORK', severity: 'error', message: 'The workflow could not be loaded.', recoverable: true, phase: 'http' });
      return;
    }
    if (generation !== this.loadGeneration || abort.signal.aborted) return;
    this.loadAbort = null;
    if (source.error) {
      this.fail(source.error);
      return;
    }
    const runWorkflow = source.kind === 'none' ? this.runOverlay.workflow : null;
    if (runWorkflow) {
      // Inside a <fluss-run> without a flow of its own: draw the flow the run ran on.
      this._diagnostics = [];
      this.setWorkflow(runWorkflow);
      this.runLayout(runWorkflow, true);
      return;
    }
    if (source.kind === 'none') {
      this.reset();
      this._state = 'idle';
      this.settleReady();
      return;
    }
    let result: { workflow: Workflow | null; diagnostics: readonly Diagnostic[] };
    try {
      result = parseWorkflow(source.input, this.parseLimits());
    } catch {
      result = { workflow: null, diagnostics: [{ code: 'PARSE_SCHEMA', severity: 'error', message: 'The workflow could not be read.', path: '$' }] };
    }
    this._diagnostics = result.diagnostics;
    if (!result.workflow) {
      const first = result.diagnostics.find((d) => d.severity === 'error') ?? result.diagnostics[0];
      if (!keepDrawing) this.reset();
      this._canDrawAnyway = first?.code === 'GRAPH_TOO_LARGE' && /\.(nodes|edges)$/.test(first.path ?? '');
      this.fail({
        code: first?.code ?? 'PARSE_SCHEMA',
        severity: 'error',
        message: first ? `The workflow could not be drawn: ${first.message}` : 'The workflow could not be drawn.',
        recoverable: false,
        phase: 'parse',
      });
      return;
    }
    this.reportDiagnosticWarnings(result.diagnostics);
    for (const w of source.warnings ?? []) this.report(w);
    this.setWorkflow(result.workflow);
    this.runLayout(result.workflow, true);
  }

  /** Parse limits from `max-nodes`, or none on node and edge counts after "Draw anyway". */
  private parseLimits(): ParseWorkflowOptions {
    if (this.limitsLifted) return { maxNodes: Number.MAX_SAFE_INTEGER, maxEdges: Number.MAX_SAFE_INTEGER };
    const n = Math.floor(Number(this.maxNodes));
    if (this.maxNodes === null || !Number.isFinite(n) || n <= 0) return {};
    return { maxNodes: n, maxEdges: Math.max(DEFAULT_LIMITS.maxEdges, 5 * n) };
  }

  /** A new `max-nodes` matters when a count limit refused the input, or the drawn workflow is now over it. */
  private limitChangeMatters(): boolean {
    if (this._canDrawAnyway) return true;
    const wf = this._workflow;
    const limit = this.parseLimits().maxNodes;
    return !!wf && limit !== undefined && wf.nodes.length > limit;
  }

  /** Lifts the node and edge count limits for the current input and loads it again. */
  private drawAnyway(): void {
    // The button goes away with the error: keyboard focus moves on to the graph's first node.
    const hadFocus = (this.shadowRoot?.activeElement as Element | null)?.classList.contains('draw-anyway') === true;
    this.limitsLifted = true;
    this.scheduleLoad();
    if (!hadFocus) return;
    void this.layoutComplete.then(() => {
      const id = this._workflow ? this.firstInReadingOrder() : null;
      if (id) this.focusNode(id, false);
    });
  }

  private reset(): void {
    this._workflow = null;
    this.views = new Map();
    this._boxes = new Map();
    this.routes = [];
    this.routesById = null;
    this.finalLayout = null;
    this.nav = null;
  }

  private setWorkflow(workflow: Workflow): void {
    this._workflow = workflow;
    const fonts = this.resolveFonts();
    this.views = nodeViews(workflow, nodeFonts(fonts.sans, fonts.mono));
    this.matchIds = this.computeMatches();
    if (this.selected !== null && !workflow.nodes.some((n) => n.id === this.selected)) this.selected = null;
  }

  private resolveFonts(): { sans: string; mono: string } {
    let sans = DEFAULT_FONT_FAMILY;
    let mono = DEFAULT_MONO_FAMILY;
    try {
      const cs = getComputedStyle(this);
      sans = cs.getPropertyValue('--fluss-font-family').trim() || sans;
      mono = cs.getPropertyValue('--fluss-font-family-mono').trim() || mono;
    } catch {
      /* not styled yet: defaults */
    }
    return { sans, mono };
  }

  /** Lays out: precomputed layout, else known positions at once, then ELK (auto) animating in. */
  private runLayout(workflow: Workflow, first: boolean): void {
    this.layoutAbort?.abort();
    this.animation.cancel();
    this.transitioning = false;
    this._settling = false;
    const sizes = nodeSizes(this.views);
    const direction = parseDirection(this.direction);
    const mode = parseMode(this.layoutMode);
    // A new layout run may fail again on its own: forget earlier layout reports.
    for (const key of [...this.reported]) if (key.includes(':LAYOUT_')) this.reported.delete(key);
    if (this.layout) {
      const checked = validateLayout(this.layout, workflow);
      if (checked.layout) {
        this.applyLayout(checked.layout, first);
        this.finishLayout();
        return;
      }
      this.report({ code: 'LAYOUT_INVALID', severity: 'warning', message: 'The given layout does not fit this workflow; laying it out again.', recoverable: true, phase: 'layout' });
    }
    let immediate: WorkflowLayout | null = null;
    try {
      immediate = immediateLayout({ workflow, sizes, direction, mode });
    } catch {
      immediate = null;
    }
    if (immediate) this.applyLayout(immediate, first);
    const needsElk = mode === 'auto' || !immediate;
    if (!needsElk) {
      this.finishLayout();
      return;
    }
    try {
      // The cached auto layout needs no worker (layoutWorkflow returns it from the cache).
      if (!immediate || immediate.graphKey !== layoutKey({ workflow, sizes, direction, mode })) prewarmLayout();
    } catch {
      /* optional */
    }
    const abort = new AbortController();
    this.layoutAbort = abort;
    this._layoutBusy = true;
    if (!immediate) this._state = 'loading';
    const generation = this.loadGeneration;
    layoutWorkflow({ workflow, sizes, direction, mode, signal: abort.signal, deadlineMs: LAYOUT_DEADLINE_MS })
      .then((result) => {
        if (abort.signal.aborted || generation !== this.loadGeneration) return;
        this.layoutAbort = null;
        this._layoutBusy = false;
        this.transitionTo(result, immediate !== null);
      })
      .catch((e: unknown) => {
        if (abort.signal.aborted || generation !== this.loadGeneration) return;
        this.layoutAbort = null;
        this._layoutBusy = false;
        if (isLayoutError(e) && e.code === 'LAYOUT_ABORTED') return;
        const code = isLayoutError(e) ? e.code : 'LAYOUT_FAILED';
        const fallback = isLayoutError(e) ? e.fallback : undefined;
        const drawn = immediate !== null || fallback !== undefined;
        if (!immediate && fallback) this.applyLayout(fallback, true);
        this.report({
          code,
          severity: drawn ? 'warning' : 'error',
          message: drawn ? 'The automatic layout failed; showing a simpler arrangement.' : 'The workflow could not be laid out.',
          recoverable: true,
          phase: 'layout',
        });
        if (!drawn) this._error = { code, severity: 'error', message: 'The workflow could not be laid out.', recoverable: true, phase: 'layout' };
        this.finishLayout();
      });
  }

  private transitionTo(layout: WorkflowLayout, animate: boolean): void {
    const from = new Map(this._boxes);
    if (!animate || from.size === 0 || sameBoxes(from, layout)) {
      this.applyLayout(layout, !animate);
      this.finishLayout();
      return;
    }
    this._settling = true;
    this.transitioning = true;
    this.finalLayout = layout;
    void this.animation.run(from, layout, 320, (boxes) => {
      if (boxes) {
        const m = new Map<string, NodeBox>();
        for (const b of boxes) m.set(b.id, b);
        this._boxes = m;
        return;
      }
      this._settling = false;
      this.applyLayout(layout, false);
      // Refit to the new arrangement unless the user has moved the view meanwhile.
      const refit = this.userMovedView ? Promise.resolve() : this.updateComplete.then(() => this.fitView(undefined, { duration: 240 }));
      void refit.finally(() => {
        this.transitioning = false;
        this.finishLayout();
      });
    });
  }

  private applyLayout(layout: WorkflowLayout, fit: boolean): void {
    this.finalLayout = layout;
    const boxes = new Map<string, NodeBox>();
    for (const b of layout.nodes) boxes.set(b.id, b);
    this._boxes = boxes;
    this.routes = layout.edges;
    this.routesById = null;
    // The keyboard navigation graph is built on first use (navigation()), not on every layout.
    this.nav = null;
    this.minimap = null;
    if (fit) {
      this.needsFit = true;
      // Decide culling and detail for the fitted view now, so the first paint is already culled.
      const target = this.fitTarget();
      if (target) {
        this._lowDetail = target.zoom < LOW_DETAIL_ZOOM;
        const pane = this.paneSize();
        this._renderRect = boxes.size > CULL_THRESHOLD ? visibleCanvasRect(target, pane.width, pane.height, 400) : null;
      }
      // A big graph's minimap (the simplified one: one path of every box) is not needed for the
      // first frame: it is drawn in the frame after.
      if (boxes.size > MINIMAP_SIMPLIFY_NODES && !this._minimapHeld && typeof requestAnimationFrame === 'function') {
        this._minimapHeld = true;
        requestAnimationFrame(() => requestAnimationFrame(() => (this._minimapHeld = false)));
      }
    }
    this.requestUpdate();
  }

  /** The keyboard navigation graph of the current boxes (reading order + neighbours), built lazily. */
  private navigation(): NavGraph | null {
    if (this.nav) return this.nav;
    const wf = this._workflow;
    const boxes = this._boxes;
    if (!wf || boxes.size === 0) return null;
    const down = this.direction === 'down';
    const keyed: { id: string; a: number; b: number }[] = [];
    for (const n of wf.nodes) {
      const box = boxes.get(n.id);
      if (box) keyed.push({ id: n.id, a: down ? box.y : box.x, b: down ? box.x : box.y });
    }
    keyed.sort((p, q) => p.a - q.a || p.b - q.b);
    this.nav = navGraph(boxes, wf.edges, keyed.map((k) => k.id));
    return this.nav;
  }

  /** The first node in reading order (what navigation().order[0] would be), in one linear pass. */
  private firstInReadingOrder(): string | null {
    if (this.nav) return this.nav.order[0] ?? null;
    const wf = this._workflow;
    if (!wf) return null;
    const down = this.direction === 'down';
    let best: string | null = null;
    let ba = Infinity;
    let bb = Infinity;
    for (const n of wf.nodes) {
      const box = this._boxes.get(n.id);
      if (!box) continue;
      const a = down ? box.y : box.x;
      const b = down ? box.x : box.y;
      if (a < ba || (a === ba && b < bb)) {
        best = n.id;
        ba = a;
        bb = b;
      }
    }
    return best;
  }

  private finishLayout(): void {
    if (this._error && !this._workflow) this._state = 'error';
    else this._state = this._warnings.length > 0 || this._error ? 'partial' : 'ready';
    this.updateComplete.then(() => this.settleReady());
  }

  private fail(detail: FlussErrorDetail): void {
    this._error = detail;
    this._state = this._workflow ? 'partial' : 'error';
    this.report(detail);
    this.updateComplete.then(() => this.settleReady());
  }

  /** Fires `fluss-error` once per code per load. */
  private report(detail: FlussErrorDetail): void {
    const key = `${detail.severity}:${detail.code}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    if (detail.severity === 'warning') this._warnings = [...this._warnings, detail];
    fire(this, new FlussErrorEvent(detail));
  }

  private reportDiagnosticWarnings(diagnostics: readonly Diagnostic[]): void {
    const byCode = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) {
      const list = byCode.get(d.code) ?? [];
      list.push(d);
      byCode.set(d.code, list);
    }
    for (const [code, list] of byCode) {
      const first = list[0]!;
      this.report({
        code,
        severity: 'warning',
        message: list.length > 1 ? `${first.message} (and ${list.length - 1} more)` : first.message,
        recoverable: false,
        phase: 'validate',
        count: list.length,
      });
    }
  }

  // ---------------------------------------------------------------- viewport

  /** The viewport that fits the graph (or some nodes), or null when the pane has no size yet. */
  private fitTarget(nodeIds?: Iterable<string>, padding = 0.12): Viewport | null {
    const bounds = nodeIds ? boundsOf([...nodeIds].map((id) => this._boxes.get(id)).filter((b): b is NodeBox => !!b)) : this.graphBounds();
    const pane = this.paneSize();
    if (!bounds || pane.width <= 0 || pane.height <= 0) return null;
    const o = this.zoomLimits();
    return fitViewport(bounds, pane.width, pane.height, o.min, Math.min(o.max, Math.max(o.min, FIT_MAX_ZOOM)), padding);
  }

  private zoomLimits(): { min: number; max: number } {
    const min = finiteOr(this.minZoom, DEFAULT_MIN_ZOOM);
    return { min, max: Math.max(min, finiteOr(this.maxZoom, DEFAULT_MAX_ZOOM)) };
  }

  private paneSize(): { width: number; height: number } {
    if (this.resize.width > 0) return { width: this.resize.width, height: this.resize.height };
    // Before the first render the pane does not exist yet: it fills the host's padding box.
    const pane = this.renderRoot.querySelector<HTMLElement>('.pane') ?? this;
    return { width: pane.clientWidth, height: pane.clientHeight };
  }

  private tryInitialFit(): void {
    if (!this.needsFit || this._boxes.size === 0 || !this.panZoom.active) return;
    const pane = this.paneSize();
    if (pane.width <= 0 || pane.height <= 0) return;
    void this.fitView();
  }

  private onViewportChange(vp: Viewport): void {
    this.updateMinimapViewport();
    this.positionTooltip();
    const low = vp.zoom < LOW_DETAIL_ZOOM;
    if (low !== this._lowDetail) this._lowDetail = low;
    if (this._boxes.size > CULL_THRESHOLD) {
      const pane = this.paneSize();
      const visible = visibleCanvasRect(vp, pane.width, pane.height, 0);
      const wanted = visibleCanvasRect(vp, pane.width, pane.height, 400);
      // Re-render when the view leaves the rendered area, or zoomed in far past it (too much DOM).
      if (!this._renderRect || !contains(this._renderRect, visible) || rectArea(this._renderRect) > 4 * rectArea(wanted)) this._renderRect = wanted;
    } else if (this._renderRect) {
      this._renderRect = null;
    }
  }

  private graphBounds(): Rect | null {
    const boxes = this._boxes;
    if (this.boundsCache?.boxes !== boxes) this.boundsCache = { boxes, rect: boundsOf(boxes.values()) };
    return this.boundsCache.rect;
  }

  // ---------------------------------------------------------------- interaction

  private nodeIdFrom(event: Event): string | null {
    for (const el of event.composedPath()) {
      if (el === this) break;
      if (el instanceof Element && el.hasAttribute('data-node-id') && el.classList.contains('node')) return el.getAttribute('data-node-id');
    }
    return null;
  }

  private select(nodeId: string | null, source: NodeSelectSource): void {
    if (nodeId === this.selected) return;
    this.selected = nodeId;
    const node = nodeId ? this._workflow?.nodes.find((n) => n.id === nodeId) : undefined;
    if (nodeId) this._focusId = nodeId;
    this._announcement = node ? `Selected ${this.views.get(node.id)?.accessibleName ?? node.id}` : 'Selection cleared';
    fire(this, new FlussNodeSelectEvent(nodeId, node?.kind ?? null, source));
  }

  private onPaneClick(event: MouseEvent): void {
    const id = this.nodeIdFrom(event);
    if (id) {
      this.select(id, 'pointer');
      this.focusNode(id, false);
    } else if (this.selected !== null) {
      this.select(null, 'pointer');
    }
  }

  private onPaneKeydown(event: KeyboardEvent): void {
    const id = this.nodeIdFrom(event);
    if (!id) return;
    switch (event.key) {
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.select(id, 'keyboard');
        return;
      case 'Escape':
        if (this.selected !== null) {
          event.preventDefault();
          this.select(null, 'keyboard');
        }
        return;
      case 'ArrowUp':
      case 'ArrowDown':
      case 'ArrowLeft':
      case 'ArrowRight':
      case 'Home':
      case 'End': {
        const nav = this.navigation();
        if (!nav) return;
        event.preventDefault();
        const next = nextNode(nav, id, event.key as NavKey, parseDirection(this.direction));
        if (next && next !== id) this.focusNode(next, true);
        return;
      }
      default:
        return;
    }
  }

  private onFocusIn(event: FocusEvent): void {
    const target = event.composedPath()[0];
    if (target instanceof Element && target.classList.contains('handle')) {
      this.setHoverHandle(target);
      return;
    }
    const id = this.nodeIdFrom(event);
    if (id && id !== this._focusId) this._focusId = id;
  }

  private onFocusOut(event: FocusEvent): void {
    const target = event.composedPath()[0];
    if (target instanceof Element && target.classList.contains('handle')) this._hoverHandle = null;
  }

  private onPointerOver(event: PointerEvent): void {
    const target = event.composedPath()[0];
    const handle = target instanceof Element ? target.closest('.handle') : null;
    if (handle) this.setHoverHandle(handle);
    else if (this._hoverHandle) this._hoverHandle = null;
  }

  private onPointerLeave(): void {
    if (this._hoverHandle) this._hoverHandle = null;
  }

  private setHoverHandle(handle: Element): void {
    const nodeEl = handle.closest('[data-node-id]');
    const nodeId = nodeEl?.getAttribute('data-node-id');
    const side = handle.getAttribute('data-side') === 'out' ? 'out' : 'in';
    const index = Number(handle.getAttribute('data-index'));
    if (!nodeId || !Number.isInteger(index)) return;
    const h = this._hoverHandle;
    if (h && h.nodeId === nodeId && h.side === side && h.index === index) return;
    this._hoverHandle = { nodeId, side, index };
  }

  /** Moves keyboard focus to a node (roving tabindex), panning it into view when needed. */
  private focusNode(id: string, reveal: boolean): void {
    this._focusId = id;
    const box = this._boxes.get(id);
    if (reveal && box) {
      const pane = this.paneSize();
      const vp = this.panZoom.viewport;
      const sx = box.x * vp.zoom + vp.x;
      const sy = box.y * vp.zoom + vp.y;
      const inside = sx >= 0 && sy >= 0 && sx + box.width * vp.zoom <= pane.width && sy + box.height * vp.zoom <= pane.height;
      if (!inside) void this.centerOn(id, { duration: 160 });
      const view = this.views.get(id);
      if (view) this._announcement = view.accessibleName;
    }
    void this.updateComplete.then(() => {
      const el = this.renderRoot.querySelector<SVGGElement>(`.node[data-node-id="${CSS.escape(id)}"] > .node-body`);
      el?.focus({ preventScroll: true });
    });
  }

  private onMinimapPointer(event: PointerEvent): void {
    if (event.type === 'pointerdown') {
      (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    } else if (event.buttons === 0) {
      return;
    }
    const frame = this.minimap;
    if (!frame) return;
    const rect = (event.currentTarget as Element).getBoundingClientRect();
    const p = minimapToCanvas(frame, event.clientX - rect.left, event.clientY - rect.top);
    const pane = this.paneSize();
    void this.panZoom.setViewport(centerViewport(p.x, p.y, this.panZoom.viewport.zoom, pane.width, pane.height));
    event.preventDefault();
  }

  private async downloadSvg(): Promise<void> {
    const text = this.toSVG();
    if (!text) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${(this._workflow?.title || 'workflow').replace(/[^\w.-]+/g, '_').slice(0, 60) || 'workflow'}.svg`;
    a.rel = 'noopener';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private computeMatches(): Set<string> | null {
    const q = (this.highlight ?? '').trim().toLowerCase();
    const wf = this._workflow;
    if (!q || !wf) return null;
    const out = new Set<string>();
    for (const n of wf.nodes) {
      const view = this.views.get(n.id);
      const hay = [n.id, n.title, n.description, n.implementation ?? '', n.typename, view?.title ?? '', view?.caption ?? ''].join('\u0000').toLowerCase();
      if (hay.includes(q)) out.add(n.id);
    }
    return out;
  }

  // ---------------------------------------------------------------- rendering

  private sceneContext(exporting = false): NodeRenderContext {
    const wf = this._workflow;
    const tabStop =
      this._focusId && this._boxes.has(this._focusId)
        ? this._focusId
        : this.selected && this._boxes.has(this.selected)
          ? this.selected
          : (this.firstInReadingOrder() ?? wf?.nodes[0]?.id ?? null);
    return {
      direction: parseDirection(this.direction),
      lowDetail: exporting ? false : this._lowDetail,
      selectedId: exporting ? null : this.selected,
      tabStopId: exporting ? null : tabStop,
      matches: exporting ? null : this.matchIds,
      status: this.statusMap,
      shadows: !exporting && this._boxes.size <= 300,
    };
  }

  /** Node and edge templates for the scene (everything when exporting, else culled). */
  private sceneLayers(exporting: boolean, ctx: NodeRenderContext = this.sceneContext(exporting)): { groups: unknown[]; edges: unknown[]; nodes: unknown[] } {
    const wf = this._workflow;
    const groups: unknown[] = [];
    const edges: unknown[] = [];
    const nodes: unknown[] = [];
    if (!wf) return { groups, edges, nodes };
    const rect = exporting ? null : this._renderRect;
    const visible = new Set<string>();
    for (const node of wf.nodes) {
      const box = this._boxes.get(node.id);
      const view = this.views.get(node.id);
      if (!box || !view) continue;
      if (rect && !intersects(box, rect)) continue;
      visible.add(node.id);
      const tpl = this.safeNode(view, box, ctx);
      if (view.variant === 'group') groups.push(tpl);
      else nodes.push(tpl);
    }
    const style = parseEdgeStyle(this.edgeStyle);
    const direction = parseDirection(this.direction);
    const ids = markerIds(this.idPrefix);
    const byId = this.nodesById(wf);
    const lowDetail = ctx.lowDetail;
    const drawn: { edge: WorkflowEdge; geometry: EdgeGeometry; dimmed: boolean; active: boolean }[] = [];
    for (const edge of wf.edges) {
      if (rect && !visible.has(edge.source) && !visible.has(edge.target)) continue;
      const geometry = this.edgeGeometryFor(edge, byId, style, direction);
      if (!geometry) continue;
      drawn.push({
        edge,
        geometry,
        dimmed: !!ctx.matches && !(ctx.matches.has(edge.source) && ctx.matches.has(edge.target)),
        active: !exporting && this.selected !== null && (edge.source === this.selected || edge.target === this.selected),
      });
    }
    // Far out with many edges: one path per edge style instead of one group per edge (each
    // painted item costs the compositor every frame). Selected edges stay separate, on top.
    const merge = lowDetail && !exporting && drawn.length > MERGE_EDGES_ABOVE && !this.runOverlay.active;
    const merged = new Map<string, string[]>();
    for (const d of drawn) {
      if (merge && !d.active) {
        const key = `${d.edge.kind === 'logging' ? 'kind-logging' : 'kind-vanilla'}${d.dimmed ? ' dimmed' : ''}`;
        let list = merged.get(key);
        if (!list) merged.set(key, (list = []));
        list.push(d.geometry.d);
        continue;
      }
      edges.push(
        renderEdge(d.edge, d.geometry, {
          markerId: ids.arrow,
          markerLoggingId: ids.arrowLogging,
          markerActiveId: ids.arrowActive,
          showLabel: this.edgeLabels && !lowDetail,
          hit: !lowDetail,
          dimmed: d.dimmed,
          active: d.active,
        }),
      );
    }
    for (const [key, list] of merged) edges.unshift(svg`<g class="edges-merged ${key}" aria-hidden="true"><path class="edge-path" d=${list.join('')}></path></g>`);
    return { groups, edges, nodes };
  }

  /** A node's template; a node that cannot be drawn becomes a plain box (never throws into the page). */
  private safeNode(view: NodeView, box: NodeBox, ctx: NodeRenderContext): unknown {
    try {
      return renderNode(view, box, ctx);
    } catch {
      queueMicrotask(() =>
        this.report({ code: 'RENDER_NODE_FAILED', severity: 'warning', message: 'A node could not be drawn in full; it is shown as a plain box.', recoverable: false, phase: 'render' }),
      );
      return svg`<g class="node family-unknown" part="node" data-node-id=${view.id} data-kind=${view.node.kind} transform="translate(${box.x} ${box.y})">
        <rect class="node-frame unknown" width=${box.width} height=${box.height} rx="8"></rect>
      </g>`;
    }
  }

  private edgeGeometryFor(edge: WorkflowEdge, byId: ReadonlyMap<string, WorkflowNode>, style: EdgeStyle, direction: LayoutDirection) {
    const s = byId.get(edge.source);
    const t = byId.get(edge.target);
    const sb = this._boxes.get(edge.source);
    const tb = this._boxes.get(edge.target);
    if (!s || !t || !sb || !tb) return null;
    const source = handleAt(sb, 'out', edge.sourceStream, s.outs.length, direction);
    const target = handleAt(tb, 'in', edge.targetStream, t.ins.length, direction);
    const drawn = this._settling ? 'smoothstep' : style;
    return edgeGeometry(drawn, source, target, direction, drawn === 'orthogonal' ? this.routeOf(edge.id) : undefined);
  }

  /** The layout's route of an edge (the map is built on first use: curves never need it). */
  private routeOf(edgeId: string): readonly Point[] | undefined {
    let byId = this.routesById;
    if (!byId) {
      byId = this.routesById = new Map();
      for (const r of this.routes) byId.set(r.id, r.points);
    }
    return byId.get(edgeId);
  }

  /** Nodes of a workflow by id, built once per workflow (not on every render). */
  private nodesById(wf: Workflow): ReadonlyMap<string, WorkflowNode> {
    const cached = this.nodeIndex;
    if (cached && cached.workflow === wf) return cached.byId;
    const byId = new Map<string, WorkflowNode>();
    for (const n of wf.nodes) byId.set(n.id, n);
    this.nodeIndex = { workflow: wf, byId };
    return byId;
  }

  private sceneSvg(exporting: boolean): TemplateResult {
    const ctx = this.sceneContext(exporting);
    const layers = this.sceneLayers(exporting, ctx);
    const bounds = this.graphBounds();
    const w = Math.max(1, Math.ceil((bounds?.x ?? 0) + (bounds?.width ?? 0)));
    const h = Math.max(1, Math.ceil((bounds?.y ?? 0) + (bounds?.height ?? 0)));
    const name = this.graphName();
    return html`<svg class="scene${ctx.shadows ? ' shadows' : ''}${this._settling ? ' settling' : ''}" width=${w} height=${h}
      role="group" aria-roledescription="workflow graph" aria-label=${name} aria-describedby=${`${this.idPrefix}-desc`}>
      ${markerDefs(this.idPrefix)}
      <g class="layer-groups">${layers.groups}</g>
      <g class="layer-edges">${layers.edges}</g>
      <g class="layer-nodes">${layers.nodes}</g>
      ${exporting ? nothing : this.runOverlay.renderLayer()}
    </svg>`;
  }

  /** Everything the scene depends on: unchanged deps skip re-rendering the nodes (hover, tooltip, progress...). */
  private sceneDeps(): unknown[] {
    return [
      this._workflow,
      this._boxes,
      this.routes,
      this.views,
      this.selected,
      this.matchIds,
      this.statusMap,
      this._lowDetail,
      this._renderRect,
      this.edgeStyle,
      this.direction,
      this.edgeLabels,
      this._settling,
      this._focusId,
      this.label,
      this.runOverlay.active,
    ];
  }

  private graphName(): string {
    const title = this.label || displayText(this._workflow?.title ?? '', 120);
    return title ? `Workflow: ${title}` : 'Workflow';
  }

  private graphDescription(): string {
    const wf = this._workflow;
    if (!wf) return '';
    const n = wf.nodes.length;
    const e = wf.edges.length;
    return `${n} node${n === 1 ? '' : 's'} and ${e} connection${e === 1 ? '' : 's'}. Tab reaches the current node and then its ports; arrow keys move along connections, Enter selects, Escape clears the selection.`;
  }

  private buildExport(): string {
    const wf = this._workflow;
    const bounds = this.graphBounds();
    if (!wf || !bounds) return '';
    const host = document.createElement('div');
    host.className = 'export-host';
    this.renderRoot.appendChild(host);
    try {
      litRender(this.sceneSvg(true), host);
      const scene = host.querySelector('svg');
      if (!scene) return '';
      const background = getComputedStyle(this).getPropertyValue('--fluss-color-canvas').trim() || '#ffffff';
      return exportSvg(scene as SVGSVGElement, { bounds, background, title: displayText(wf.title || 'Workflow', 200) });
    } finally {
      litRender(nothing, host);
      host.remove();
    }
  }

  protected override render(): TemplateResult {
    const wf = this._workflow;
    const hasNodes = !!wf && wf.nodes.length > 0 && this._boxes.size > 0;
    return html`<div class="base" part="base">
      <div
        class="pane"
        part="pane"
        @click=${this.onPaneClick}
        @keydown=${this.onPaneKeydown}
        @focusin=${this.onFocusIn}
        @focusout=${this.onFocusOut}
        @pointerover=${this.onPointerOver}
        @pointerleave=${this.onPointerLeave}
      >
        <div class="viewport">${hasNodes ? guard(this.sceneDeps(), () => this.sceneSvg(false)) : nothing}</div>
      </div>
      <div id=${`${this.idPrefix}-desc`} class="sr-only">${this.graphDescription()}</div>
      <div class="sr-only" role="status" aria-live="polite">${this._announcement}</div>
      ${this.runOverlay.renderBanner()}
      ${this.renderTooltip()} ${this.renderStateMessage(hasNodes)} ${this.renderHighlightBar()}
      ${hasNodes && !this.noControls ? this.renderControls() : nothing}
      ${hasNodes && !this.noMinimap && !this._minimapHeld ? guard([this._boxes, this.views, this.selected], () => this.renderMinimap()) : nothing}
      ${this._layoutBusy ? html`<div class="progress" part="progress" role="status"><span class="bar"></span>Arranging nodes…</div>` : nothing}
      ${this.renderError()}
      ${this.renderWarnings()}
    </div>`;
  }

  private renderStateMessage(hasNodes: boolean): TemplateResult | typeof nothing {
    if (this._state === 'loading' && !hasNodes) {
      return html`<div class="state-message" part="loading" role="status"><div class="card"><span class="progress-inline"></span><strong>Loading workflow…</strong></div></div>`;
    }
    if (this._workflow && this._workflow.nodes.length === 0) {
      return html`<div class="state-message" part="empty"><div class="card"><strong>No nodes</strong><span>This workflow is empty.</span></div></div>`;
    }
    return nothing;
  }

  private renderError(): TemplateResult | typeof nothing {
    const e = this._error;
    if (!e) return nothing;
    return html`<div class="error" part="error" role="alert">
      <div><strong>${e.phase === 'layout' ? 'Layout failed.' : 'Cannot show this workflow.'}</strong> ${e.message} <code>${e.code}</code></div>
      ${this._canDrawAnyway
        ? html`<button type="button" class="draw-anyway" title="Drawing a graph this large may be slow" @click=${() => this.drawAnyway()}>Draw anyway</button>`
        : nothing}
    </div>`;
  }

  private renderWarnings(): TemplateResult | typeof nothing {
    const list = this._warnings;
    if (list.length === 0 || this._error) return nothing;
    const total = list.reduce((s, w) => s + (w.count ?? 1), 0);
    return html`<details class="warnings" part="warnings">
      <summary>${total} warning${total === 1 ? '' : 's'}</summary>
      <ul>
        ${list.map((w) => html`<li>${w.message} <code>${w.code}</code></li>`)}
      </ul>
    </details>`;
  }

  private renderControls(): TemplateResult {
    return html`<div class="controls nopan nowheel" part="controls" role="toolbar" aria-label="Graph controls" aria-orientation="vertical">
      <button type="button" aria-label="Zoom in" title="Zoom in" ?disabled=${this.noZoom} @click=${() => this.zoomIn()}><svg viewBox="0 0 16 16" aria-hidden="true">${icon.zoomIn}</svg></button>
      <button type="button" aria-label="Zoom out" title="Zoom out" ?disabled=${this.noZoom} @click=${() => this.zoomOut()}><svg viewBox="0 0 16 16" aria-hidden="true">${icon.zoomOut}</svg></button>
      <button type="button" aria-label="Fit to view" title="Fit to view" @click=${() => this.fitView(undefined, { duration: 200 })}><svg viewBox="0 0 16 16" aria-hidden="true">${icon.fit}</svg></button>
      <span class="sep" aria-hidden="true"></span>
      <button type="button" aria-label="Export as SVG" title="Export as SVG" @click=${() => this.downloadSvg()}><svg viewBox="0 0 16 16" aria-hidden="true">${icon.download}</svg></button>
    </div>`;
  }

  private renderHighlightBar(): TemplateResult | typeof nothing {
    if (!this.matchIds) return nothing;
    const n = this.matchIds.size;
    return html`<div class="highlight-bar nopan" part="highlight" role="status">
      <span>${n === 0 ? 'No matches' : `${n} match${n === 1 ? '' : 'es'}`}</span>
      ${n > 0
        ? html`<button type="button" aria-label="Fit matching nodes" title="Fit matching nodes" @click=${() => this.fitView(this.matchIds ?? undefined, { duration: 200 })}><svg viewBox="0 0 16 16" aria-hidden="true">${icon.target}</svg></button>`
        : nothing}
    </div>`;
  }

  private renderMinimap(): TemplateResult | typeof nothing {
    const bounds = this.graphBounds();
    if (!bounds) return nothing;
    if (!this.minimap) this.minimap = minimapFrame(bounds);
    const frame = this.minimap;
    const v = frame.view;
    const groups = new Set<string>();
    for (const view of this.views.values()) if (view.variant === 'group') groups.add(view.id);
    const boxes = [...this._boxes.values()];
    return html`<div
      class="minimap nopan nowheel"
      part="minimap"
      role="img"
      aria-label="Minimap"
      @pointerdown=${this.onMinimapPointer}
      @pointermove=${this.onMinimapPointer}
    >
      <svg width=${MINIMAP_WIDTH} height=${MINIMAP_HEIGHT} viewBox="${v.x} ${v.y} ${v.width} ${v.height}" aria-hidden="true">
        ${minimapContent(frame, boxes, groups, this.selected)}
      </svg>
      <svg class="minimap-overlay" width=${MINIMAP_WIDTH} height=${MINIMAP_HEIGHT} viewBox="${v.x} ${v.y} ${v.width} ${v.height}" aria-hidden="true">
        <rect class="minimap-viewport" x="0" y="0" width="0" height="0" vector-effect="non-scaling-stroke"></rect>
      </svg>
    </div>`;
  }

  /**
   * Moves the minimap's viewport rectangle. It lives in its own small composited overlay SVG: a
   * pan only translates that overlay (no paint at all); a zoom step redraws its one rectangle.
   * The minimap drawing itself (which may hold every node) is never repainted.
   */
  private updateMinimapViewport(): void {
    const frame = this.minimap;
    if (!frame) return;
    let rect = this.minimapBox;
    if (!rect || !rect.isConnected) {
      rect = this.minimapBox = this.renderRoot?.querySelector?.<SVGRectElement>('.minimap-viewport') ?? null;
      this.minimapDrawn = null;
    }
    const overlay = rect?.ownerSVGElement;
    if (!rect || !overlay) return;
    const pane = this.paneSize();
    const r = viewportRect(this.panZoom.viewport, pane.width, pane.height);
    if (![r.x, r.y, r.width, r.height].every(Number.isFinite)) return;
    const drawn = this.minimapDrawn;
    if (drawn && drawn.frame === frame && drawn.width === r.width && drawn.height === r.height) {
      overlay.style.transform = `translate(${(r.x - drawn.x) * frame.scale}px, ${(r.y - drawn.y) * frame.scale}px)`;
      return;
    }
    rect.setAttribute('x', String(r.x));
    rect.setAttribute('y', String(r.y));
    rect.setAttribute('width', String(Math.max(0, r.width)));
    rect.setAttribute('height', String(Math.max(0, r.height)));
    overlay.style.transform = '';
    this.minimapDrawn = { frame, x: r.x, y: r.y, width: r.width, height: r.height };
  }

  private renderTooltip(): TemplateResult | typeof nothing {
    const h = this._hoverHandle;
    const node = h ? this._workflow?.nodes.find((n) => n.id === h.nodeId) : undefined;
    if (!h || !node || !drawsHandles(node, h.side)) return nothing;
    const stream = (h.side === 'in' ? node.ins : node.outs)[h.index];
    if (!stream) return nothing;
    return html`<div class="tooltip" part="tooltip" role="tooltip">
      <div class="tt-head">${h.side === 'in' ? 'Input' : 'Output'} ${h.index + 1} · ${displayText(streamTypeLabel(stream), 80)}</div>
      ${stream.length === 0
        ? html`<div class="tt-port"><span class="tt-name">Event (no payload)</span></div>`
        : stream.slice(0, 12).map(
            (p) => html`<div class="tt-port"><span class="tt-name">${displayText(portName(p), 40)}</span><span class="tt-type">${displayText(portTypeLabel(p), 60)}</span></div>`,
          )}
      ${stream.length > 12 ? html`<div class="tt-port">… ${stream.length - 12} more</div>` : nothing}
    </div>`;
  }

  private positionTooltip(): void {
    // No hovered handle, no tooltip: skip the lookup (it would scan the whole scene every frame).
    const h = this._hoverHandle;
    if (!h) return;
    const el = this.renderRoot?.querySelector?.<HTMLElement>('.tooltip');
    if (!el) return;
    const node = this._workflow?.nodes.find((n) => n.id === h.nodeId);
    const box = this._boxes.get(h.nodeId);
    if (!node || !box) return;
    const count = h.side === 'in' ? node.ins.length : node.outs.length;
    const p = handleAt(box, h.side, h.index, count, parseDirection(this.direction));
    const vp = this.panZoom.viewport;
    const x = p.x * vp.zoom + vp.x;
    const y = p.y * vp.zoom + vp.y;
    const w = el.offsetWidth;
    const pane = this.paneSize();
    const left = h.side === 'out' ? Math.min(x + 12, pane.width - w - 4) : Math.max(4, x - w - 12);
    el.style.transform = `translate(${Math.round(left)}px, ${Math.round(Math.max(4, y - el.offsetHeight / 2))}px)`;
  }
}

/** Dispatches an event (outside the class so the manifest lists only the documented @fires). */
function fire(target: EventTarget, event: Event): void {
  target.dispatchEvent(event);
}

function rectArea(r: CanvasRect): number {
  return Math.max(0, r.maxX - r.minX) * Math.max(0, r.maxY - r.minY);
}

function sameBoxes(a: ReadonlyMap<string, NodeBox>, layout: WorkflowLayout): boolean {
  if (a.size !== layout.nodes.length) return false;
  for (const b of layout.nodes) {
    const o = a.get(b.id);
    if (!o || Math.abs(o.x - b.x) > 0.5 || Math.abs(o.y - b.y) > 0.5 || Math.abs(o.width - b.width) > 0.5 || Math.abs(o.height - b.height) > 0.5) return false;
  }
  return true;
}

declare global {
  interface HTMLElementTagNameMap {
    'fluss-workflow': FlussWorkflow;
  }
}
