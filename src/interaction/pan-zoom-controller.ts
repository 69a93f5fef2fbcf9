/**
 * Pan and zoom: pointer-drag pan (pointer capture), wheel and trackpad-pinch zoom around the
 * cursor, two-pointer pinch, double-click zoom, and animated transitions (rAF, eased,
 * interruptible, instant under prefers-reduced-motion). The viewport transform is written straight
 * onto a composited wrapper (`will-change: transform`), so panning never re-renders nodes. The
 * listeners live on the pane while the host is connected and are removed when it disconnects.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clampZoom, easeCubicInOut, interpolateViewport, isFiniteViewport, wheelZoomFactor, zoomAround, type Viewport } from './viewport.js';

export type { Viewport } from './viewport.js';

export interface PanZoomOptions {
  readonly minZoom: number;
  readonly maxZoom: number;
  readonly panEnabled: boolean;
  readonly zoomEnabled: boolean;
}

export interface PanZoomTarget {
  /** The element that receives wheel, pinch and drag input. */
  pane(): HTMLElement | null;
  /** The composited wrapper the transform is written to. */
  viewportLayer(): HTMLElement | null;
  options(): PanZoomOptions;
  /** Called on every transform change (after the wrapper has been updated). */
  onViewportChange(viewport: Viewport, userInitiated: boolean): void;
}

const IDENTITY: Viewport = { x: 0, y: 0, zoom: 1 };
/** A press that moves less than this (px) is a click, not a drag. */
const CLICK_DISTANCE = 4;
const DBLCLICK_DURATION = 250;

interface Pointer {
  x: number;
  y: number;
}

/** The gesture baseline: where the pointers were and what the viewport was when it (re)started. */
interface Gesture {
  readonly viewport: Viewport;
  readonly x: number;
  readonly y: number;
  /** Distance between the two pointers of a pinch (0 for a one-pointer drag). */
  readonly distance: number;
}

interface Animation {
  readonly from: Viewport;
  readonly to: Viewport;
  readonly start: number;
  readonly duration: number;
  readonly user: boolean;
  frame: number;
  readonly done: () => void;
}

/**
 * Lit controller that owns a pane's pan/zoom input and the viewport transform. The host supplies
 * the pane, the wrapper and the options through a {@link PanZoomTarget}.
 */
