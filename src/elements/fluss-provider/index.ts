/** <fluss-provider> and the helpers other elements use to reach its client (no registration). */
export { FlussProviderElement } from './fluss-provider.js';
export { requestFlussClient, providerMissingDetail } from './client-access.js';
export { flussClientContext } from '../../context/client-context.js';
