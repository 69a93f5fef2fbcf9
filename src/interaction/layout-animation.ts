/**
 * Layout transitions: when an auto layout arrives after a first paint with known positions, the
 * nodes glide from the old boxes to the new ones (one rAF loop, cancelled on disconnect).
 * With prefers-reduced-motion the new layout applies at once.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { NodeBox, WorkflowLayout } from '../layout/types.js';
import { prefersReducedMotion } from './pan-zoom-controller.js';

/** Above this many nodes layouts switch without animation. */
export const ANIMATE_MAX_NODES = 400;

function ease(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
}

/** Interpolates node boxes between two layouts; nodes new in `to` appear at their place. */
export function interpolateBoxes(from: ReadonlyMap<string, NodeBox>, to: WorkflowLayout, t: number): NodeBox[] {
  const k = ease(Math.min(1, Math.max(0, t)));
  return to.nodes.map((b) => {
    const a = from.get(b.id);
    if (!a) return b;
    return {
      id: b.id,
      x: a.x + (b.x - a.x) * k,
      y: a.y + (b.y - a.y) * k,
      width: a.width + (b.width - a.width) * k,
      height: a.height + (b.height - a.height) * k,
    };
  });
}

export class LayoutAnimationController implements ReactiveController {
  private frame = 0;
  private resolve: (() => void) | null = null;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  get running(): boolean {
    return this.frame !== 0;
  }

  /**
   * Animates from `from` to `to`, calling `onFrame` with interpolated boxes, then `onFrame(null)`.
   * Resolves when done or cancelled.
   */
  run(from: ReadonlyMap<string, NodeBox>, to: WorkflowLayout, durationMs: number, onFrame: (boxes: NodeBox[] | null) => void): Promise<void> {
    this.cancel();
    if (prefersReducedMotion() || durationMs <= 0 || to.nodes.length > ANIMATE_MAX_NODES || from.size === 0 || typeof requestAnimationFrame !== 'function') {
      onFrame(null);
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      this.resolve = resolve;
      const start = performance.now();
      const step = (now: number): void => {
        const t = (now - start) / durationMs;
        if (t >= 1) {
          this.frame = 0;
          onFrame(null);
          this.finish();
          return;
        }
        onFrame(interpolateBoxes(from, to, t));
        this.frame = requestAnimationFrame(step);
      };
      this.frame = requestAnimationFrame(step);
    });
  }

  cancel(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.finish();
  }

  hostDisconnected(): void {
    this.cancel();
  }

  private finish(): void {
    const r = this.resolve;
    this.resolve = null;
    r?.();
  }
}
