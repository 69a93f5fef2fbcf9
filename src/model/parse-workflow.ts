/**
 * parseWorkflow: any Fluss workflow document (current GraphQL or stored form, legacy G1 in all its
 * variants; bare graph, Flow envelope, `{flow}` or `{data: {flow}}`) -> the normalized Workflow
 * plus diagnostics. Pure, never throws, never hangs on cyclic or hostile objects.
 */
import { type ParseLimits, LimitExceeded, ParseContext } from './context.js';
import { DiagnosticCode, DiagnosticCollector, quote } from './diagnostics.js';
import { readEdges } from './edges.js';
import { readGlobals } from './globals.js';
import { resolveHierarchy } from './hierarchy.js';
import { isRecord, parseJsonText } from './json.js';
import { fillTemplate, nodeDisplayTitle } from './labels.js';
import { type DraftNode, coerceId, optString } from './node-common.js';
import { type EdgeEnds, readNodeG1 } from './normalize-g1.js';
import { readNodeG2 } from './normalize-g2.js';
import type { Generation, Workflow, WorkflowNode, WorkflowParseResult } from './types.js';

/** Options of parseWorkflow: limits (GRAPH_TOO_LARGE above them) and whether to hide empty KwargNodes. */
export interface ParseWorkflowOptions extends Partial<ParseLimits> {
  /** Keep legacy KwargNodes whose streams and constants are all empty and that no edge touches (default false: hidden, spec Q17). */
  readonly keepEmptyKwargs?: boolean;
}

interface Located {
  readonly flow: Record<string, unknown>;
  readonly graph: Record<string, unknown>;
  readonly flowPath: string;
  readonly graphPath: string;
}

const SCHEMA_HINT = 'expected a Fluss workflow: an object with nodes and edges, a Flow with a graph, {flow} or {data: {flow}}';

