// The log's filter engine against a brute-force filter written here: the legacy run export (read
// in place from ../shared/fixtures, skipped when absent) and a generated 1,000,000-event run must
// give the same events in the same (t, id) order for a table of filter combinations.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RunStore, compareEvents, parseRunExport } from '../../../src/model/index.js';
import type { RunEvent, RunEventKind } from '../../../src/model/types.js';
import { EventFilterEngine, scanFilter, type EventFilter } from '../../../src/elements/fluss-run-log/filter-engine.js';
import { valueText } from '../../../src/elements/fluss-run-log/value-text.js';
import { GENERATED_START_MS, generateEvents, mulberry32 } from './generate-events.js';

const LEGACY = resolve(process.cwd(), '../shared/fixtures/legacy/legacy-run-2832-export.json');
const legacySkip = existsSync(LEGACY) ? false : `legacy run export not found at ${LEGACY}; skipping the fixture half`;

const bruteText = new WeakMap<RunEvent, string>();
function textOf(e: RunEvent): string {
  let s = bruteText.get(e);
  if (s === undefined) {
    const v = e.value === null || e.value === undefined ? '' : valueText(e.value).text.toLowerCase();
    s = `${v}\u0000${(e.exception ?? '').toLowerCase()}`;
    bruteText.set(e, s);
  }
  return s;
}

/** Every condition checked on every event (no index), in the given order. */
function bruteMatches(events: readonly RunEvent[], f: EventFilter): RunEvent[] {
  const needle = f.text.trim().toLowerCase();
  const out: RunEvent[] = [];
  for (const e of events) {
    if (f.timeRange !== null && !(e.t >= f.timeRange.from && e.t <= f.timeRange.to)) continue;
    if (f.nodeIds.size > 0 && !f.nodeIds.has(e.source)) continue;
    if (f.kinds.size > 0 && !f.kinds.has(e.kind)) continue;
    if (f.wallRange) {
      const ms = e.createdAt ? new Date(e.createdAt).getTime() : NaN;
      if (!(ms >= f.wallRange.from && ms <= f.wallRange.to)) continue;
    }
    if (needle !== '') {
      const [v, x] = textOf(e).split('\u0000') as [string, string];
      if (!v.includes(needle) && !x.includes(needle)) continue;
    }
    out.push(e);
  }
  return out;
}

/** The brute force: every condition on every event, then a full sort by (t, id). */
function bruteForce(events: readonly RunEvent[], f: EventFilter): string[] {
  return bruteMatches(events, f).sort(compareEvents).map((e) => e.id);
}

interface Case {
  readonly name: string;
  readonly filter: Partial<EventFilter>;
}

function filterOf(c: Partial<EventFilter>): EventFilter {
  return { timeRange: null, wallRange: null, nodeIds: new Set(), kinds: new Set(), text: '', ...c };
}

/** Filter combinations over a run whose t spans [0, maxT] and whose hot/cold sources are given. */
function cases(maxT: number, hot: string, cold: string[], text: string, startMs: number | null): Case[] {
  const q = Math.floor(maxT / 4);
  const k = (...kinds: RunEventKind[]): Set<RunEventKind> => new Set(kinds);
  const list: Case[] = [
    { name: 'no filter', filter: {} },
    { name: 'one hot node', filter: { nodeIds: new Set([hot]) } },
    { name: 'three nodes', filter: { nodeIds: new Set([hot, ...cold.slice(0, 2)]) } },
    { name: 'many nodes (heap merge)', filter: { nodeIds: new Set([hot, ...cold]) } },
    { name: 'unknown node', filter: { nodeIds: new Set(['no-such-node']) } },
    { name: 'ERROR only', filter: { kinds: k('ERROR') } },
    { name: 'NEXT + COMPLETE', filter: { kinds: k('NEXT', 'COMPLETE') } },
    { name: 'every kind', filter: { kinds: k('NEXT', 'COMPLETE', 'ERROR', 'UNKNOWN') } },
    { name: 'middle half of t', filter: { timeRange: { from: q, to: 3 * q } } },
    { name: 'single t', filter: { timeRange: { from: 2 * q, to: 2 * q } } },
    { name: 't range past the end', filter: { timeRange: { from: maxT + 1, to: maxT + 100 } } },
    { name: 'inverted t range', filter: { timeRange: { from: 10, to: 5 } } },
    { name: 'E1: 3 nodes + NEXT,ERROR + middle half', filter: { nodeIds: new Set([hot, ...cold.slice(0, 2)]), kinds: k('NEXT', 'ERROR'), timeRange: { from: q, to: 3 * q } } },
    { name: 'kinds + range', filter: { kinds: k('COMPLETE', 'ERROR'), timeRange: { from: q, to: 3 * q } } },
    { name: 'text', filter: { text } },
    { name: 'text, upper case + spaces', filter: { text: `  ${text.toUpperCase()} ` } },
    { name: 'text in exceptions', filter: { text: 'error' } },
    { name: 'text + node + kinds', filter: { text, nodeIds: new Set([hot, cold[0]!]), kinds: k('NEXT') } },
    { name: 'everything', filter: { text, nodeIds: new Set([hot, ...cold]), kinds: k('NEXT', 'ERROR'), timeRange: { from: 0, to: 3 * q } } },
  ];
  if (startMs !== null) {
    list.push({ name: 'wall range', filter: { wallRange: { from: startMs, to: startMs + 5_000 } } });
    list.push({ name: 'wall + t + kinds', filter: { wallRange: { from: startMs, to: startMs + 60_000 }, timeRange: { from: 0, to: 2 * q }, kinds: k('NEXT') } });
  }
  return list;
}

