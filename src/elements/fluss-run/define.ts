/** Registers <fluss-run> (guarded, so loading this twice is harmless). */
import { FlussRunElement } from './fluss-run.js';

if (!customElements.get('fluss-run')) customElements.define('fluss-run', FlussRunElement);

declare global {
  interface HTMLElementTagNameMap {
    'fluss-run': FlussRunElement;
  }
}

export { FlussRunElement };
