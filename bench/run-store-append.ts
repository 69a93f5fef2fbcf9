// Benchmark E2 (model part): streaming a generated run into RunStore page by page (appendMany)
// against the anchor "index build ÷ n" (the same events indexed by one constructor call), measured
// side by side. BASELINE=<path of another run-store.ts> adds that version's append as a row (for
// before/after). Prints medians over rounds; asserts nothing.
// Run: node --expose-gc --import tsx bench/run-store-append.ts [count=1000000] [page=10000] [rounds=5]
import { RunStore } from '../src/model/run-store.js';
import type { RunEvent } from '../src/model/types.js';
import { generateEvents } from '../test/unit/run-log/generate-events.js';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const PAGE = Number(process.argv[3] ?? 10_000);
const ROUNDS = Number(process.argv[4] ?? 5);
const events: RunEvent[] = generateEvents(COUNT);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

interface StoreLike {
  append(e: readonly RunEvent[]): number;
  appendMany?(e: readonly RunEvent[]): number;
  readonly size: number;
}
type Ctor = new (wf?: null, events?: Iterable<RunEvent>) => StoreLike;
const paths: [string, Ctor, boolean][] = [['appendMany (now)', RunStore as unknown as Ctor, true]];
if (process.env.BASELINE) {
  const mod = (await import(process.env.BASELINE)) as { RunStore: Ctor };
  paths.unshift(['append (baseline)', mod.RunStore, false]);
}

function stream(Store: Ctor, many: boolean): { perEventNs: number; longest: number; p95: number } {
  gc();
  const store = new Store();
  const pages: number[] = [];
  let total = 0;
  for (let i = 0; i < events.length; i += PAGE) {
    const page = events.slice(i, i + PAGE);
    const a = performance.now();
    if (many) store.appendMany!(page);
    else store.append(page);
    const d = performance.now() - a;
    total += d;
    pages.push(d);
  }
  if (store.size !== COUNT) throw new Error('lost events');
  pages.sort((a, b) => a - b);
  return { perEventNs: (total / COUNT) * 1e6, longest: pages[pages.length - 1]!, p95: pages[Math.floor(pages.length * 0.95)]! };
}

function build(): number {
  gc();
  const a = performance.now();
  const s = new RunStore(null, events);
  const d = performance.now() - a;
  if (s.size !== COUNT) throw new Error('lost events');
  return (d / COUNT) * 1e6;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const rows = new Map<string, { ratio: number[]; ns: number[]; p95: number[]; longest: number[] }>();
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, Store, many] of paths) {
    const anchor = build();
    const r = stream(Store, many);
    const row = rows.get(name) ?? { ratio: [], ns: [], p95: [], longest: [] };
    row.ratio.push(r.perEventNs / anchor);
    row.ns.push(r.perEventNs);
    row.p95.push(r.p95);
    row.longest.push(r.longest);
    rows.set(name, row);
  }
}
console.log(`E2: ${COUNT} events streamed in pages of ${PAGE}, medians of ${ROUNDS} rounds (anchor measured right before each stream)`);
console.log('| path | ns/event | ÷ (build ÷ n) | page p95 ms | longest page ms (median of rounds) |\n| --- | ---: | ---: | ---: | ---: |');
for (const [name, r] of rows) console.log(`| ${name} | ${median(r.ns).toFixed(0)} | ${median(r.ratio).toFixed(2)}× | ${median(r.p95).toFixed(1)} | ${median(r.longest).toFixed(1)} |`);
