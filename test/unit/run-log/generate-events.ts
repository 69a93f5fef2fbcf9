/**
 * A seeded generator of large synthetic runs for the log's filter tests and benchmark: events in
 * (t, id) order with t collisions (about 30% of events share a t), a skewed choice of source
 * (a few hot nodes), mostly NEXT with some COMPLETE, ERROR and a rare UNKNOWN, wall clocks 10 ms
 * per t, small array values and exceptions. Project-generated; no fixture content.
 */
import type { RunEvent, RunEventKind } from '../../../src/model/types.js';
import { prng as mulberry32 } from '../../../dev-server/seed/prng.js';
export { mulberry32 };


const KINDS: readonly RunEventKind[] = ['NEXT', 'NEXT', 'NEXT', 'NEXT', 'NEXT', 'NEXT', 'NEXT', 'NEXT', 'COMPLETE', 'ERROR'];
const EXCEPTIONS = ['ValueError: bad frame', 'TimeoutError: no answer', 'KeyError: "channel"', '=cmd|calc'];

export const GENERATED_START_MS = Date.parse('2026-01-01T00:00:00.000Z');

/** `count` events over `nodes` sources (ids `n0` …), seeded. */
export function generateEvents(count: number, nodes = 1000, seed = 7): RunEvent[] {
  const rnd = mulberry32(seed);
  const out = new Array<RunEvent>(count);
  let t = 0;
  for (let i = 0; i < count; i++) {
    if (i > 0 && rnd() < 0.7) t++;
    const src = Math.floor(Math.pow(rnd(), 1.5) * nodes);
    let kind = KINDS[Math.floor(rnd() * KINDS.length)]!;
    if (rnd() < 0.0005) kind = 'UNKNOWN';
    const e: { -readonly [K in keyof RunEvent]: RunEvent[K] } = {
      id: String(i),
      source: `n${src}`,
      handle: `return_${src % 3}`,
      kind,
      t,
      causedBy: t > 0 ? [t - 1] : [0],
      value: kind === 'NEXT' ? [i % 997, `item-${i % 13}`] : null,
      createdAt: new Date(GENERATED_START_MS + t * 10).toISOString(),
    };
    if (kind === 'ERROR') e.exception = EXCEPTIONS[i % EXCEPTIONS.length]!;
    out[i] = e;
  }
  return out;
}
