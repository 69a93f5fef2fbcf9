/**
 * Bench data: a seeded generator of Fluss-shaped workflows (GraphQL form, the shape `.flow`
 * takes) with authored positions: an ArgNode, layered action / reactive / filter nodes with 1-4
 * input streams and 1-3 output streams, ~2 edges per node wired mostly to the previous layer, and a
 * ReturnNode. Same (n, seed) -> same flow. Written for the project; no fixture content.
 */
type Json = Record<string, unknown>;
import { prng } from '../../dev-server/seed/prng.js';
export { prng };


const KINDS = ['INT', 'FLOAT', 'STRING', 'STRUCTURE', 'BOOL'] as const;
const VERBS = ['Normalize', 'Detect', 'Track', 'Align', 'Measure', 'Classify', 'Resample', 'Register', 'Annotate', 'Smooth', 'Crop', 'Label'];
const THINGS = ['cells', 'spots', 'frames', 'channels', 'regions', 'tracks', 'stacks', 'peaks'];
const REACTIVE = ['ZIP', 'COMBINELATEST', 'WITHLATEST', 'ADD', 'CHUNK', 'BUFFER_COUNT', 'SELECT'];

const port = (key: string, kind: string): Json => ({
  __typename: 'ArgPort', key, label: null, kind, nullable: false,
  identifier: kind === 'STRUCTURE' ? '@mikro/image' : null, description: null, default: null, children: null,
});

/** Horizontal distance between layers and vertical slot per node (authored positions). */
export const LAYER_DX = 340;
export const SLOT_DY = 150;

export interface GenFlow {
  /** GraphQL-form flow for `<fluss-workflow>.flow`. */
  readonly flow: Json;
  readonly nodes: number;
  readonly edges: number;
}

/** A layered workflow of `n` nodes (including one ArgNode and one ReturnNode). */
export function generateFlow(n: number, seed = 42): GenFlow {
  const rand = prng(seed * 7919 + n);
  const ri = (a: number, b: number): number => a + Math.floor(rand() * (b - a + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const L = Math.max(3, Math.round(1.2 * Math.sqrt(n)));
  const layers: { id: string; outs: number }[][] = Array.from({ length: L }, () => []);
  const nodes: Json[] = [];
  const edges: Json[] = [];
  const place = (layer: number): { x: number; y: number } => ({ x: layer * LAYER_DX, y: layers[layer]!.length * SLOT_DY });
  // Layer 0: the ArgNode (1-4 output streams).
  const argOuts = ri(1, 4);
  nodes.push({
    __typename: 'ArgNode', id: 'args', kind: 'ARGS', position: place(0), parentNode: null, title: 'Inputs', description: '',
    ins: [[]], outs: Array.from({ length: argOuts }, (_, k) => [port(`arg${k}`, pick(KINDS))]),
    constants: [], voids: [], constantsMap: {}, globalsMap: {},
  });
  layers[0]!.push({ id: 'args', outs: argOuts });
  const inner = Math.max(1, n - 2);
  for (let i = 0; i < inner; i++) {
    const layer = i < L - 2 ? i + 1 : ri(1, L - 2);
    const nin = ri(1, 4);
    const nout = ri(1, 3);
    const id = `node-${i}`;
    const r = rand();
    const typename = r < 0.72 ? 'RekuestMapActionNode' : r < 0.9 ? 'ReactiveNode' : 'RekuestFilterActionNode';
    const ins = Array.from({ length: nin }, (_, k) => [port(`in${k}`, pick(KINDS))]);
    const outs = Array.from({ length: nout }, (_, k) => [port(`out${k}`, pick(KINDS)), ...(rand() < 0.3 ? [port(`extra${k}`, 'INT')] : [])]);
    const base: Json = { __typename: typename, id, position: place(layer), parentNode: null, description: rand() < 0.5 ? `${pick(VERBS)} the ${pick(THINGS)} of each frame` : '', ins, outs, constants: [], voids: [], constantsMap: {}, globalsMap: {} };
    if (typename === 'ReactiveNode') Object.assign(base, { kind: 'REACTIVE', title: '', implementation: pick(REACTIVE) });
    else Object.assign(base, { kind: typename === 'RekuestMapActionNode' ? 'REKUEST' : 'REKUEST_FILTER', title: `${pick(VERBS)} ${pick(THINGS)} ${i}`, hash: `h${i}`, mapStrategy: 'MAP', allowLocalExecution: false, actionKind: 'FUNCTION' });
    nodes.push(base);
    layers[layer]!.push({ id, outs: nout });
    const me = layers[layer]!.length - 1;
    for (let k = 0; k < nin; k++) {
      if (rand() > 0.85 && k > 0) continue;
      const back = rand() > 0.85 ? ri(2, 4) : 1;
      const cand = layers[Math.max(0, layer - back)]!;
      if (cand.length === 0) continue;
      // local wiring: a source near the same relative height
      const rel = me / Math.max(1, layers[layer]!.length);
      const g = (rand() + rand() + rand() - 1.5) * 0.2 * cand.length;
      const src = cand[Math.min(cand.length - 1, Math.max(0, Math.round(rel * cand.length + g)))]!;
      edges.push({ __typename: 'VanillaEdge', id: `e${edges.length}`, kind: 'VANILLA', source: src.id, target: id, sourceHandle: `return_${ri(0, src.outs - 1)}`, targetHandle: `arg_${k}`, stream: [], label: null });
    }
  }
  // The ReturnNode after the last layer, fed by a few nodes of the last layer.
  const lastLayer = layers[L - 1]!.length ? layers[L - 1]! : layers[L - 2]!;
  const retIns = Math.min(3, lastLayer.length);
  nodes.push({
    __typename: 'ReturnNode', id: 'returns', kind: 'RETURNS', position: { x: L * LAYER_DX, y: 0 }, parentNode: null, title: 'Outputs', description: '',
    ins: Array.from({ length: retIns }, (_, k) => [port(`ret${k}`, 'STRUCTURE')]), outs: [[]], constants: [], voids: [], constantsMap: {}, globalsMap: {},
  });
  for (let k = 0; k < retIns; k++) {
    const src = lastLayer[k]!;
    edges.push({ __typename: 'VanillaEdge', id: `e${edges.length}`, kind: 'VANILLA', source: src.id, target: 'returns', sourceHandle: 'return_0', targetHandle: `arg_${k}`, stream: [], label: null });
  }
  const flow = { __typename: 'Flow', id: `bench-${n}-${seed}`, title: `Bench ${n}`, description: null, createdAt: '2026-01-01T00:00:00Z', hash: 'x', workspace: { id: '1' }, graph: { nodes, edges, globals: [] } };
  return { flow, nodes: nodes.length, edges: edges.length };
}
