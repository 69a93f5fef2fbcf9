// Benchmark S1/E2 (model part): RunStore.stateAt at a new cursor for 1,000 nodes and 100,000 events,
// changedBetween for a one-tick move, and append cost in order / shuffled. Prints a table; asserts nothing.
// Run: npx tsx bench/model-run-store.ts
import { RunStore, normalizeRunEvent, parseWorkflow } from '../src/model/index.js';
import type { RunEvent } from '../src/model/index.js';

const N = 1000;
const E = 100_000;
const port = (key: string) => ({ key, kind: 'INT', nullable: false });
const nodes = Array.from({ length: N }, (_, i) => ({ __typename: 'RekuestMapActionNode', id: `n${i}`, kind: 'REKUEST', title: `n${i}`, ins: [[port('x')]], outs: [[port('y')]], hash: 'h', actionKind: 'FUNCTION', mapStrategy: 'MAP', allowLocalExecution: false }));
const edges = Array.from({ length: N - 1 }, (_, i) => ({ id: `e${i}`, source: `n${Math.floor(i / 2)}`, sourceHandle: 'return_0', target: `n${i + 1}`, targetHandle: 'arg_0', stream: [] }));
const wf = parseWorkflow({ nodes, edges }).workflow!;

let seed = 7;
const rand = (): number => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const events: RunEvent[] = [];
let t = 0;
for (let i = 0; i < E; i++) {
  if (rand() < 0.8) t++;
  const kind = rand() < 0.97 ? 'NEXT' : rand() < 0.5 ? 'COMPLETE' : 'ERROR';
  events.push(normalizeRunEvent({ id: String(i + 1), source: `n${Math.floor(rand() * N)}`, handle: 'return_0', kind, t, causedBy: [String(t - 1)], value: [i] }).event!);
}
const shuffled = events.slice().sort(() => rand() - 0.5);

const time = (f: () => void, runs: number): number => {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    f();
    ts.push(performance.now() - a);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)]!;
};

const rows: [string, string][] = [];
rows.push(['append 100k in order (ms total)', time(() => new RunStore(wf, events), 5).toFixed(1)]);
rows.push(['append 100k shuffled (ms total)', time(() => new RunStore(wf, shuffled), 3).toFixed(1)]);
const store = new RunStore(wf, events);
const maxT = store.range()!.max;
let cursor = 0;
rows.push(['stateAt(T), 1,000 nodes, 100k events (ms, median)', time(() => store.stateAt((cursor = (cursor + 7919) % maxT)), 200).toFixed(3)]);
rows.push(['changedBetween(T, T+1) (ms, median)', time(() => store.changedBetween((cursor = (cursor + 7919) % maxT), cursor + 1), 200).toFixed(3)]);
rows.push(['one live append at the end (µs, median)', (time(() => store.append({ ...events[0]!, id: `live-${cursor++}`, t: maxT + cursor }), 2000) * 1000).toFixed(1)]);
const w = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
