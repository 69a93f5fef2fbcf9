/**
 * `fluss-elements/define`: registers every element's tag (side effect; each registration is
 * guarded, so loading this twice is harmless) and re-exports the main entry.
 * Order matters for markup already in the page: the context providers (`fluss-provider`,
 * `fluss-run`) are defined first, so they are upgraded and listening before the views inside them
 * (graph, timeline, log) upgrade and ask for the client and the run.
 */
import './elements/fluss-provider/define.js';
import './elements/fluss-run/define.js';
import './elements/fluss-workflow/define.js';
import './elements/fluss-run-timeline/define.js';
import './elements/fluss-run-log/define.js';

export * from './index.js';
