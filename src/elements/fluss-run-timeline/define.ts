/** Registers <fluss-run-timeline> (guarded, so loading this twice is harmless). */
import { FlussRunTimelineElement } from './fluss-run-timeline.js';

if (!customElements.get('fluss-run-timeline')) customElements.define('fluss-run-timeline', FlussRunTimelineElement);

declare global {
  interface HTMLElementTagNameMap {
    'fluss-run-timeline': FlussRunTimelineElement;
  }
}

export { FlussRunTimelineElement };
