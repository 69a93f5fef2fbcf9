/**
 * J1 in Node (bundled by bench/suites/data.mjs with esbuild, as the shipped build is, so tsx's
 * per-module getters do not distort it): parseWorkflow(text) against JSON.parse(text) of the same
 * generated 3,000-node workflow, interleaved, every run kept.
 */
import { parseWorkflow } from '../../src/model/index.js';
import { generateFlow } from '../support/gen-flow.js';

export function runJ1(n: number, runs: number): { ours: number[]; anchor: number[]; bytes: number; nodes: number; edges: number } {
  const g = generateFlow(n, 7);
  const text = JSON.stringify({ data: { flow: g.flow } });
  const check = parseWorkflow(text);
  if (!check.workflow) throw new Error('generated flow did not parse');
  for (let i = 0; i < 5; i++) {
    JSON.parse(text);
    parseWorkflow(text);
  }
  const ours: number[] = [];
  const anchor: number[] = [];
  for (let i = 0; i < runs; i++) {
    const parseFirst = i % 2 === 0;
    if (parseFirst) {
      let t0 = performance.now();
      JSON.parse(text);
      anchor.push(performance.now() - t0);
      t0 = performance.now();
      parseWorkflow(text);
      ours.push(performance.now() - t0);
    } else {
      let t0 = performance.now();
      parseWorkflow(text);
      ours.push(performance.now() - t0);
      t0 = performance.now();
      JSON.parse(text);
      anchor.push(performance.now() - t0);
    }
  }
  return { ours, anchor, bytes: text.length, nodes: g.nodes, edges: g.edges };
}
