// Dev server: the /control/* endpoints (dev only, token-protected): scenarios, stepping, faults,
// dropped sockets, statistics and the store's view of a run. Documented in dev-server/README.md.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NodeBehaviour } from './engine.js';
import type { FaultOptions } from './faults.js';
import type { DevServer } from './server.js';
import { readJson, sendJson } from './server.js';
import type { Pace } from './simulator.js';

export type ScenarioName = 'success' | 'error' | 'stream' | 'step' | 'worked-example';

export interface ScenarioRequest {
  scenario: ScenarioName;
  /** Flow to run (default per scenario). */
  flowId?: string;
  /** 'instant' | 'rate' | 'manual' (default: rate for success/error, rate 5000/s for stream, manual for step). */
  pace?: 'instant' | 'rate' | 'manual';
  eventsPerSecond?: number;
  /** stream: minimum number of events (default 100,000). */
  events?: number;
  /** error: the node that fails (default: the seed's designated node) and on which NEXT (default 2). */
  failNode?: string;
  failOnNext?: number;
}

export interface ScenarioResponse {
  runId: string;
  flowId: string;
  scenario: ScenarioName;
  /** stream: how many events the run will track. */
  expectedEvents?: number;
}

function paceOf(body: ScenarioRequest, fallback: Pace): Pace {
  if (body.pace === 'instant') return { mode: 'instant' };
  if (body.pace === 'manual') return { mode: 'manual' };
  if (body.pace === 'rate') return { mode: 'rate', eventsPerSecond: body.eventsPerSecond ?? 20 };
  if (body.eventsPerSecond) return { mode: 'rate', eventsPerSecond: body.eventsPerSecond };
  return fallback;
}

/** Starts a scenario on a dev server. */
export function startScenario(server: DevServer, body: ScenarioRequest): ScenarioResponse {
  const seeds = server.seed.flows;
  switch (body.scenario) {
    case 'success':
    case 'error': {
      const flowId = body.flowId ?? seeds.get('image-analysis')!;
      const behaviours = new Map<string, NodeBehaviour>();
      if (body.scenario === 'error') {
        const failNode = body.failNode ?? server.seed.failNodes.get(flowId) ?? firstAtom(server, flowId);
        if (failNode) behaviours.set(failNode, { failOnNext: body.failOnNext ?? 2 });
      }
      const sim = server.simulator.start({ flowId, behaviours, pace: paceOf(body, { mode: 'rate', eventsPerSecond: 20 }) });
      return { runId: sim.run.id, flowId, scenario: body.scenario };
    }
    case 'stream': {
      const flowId = body.flowId ?? seeds.get('stream')!;
      const target = Math.max(10, Math.floor(body.events ?? 100_000));
      // arg NEXT+COMPLETE, then per item: generator NEXT, map NEXT, return NEXT; three COMPLETEs.
      const yields = Math.ceil((target - 5) / 3);
      const generator = server.seed.generatorNodes.get(flowId);
      const behaviours = new Map<string, NodeBehaviour>();
      if (generator) behaviours.set(generator, { yields });
      const sim = server.simulator.start({ flowId, behaviours, pace: paceOf(body, { mode: 'rate', eventsPerSecond: 5000 }) });
      return { runId: sim.run.id, flowId, scenario: 'stream', expectedEvents: 3 * yields + 5 };
    }
    case 'step':
    case 'worked-example': {
      const flowId = body.flowId ?? seeds.get('worked-example')!;
      const fallback: Pace = body.scenario === 'step' ? { mode: 'manual' } : { mode: 'rate', eventsPerSecond: 2 };
      const args = body.flowId ? undefined : [1];
      const sim = server.simulator.start({ flowId, args, pace: paceOf(body, fallback) });
      return { runId: sim.run.id, flowId, scenario: body.scenario };
    }
    default:
      throw new Error(`Unknown scenario ${JSON.stringify((body as { scenario?: unknown }).scenario)}`);
  }
}

function firstAtom(server: DevServer, flowId: string): string | undefined {
  return server.store.getFlow(flowId).graph.nodes.find((n) => n.__typename === 'RekuestMapActionNode' || n.__typename === 'ReactiveNode')?.id;
}

/** Handles /control/* (the caller has checked the token). */
export async function handleControl(req: IncomingMessage, res: ServerResponse, path: string, server: DevServer): Promise<void> {
  const method = req.method ?? 'GET';
  const parts = path.split('/').filter(Boolean); // ['control', ...]
  const body = method === 'POST' ? (((await readJson(req)) ?? {}) as Record<string, unknown>) : {};
  const route = `${method} /${parts.slice(1).join('/')}`;
  try {
    if (route === 'GET /stats') return sendJson(res, 200, server.stats);
    if (route === 'POST /stats/reset') {
      server.resetStats();
      return sendJson(res, 200, { ok: true });
    }
    if (route === 'GET /faults') return sendJson(res, 200, server.faults.options);
    if (route === 'POST /faults') {
      server.faults.set(body as FaultOptions);
      return sendJson(res, 200, server.faults.options);
    }
    if (route === 'DELETE /faults') {
      server.faults.reset();
      return sendJson(res, 200, {});
    }
    if (route === 'POST /drop-sockets') return sendJson(res, 200, { dropped: server.dropSockets() });
    if (route === 'GET /flows') {
      return sendJson(res, 200, {
        seeds: Object.fromEntries(server.seed.flows),
        flows: [...server.store.flows.values()].map((f) => ({ id: f.id, title: f.title, nodes: f.graph.nodes.length, edges: f.graph.edges.length })),
      });
    }
    if (route === 'POST /scenario') return sendJson(res, 200, startScenario(server, body as unknown as ScenarioRequest));
    if (route === 'POST /step') {
      const sim = server.simulator.runs.get(String(body['runId']));
      if (!sim) return sendJson(res, 404, { errors: [{ message: 'No simulated run with that id' }] });
      const tracked = sim.step(Math.max(1, Number(body['count'] ?? 1)));
      return sendJson(res, 200, { tracked, total: sim.tracked, finished: sim.finished });
    }
    if (method === 'GET' && parts[1] === 'runs' && parts[2]) {
      const run = server.store.getRun(parts[2]);
      const sim = server.simulator.runs.get(run.id);
      if (parts[3] === 'events') {
        return sendJson(res, 200, { ids: server.store.eventsInOrder(run.id).map((e) => e.id) });
      }
      return sendJson(res, 200, {
        id: run.id,
        flowId: run.flowId,
        status: run.status,
        eventCount: run.events.length,
        snapshots: run.snapshots.length,
        finished: sim ? sim.finished : run.status === 'COMPLETED',
        outcome: sim?.outcome ?? null,
        subscribers: server.store.subscriberCount(run.id),
      });
    }
    return sendJson(res, 404, { errors: [{ message: `No control route ${route}` }] });
  } catch (err) {
    return sendJson(res, 400, { errors: [{ message: (err as Error).message }] });
  }
}
