/** The public surface of <fluss-run-log>: the element class and its pure helpers (no registration). */
export { FlussRunLogElement } from './fluss-run-log.js';
export { EventFilterEngine, scanFilter, mergeRuns, isEmptyFilter, EVENT_KINDS, NO_FILTER, type EventFilter, type IndexedEvents, type QueryPlan } from './filter-engine.js';
export { valueText, zipValueTexts, previewLine, searchTextOf, MAX_VALUE_TEXT, MAX_VALUE_DEPTH, type KeyedText } from './value-text.js';
export { eventsToCsv, eventsToJson, csvCell, CSV_COLUMNS } from './export.js';
export { readViewState, writeViewState, type UrlViewState } from './url-state.js';
export { traceCauses, type CauseTrace, type CausalStore } from './causes.js';
