/**
 * Recorded runs made in the browser: the dev server's engine (spec 3.2 rules, deterministic)
 * executes a project-written flow and its records become a run and its events, exactly the
 * shape `<fluss-run>` takes through `.run` and `.events`. No server involved.
 */
import { executeFlow, type NodeBehaviour } from '../../dev-server/engine.js';
import { imageAnalysisFlow } from '../../dev-server/seed/current-flows.js';
import type { GqlFlow } from '../../dev-server/types.js';
import { parseWorkflow, type Run } from '../../src/model/index.js';

export interface RecordedRun {
  readonly run: Run;
  readonly events: readonly Record<string, unknown>[];
}

export interface RecordOptions {
  /** Make this node fail on its nth input (an ERROR propagating to the outputs). */
  readonly failNode?: string;
  readonly failOnNext?: number;
  /** Wall-clock start (ISO); events are spaced 40 ms apart from it. */
  readonly startedAt?: string;
}

/** Executes `flow` to its end and returns the run record and its events (current `kind` shape). */
export function recordRun(flow: GqlFlow = imageAnalysisFlow(), options: RecordOptions = {}): RecordedRun {
  const behaviours = new Map<string, NodeBehaviour>();
  if (options.failNode) behaviours.set(options.failNode, { failOnNext: options.failOnNext ?? 2 });
  const start = Date.parse(options.startedAt ?? '2026-09-14T10:30:00.000Z');
  const events: Record<string, unknown>[] = [];
  for (const rec of executeFlow(flow, { behaviours })) {
    if (rec.type !== 'track') continue;
    const n = events.length;
    events.push({
      id: String(n + 1),
      source: rec.source,
      handle: rec.handle,
      kind: rec.kind,
      t: rec.t,
      value: rec.value,
      exception: rec.exception,
      causedBy: [...rec.causedBy],
      createdAt: new Date(start + n * 40).toISOString(),
    });
  }
  const { workflow } = parseWorkflow(flow);
  const run: Run = {
    id: options.failNode ? 'recorded-error' : 'recorded-success',
    taskId: 'story-task',
    status: 'COMPLETED',
    createdAt: new Date(start).toISOString(),
    flow: workflow,
    snapshots: [],
  };
  return { run, events };
}