export class PanZoomController implements ReactiveController {
  private paneEl: HTMLElement | null = null;
  private current: Viewport = IDENTITY;
  private readonly pointers = new Map<number, Pointer>();
  private gesture: Gesture | null = null;
  private moved = false;
  private suppressClick = false;
  private animation: Animation | null = null;
  /** Removes every pane listener at once. */
  private listeners: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: PanZoomTarget,
  ) {
    host.addController(this);
  }

  /** Whether the pane's listeners are live (for tests and leak checks). */
  get active(): boolean {
    return this.paneEl !== null;
  }

  get viewport(): Viewport {
    return this.current;
  }

  hostConnected(): void {
    // The pane may already exist (re-insertion): make sure an update runs to re-attach.
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const pane = this.target.pane();
    if (!pane) return;
    if (this.paneEl !== pane) {
      this.detach();
      this.attach(pane);
      this.apply(this.current, false);
    }
    // Clamp the current zoom into a changed extent.
    const o = this.target.options();
    const zoom = clampZoom(this.current.zoom, o.minZoom, o.maxZoom);
    if (zoom !== this.current.zoom) this.apply({ ...this.current, zoom }, false);
  }

  hostDisconnected(): void {
    this.detach();
  }

  /** Moves the viewport (animated when `duration` > 0 and motion is allowed). */
  setViewport(viewport: Viewport, duration = 0): Promise<void> {
    if (!isFiniteViewport(viewport)) return Promise.resolve();
    const o = this.target.options();
    return this.animateTo({ x: viewport.x, y: viewport.y, zoom: clampZoom(viewport.zoom, o.minZoom, o.maxZoom) }, duration, false);
  }

  /** Zooms by `factor` around the pane centre (clamped to the zoom limits). */
  scaleBy(factor: number, duration = 200): Promise<void> {
    const pane = this.paneEl;
    if (!pane || !(factor > 0)) return Promise.resolve();
    const o = this.target.options();
    const from = this.current;
    const to = zoomAround(from, clampZoom(from.zoom * factor, o.minZoom, o.maxZoom), pane.clientWidth / 2, pane.clientHeight / 2);
    return this.animateTo(to, duration, false);
  }

  // ------------------------------------------------------------------ transitions

  private animateTo(to: Viewport, duration: number, user: boolean): Promise<void> {
    this.stopAnimation();
    const pane = this.paneEl;
    if (!pane || !(duration > 0) || prefersReducedMotion() || typeof requestAnimationFrame !== 'function' || document.hidden) {
      this.apply(to, user);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const anim: Animation = { from: this.current, to, start: performance.now(), duration, user, frame: 0, done: resolve };
      const step = (now: number) => {
        if (this.animation !== anim) return;
        const t = Math.min(1, Math.max(0, (now - anim.start) / anim.duration));
        this.apply(interpolateViewport(anim.from, anim.to, easeCubicInOut(t), pane.clientWidth, pane.clientHeight), anim.user);
        if (t < 1) {
          anim.frame = requestAnimationFrame(step);
        } else {
          this.animation = null;
          resolve();
        }
      };
      this.animation = anim;
      anim.frame = requestAnimationFrame(step);
    });
  }

  /** Interrupts a running transition where it is; its promise resolves. */
  private stopAnimation(): void {
    const anim = this.animation;
    if (!anim) return;
    this.animation = null;
    cancelAnimationFrame(anim.frame);
    anim.done();
  }

  // ------------------------------------------------------------------ input

  private attach(pane: HTMLElement): void {
    this.paneEl = pane;
    const signal = (this.listeners = new AbortController()).signal;
    const on = (type: string, fn: (e: never) => void, options: AddEventListenerOptions = {}) => pane.addEventListener(type, fn as EventListener, { ...options, signal });
    on('pointerdown', this.onPointerDown);
    on('pointermove', this.onPointerMove);
    on('pointerup', this.onPointerUp);
    on('pointercancel', this.onPointerUp);
    on('lostpointercapture', this.onLostCapture);
    // Not passive: the wheel must not scroll the page while it zooms the graph.
    on('wheel', this.onWheel, { passive: false });
    on('dblclick', this.onDblClick);
    on('click', this.onClickCapture, { capture: true });
  }

  private detach(): void {
    this.stopAnimation();
    this.listeners?.abort();
    this.listeners = null;
    this.paneEl?.classList.remove('dragging');
    this.pointers.clear();
    this.gesture = null;
    this.paneEl = null;
  }

  /** Pane-local coordinates of a pointer or wheel event. */
  private local(event: MouseEvent): Pointer {
    const r = this.paneEl!.getBoundingClientRect();
    return { x: event.clientX - r.left, y: event.clientY - r.top };
  }

  /** Restarts the gesture baseline from the pointers down now (on every pointer added or lifted). */
  private restartGesture(): void {
    const pts = [...this.pointers.values()];
    if (pts.length === 0) {
      this.gesture = null;
      return;
    }
    const [a, b] = pts;
    if (!b) {
      this.gesture = { viewport: this.current, x: a!.x, y: a!.y, distance: 0 };
      return;
    }
    this.gesture = { viewport: this.current, x: (a!.x + b.x) / 2, y: (a!.y + b.y) / 2, distance: Math.hypot(b.x - a!.x, b.y - a!.y) };
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    const o = this.target.options();
    if (!o.panEnabled && !o.zoomEnabled) return;
    if (event.pointerType === 'mouse' && (event.button !== 0 || event.ctrlKey)) return;
    if (isInside(event, 'nopan')) return;
    this.stopAnimation();
    if (this.pointers.size === 0) {
      this.moved = false;
      this.suppressClick = false;
    }
    if (this.pointers.size >= 2) return;
    this.pointers.set(event.pointerId, this.local(event));
    this.restartGesture();
  };

  private readonly onPointerMove = (event: PointerEvent): void => {
    const p = this.pointers.get(event.pointerId);
    const g = this.gesture;
    if (!p || !g) return;
    const at = this.local(event);
    p.x = at.x;
    p.y = at.y;
    const o = this.target.options();
    const pts = [...this.pointers.values()];
    if (pts.length === 1) {
      if (!o.panEnabled) return;
      const dx = at.x - g.x;
      const dy = at.y - g.y;
      // Small moves are followed but the press stays a click until it travels CLICK_DISTANCE.
      if (!this.moved && Math.hypot(dx, dy) >= CLICK_DISTANCE) this.startDrag();
      this.apply({ x: g.viewport.x + dx, y: g.viewport.y + dy, zoom: g.viewport.zoom }, true);
      return;
    }
    // Two pointers: pinch zoom around their midpoint, which pans along as it moves.
    const [a, b] = pts as [Pointer, Pointer];
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const distance = Math.hypot(b.x - a.x, b.y - a.y);
    if (!this.moved) this.startDrag();
    const zoom = o.zoomEnabled && g.distance > 0 ? clampZoom(g.viewport.zoom * (distance / g.distance), o.minZoom, o.maxZoom) : g.viewport.zoom;
    const scaled = zoomAround(g.viewport, zoom, g.x, g.y);
    const pan = o.panEnabled ? { dx: mx - g.x, dy: my - g.y } : { dx: 0, dy: 0 };
    this.apply({ x: scaled.x + pan.dx, y: scaled.y + pan.dy, zoom }, true);
  };

  private startDrag(): void {
    this.moved = true;
    const pane = this.paneEl!;
    pane.classList.add('dragging');
    // Captured only once it is a drag, so a plain click still targets the node under it.
    for (const id of this.pointers.keys()) {
      try {
        pane.setPointerCapture(id);
      } catch {
        // A pointer the browser no longer knows (or a synthetic one): keep listening on the pane.
      }
    }
  }

  private readonly onPointerUp = (event: PointerEvent): void => {
    if (!this.pointers.delete(event.pointerId)) return;
    this.restartGesture();
    if (this.pointers.size === 0) {
      if (this.moved) this.suppressClick = true;
      this.paneEl?.classList.remove('dragging');
    }
  };

  private readonly onLostCapture = (event: PointerEvent): void => {
    // Capture lost without a pointerup (element moved, pointer cancelled): end that pointer.
    if (this.pointers.has(event.pointerId) && event.buttons === 0) this.onPointerUp(event);
  };

  /** After a drag, the click the browser fires at the end of it selects nothing. */
  private readonly onClickCapture = (event: MouseEvent): void => {
    if (!this.suppressClick) return;
    this.suppressClick = false;
    event.stopImmediatePropagation();
    event.preventDefault();
  };

  private readonly onWheel = (event: WheelEvent): void => {
    if (isInside(event, 'nowheel')) return;
    const o = this.target.options();
    if (!o.zoomEnabled) {
      if (o.panEnabled) event.preventDefault();
      return;
    }
    event.preventDefault();
    this.stopAnimation();
    const factor = wheelZoomFactor(event.deltaY, event.deltaMode, event.ctrlKey);
    const zoom = clampZoom(this.current.zoom * factor, o.minZoom, o.maxZoom);
    if (zoom === this.current.zoom) return;
    const at = this.local(event);
    this.apply(zoomAround(this.current, zoom, at.x, at.y), true);
  };

  private readonly onDblClick = (event: MouseEvent): void => {
    const o = this.target.options();
    if (!o.zoomEnabled || isInside(event, 'nopan')) return;
    event.preventDefault();
    const zoom = clampZoom(this.current.zoom * (event.shiftKey ? 0.5 : 2), o.minZoom, o.maxZoom);
    const at = this.local(event);
    void this.animateTo(zoomAround(this.current, zoom, at.x, at.y), DBLCLICK_DURATION, true);
  };

  // ------------------------------------------------------------------ output

  private apply(viewport: Viewport, user: boolean): void {
    if (!isFiniteViewport(viewport)) return;
    this.current = viewport;
    const layer = this.target.viewportLayer();
    if (layer) layer.style.transform = `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`;
    this.target.onViewportChange(viewport, user);
  }
}

/** Whether the event started inside an element with this class (within the pane's shadow tree). */
function isInside(event: Event, className: string): boolean {
  for (const el of event.composedPath()) {
    if (el === event.currentTarget) return false;
    if (el instanceof Element && el.classList.contains(className)) return true;
  }
  return false;
}

/** Whether the user asked for reduced motion. */
let reducedMotion: MediaQueryList | null = null;
export function prefersReducedMotion(): boolean {
  if (typeof matchMedia !== 'function') return false;
  // One MediaQueryList, kept: its `matches` follows the user's setting live.
  reducedMotion ??= matchMedia('(prefers-reduced-motion: reduce)');
  return reducedMotion.matches;
}
