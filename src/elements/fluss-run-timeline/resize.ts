/**
 * A reactive controller that owns one ResizeObserver and reports the observed element's content
 * size to its host (created on connect, destroyed on disconnect).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ResizeController implements ReactiveController {
  width = 0;
  height = 0;
  private observer: ResizeObserver | null = null;
  private target: Element | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly onResize: () => void,
  ) {
    host.addController(this);
  }

  /** Starts observing `el` (call after first render). */
  observe(el: Element): void {
    if (this.target === el) return;
    this.observer?.disconnect();
    this.target = el;
    this.observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      if (box.width === this.width && box.height === this.height) return;
      this.width = box.width;
      this.height = box.height;
      this.onResize();
    });
    this.observer.observe(el);
  }

  hostConnected(): void {
    if (this.target && !this.observer) {
      const el = this.target;
      this.target = null;
      this.observe(el);
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
  }
}
