/**
 * The GraphQL operation documents the client sends (spec 4.4), as plain strings. None selects
 * `graph.zoom` (declared Float! but never stored). Ports select what rendering needs, not widgets
 * (spec Q3). test/unit/dev-server validates every document against the real Fluss SDL.
 */

const PORT_TREE = `key label kind identifier nullable description
    children { __typename key label kind identifier nullable description
      children { __typename key label kind identifier nullable
        children { __typename key label kind identifier nullable } } }`;

/** Port fields for input-side ports. */
export const ARG_PORT_FRAGMENT = `fragment FlussArgPort on ArgPort {
  __typename ${PORT_TREE} default
  choices { value label description }
}`;

/** Port fields for output-side ports. */
export const RETURN_PORT_FRAGMENT = `fragment FlussReturnPort on ReturnPort {
  __typename ${PORT_TREE} default
  choices { value label description }
}`;

const ACTION_FIELDS = 'hash mapStrategy allowLocalExecution actionKind retries retryDelay nextTimeout';

/** A whole flow in the current GraphQL form. */
export const FLOW_FRAGMENT = `fragment FlussFlow on Flow {
  __typename id title description createdAt hash
  workspace { id title }
  graph {
    globals { key port { ...FlussArgPort } }
    nodes {
      __typename id kind title description parentNode globalsMap constantsMap
      position { x y }
      ins { ...FlussArgPort }
      outs { ...FlussReturnPort }
      constants { ...FlussArgPort }
      voids { ...FlussArgPort }
      ... on ReactiveNode { implementation }
      ... on RekuestMapActionNode { ${ACTION_FIELDS} }
      ... on RekuestFilterActionNode { ${ACTION_FIELDS} }
      ... on AgentSubFlowNode { appFilter versionFilter deviceFilter instanceFilter userFilter autoResolvable }
    }
    edges {
      __typename id kind source sourceHandle target targetHandle
      stream { kind label }
      ... on VanillaEdge { label }
      ... on LoggingEdge { level }
    }
  }
}
${ARG_PORT_FRAGMENT}
${RETURN_PORT_FRAGMENT}`;

/** The fields of one run event. */
export const RUN_EVENT_FRAGMENT = `fragment FlussRunEvent on RunEvent { id source handle kind t causedBy value exception createdAt }`;

/** `flow(id)`. Variables: `{id}`. */
export const FLOW_QUERY = `query FlussFlow($id: ID!) {
  flow(id: $id) { ...FlussFlow }
}
${FLOW_FRAGMENT}`;

/** `run(id)` with its snapshots and the exact flow version that ran. Variables: `{id}`. */
export const RUN_QUERY = `query FlussRun($id: ID!) {
  run(id: $id) {
    id taskId status createdAt
    snapshots(ordering: [{t: ASC}]) { id t status createdAt }
    latestSnapshot { id t createdAt }
    flow { ...FlussFlow }
  }
}
${FLOW_FRAGMENT}`;

/** Only the status of a run (re-queried when a run looks finished). Variables: `{id}`. */
export const RUN_STATUS_QUERY = `query FlussRunStatus($id: ID!) {
  run(id: $id) { id status }
}`;

/** One page of a run's events ordered by (t, id). Variables: `{id, filters?, pagination}`. */
export const RUN_EVENTS_QUERY = `query FlussRunEvents($id: ID!, $filters: RunEventFilter, $pagination: OffsetPaginationInput) {
  run(id: $id) {
    id status
    events(filters: $filters, ordering: [{t: ASC}, {id: ASC}], pagination: $pagination) { ...FlussRunEvent }
  }
}
${RUN_EVENT_FRAGMENT}`;

/** The runs list. Variables: `{filters?, pagination?, ordering?}`. */
export const RUNS_QUERY = `query FlussRuns($filters: RunFilter, $pagination: OffsetPaginationInput, $ordering: [RunOrder!]) {
  runs(filters: $filters, pagination: $pagination, ordering: $ordering) {
    id taskId status createdAt
    flow { id title workspace { id title } }
  }
}`;

/** `eventsBetween` (gap-fill and windows). Variables: `{run, min?, max?}`; `max: 0` means no bound. */
export const EVENTS_BETWEEN_QUERY = `query FlussEventsBetween($run: ID!, $min: Int, $max: Int) {
  eventsBetween(run: $run, min: $min, max: $max) { ...FlussRunEvent }
}
${RUN_EVENT_FRAGMENT}`;

/** `snapshot(id)`. Variables: `{id}`. */
export const SNAPSHOT_QUERY = `query FlussSnapshot($id: ID!) {
  snapshot(id: $id) { id t status createdAt run { id taskId } }
}`;

/** Live events of a run (no replay). Variables: `{run}`. */
export const RUN_EVENTS_SUBSCRIPTION = `subscription FlussRunEventsLive($run: ID!) {
  events(run: $run) { ...FlussRunEvent }
}
${RUN_EVENT_FRAGMENT}`;

/** Every document the client sends, by operation name (the validation test walks this). */
export const ALL_OPERATIONS: ReadonlyMap<string, string> = new Map([
  ['FlussFlow', FLOW_QUERY],
  ['FlussRun', RUN_QUERY],
  ['FlussRunStatus', RUN_STATUS_QUERY],
  ['FlussRunEvents', RUN_EVENTS_QUERY],
  ['FlussRuns', RUNS_QUERY],
  ['FlussEventsBetween', EVENTS_BETWEEN_QUERY],
  ['FlussSnapshot', SNAPSHOT_QUERY],
  ['FlussRunEventsLive', RUN_EVENTS_SUBSCRIPTION],
]);

/** Raw shapes of the responses (GraphQL form, before src/model normalizes them). */
export interface RawRunEvent {
  readonly id: string;
  readonly source: string;
  readonly handle: string;
  readonly kind: 'NEXT' | 'ERROR' | 'COMPLETE' | 'UNKNOWN';
  readonly t: number;
  readonly causedBy: readonly string[];
  readonly value: unknown;
  readonly exception: string | null;
  readonly createdAt: string;
}

export interface RawSnapshot {
  readonly id: string;
  readonly t: number;
  readonly status: string | null;
  readonly createdAt: string;
}

export interface RawRun {
  readonly id: string;
  readonly taskId: string;
  readonly status: 'RUNNING' | 'COMPLETED';
  readonly createdAt: string;
  readonly snapshots: readonly RawSnapshot[];
  readonly latestSnapshot: { id: string; t: number; createdAt: string } | null;
  /** The flow in GraphQL form; feed it to src/model's parseWorkflow. */
  readonly flow: { readonly graph: { readonly nodes: readonly { readonly __typename: string; readonly id: string }[] } } & Record<string, unknown>;
}

export interface FlowQueryData {
  readonly flow: Record<string, unknown> | null;
}
export interface RunQueryData {
  readonly run: RawRun | null;
}
export interface RunStatusData {
  readonly run: { readonly id: string; readonly status: 'RUNNING' | 'COMPLETED' } | null;
}
export interface RunEventsData {
  readonly run: { readonly id: string; readonly status: 'RUNNING' | 'COMPLETED'; readonly events: readonly RawRunEvent[] } | null;
}
export interface EventsBetweenData {
  readonly eventsBetween: readonly RawRunEvent[] | null;
}
export interface RunEventsSubscriptionData {
  readonly events: RawRunEvent;
}
