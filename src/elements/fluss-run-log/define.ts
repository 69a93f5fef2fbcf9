/** Registers <fluss-run-log> (guarded, so loading this twice is harmless). */
import { FlussRunLogElement } from './fluss-run-log.js';

if (!customElements.get('fluss-run-log')) customElements.define('fluss-run-log', FlussRunLogElement);

declare global {
  interface HTMLElementTagNameMap {
    'fluss-run-log': FlussRunLogElement;
  }
}

export { FlussRunLogElement };