/** Sources by event count, most first. */
function sourcesByCount(events: readonly RunEvent[]): string[] {
  const m = new Map<string, number>();
  for (const e of events) m.set(e.source, (m.get(e.source) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

function checkAll(store: RunStore, table: Case[]): void {
  const engine = new EventFilterEngine(store);
  for (const c of table) {
    const f = filterOf(c.filter);
    const expected = bruteForce(store.events, f);
    const got = engine.query(f).map((e) => e.id);
    assert.deepEqual(got, expected, `${c.name}: engine differs from the brute force`);
    assert.deepEqual(scanFilter(store.events, f).map((e) => e.id), expected, `${c.name}: scanFilter differs`);
    // counts per kind = brute force with the kinds condition removed, grouped by kind
    const noKinds = { ...f, kinds: new Set<RunEventKind>() };
    const byKind = new Map<string, number>();
    for (const e of bruteMatches(store.events, noKinds)) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
    for (const [k, n] of engine.countKinds(f)) assert.equal(n, byKind.get(k) ?? 0, `${c.name}: count of ${k}`);
  }
}

describe('filter engine vs brute force: legacy run 2832', { skip: legacySkip }, () => {
  it('gives the same events in the same order for every combination', () => {
    const parsed = parseRunExport(readFileSync(LEGACY, 'utf8'));
    assert.ok(parsed.events.length > 1000, 'the export has its events');
    const store = new RunStore(parsed.workflow, parsed.events);
    const maxT = store.range()!.max;
    const [hot, ...rest] = sourcesByCount(store.events);
    const firstWall = store.events.find((e) => e.createdAt)?.createdAt;
    checkAll(store, cases(maxT, hot!, rest, '1', firstWall ? Date.parse(firstWall) : null));
  });
});

describe('filter engine vs brute force: 1,000,000 generated events', () => {
  let store: RunStore;
  before(() => {
    store = new RunStore(null, generateEvents(1_000_000, 1000, 11));
  });

  it('holds the whole run', () => {
    assert.equal(store.size, 1_000_000);
  });

  it('gives the same events in the same order for every combination', () => {
    const maxT = store.range()!.max;
    const [hot, ...rest] = sourcesByCount(store.events);
    checkAll(store, cases(maxT, hot!, [rest[200]!, rest[600]!, rest[800]!, rest[10]!, rest[11]!, rest[12]!, rest[13]!], 'item-7', GENERATED_START_MS));
  });

  it('answers node + kind + range queries from the indexes, not by scanning the log', () => {
    const engine = new EventFilterEngine(store);
    const maxT = store.range()!.max;
    engine.query(filterOf({ nodeIds: new Set(['n0', 'n250', 'n900']), kinds: new Set(['NEXT', 'ERROR']), timeRange: { from: maxT / 4, to: (3 * maxT) / 4 } }));
    assert.equal(engine.lastPlan.source, 'nodes');
    assert.ok(engine.lastPlan.candidates < store.size / 4, `looked at ${engine.lastPlan.candidates} of ${store.size}`);
    engine.query(filterOf({ kinds: new Set(['ERROR']) }));
    assert.equal(engine.lastPlan.source, 'kinds');
    assert.ok(engine.lastPlan.candidates < store.size / 5);
  });
});

describe('filter engine: indexes follow the store', () => {
  it('stays correct when events arrive out of order, in duplicates, and streaming', () => {
    const all = generateEvents(5000, 20, 3);
    const rnd = mulberry32(99);
    const shuffled = [...all].sort(() => rnd() - 0.5);
    const store = new RunStore();
    const engine = new EventFilterEngine(store);
    const f = filterOf({ kinds: new Set(['ERROR', 'COMPLETE']), timeRange: { from: 100, to: 2500 } });
    const g = filterOf({ nodeIds: new Set(['n0', 'n3']), kinds: new Set(['NEXT']) });
    const h = filterOf({ text: 'item-3' });
    for (let i = 0; i < shuffled.length; i += 250) {
      store.append(shuffled.slice(i, i + 250));
      store.append(shuffled.slice(0, 10)); // duplicates are ignored by the store
      assert.deepEqual(engine.query(f).map((e) => e.id), bruteForce(store.events, f), `after ${i + 250} events (kinds)`);
      assert.deepEqual(engine.query(g).map((e) => e.id), bruteForce(store.events, g), `after ${i + 250} events (nodes)`);
      engine.warmText(0.05); // a partial warm-up must never change answers
      assert.deepEqual(engine.query(h).map((e) => e.id), bruteForce(store.events, h), `after ${i + 250} events (text)`);
      const counts = engine.countKinds(f);
      assert.equal(counts.get('ERROR'), bruteForce(store.events, { ...f, kinds: new Set(['ERROR']) }).length);
    }
    // in-order streaming: one at a time
    const live = new RunStore();
    const liveEngine = new EventFilterEngine(live);
    for (const e of all.slice(0, 600)) {
      live.append(e);
      if (Number(e.id) % 97 === 0) assert.deepEqual(liveEngine.query(f).map((x) => x.id), bruteForce(live.events, f));
    }
  });
});
