/**
 * The normalized Fluss model: one shape that every workflow and run format maps onto.
 * Pure data: no DOM, no Lit. Maps, never plain objects, wherever keys come from the data.
 */

/** Which Fluss generation a document came from (spec section 0). */
export type Generation = 'G1' | 'G2';

/** What a node is, independent of the format it came in. */
export type NodeKind =
  | 'args'
  | 'returns'
  | 'kwargs'
  | 'rekuest-map'
  | 'rekuest-filter'
  | 'reactive'
  | 'agent-subflow'
  | 'local'
  | 'subgraph'
  | 'unknown';

export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface PortChoice {
  readonly value: string;
  readonly label: string;
  readonly description?: string;
}

/** One port of a stream, a constant or a void (`ArgPort`, `ReturnPort`, legacy `Port`). */
export interface Port {
  readonly key: string;
  /** Human label; absent when the data has none (fall back to `key`). */
  readonly label?: string;
  /** PortKind as written in the data (INT, STRUCTURE, ..., UNSET); unknown kinds are kept. */
  readonly kind: string;
  readonly identifier?: string;
  readonly nullable: boolean;
  readonly description?: string;
  readonly default?: unknown;
  /** LIST/DICT element type, UNION variants, MODEL fields (legacy `child`/`variants` too). */
  readonly children: readonly Port[];
  readonly choices?: readonly PortChoice[];
  /** Widget kind, normalized (SEARCH, SLIDER, CHOICE, ...); informational only. */
  readonly widgetKind?: string;
  /** Legacy `scope` (GLOBAL | LOCAL). */
  readonly scope?: string;
  /** True when `children` were cut at the depth cap (16 levels); labels show "…" there. */
  readonly truncated?: boolean;
}

/** An ordered tuple of ports carried by one event on a stream; empty means a bare trigger. */
export type Stream = readonly Port[];

export interface ActionInfo {
  readonly hash: string;
  /** FUNCTION | GENERATOR (legacy ArkitektNode `kind`). */
  readonly actionKind: string;
  /** Free text: MAP, MAP_TO, MAP_FROM, AS_COMPLETED, ORDERED, ... */
  readonly mapStrategy: string;
  readonly allowLocalExecution: boolean;
  readonly retries?: number;
  readonly retryDelayMs?: number;
  readonly nextTimeoutMs?: number;
  /** Legacy LocalNode. */
  readonly local?: boolean;
}

export interface AgentFilter {
  readonly app?: string;
  readonly version?: string;
  readonly device?: string;
  readonly instance?: string;
  readonly user?: string;
  readonly autoResolvable: boolean;
}

export interface WorkflowNode {
  readonly id: string;
  readonly kind: NodeKind;
  /** The type name as found or derived (ArgNode, RekuestMapActionNode, ArkitektNode, ...). */
  readonly typename: string;
  /** Display title with `{{ key }}` templates already filled (plain text). */
  readonly title: string;
  readonly description: string;
  /** Input streams: stream i is target handle `arg_i`. */
  readonly ins: readonly Stream[];
  /** Output streams: stream j is source handle `return_j`. */
  readonly outs: readonly Stream[];
  readonly constants: readonly Port[];
  readonly voids: readonly Port[];
  /** Constant port key -> value. */
  readonly constantsMap: ReadonlyMap<string, unknown>;
  /** Constant port key -> global key. */
  readonly globalsMap: ReadonlyMap<string, string>;
  readonly parentId?: string;
  /** Authored position (parent-relative for children of a group); absent when unknown or invalid. */
  readonly position?: Position;
  /** ReactiveNode implementation (ZIP, CHUNK, ADD, ...), as written. */
  readonly implementation?: string;
  readonly action?: ActionInfo;
  readonly agentFilter?: AgentFilter;
  /** The authored title as plain text, before templates were filled (absent when none). */
  readonly rawTitle?: string;
}

export interface StreamItem {
  readonly kind: string;
  readonly label: string;
}

export interface WorkflowEdge {
  readonly id: string;
  readonly source: string;
  /** Index of the source node's output stream (`return_<n>`). */
  readonly sourceStream: number;
  readonly target: string;
  /** Index of the target node's input stream (`arg_<n>`). */
  readonly targetStream: number;
  readonly sourceHandle: string;
  readonly targetHandle: string;
  readonly kind: 'vanilla' | 'logging';
  readonly label?: string;
  readonly level?: string;
  /** What flows over the edge: from `edge.stream` when present, else derived from the source's outs. */
  readonly items: readonly StreamItem[];
}

export interface GlobalTarget {
  readonly nodeId: string;
  readonly portKey: string;
}

export interface WorkflowGlobal {
  readonly key: string;
  readonly port: Port;
  readonly targets: readonly GlobalTarget[];
}

export interface Workflow {
  readonly generation: Generation;
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly createdAt?: string;
  readonly workspaceId?: string;
  readonly hash?: string;
  /** Parents come before their children. */
  readonly nodes: readonly WorkflowNode[];
  readonly edges: readonly WorkflowEdge[];
  readonly globals: readonly WorkflowGlobal[];
}

export type RunEventKind = 'NEXT' | 'ERROR' | 'COMPLETE' | 'UNKNOWN';

export interface RunEvent {
  readonly id: string;
  /** A node id of the run's flow. */
  readonly source: string;
  /** `return_<n>`. */
  readonly handle: string;
  readonly kind: RunEventKind;
  /** Logical clock; not unique. */
  readonly t: number;
  /** The t values of the events that caused this one (-1: none). Not event ids. */
  readonly causedBy: readonly number[];
  /** NEXT: array aligned with the ports of the source's out stream. Null otherwise. */
  readonly value: unknown;
  readonly exception?: string;
  /** ISO 8601 wall clock, when known. */
  readonly createdAt?: string;
  /**
   * True when the data's `t` was not a non-negative safe integer (reliability N4): `t` then holds
   * the arrival-order fallback (the highest valid t seen before it) and the event sorts there.
   */
  readonly tInvalid?: boolean;
}

export interface Snapshot {
  readonly id: string;
  readonly t: number;
  readonly status?: string;
  readonly createdAt?: string;
}

/** RUNNING or COMPLETED in current data; free text or null in legacy data. */
export type RunStatus = 'RUNNING' | 'COMPLETED' | (string & {}) | null;

export interface Run {
  readonly id: string;
  readonly taskId: string;
  readonly status: RunStatus;
  readonly createdAt?: string;
  readonly flow: Workflow | null;
  readonly snapshots: readonly Snapshot[];
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** A stable code from `DiagnosticCode` (src/model/diagnostics.ts). */
  readonly code: string;
  readonly severity: Severity;
  /** English, ours; data appears only as quoted text. */
  readonly message: string;
  /** JSONPath-like location in the input (`$.graph.nodes[3].id`). */
  readonly path: string;
  /** For a summary diagnostic: how many diagnostics of this code it stands for. */
  readonly count?: number;
}

export interface ParseResult<T> {
  readonly value: T | null;
  readonly diagnostics: readonly Diagnostic[];
}

export interface WorkflowParseResult {
  readonly workflow: Workflow | null;
  readonly diagnostics: readonly Diagnostic[];
}

export interface RunExportParseResult {
  readonly run: Run | null;
  readonly workflow: Workflow | null;
  readonly events: readonly RunEvent[];
  readonly diagnostics: readonly Diagnostic[];
}
