/**
 * The main entry (`fluss-elements`): every element class, event class, context key, the data
 * client and the model's public API. Importing it registers NO tags; `fluss-elements/define`
 * does that, so apps can import classes without side effects.
 */
// Elements
export { FlussProviderElement } from './elements/fluss-provider/fluss-provider.js';
export { requestFlussClient, providerMissingDetail } from './elements/fluss-provider/client-access.js';
export { FlussWorkflow, type WorkflowState } from './elements/fluss-workflow/fluss-workflow.js';
export { FlussRunElement } from './elements/fluss-run/fluss-run.js';
export { FlussRunTimelineElement, PLAY_SPEEDS, type TimelineLane } from './elements/fluss-run-timeline/fluss-run-timeline.js';
export type { TimelineAxis } from './elements/fluss-run-timeline/scale.js';
export {
  FlussRunLogElement,
  EventFilterEngine,
  scanFilter,
  eventsToCsv,
  eventsToJson,
  traceCauses,
  type EventFilter,
  type CauseTrace,
} from './elements/fluss-run-log/index.js';

// Events
export { FlussErrorEvent, truncateServerMessage, type FlussErrorDetail, type ErrorPhase } from './events/fluss-error.js';
export { FlussNodeSelectEvent, type NodeSelectSource } from './events/fluss-node-select.js';
export { FlussRunUpdateEvent, type RunOutcome as RunUpdateOutcome } from './events/fluss-run-update.js';
export { FlussTimeChangeEvent } from './events/fluss-time-change.js';
export { FlussEventSelectEvent } from './events/fluss-event-select.js';

// Context keys (@lit/context), for apps that write their own views inside <fluss-run>
export { flussClientContext } from './context/client-context.js';
export { runContext, type RunContextValue, type RunLoadState } from './context/run-context.js';
export { cursorContext, type RunCursor, type CursorReason } from './context/cursor-context.js';
export { selectionContext, EMPTY_SELECTION, type RunSelection } from './context/selection-context.js';
export { filtersContext, EMPTY_FILTERS, type RunFilters, type TimeRange } from './context/filters-context.js';
export { runControlContext, type RunControl } from './context/run-control-context.js';

// Data client
export * from './data/index.js';

// Layout (precomputed layouts, worker URL for strict CSP setups)
export {
  layoutWorkflow,
  layoutKey,
  validateLayout,
  setLayoutWorkerUrl,
  setLayoutWorkerFactory,
  disposeLayoutWorkers,
  clearLayoutCache,
  LayoutError,
  isLayoutError,
  type LayoutErrorCode,
  type LayoutRequest,
  type WorkflowLayout,
  type NodeBox,
  type EdgeRoute,
  type Point,
  type LayoutDirection,
  type LayoutMode,
  type NodeSize,
} from './layout/index.js';

// Model (also available alone as `fluss-elements/model`)
export * from './model/index.js';

// Framework typings (React JSX, Vue GlobalComponents): types only
export type * from './jsx.js';
