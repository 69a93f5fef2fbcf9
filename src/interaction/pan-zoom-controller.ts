/**
 * Pan and zoom: a thin Lit adapter over @xyflow/system's XYPanZoom (d3-zoom). The viewport
 * transform is written straight onto a composited wrapper (`will-change: transform`), so panning
 * never re-renders nodes. XYPanZoom is created once the pane exists and destroyed, with every
 * d3 listener, when the host disconnects.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { XYPanZoom, PanOnScrollMode, type PanZoomInstance, type Viewport } from '@xyflow/system';
import { select } from 'd3-selection';

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

export class PanZoomController implements ReactiveController {
  private instance: PanZoomInstance | null = null;
  private paneEl: HTMLElement | null = null;
  private current: Viewport = IDENTITY;
  private lastOptions = '';
  private userGesture = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: PanZoomTarget,
  ) {
    host.addController(this);
  }

  /** Whether XYPanZoom is live (for tests and leak checks). */
  get active(): boolean {
    return this.instance !== null;
  }

  get viewport(): Viewport {
    return this.current;
  }

  hostConnected(): void {
    // The pane may already exist (re-insertion): make sure an update runs to re-create XYPanZoom.
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const pane = this.target.pane();
    if (!pane) return;
    if (this.instance && this.paneEl !== pane) this.destroy();
    if (!this.instance) this.create(pane);
    else this.applyOptions();
  }

  hostDisconnected(): void {
    this.destroy();
  }

  /** Moves the viewport (animated when `duration` > 0 and motion is allowed). */
  async setViewport(viewport: Viewport, duration = 0): Promise<void> {
    if (!isFiniteViewport(viewport)) return;
    if (!this.instance) {
      this.apply(viewport, false);
      return;
    }
    await this.instance.setViewport(viewport, { duration: prefersReducedMotion() ? 0 : duration });
  }

  async scaleBy(factor: number, duration = 200): Promise<void> {
    if (!this.instance) return;
    await this.instance.scaleBy(factor, { duration: prefersReducedMotion() ? 0 : duration });
  }

  private create(pane: HTMLElement): void {
    const o = this.target.options();
    this.paneEl = pane;
    this.instance = XYPanZoom({
      domNode: pane,
      minZoom: o.minZoom,
      maxZoom: o.maxZoom,
      viewport: this.current,
      translateExtent: [
        [-Infinity, -Infinity],
        [Infinity, Infinity],
      ],
      onDraggingChange: (dragging) => pane.classList.toggle('dragging', dragging),
      onPanZoomStart: (event) => {
        this.userGesture = event !== null;
      },
      onPanZoomEnd: () => {
        this.userGesture = false;
      },
    });
    this.lastOptions = '';
    this.applyOptions();
    // XYPanZoom starts at our stored viewport; write it to the wrapper right away.
    this.apply(this.instance.getViewport(), false);
  }

  private applyOptions(): void {
    if (!this.instance) return;
    const o = this.target.options();
    const key = `${o.minZoom}|${o.maxZoom}|${o.panEnabled}|${o.zoomEnabled}`;
    if (key === this.lastOptions) return;
    this.lastOptions = key;
    this.instance.setScaleExtent([o.minZoom, o.maxZoom]);
    this.instance.update({
      noWheelClassName: 'nowheel',
      noPanClassName: 'nopan',
      preventScrolling: o.zoomEnabled || o.panEnabled,
      panOnScroll: false,
      panOnDrag: o.panEnabled,
      panOnScrollMode: PanOnScrollMode.Free,
      panOnScrollSpeed: 0.5,
      userSelectionActive: false,
      zoomOnPinch: o.zoomEnabled,
      zoomOnScroll: o.zoomEnabled,
      zoomOnDoubleClick: o.zoomEnabled,
      zoomActivationKeyPressed: false,
      lib: 'fluss',
      onTransformChange: ([x, y, zoom]) => this.apply({ x, y, zoom }, this.userGesture),
      connectionInProgress: false,
      paneClickDistance: 4,
    });
    // Clamp the current zoom into a changed extent.
    const vp = this.instance.getViewport();
    const zoom = Math.min(o.maxZoom, Math.max(o.minZoom, vp.zoom));
    if (zoom !== vp.zoom) this.instance.syncViewport({ ...vp, zoom });
  }

  private apply(viewport: Viewport, user: boolean): void {
    if (!isFiniteViewport(viewport)) return;
    this.current = viewport;
    const layer = this.target.viewportLayer();
    if (layer) layer.style.transform = `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`;
    this.target.onViewportChange(viewport, user);
  }

  private destroy(): void {
    if (this.instance) {
      this.instance.destroy();
      if (this.paneEl) {
        // XYPanZoom's destroy keeps d3's DOM listeners; remove them so nothing outlives us.
        const sel = select(this.paneEl);
        sel.on('.zoom', null);
        this.paneEl.classList.remove('dragging');
      }
    }
    this.instance = null;
    this.paneEl = null;
  }
}

function isFiniteViewport(v: Viewport): boolean {
  return Number.isFinite(v.x) && Number.isFinite(v.y) && Number.isFinite(v.zoom) && v.zoom > 0;
}

/** Whether the user asked for reduced motion. */
let reducedMotion: MediaQueryList | null = null;
export function prefersReducedMotion(): boolean {
  if (typeof matchMedia !== 'function') return false;
  // One MediaQueryList, kept: its `matches` follows the user's setting live.
  reducedMotion ??= matchMedia('(prefers-reduced-motion: reduce)');
  return reducedMotion.matches;
}
