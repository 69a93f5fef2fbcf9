/**
 * Pane size: one ResizeObserver on the pane, created on connect and disconnected on disconnect.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ResizeController implements ReactiveController {
  private observer: ResizeObserver | null = null;
  private observed: Element | null = null;
  width = 0;
  height = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => Element | null,
    private readonly onResize: (width: number, height: number) => void,
  ) {
    host.addController(this);
  }

  get active(): boolean {
    return this.observer !== null;
  }

  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const el = this.target();
    if (!el || el === this.observed) return;
    this.disconnect();
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const rect = entries[entries.length - 1]?.contentRect;
      if (!rect) return;
      if (rect.width === this.width && rect.height === this.height) return;
      this.width = rect.width;
      this.height = rect.height;
      this.onResize(rect.width, rect.height);
    });
    this.observer.observe(el);
    this.observed = el;
  }

  hostDisconnected(): void {
    this.disconnect();
  }

  private disconnect(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.observed = null;
  }
}
