/**
 * The public model API (`fluss-elements/model`): normalized types, parsers for every Fluss format,
 * run events and the run store, label helpers and diagnostic codes. Pure: no DOM, no Lit.
 */
export type * from './types.js';
export { DiagnosticCode, hasErrors, MAX_DIAGNOSTICS_PER_CODE } from './diagnostics.js';
export { DEFAULT_LIMITS, MAX_COORDINATE, MAX_PARENT_DEPTH, MAX_PORT_DEPTH, type ParseLimits } from './context.js';
export { DEFAULT_MAX_BYTES, findJsonSyntaxError, type JsonSyntaxError } from './json.js';
export { parseHandle, handleIndex, returnHandle, argHandle, returnHandleIndex, type ParsedHandle, type HandleSide } from './handles.js';
export { normalizeWidgetKind } from './ports.js';
export {
  portTypeLabel,
  portName,
  streamLabel,
  fillTemplate,
  valueToText,
  identifierDisplayName,
  nodeDisplayTitle,
  kindFallbackTitle,
  agentFilterTitle,
  portsTemplateValue,
  signatureLabel,
  type TypeLabelOptions,
} from './labels.js';
export { parseWorkflow, type ParseWorkflowOptions } from './parse-workflow.js';
export { parseRunExport, type ParseRunOptions } from './parse-run.js';
export {
  normalizeRunEvent,
  compareEvents,
  compareIds,
  eventStreamIndex,
  lowerBoundT,
  upperBoundT,
  MAX_EXCEPTION_LENGTH,
  type NormalizeEventOptions,
  type NormalizedEventResult,
} from './events.js';
export {
  RunStore,
  zipValues,
  type NodeStatus,
  type RunOutcome,
  type PortValue,
  type NodeRunState,
  type EdgeRunState,
  type RunState,
  type ChangedSet,
  type RunResult,
} from './run-store.js';
