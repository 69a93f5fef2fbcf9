/**
 * The run overlay of <fluss-workflow>: a reactive controller that, when the graph sits inside a
 * <fluss-run>, reads the run's store and cursor from context and shows the state at the cursor on
 * the graph: `data-status` and the accessible name on every node group, status rings, icons and
 * NEXT counts in a layer it owns, edge colours and in-flight marks, a run banner (outcome and
 * results) and polite announcements of status changes. It never triggers a layout or a re-render
 * of the graph: it diffs the state and touches only the nodes and edges whose state changed.
 */
import { html, svg, nothing, type ReactiveController, type ReactiveControllerHost, type SVGTemplateResult, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { runContext, type RunContextValue } from '../../context/run-context.js';
import { cursorContext, type RunCursor } from '../../context/cursor-context.js';
import { selectionContext, type RunSelection } from '../../context/selection-context.js';
import type { NodeBox } from '../../layout/types.js';
import type { RunEvent, Workflow } from '../../model/types.js';
import type { EdgeRunState, NodeRunState, RunState, RunStore } from '../../model/run-store.js';
import {
  IDLE_VISUAL,
  NO_EDGE_VISUAL,
  capText,
  sameEdgeVisual,
  sameNodeVisual,
  statusDescription,
  valueToShortText,
  zippedValueText,
  type EdgeVisual,
  type NodeVisual,
} from '../../render/status/node-visual.js';
import { createNodeBadge, placeNodeBadge, updateNodeBadge, type NodeBadge } from '../../render/status/run-badges.js';

/** What the overlay needs from the graph element. */
export interface RunOverlayHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface RunOverlayOptions {
  /** The node boxes currently laid out (absolute canvas coordinates). */
  readonly boxes: () => ReadonlyMap<string, NodeBox>;
  /** The workflow being drawn. */
  readonly workflow: () => Workflow | null;
  /** Called when the run selects a node (keeps the graph's selection in sync). */
  readonly onSelect?: (nodeId: string | null) => void;
  /** Called when the run's workflow changes (a graph without a flow of its own draws it). */
  readonly onWorkflow?: (workflow: Workflow | null) => void;
}

/** What the overlay stamped on a node group of the graph. */
interface Stamp {
  nodeId: string;
  key: NodeVisual;
  /** The accessible name the graph gave the node (without our status words). */
  base: string;
  /** The accessible name we wrote. */
  applied: string;
  /** The group's focusable body (carries the accessible name). */
  body: Element;
}

/** Figures of the last update, for tests and benchmarks. */
export interface OverlayUpdateStats {
  readonly t: number;
  /** Nodes whose visual changed. */
  readonly nodesChanged: number;
  /** Edges whose visual changed. */
  readonly edgesChanged: number;
  /** Node groups and badges written to. */
  readonly elementsTouched: number;
}

/** Value text per NEXT event: computed once, however often the cursor passes the event. */
const valueTextCache = new WeakMap<RunEvent, string>();

function visualOf(state: NodeRunState | undefined): NodeVisual {
  if (!state || state.status === 'idle') return IDLE_VISUAL;
  let value: string | null = null;
  const next = state.lastNext;
  if (next) {
    value = valueTextCache.get(next) ?? null;
    if (value === null) {
      value = state.values.length > 0 ? zippedValueText(state.values.map((v) => [v.key, v.value] as const)) : valueToShortText(next.value);
      valueTextCache.set(next, value);
    }
  }
  return { status: state.status, nextCount: state.nextCount, exception: state.exception ?? null, value };
}

function edgeVisualOf(state: EdgeRunState | undefined): EdgeVisual {
  const e = state?.lastEvent;
  if (!e) return NO_EDGE_VISUAL;
  const kind = e.kind === 'ERROR' ? 'error' : e.kind === 'COMPLETE' ? 'complete' : 'next';
  return { kind, inFlight: state!.inFlight };
}

export class RunOverlayController implements ReactiveController {
  /** Figures of the last update. */
  lastStats: OverlayUpdateStats = { t: 0, nodesChanged: 0, edgesChanged: 0, elementsTouched: 0 };

  private readonly runConsumer: ContextConsumer<typeof runContext, RunOverlayHost>;
  private readonly cursorConsumer: ContextConsumer<typeof cursorContext, RunOverlayHost>;
  private readonly selectionConsumer: ContextConsumer<typeof selectionContext, RunOverlayHost>;
  private nodeVisuals = new Map<string, NodeVisual>();
  private edgeVisuals = new Map<string, EdgeVisual>();
  private readonly badges = new Map<string, NodeBadge>();
  /** Nodes whose badge was not updated while the graph did not draw them. */
  private readonly staleBadges = new Set<string>();
  private readonly stamps = new WeakMap<Element, Stamp>();
  private readonly edgeStamps = new WeakMap<Element, { edgeId: string; key: EdgeVisual }>();
  private nodeEls = new Map<string, SVGGElement>();
  private edgeEls = new Map<string, SVGGElement>();
  /** Edge elements we marked `data-causal`. */
  private causalEls = new Set<Element>();
  private layer: SVGGElement | null = null;
  private bannerEl: HTMLElement | null = null;
  private liveEl: HTMLElement | null = null;
  private lastStore: RunStore | null = null;
  private appliedRevision = -1;
  private appliedT = Number.NaN;
  private lastBoxes: ReadonlyMap<string, NodeBox> | null = null;
  private lastBanner = '';
  private scheduled = false;
  private tipEl: HTMLElement | null = null;
  private hoverRoot: HTMLElement | DocumentFragment | null = null;
  private hoveredId: string | null = null;
  private titleCache: { workflow: Workflow | null; titles: ReadonlyMap<string, string> } | null = null;
  private seenWorkflow: Workflow | null = null;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingAnnouncements: string[] = [];

  constructor(
    private readonly host: RunOverlayHost,
    private readonly options: RunOverlayOptions,
  ) {
    host.addController(this);
    this.runConsumer = new ContextConsumer(host, {
      context: runContext,
      subscribe: true,
      callback: (value: RunContextValue | undefined) => {
        const wf = value?.workflow ?? null;
        if (wf !== this.seenWorkflow) {
          this.seenWorkflow = wf;
          this.options.onWorkflow?.(wf);
        }
        this.schedule();
      },
    });
    this.cursorConsumer = new ContextConsumer(host, { context: cursorContext, subscribe: true, callback: () => this.schedule() });
    this.selectionConsumer = new ContextConsumer(host, {
      context: selectionContext,
      subscribe: true,
      callback: (sel: RunSelection | undefined) => {
        this.options.onSelect?.(sel?.nodeId ?? null);
        this.stampCausal(sel?.highlightedEdgeIds);
      },
    });
  }

  /** True when the graph sits inside a <fluss-run>. */
  get active(): boolean {
    return this.runConsumer.value !== undefined;
  }

  /** The workflow of the run in context (null outside a run or while unknown). */
  get workflow(): Workflow | null {
    return this.runConsumer.value?.workflow ?? null;
  }

  /** The run's selection (undefined outside a run). */
  get selection(): RunSelection | undefined {
    return this.selectionConsumer.value;
  }

  /** The run state at the cursor (null outside a run). */
  get state(): RunState | null {
    const run = this.runConsumer.value;
    const cursor = this.cursorConsumer.value;
    return run && cursor ? run.store.stateAt(cursor.t) : null;
  }

  /** The visual of one node at the cursor (idle when unknown). */
  nodeVisual(nodeId: string): NodeVisual {
    return this.nodeVisuals.get(nodeId) ?? IDLE_VISUAL;
  }

  /** The SVG layer the badges go into; place it after the nodes, inside the panned viewport. */
  renderLayer(): SVGTemplateResult | typeof nothing {
    if (!this.active) return nothing;
    return svg`<g class="run-badges" part="run-badges" aria-hidden="true"></g>`;
  }

  /** The run banner and the live region (filled imperatively, so cursor moves never re-render the graph). */
  renderBanner(): TemplateResult | typeof nothing {
    if (!this.active) return nothing;
    return html`<div class="run-banner" part="run-banner" role="status" hidden></div>
      <div class="run-live" role="status" aria-live="polite" aria-atomic="true"></div>
      <div class="run-tip" part="run-tooltip" role="tooltip" hidden></div>`;
  }

  hostDisconnected(): void {
    this.hoverRoot?.removeEventListener('pointerover', this.onPointerOver);
    this.hoverRoot?.removeEventListener('pointerout', this.onPointerOut);
    this.hoverRoot = null;
    clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
    this.pendingAnnouncements = [];
  }

  /** After every render of the graph: find the layer and the node and edge elements, and re-apply. */
  hostUpdated(): void {
    if (!this.active) return;
    const root = this.host.renderRoot;
    const layer = root.querySelector<SVGGElement>('.run-badges');
    if (layer !== this.layer) {
      this.layer = layer;
      for (const badge of this.badges.values()) layer?.append(badge.root);
    }
    this.bannerEl = root.querySelector<HTMLElement>('.run-banner');
    this.tipEl = root.querySelector<HTMLElement>('.run-tip');
    if (this.hoverRoot !== root) {
      this.hoverRoot?.removeEventListener('pointerover', this.onPointerOver);
      this.hoverRoot?.removeEventListener('pointerout', this.onPointerOut);
      this.hoverRoot = root;
      root.addEventListener('pointerover', this.onPointerOver);
      root.addEventListener('pointerout', this.onPointerOut);
    }
    this.liveEl = root.querySelector<HTMLElement>('.run-live');
    this.collectElements();
    this.stampCausal(this.selectionConsumer.value?.highlightedEdgeIds);
    const boxes = this.options.boxes();
    if (boxes !== this.lastBoxes) {
      this.lastBoxes = boxes;
      for (const [id, badge] of this.badges) {
        const box = boxes.get(id);
        if (box) placeNodeBadge(badge, box);
      }
    }
    // A re-render of the graph (pan with culling, selection) does not move the cursor: re-stamp
    // the elements it created from the visuals we have, without recomputing the state.
    const run = this.runConsumer.value;
    const cursor = this.cursorConsumer.value;
    if (run && cursor && run.store === this.lastStore && run.revision === this.appliedRevision && cursor.t === this.appliedT) this.restampAll();
    else this.apply(false);
  }

  /** Marks the edges of the causality trace ("show causes" in the log) with `data-causal`, unmarks the rest. */
  private stampCausal(ids: ReadonlySet<string> | undefined): void {
    const next = new Set<Element>();
    if (ids) for (const id of ids) {
      const el = this.edgeEls.get(id);
      if (el) next.add(el);
    }
    for (const el of this.causalEls) if (!next.has(el)) el.removeAttribute('data-causal');
    for (const el of next) if (!el.hasAttribute('data-causal')) el.setAttribute('data-causal', '');
    this.causalEls = next;
  }

  /** Brings every drawn node and edge element in line with the current visuals. */
  private restampAll(): void {
    const titles = this.titles();
    for (const id of this.nodeEls.keys()) this.restampIfStale(id, this.nodeVisuals.get(id) ?? IDLE_VISUAL, titles.get(id) ?? id);
    for (const [id, el] of this.edgeEls) {
      const v = this.edgeVisuals.get(id) ?? NO_EDGE_VISUAL;
      const stamp = this.edgeStamps.get(el);
      if (stamp?.edgeId === id && sameEdgeVisual(stamp.key, v)) continue;
      writeEdge(el, v, stamp?.edgeId === id ? stamp.key : undefined);
      this.edgeStamps.set(el, { edgeId: id, key: v });
    }
  }

  /** Applies the state at the cursor now (normally done in a microtask after a change). */
  flush(): void {
    this.scheduled = false;
    this.apply(false);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      if (this.scheduled) this.flush();
    });
  }

  /** Maps node and edge ids to the graph's elements; elements re-used for another id lose our stamp. */
  private collectElements(): void {
    const root = this.host.renderRoot;
    const nodes = new Map<string, SVGGElement>();
    for (const el of root.querySelectorAll<SVGGElement>('.scene .node[data-node-id]')) {
      const id = el.getAttribute('data-node-id');
      if (id !== null) nodes.set(id, el);
    }
    const edges = new Map<string, SVGGElement>();
    for (const el of root.querySelectorAll<SVGGElement>('.scene .edge[data-edge-id]')) {
      const id = el.getAttribute('data-edge-id');
      if (id !== null) edges.set(id, el);
    }
    this.nodeEls = nodes;
    this.edgeEls = edges;
  }

  private apply(forceAll: boolean): void {
    const run: RunContextValue | undefined = this.runConsumer.value;
    const cursor: RunCursor | undefined = this.cursorConsumer.value;
    if (!run || !cursor) return;
    const store = run.store;
    const full = forceAll || store !== this.lastStore;
    if (full) {
      this.nodeVisuals = new Map();
      this.edgeVisuals = new Map();
      this.lastStore = store;
    }
    this.appliedRevision = run.revision;
    this.appliedT = cursor.t;
    const state = store.stateAt(cursor.t);
    let touched = 0;
    let nodesChanged = 0;
    let edgesChanged = 0;
    const announcements: string[] = [];
    const boxes = this.options.boxes();
    const titles = this.titles();
    // Nodes: compare visuals, write only the changed ones.
    const nextVisuals = new Map<string, NodeVisual>();
    for (const [id, ns] of state.nodes) {
      const v = visualOf(ns);
      nextVisuals.set(id, v);
      const prev = this.nodeVisuals.get(id);
      if (!sameNodeVisual(prev, v)) {
        nodesChanged++;
        touched += this.writeNode(id, v, boxes.get(id), titles.get(id) ?? id);
        if (prev && prev.status !== v.status && (v.status === 'completed' || v.status === 'errored' || v.status === 'running')) {
          announcements.push(`${titles.get(id) ?? id} ${v.status}`);
        }
      } else {
        touched += this.restampIfStale(id, v, titles.get(id) ?? id);
      }
    }
    for (const id of this.nodeVisuals.keys()) {
      if (!nextVisuals.has(id)) touched += this.writeNode(id, IDLE_VISUAL, boxes.get(id), titles.get(id) ?? id);
    }
    this.nodeVisuals = nextVisuals;
    // Edges.
    const nextEdges = new Map<string, EdgeVisual>();
    for (const [id, es] of state.edges) {
      const v = edgeVisualOf(es);
      nextEdges.set(id, v);
      const el = this.edgeEls.get(id);
      const stamp = el ? this.edgeStamps.get(el) : undefined;
      if (!sameEdgeVisual(this.edgeVisuals.get(id), v) || (el && (stamp?.edgeId !== id || !sameEdgeVisual(stamp.key, v)))) {
        edgesChanged++;
        if (el) {
          writeEdge(el, v, stamp?.edgeId === id ? stamp.key : undefined);
          this.edgeStamps.set(el, { edgeId: id, key: v });
          touched++;
        }
      }
    }
    this.edgeVisuals = nextEdges;
    this.updateBanner(store, run, cursor.t);
    if (announcements.length > 0) this.announce(announcements);
    this.lastStats = { t: cursor.t, nodesChanged, edgesChanged, elementsTouched: touched };
  }

  /** Hovering a node shows its run state and last value in a small tooltip. */
  private readonly onPointerOver = (ev: Event): void => {
    const pe = ev as PointerEvent;
    const group = (pe.target as Element | null)?.closest?.('.node[data-node-id]');
    const id = group?.getAttribute('data-node-id') ?? null;
    if (id === this.hoveredId) return;
    this.hoveredId = id;
    this.showTip(id, pe);
  };

  private readonly onPointerOut = (ev: Event): void => {
    const pe = ev as PointerEvent;
    const group = (pe.target as Element | null)?.closest?.('.node[data-node-id]');
    if (group && !group.contains(pe.relatedTarget as Node | null) && group.getAttribute('data-node-id') === this.hoveredId) {
      this.hoveredId = null;
      this.showTip(null, ev as PointerEvent);
    }
  };

  private showTip(id: string | null, ev: PointerEvent): void {
    const tip = this.tipEl;
    if (!tip) return;
    const v = id === null ? undefined : this.nodeVisuals.get(id);
    if (id === null || !v || v.status === 'idle') {
      tip.hidden = true;
      return;
    }
    const title = this.titles().get(id) ?? id;
    tip.replaceChildren();
    const head = document.createElement('strong');
    head.textContent = `${title}: ${statusDescription(v)}`;
    tip.append(head);
    if (v.value !== null) {
      const value = document.createElement('div');
      value.textContent = `Last value: ${v.value}`;
      tip.append(value);
    }
    const hostRect = this.host.getBoundingClientRect();
    tip.style.transform = `translate(${Math.round(ev.clientX - hostRect.left + 12)}px, ${Math.round(ev.clientY - hostRect.top + 12)}px)`;
    tip.hidden = false;
  }

  private titles(): ReadonlyMap<string, string> {
    const wf = this.options.workflow();
    if (this.titleCache?.workflow === wf) return this.titleCache.titles;
    const titles = new Map<string, string>();
    for (const n of wf?.nodes ?? []) titles.set(n.id, n.title || n.id);
    this.titleCache = { workflow: wf, titles };
    return titles;
  }

  /** Writes one node's visual to its group (if drawn) and its badge. Returns elements touched. */
  private writeNode(id: string, v: NodeVisual, box: NodeBox | undefined, title: string): number {
    let touched = 0;
    const el = this.nodeEls.get(id);
    if (el) {
      this.stampNode(el, id, v);
      touched++;
    } else if (this.nodeEls.size > 0) {
      // Culled by the graph (off screen): its badge is brought up to date when it is drawn again.
      this.staleBadges.add(id);
      return touched;
    }
    this.staleBadges.delete(id);
    let badge = this.badges.get(id);
    if (!badge && v.status !== 'idle' && box) {
      badge = createNodeBadge(id);
      placeNodeBadge(badge, box);
      this.badges.set(id, badge);
      this.layer?.append(badge.root);
    }
    if (badge && updateNodeBadge(badge, v, title)) touched++;
    return touched;
  }

  /** Re-applies a node's visual to a group the graph re-created or re-used for another node. */
  private restampIfStale(id: string, v: NodeVisual, title: string): number {
    const el = this.nodeEls.get(id);
    if (!el) return 0;
    const stamp = this.stamps.get(el);
    const staleBadge = this.staleBadges.has(id);
    if (!staleBadge && stamp && stamp.nodeId === id && sameNodeVisual(stamp.key, v) && el.getAttribute('data-status') === v.status) return 0;
    if (staleBadge || (!this.badges.has(id) && v.status !== 'idle')) return this.writeNode(id, v, this.options.boxes().get(id), title);
    this.stampNode(el, id, v);
    return 1;
  }

  /** Writes `data-status` (only when the status changed: the one attribute styles read) and the accessible name. */
  private stampNode(el: SVGGElement, id: string, v: NodeVisual): void {
    const old = this.stamps.get(el);
    if (old?.nodeId !== id || old.key.status !== v.status || el.getAttribute('data-status') !== v.status) el.setAttribute('data-status', v.status);
    const body = old?.body ?? el.querySelector(':scope > .node-body') ?? el;
    const current = body.getAttribute('aria-label') ?? '';
    const base = old && current === old.applied ? old.base : current;
    const applied = v.status === 'idle' ? base : `${base}, ${capText(statusDescription(v), 260)}`;
    if (applied !== current) body.setAttribute('aria-label', applied);
    this.stamps.set(el, { nodeId: id, key: v, base, applied, body });
  }

  private updateBanner(store: RunStore, run: RunContextValue, T: number): void {
    const el = this.bannerEl;
    if (!el || store.size === 0) {
      if (el) el.hidden = true;
      return;
    }
    const status = run.run?.status ?? store.status;
    const outcome = store.outcome(T, status);
    const results = store.results(T);
    let label: string;
    if (outcome === 'succeeded') label = 'Succeeded';
    else if (outcome === 'failed') label = status === 'RUNNING' ? 'Failing' : 'Failed';
    else if (run.live || status === 'RUNNING') label = T < (store.range()?.max ?? 0) ? 'In progress at this time' : 'Running…';
    else label = T < (store.range()?.max ?? 0) ? 'In progress at this time' : 'Finished (outcome not recorded)';
    const errored = [...this.nodeVisuals.entries()].filter(([, v]) => v.status === 'errored');
    let detail = '';
    if (outcome === 'failed' && errored.length > 0) {
      const [id, v] = errored[0]!;
      detail = `${this.titles().get(id) ?? id}: ${v.exception ?? 'error'}`;
    } else if (results.length > 0) {
      const last = results[results.length - 1]!;
      detail = `${results.length} result${results.length === 1 ? '' : 's'}; last: ${zippedValueText(last.values.map((v) => [v.key, v.value] as const), 160)}`;
    }
    const dataOutcome = label === 'Failing' ? 'failing' : label.startsWith('Finished') ? 'unknown' : outcome;
    const text = `${dataOutcome}|${label}|${detail}`;
    if (text === this.lastBanner && !el.hidden) return;
    this.lastBanner = text;
    el.hidden = false;
    el.setAttribute('data-outcome', dataOutcome);
    el.replaceChildren();
    const head = document.createElement('span');
    head.className = 'run-banner-outcome';
    head.textContent = label;
    el.append(head);
    if (detail) {
      const rest = document.createElement('span');
      rest.className = 'run-banner-results';
      rest.textContent = capText(detail, 240);
      rest.title = capText(detail, 600);
      el.append(rest);
    }
  }

  /** Announces status changes politely, at most every 750 ms, summarised when many. */
  private announce(lines: string[]): void {
    this.pendingAnnouncements.push(...lines);
    if (this.announceTimer !== undefined) return;
    this.announceTimer = setTimeout(() => {
      this.announceTimer = undefined;
      const list = this.pendingAnnouncements;
      this.pendingAnnouncements = [];
      if (!this.liveEl || list.length === 0) return;
      this.liveEl.textContent = list.length <= 3 ? list.join('. ') : `${list.length} nodes changed status; latest: ${list.slice(-2).join('. ')}`;
    }, 750);
  }
}

/** Writes an edge's run attributes, each only when it differs from what `shown` (the last write to this element) says. */
function writeEdge(el: Element, v: EdgeVisual, shown?: EdgeVisual): void {
  if (shown === undefined || shown.kind !== v.kind) {
    if (v.kind === 'none') el.removeAttribute('data-run-kind');
    else el.setAttribute('data-run-kind', v.kind);
  }
  if (shown === undefined || shown.inFlight !== v.inFlight) {
    if (v.inFlight) el.setAttribute('data-in-flight', '');
    else el.removeAttribute('data-in-flight');
  }
}
