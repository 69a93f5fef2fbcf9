/** Registers <fluss-provider> (guarded, so loading this twice is harmless). */
import { FlussProviderElement } from './fluss-provider.js';

if (!customElements.get('fluss-provider')) customElements.define('fluss-provider', FlussProviderElement);

declare global {
  interface HTMLElementTagNameMap {
    'fluss-provider': FlussProviderElement;
  }
}

export { FlussProviderElement };
