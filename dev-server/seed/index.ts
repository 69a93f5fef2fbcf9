// Dev server seed: loads the project's own flows (current GraphQL form, stored form, legacy G1,
// generated) into a store and records finished runs of them with the simulator.
import { parseWorkflow } from '../../src/model/index.js';
import type { NodeBehaviour } from '../engine.js';
import type { Simulator } from '../simulator.js';
import type { DevStore } from '../store.js';
import { toGraphQLFlow } from '../to-graphql.js';
import type { GqlFlow } from '../types.js';
import { imageAnalysisFlow, streamFlow, workedExampleFlow } from './current-flows.js';
import { generateFlow } from './generator.js';
import { legacyProjectFlow, legacySnakeCaseFlow } from './legacy-flows.js';
import { storedThresholdFlow } from './stored-flows.js';

export interface SeedInfo {
  /** Seed name -> flow id (worked-example, image-analysis, stream, stored-threshold, legacy-project, legacy-snake-case, generated-<n>). */
  readonly flows: Map<string, string>;
  /** Seed name -> recorded run id. */
  readonly runs: Map<string, string>;
  /** Flow id -> the node the error scenario fails. */
  readonly failNodes: Map<string, string>;
  /** Flow id -> the generator node of a stream flow. */
  readonly generatorNodes: Map<string, string>;
}

/** Parses any supported format with src/model and returns its GraphQL form. */
export function toServedFlow(raw: unknown): GqlFlow {
  const result = parseWorkflow(raw);
  if (!result.workflow) {
    const first = result.diagnostics.find((d: { severity: string }) => d.severity === 'error');
    throw new Error(`Seed flow did not parse: ${first?.code ?? 'unknown'} ${first?.message ?? ''}`);
  }
  return toGraphQLFlow(result.workflow);
}

/** Fills `store` and records runs; `seed` picks the generated flows. */
export function seedStore(store: DevStore, simulator: Simulator, seed = 1): SeedInfo {
  const info: SeedInfo = { flows: new Map(), runs: new Map(), failNodes: new Map(), generatorNodes: new Map() };
  const add = (name: string, flow: GqlFlow): string => {
    const { id: _ignored, ...rest } = flow;
    const stored = store.addFlow(rest);
    info.flows.set(name, stored.id);
    return stored.id;
  };
  const worked = add('worked-example', workedExampleFlow());
  const image = add('image-analysis', imageAnalysisFlow());
  info.failNodes.set(image, 'denoise');
  const stream = add('stream', streamFlow());
  info.generatorNodes.set(stream, 'frames');
  const stored = add('stored-threshold', toServedFlow(storedThresholdFlow));
  const legacy = add('legacy-project', toServedFlow(legacyProjectFlow));
  const snake = add('legacy-snake-case', toServedFlow(legacySnakeCaseFlow));
  const generated = [12, 40, 120].map((nodes, i) => add(`generated-${seed + i}`, generateFlow({ seed: seed + i, nodes })));

  // Recorded runs: finished, with a fixed wall clock (10 ms per t) starting 2026-06-01.
  let start = Date.UTC(2026, 5, 1, 9, 0, 0);
  const record = (name: string, flowId: string, behaviours?: ReadonlyMap<string, NodeBehaviour>, args?: unknown[]): void => {
    const sim = simulator.start({ flowId, taskId: `recorded-${name}`, behaviours, args, pace: { mode: 'manual' }, recordedAt: { start, msPerT: 10 } });
    sim.runToEnd();
    info.runs.set(name, sim.run.id);
    start += 3_600_000;
  };
  record('worked-example', worked, undefined, [1]);
  record('image-analysis', image);
  record('image-analysis-error', image, new Map([['denoise', { failOnNext: 2 }]]));
  record('stream-small', stream, new Map([['frames', { yields: 200 }]]));
  record('stored-threshold', stored);
  record('legacy-project', legacy);
  record('legacy-snake-case', snake);
  generated.forEach((id, i) => record(`generated-${seed + i}`, id));
  return info;
}
