// Dev server: the GraphQL-form shapes it stores and serves (spec 1.1-1.8, 3.1). Node only.

export type GqlPortKind = string;

export interface GqlPort {
  key: string;
  label?: string | null;
  kind: GqlPortKind;
  identifier?: string | null;
  nullable: boolean;
  description?: string | null;
  default?: unknown;
  choices?: { value: string; label: string; description?: string | null; image?: string | null }[] | null;
  children?: GqlPort[] | null;
}

export type GqlNodeTypename =
  | 'ArgNode'
  | 'ReturnNode'
  | 'ReactiveNode'
  | 'RekuestMapActionNode'
  | 'RekuestFilterActionNode'
  | 'AgentSubFlowNode';

export interface GqlNode {
  __typename: GqlNodeTypename;
  id: string;
  kind: 'ARGS' | 'RETURNS' | 'REACTIVE' | 'REKUEST' | 'REKUEST_FILTER' | 'AGENT_SUBFLOW';
  title: string;
  description: string;
  position: { x: number; y: number };
  parentNode: string | null;
  ins: GqlPort[][];
  outs: GqlPort[][];
  constants: GqlPort[];
  voids: GqlPort[];
  constantsMap: Record<string, unknown>;
  globalsMap: Record<string, unknown>;
  implementation?: string;
  hash?: string;
  mapStrategy?: string;
  allowLocalExecution?: boolean;
  actionKind?: 'FUNCTION' | 'GENERATOR';
  retries?: number | null;
  retryDelay?: number | null;
  nextTimeout?: number | null;
  appFilter?: string | null;
  versionFilter?: string | null;
  deviceFilter?: string | null;
  instanceFilter?: string | null;
  userFilter?: string | null;
  autoResolvable?: boolean;
}

export interface GqlEdge {
  __typename: 'VanillaEdge' | 'LoggingEdge';
  id: string;
  kind: 'VANILLA' | 'LOGGING';
  source: string;
  sourceHandle: string;
  target: string;
  targetHandle: string;
  stream: { kind: string; label: string }[];
  label?: string | null;
  level?: string;
}

export interface GqlGraph {
  nodes: GqlNode[];
  edges: GqlEdge[];
  globals: { key: string; port: GqlPort }[];
}

export interface GqlWorkspace {
  id: string;
  title: string;
  description: string | null;
  createdAt: string;
}

export interface GqlFlow {
  __typename: 'Flow';
  id: string;
  title: string;
  description: string | null;
  createdAt: string;
  hash: string;
  workspace: GqlWorkspace;
  graph: GqlGraph;
}

export type EventKind = 'NEXT' | 'ERROR' | 'COMPLETE' | 'UNKNOWN';

/** A stored run event, exactly the GraphQL `RunEvent` fields plus the run id and reference. */
export interface StoredEvent {
  readonly id: string;
  readonly runId: string;
  readonly reference: string;
  readonly source: string;
  readonly handle: string;
  readonly kind: EventKind;
  readonly t: number;
  readonly causedBy: readonly string[];
  readonly value: unknown;
  readonly exception: string | null;
  readonly createdAt: string;
}

export interface StoredSnapshot {
  readonly id: string;
  readonly runId: string;
  readonly t: number;
  readonly status: string | null;
  readonly createdAt: string;
  /** Ids sent with the mutation; like the current server, never exposed as `Snapshot.events`. */
  readonly sentEventIds: readonly string[];
}

export interface StoredRun {
  readonly id: string;
  readonly taskId: string;
  readonly flowId: string;
  readonly snapshotInterval: number;
  readonly createdAt: string;
  status: 'RUNNING' | 'COMPLETED';
  /** In insertion (id) order. */
  readonly events: StoredEvent[];
  /** True while `events` is also in (t, id) order (the engine tracks with non-decreasing t). */
  sortedByT: boolean;
  readonly snapshots: StoredSnapshot[];
}
