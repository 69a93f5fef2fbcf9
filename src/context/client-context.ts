/**
 * Context key for the Fluss client a `<fluss-provider>` provides to every descendant. Undefined
 * while the provider has no endpoint.
 */
import { createContext } from '@lit/context';
import type { FlussClient } from '../data/fluss-client.js';

export const flussClientContext = createContext<FlussClient | undefined>(Symbol.for('fluss-client-context'));