/** Finds the flow envelope and its graph inside the accepted wrappers. */
function locate(value: unknown, d: DiagnosticCollector): Located | null {
  if (!isRecord(value)) {
    d.error(DiagnosticCode.PARSE_SCHEMA, `The document is ${Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`}: ${SCHEMA_HINT}.`, '$');
    return null;
  }
  if (value.__schema !== undefined || (isRecord(value.data) && value.data.__schema !== undefined)) {
    d.error(DiagnosticCode.PARSE_SCHEMA, `The document is a GraphQL schema introspection, not a workflow: ${SCHEMA_HINT}.`, '$');
    return null;
  }
  let flow: unknown = value;
  let flowPath = '$';
  if (value.nodes === undefined && value.graph === undefined) {
    if (isRecord(value.data)) {
      const data = value.data;
      if (isRecord(data.flow)) {
        flow = data.flow;
        flowPath = '$.data.flow';
      } else if (isRecord(data.run) && isRecord(data.run.flow)) {
        flow = data.run.flow;
        flowPath = '$.data.run.flow';
      }
    } else if (isRecord(value.flow)) {
      flow = value.flow;
      flowPath = '$.flow';
    } else if (isRecord(value.run) && isRecord(value.run.flow)) {
      flow = value.run.flow;
      flowPath = '$.run.flow';
    } else if (value.data === null && value.errors !== undefined) {
      d.error(DiagnosticCode.PARSE_SCHEMA, 'The GraphQL response has no data (it carries errors instead).', '$.data');
      return null;
    }
  }
  if (!isRecord(flow)) return null;
  let graph: Record<string, unknown> = flow;
  let graphPath = flowPath;
  if (isRecord(flow.graph)) {
    graph = flow.graph;
    graphPath = `${flowPath}.graph`;
  } else if (flow.graph !== undefined && flow.graph !== null && flow.nodes === undefined) {
    d.error(DiagnosticCode.PARSE_SCHEMA, `The graph is not an object: ${SCHEMA_HINT}.`, `${flowPath}.graph`);
    return null;
  }
  if (graph.nodes === undefined && Array.isArray(graph.elements)) {
    d.error(
      DiagnosticCode.FORMAT_UNSUPPORTED,
      'This is a 2021 "diagram elements" flow (G0), which is not supported. Re-save it with a newer Fluss.',
      `${graphPath}.elements`,
    );
    return null;
  }
  if (!Array.isArray(graph.nodes)) {
    const what = graph.nodes === undefined ? 'missing' : `a ${graph.nodes === null ? 'null' : typeof graph.nodes}, not a list`;
    d.error(DiagnosticCode.PARSE_SCHEMA, `The node list is ${what}: ${SCHEMA_HINT}.`, `${graphPath}.nodes`);
    return null;
  }
  if (graph.edges !== undefined && graph.edges !== null && !Array.isArray(graph.edges)) {
    d.error(DiagnosticCode.PARSE_SCHEMA, `The edge list is a ${typeof graph.edges}, not a list.`, `${graphPath}.edges`);
    return null;
  }
  return { flow, graph, flowPath, graphPath };
}

const hasG1Fields = (n: Record<string, unknown>): boolean => n.instream !== undefined || n.outstream !== undefined;
const hasG2Fields = (n: Record<string, unknown>): boolean => n.ins !== undefined || n.outs !== undefined;

/**
 * The document generation (spec 2.7, with a written rule for mixed documents, reliability P15):
 * the generation whose stream fields (`instream`/`outstream` vs `ins`/`outs`) most nodes carry;
 * a tie goes to G1 because the spec checks G1 first. With no stream fields at all: G1 when the edges
 * are LabeledEdge/FancyEdge or the graph has legacy `args`/`returns` lists, else G2.
 */
function detectGeneration(nodes: readonly unknown[], graph: Record<string, unknown>, edges: readonly unknown[]): Generation {
  let g1 = 0;
  let g2 = 0;
  for (const n of nodes) {
    if (!isRecord(n)) continue;
    if (hasG1Fields(n)) g1++;
    if (hasG2Fields(n)) g2++;
  }
  if (g1 > 0 || g2 > 0) return g1 >= g2 ? 'G1' : 'G2';
  if (Array.isArray(graph.args) || Array.isArray(graph.returns)) return 'G1';
  for (const e of edges) {
    if (isRecord(e) && (e.__typename === 'LabeledEdge' || e.__typename === 'FancyEdge' || e.typename === 'LabeledEdge')) return 'G1';
  }
  return 'G2';
}

function edgeEndsOf(edges: readonly unknown[]): EdgeEnds {
  const sources = new Set<string>();
  const targets = new Set<string>();
  for (const e of edges) {
    if (!isRecord(e)) continue;
    const s = coerceId(e.source);
    const t = coerceId(e.target);
    if (s !== null) sources.add(s);
    if (t !== null) targets.add(t);
  }
  return { sources, targets };
}

function isEmptyKwarg(n: DraftNode, ends: EdgeEnds): boolean {
  return (
    n.kind === 'kwargs' &&
    n.ins.every((s) => s.length === 0) &&
    n.outs.every((s) => s.length === 0) &&
    n.constants.length === 0 &&
    !ends.sources.has(n.id) &&
    !ends.targets.has(n.id)
  );
}

function finalizeNode(n: DraftNode): WorkflowNode {
  const out: { -readonly [K in keyof WorkflowNode]: WorkflowNode[K] } = {
    id: n.id,
    kind: n.kind,
    typename: n.typename,
    title: '',
    description: fillTemplate(n.description, n.constantsMap),
    ins: n.ins,
    outs: n.outs,
    constants: n.constants,
    voids: n.voids,
    constantsMap: n.constantsMap,
    globalsMap: n.globalsMap,
  };
  if (n.rawTitle !== undefined) out.rawTitle = n.rawTitle;
  if (n.parentId !== undefined) out.parentId = n.parentId;
  if (n.position !== undefined) out.position = n.position;
  if (n.implementation !== undefined) out.implementation = n.implementation;
  if (n.action !== undefined) out.action = n.action;
  if (n.agentFilter !== undefined) out.agentFilter = n.agentFilter;
  out.title = nodeDisplayTitle(out);
  return out;
}

function build(value: unknown, d: DiagnosticCollector, ctx: ParseContext, options: ParseWorkflowOptions): Workflow | null {
  const loc = locate(value, d);
  if (loc === null) {
    if (!d.hasErrors) d.error(DiagnosticCode.PARSE_SCHEMA, `The document has no flow: ${SCHEMA_HINT}.`, '$');
    return null;
  }
  const { flow, graph, graphPath } = loc;
  const rawNodes = graph.nodes as unknown[];
  const rawEdges = (Array.isArray(graph.edges) ? graph.edges : []) as unknown[];
  const nodeCount = rawNodes.length;
  const edgeCount = rawEdges.length;
  if (nodeCount > ctx.limits.maxNodes) {
    d.error(DiagnosticCode.GRAPH_TOO_LARGE, `The workflow has ${nodeCount} nodes, above the limit of ${ctx.limits.maxNodes}.`, `${graphPath}.nodes`);
    return null;
  }
  if (edgeCount > ctx.limits.maxEdges) {
    d.error(DiagnosticCode.GRAPH_TOO_LARGE, `The workflow has ${edgeCount} edges, above the limit of ${ctx.limits.maxEdges}.`, `${graphPath}.edges`);
    return null;
  }
  const generation = detectGeneration(rawNodes, graph, rawEdges);
  let ends: EdgeEnds | null = null;
  const getEnds = (): EdgeEnds => (ends ??= edgeEndsOf(rawEdges));

  const byId = new Map<string, DraftNode>();
  let nodes: DraftNode[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const raw = rawNodes[i];
    const path = `${graphPath}.nodes[${i}]`;
    if (!isRecord(raw)) {
      d.warn(DiagnosticCode.NODE_INVALID, 'A node is not an object; it is dropped.', path);
      continue;
    }
    const id = coerceId(raw.id);
    if (id === null) {
      d.warn(DiagnosticCode.NODE_INVALID, `A node has no valid id (${raw.id === undefined ? 'missing' : quote(raw.id)}); it is dropped.`, `${path}.id`);
      continue;
    }
    if (byId.has(id)) {
      d.warn(DiagnosticCode.NODE_DUPLICATE, `Node id ${quote(id)} appears more than once; the first is kept.`, `${path}.id`);
      continue;
    }
    const g1 = hasG1Fields(raw);
    const g2 = hasG2Fields(raw);
    let reader: Generation = generation;
    if (g1 && g2) {
      d.warn(DiagnosticCode.FORMAT_MIXED, `Node ${quote(id)} has both legacy and current stream fields; the ${generation} fields are used.`, path);
    } else if (g1 !== g2 && (g1 ? 'G1' : 'G2') !== generation) {
      reader = g1 ? 'G1' : 'G2';
      d.warn(DiagnosticCode.FORMAT_MIXED, `Node ${quote(id)} is in ${reader} format inside a ${generation} document; it is read as ${reader}.`, path);
    }
    const node = reader === 'G1' ? readNodeG1(raw, id, ctx, path, getEnds) : readNodeG2(raw, id, ctx, path);
    byId.set(id, node);
    nodes.push(node);
  }

  if (!options.keepEmptyKwargs && nodes.some((n) => n.kind === 'kwargs')) {
    const e = getEnds();
    const kept: DraftNode[] = [];
    for (const n of nodes) {
      if (isEmptyKwarg(n, e)) byId.delete(n.id);
      else kept.push(n);
    }
    nodes = kept;
  }

  const ordered = resolveHierarchy(nodes, byId, ctx);
  const edges = readEdges(rawEdges, byId, ctx, `${graphPath}.edges`);
  const globals = readGlobals(graph.globals, ordered, byId, ctx, `${graphPath}.globals`);

  const workflow: { -readonly [K in keyof Workflow]: Workflow[K] } = {
    generation,
    id: coerceId(flow.id) ?? '',
    title: optString(flow.title) ?? optString(flow.name) ?? '',
    description: optString(flow.description) ?? '',
    nodes: ordered.map(finalizeNode),
    edges,
    globals,
  };
  const createdAt = optString(flow.createdAt ?? flow.created_at);
  if (createdAt !== undefined) workflow.createdAt = createdAt;
  if (isRecord(flow.workspace)) {
    const ws = coerceId(flow.workspace.id);
    if (ws !== null) workflow.workspaceId = ws;
  }
  const hash = optString(flow.hash);
  if (hash !== undefined) workflow.hash = hash;
  return workflow;
}

/**
 * Parses a Fluss workflow in any supported format (spec 2.7) into the normalized model.
 *
 * - `input` is JSON text or an already parsed value (plain object, class instance, frozen object,
 *   even a Proxy: getters that throw give PARSE_SCHEMA, cycles cannot hang because only known fields
 *   are visited, with depth caps).
 * - Returns `{workflow: null}` with an error diagnostic for document-level failures
 *   (PARSE_INVALID_JSON, PARSE_SCHEMA, FORMAT_UNSUPPORTED, GRAPH_TOO_LARGE); otherwise a workflow and
 *   warnings for every item that was repaired or dropped. Codes are listed in docs/errors.md.
 * - Never throws.
 */
export function parseWorkflow(input: unknown, options: ParseWorkflowOptions = {}): WorkflowParseResult {
  const d = new DiagnosticCollector();
  try {
    let value: unknown = input;
    if (typeof input === 'string') {
      const maxBytes = options.maxBytes;
      value = parseJsonText(input, d, maxBytes !== undefined ? { maxBytes } : {});
      if (d.hasErrors) return { workflow: null, diagnostics: d.toArray() };
    }
    // pass-through values are always copied: they are small, and scanning the text for
    // dangerous key names to skip the copy costs more than the copy (measured)
    const ctx = new ParseContext(d, options, false);
    const workflow = build(value, d, ctx, options);
    return { workflow: d.hasErrors ? null : workflow, diagnostics: d.toArray() };
  } catch (e) {
    return { workflow: null, diagnostics: [...d.toArray(), failureDiagnostic(e)] };
  }
}

/** Maps an exception caught while reading data to its document-level diagnostic. */
export function failureDiagnostic(e: unknown): { code: string; severity: 'error'; message: string; path: string } {
  if (e instanceof LimitExceeded) {
    return { code: DiagnosticCode.GRAPH_TOO_LARGE, severity: 'error', message: `${e.what} exceeds the limit of ${e.limit}.`, path: e.path };
  }
  const kind = e instanceof RangeError ? 'is nested too deeply or is too large' : 'could not be read (a field threw when accessed)';
  return { code: DiagnosticCode.PARSE_SCHEMA, severity: 'error', message: `The workflow ${kind}.`, path: '$' };
}
