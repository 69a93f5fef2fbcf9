/**
 * Registers <fluss-workflow> (side effect). Guarded, so loading the bundle twice is harmless.
 */
import { FlussWorkflow } from './fluss-workflow.js';

if (!customElements.get('fluss-workflow')) customElements.define('fluss-workflow', FlussWorkflow);

export { FlussWorkflow };
