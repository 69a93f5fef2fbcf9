// Dev server seed: a deterministic generator of larger flows (GraphQL form) from a numeric seed:
// 1-4 input streams (the ArgNode plus zero-argument source actions), 1-3 outputs, ~2 edges per node.
import type { GqlEdge, GqlFlow, GqlNode, GqlPort } from '../types.js';
import { action, argNode, edge, flow, port, reactive, returnNode } from './build.js';
import { prng } from './prng.js';
export { prng };


const KINDS = ['INT', 'FLOAT', 'STRING', 'STRUCTURE', 'BOOL'] as const;
const VERBS = ['Normalize', 'Detect', 'Track', 'Align', 'Measure', 'Classify', 'Resample', 'Register', 'Annotate', 'Smooth', 'Crop', 'Label'];
const THINGS = ['cells', 'spots', 'frames', 'channels', 'regions', 'tracks', 'stacks', 'peaks'];

export interface GeneratedFlowOptions {
  readonly seed: number;
  /** Approximate number of nodes (default 30). */
  readonly nodes?: number;
}

/** Generates one flow; the same options always give the same flow. */
export function generateFlow(options: GeneratedFlowOptions): GqlFlow {
  const rand = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const target = Math.max(6, options.nodes ?? 30);
  const inputStreams = 1 + Math.floor(rand() * 4);
  const outputCount = 1 + Math.floor(rand() * 3);
  const nodes: GqlNode[] = [];
  const edges: GqlEdge[] = [];
  /** Producers available as inputs: node id, out stream ports, layer. */
  const producers: { id: string; outs: GqlPort[]; layer: number; uses: number }[] = [];
  let edgeId = 0;
  const connect = (src: { id: string; uses: number }, target: string, i: number): void => {
    src.uses++;
    edges.push(edge(`g${options.seed}-e${++edgeId}`, src.id, 0, target, i));
  };
  const argPorts = [port('input', pick(KINDS))];
  nodes.push(argNode({ id: 'arg', title: 'Inputs', x: 0, y: 0, outs: [argPorts] }));
  producers.push({ id: 'arg', outs: argPorts, layer: 0, uses: 0 });
  for (let s = 1; s < inputStreams; s++) {
    const outs = [port(`source${s}`, pick(KINDS))];
    const id = `source-${s}`;
    nodes.push(action({ id, title: `Poll ${pick(THINGS)} ${s}`, x: 0, y: s * 140, hash: `gen-source-${s}`, actionKind: 'GENERATOR', ins: [[]], outs: [outs] }));
    producers.push({ id, outs, layer: 0, uses: 0 });
  }
  const middle = target - 2 - (inputStreams - 1) - 1;
  const layerCount = Math.max(2, Math.round(Math.sqrt(middle)));
  const perLayer = new Map<number, number>();
  for (let k = 0; k < middle; k++) {
    const layer = 1 + Math.floor((k * layerCount) / middle);
    const row = perLayer.get(layer) ?? 0;
    perLayer.set(layer, row + 1);
    const candidates = producers.filter((p) => p.layer < layer);
    // Prefer producers nobody consumes yet so that most nodes stay connected.
    const unused = candidates.filter((p) => p.uses === 0);
    const first = unused.length && rand() < 0.7 ? pick(unused) : pick(candidates);
    const id = `n${k + 1}`;
    const x = layer * 280;
    const y = row * 140;
    const roll = rand();
    if (roll < 0.18 && candidates.length > 1) {
      let second = pick(candidates);
      if (second.id === first.id) second = candidates.find((c) => c.id !== first.id)!;
      const impl = rand() < 0.5 ? 'ZIP' : 'WITHLATEST';
      const outs = [...first.outs, ...second.outs];
      nodes.push(reactive({ id, title: impl === 'ZIP' ? 'Zip' : 'With latest', x, y, implementation: impl, ins: [first.outs, second.outs], outs: [outs] }));
      connect(first, id, 0);
      connect(second, id, 1);
      producers.push({ id, outs, layer, uses: 0 });
    } else if (roll < 0.28) {
      nodes.push(action({ id, title: `Keep ${pick(THINGS)}`, x, y, hash: `gen-filter-${k}`, filter: true, ins: [first.outs], outs: [first.outs, first.outs] }));
      connect(first, id, 0);
      producers.push({ id, outs: first.outs, layer, uses: 0 });
    } else if (roll < 0.34) {
      nodes.push(reactive({ id, title: 'Chunk', x, y, implementation: 'CHUNK', ins: [first.outs], outs: [first.outs] }));
      connect(first, id, 0);
      producers.push({ id, outs: first.outs, layer, uses: 0 });
    } else {
      const outs = [port(`${pick(THINGS)}`, pick(KINDS))];
      nodes.push(action({ id, title: `${pick(VERBS)} ${pick(THINGS)}`, x, y, hash: `gen-action-${k}`, ins: [first.outs], outs: [outs] }));
      connect(first, id, 0);
      producers.push({ id, outs, layer, uses: 0 });
    }
  }
  // A ZIP of 1-3 late, preferably unconsumed, producers feeds the outputs.
  const late = [...producers].filter((p) => p.id !== 'arg').sort((a, b) => a.uses - b.uses || b.layer - a.layer);
  const chosen = late.slice(0, outputCount);
  const outPorts = chosen.map((c, i) => port(`out${i}`, c.outs[0]?.kind ?? 'INT'));
  const lastLayer = layerCount + 1;
  if (chosen.length > 1) {
    nodes.push(reactive({ id: 'collect', title: 'Zip results', x: lastLayer * 280, y: 0, implementation: 'ZIP', ins: chosen.map((c) => c.outs), outs: [outPorts] }));
    chosen.forEach((c, i) => connect(c, 'collect', i));
    nodes.push(returnNode({ id: 'return', title: 'Outputs', x: (lastLayer + 1) * 280, y: 0, ins: [outPorts] }));
    connect({ id: 'collect', uses: 0 }, 'return', 0);
  } else {
    nodes.push(returnNode({ id: 'return', title: 'Outputs', x: lastLayer * 280, y: 0, ins: [outPorts] }));
    connect(chosen[0]!, 'return', 0);
  }
  return flow(`generated-${options.seed}`, `Generated pipeline #${options.seed} (${nodes.length} nodes)`, 'Generated by the dev server from a numeric seed.', nodes, edges);
}
