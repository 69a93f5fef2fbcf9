/**
 * parseRunExport: a recorded or fetched Fluss run (legacy export `{run: {...}}`, current GraphQL
 * `run` shape, `{data: {run}}`, or a bare run) -> Run, its flow, and its events deduplicated by id
 * and sorted by (t, id). Pure, never throws.
 */
import { type ParseLimits, isTextTrusted } from './context.js';
import { DiagnosticCode, DiagnosticCollector, quote } from './diagnostics.js';
import { compareEvents, normalizeRunEvent } from './events.js';
import { isRecord, parseJsonText } from './json.js';
import { coerceId, optString } from './node-common.js';
import { type ParseWorkflowOptions, parseWorkflow } from './parse-workflow.js';
import type { Diagnostic, Run, RunEvent, RunExportParseResult, Snapshot, Workflow } from './types.js';

export type ParseRunOptions = ParseWorkflowOptions & Partial<ParseLimits>;

const RUN_HINT = 'expected a Fluss run: {run: {...}}, {data: {run}} or a run object with events';

function locateRun(value: unknown): { run: Record<string, unknown>; path: string } | null {
  if (!isRecord(value)) return null;
  if (isRecord(value.data)) {
    if (isRecord(value.data.run)) return { run: value.data.run, path: '$.data.run' };
    if (isRecord(value.data.runForTask)) return { run: value.data.runForTask, path: '$.data.runForTask' };
    return null;
  }
  if (isRecord(value.run)) return { run: value.run, path: '$.run' };
  if (Array.isArray(value.events) || isRecord(value.flow) || value.taskId !== undefined || value.assignation !== undefined) {
    return { run: value, path: '$' };
  }
  return null;
}

function rebase(diagnostics: readonly Diagnostic[], prefix: string): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, path: d.path === '$' ? prefix : prefix + d.path.slice(1) }));
}

function readSnapshots(raw: unknown): Snapshot[] {
  if (!Array.isArray(raw)) return [];
  const out: Snapshot[] = [];
  for (const s of raw) {
    if (!isRecord(s)) continue;
    const id = coerceId(s.id);
    const t = typeof s.t === 'number' && Number.isSafeInteger(s.t) ? s.t : null;
    if (id === null || t === null) continue;
    const snap: { -readonly [K in keyof Snapshot]: Snapshot[K] } = { id, t };
    if (typeof s.status === 'string') snap.status = s.status;
    if (typeof s.createdAt === 'string') snap.createdAt = s.createdAt;
    out.push(snap);
  }
  out.sort(compareEvents);
  return out;
}

/**
 * Parses a run export or a run query result. Events: malformed ones are dropped (EVENT_MALFORMED),
 * events whose source is not a node of the run's flow are kept (EVENT_UNKNOWN_NODE, one warning per
 * unknown source), a `t` that is not a safe integer is warned (EVENT_TIME_INVALID) and the event keeps
 * its arrival position. `latestSnapshot.events` are merged in. The result is sorted by (t, id).
 */
export function parseRunExport(input: unknown, options: ParseRunOptions = {}): RunExportParseResult {
  const d = new DiagnosticCollector();
  const empty = (): RunExportParseResult => ({ run: null, workflow: null, events: [], diagnostics: d.toArray() });
  try {
    let value = input;
    let trusted = false;
    if (typeof input === 'string') {
      value = parseJsonText(input, d, options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {});
      if (d.hasErrors) return empty();
      trusted = isTextTrusted(input);
    }
    const loc = locateRun(value);
    if (loc === null) {
      d.error(DiagnosticCode.PARSE_SCHEMA, `The document is not a run: ${RUN_HINT}.`, '$');
      return empty();
    }
    const { run: raw, path } = loc;

    let workflow: Workflow | null = null;
    if (isRecord(raw.flow)) {
      const wf = parseWorkflow(raw.flow, options);
      d.addAll(rebase(wf.diagnostics, `${path}.flow`));
      workflow = wf.workflow;
    }

    const rawEvents: unknown[] = [];
    const evPaths: string[] = [];
    if (Array.isArray(raw.events)) {
      const maxEvents = options.maxEvents ?? 2_000_000;
      if (raw.events.length > maxEvents) {
        d.error(DiagnosticCode.GRAPH_TOO_LARGE, `The run has ${raw.events.length} events, above the limit of ${maxEvents}.`, `${path}.events`);
        return empty();
      }
      for (let i = 0; i < raw.events.length; i++) {
        rawEvents.push(raw.events[i]);
        evPaths.push(`${path}.events[${i}]`);
      }
    } else if (raw.events !== undefined && raw.events !== null) {
      d.warn(DiagnosticCode.EVENT_MALFORMED, 'The run events are not a list; they are ignored.', `${path}.events`);
    }
    if (isRecord(raw.latestSnapshot) && Array.isArray(raw.latestSnapshot.events)) {
      const se = raw.latestSnapshot.events;
      for (let i = 0; i < se.length; i++) {
        rawEvents.push(se[i]);
        evPaths.push(`${path}.latestSnapshot.events[${i}]`);
      }
    }

    const byId = new Map<string, RunEvent>();
    let maxT = 0;
    for (let i = 0; i < rawEvents.length; i++) {
      const r = normalizeRunEvent(rawEvents[i], { path: evPaths[i]!, fallbackT: maxT, trustedValue: trusted });
      for (const diag of r.diagnostics) d.add(diag.code as DiagnosticCode, diag.severity, diag.message, diag.path);
      const e = r.event;
      if (e === null) continue;
      if (!e.tInvalid && e.t > maxT) maxT = e.t;
      if (!byId.has(e.id)) byId.set(e.id, e);
    }
    const events = [...byId.values()].sort(compareEvents);

    if (workflow !== null) {
      const nodeIds = new Set(workflow.nodes.map((n) => n.id));
      const unknown = new Map<string, number>();
      for (const e of events) if (!nodeIds.has(e.source)) unknown.set(e.source, (unknown.get(e.source) ?? 0) + 1);
      for (const [source, count] of unknown) {
        d.warn(DiagnosticCode.EVENT_UNKNOWN_NODE, `${count} event(s) come from ${quote(source)}, which is not a node of the run's flow; they are kept.`, `${path}.events`);
      }
    }

    const run: { -readonly [K in keyof Run]: Run[K] } = {
      id: coerceId(raw.id) ?? '',
      taskId: coerceId(raw.taskId ?? raw.assignation) ?? '',
      status: typeof raw.status === 'string' ? raw.status : null,
      flow: workflow,
      snapshots: readSnapshots(raw.snapshots),
    };
    const createdAt = optString(raw.createdAt ?? raw.created_at);
    if (createdAt !== undefined) run.createdAt = createdAt;
    return { run, workflow, events, diagnostics: d.toArray() };
  } catch {
    d.error(DiagnosticCode.PARSE_SCHEMA, 'The run could not be read (a field threw when accessed).', '$');
    return empty();
  }
}
