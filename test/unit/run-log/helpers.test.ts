// The log's pure helpers: value text (length and depth caps, port keys), CSV/JSON export (formula
// injection safety, quoting), the URL-hash view state round trip, and the causality trace.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RunStore } from '../../../src/model/index.js';
import type { RunEvent, Workflow, WorkflowEdge, WorkflowNode } from '../../../src/model/types.js';
import { MAX_VALUE_TEXT, previewLine, searchTextOf, valueText, zipValueTexts } from '../../../src/elements/fluss-run-log/value-text.js';
import { csvCell, eventsToCsv, eventsToJson } from '../../../src/elements/fluss-run-log/export.js';
import { readViewState, writeViewState } from '../../../src/elements/fluss-run-log/url-state.js';
import { traceCauses } from '../../../src/elements/fluss-run-log/causes.js';

const ev = (id: string, t: number, source: string, kind: RunEvent['kind'], value: unknown = null, extra: Partial<RunEvent> = {}): RunEvent => ({
  id,
  t,
  source,
  handle: 'return_0',
  kind,
  causedBy: [0],
  value,
  ...extra,
});

describe('value text', () => {
  it('caps length at 2 KB and depth at 5, and survives cycles', () => {
    const long = valueText(['x'.repeat(5000)]);
    assert.ok(long.text.length <= MAX_VALUE_TEXT + 1, `length ${long.text.length}`);
    assert.equal(long.truncated, true);
    assert.ok(long.text.endsWith('…'));
    const deep = valueText([[[[[[[1]]]]]]]);
    assert.equal(deep.truncated, true);
    assert.ok(deep.text.includes('[…]'));
    const cyc: Record<string, unknown> = { a: 1 };
    cyc['self'] = cyc;
    assert.doesNotThrow(() => valueText(cyc));
    assert.equal(valueText({ a: [1, 'b', null, true] }).text, '{"a": [1, "b", null, true]}');
    assert.equal(valueText('plain').text, 'plain');
  });

  it('zips values with port keys and previews them on one line', () => {
    const items = zipValueTexts([1131, 'image', { x: 1 }], ['frame', 'name']);
    assert.deepEqual(
      items.map((i) => `${i.key}=${i.text}`),
      ['frame=1131', 'name=image', '2={"x": 1}'],
    );
    assert.equal(previewLine(items), 'frame: 1131, name: image, 2: {"x": 1}');
    assert.ok(previewLine(zipValueTexts(['y'.repeat(400)], ['k']), 50).length <= 50);
  });

  it('searches values and exceptions, lower-cased, cached per event', () => {
    const e = ev('1', 1, 'a', 'ERROR', null, { exception: 'ValueError: Bad Frame' });
    assert.ok(searchTextOf(e).includes('bad frame'));
    assert.equal(searchTextOf(e), searchTextOf(e));
    assert.ok(searchTextOf(ev('2', 1, 'a', 'NEXT', ['Hello'])).includes('hello'));
  });
});

describe('export', () => {
  it('neutralizes formula cells and quotes separators', () => {
    for (const bad of ['=1+1', '+cmd', '-2', '@SUM(A1)', '\tx', '\rx']) assert.ok(csvCell(bad).replace(/^"/, '').startsWith("'"), `${JSON.stringify(bad)} -> ${csvCell(bad)}`);
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  });

  it('writes every filtered event, with safe exception and value cells', () => {
    const events = [ev('1', 0, 'a', 'NEXT', ['=evil()', 2]), ev('2', 1, 'a', 'ERROR', null, { exception: '-boom, "quoted"', createdAt: '2026-01-01T00:00:00Z' })];
    const csv = eventsToCsv(events, (id) => `Node ${id}`);
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[0], 'id,t,createdAt,source,nodeTitle,handle,kind,causedBy,value,exception');
    assert.ok(lines[1]!.includes(`"[""=evil()"", 2]"`), lines[1]);
    assert.ok(lines[2]!.endsWith(`"'-boom, ""quoted"""`), lines[2]);
    const json = JSON.parse(eventsToJson(events)) as Array<Record<string, unknown>>;
    assert.deepEqual(json.map((e) => e['id']), ['1', '2']);
    assert.equal(json[1]!['exception'], '-boom, "quoted"');
  });
});

describe('URL hash view state', () => {
  it('round-trips the filter, the cursor and the selected event, keeping other keys', () => {
    const state = {
      filter: { timeRange: { from: 10, to: 20 }, wallRange: { from: 1000, to: 2000 }, nodeIds: new Set(['node a', 'b&c=d', '#x']), kinds: new Set(['ERROR', 'NEXT'] as const), text: 'a b&c#' },
      cursor: 15,
      eventId: 'ev/1',
    };
    const hash = writeViewState('#other=1&log.q=old', 'log', state);
    assert.ok(hash.startsWith('other=1'));
    const back = readViewState(`#${hash}`, 'log')!;
    assert.deepEqual(back.filter.timeRange, state.filter.timeRange);
    assert.deepEqual(back.filter.wallRange, state.filter.wallRange);
    assert.deepEqual([...back.filter.nodeIds], [...state.filter.nodeIds]);
    assert.deepEqual([...back.filter.kinds].sort(), ['ERROR', 'NEXT']);
    assert.equal(back.filter.text, state.filter.text);
    assert.equal(back.cursor, 15);
    assert.equal(back.eventId, 'ev/1');
    assert.equal(readViewState(`#${hash}`, 'other-log'), null);
    assert.equal(readViewState('#log.t=5~1&log.kind=NOPE', 'log')!.filter.timeRange, null, 'inverted range is dropped');
  });
});

describe('causality trace', () => {
  const node = (id: string, kind: WorkflowNode['kind']): WorkflowNode => ({
    id,
    kind,
    typename: kind,
    title: id,
    description: '',
    ins: [[]],
    outs: [[]],
    constants: [],
    voids: [],
    constantsMap: new Map(),
    globalsMap: new Map(),
  });
  const edge = (id: string, source: string, target: string): WorkflowEdge => ({
    id,
    source,
    target,
    sourceStream: 0,
    targetStream: 0,
    sourceHandle: 'return_0',
    targetHandle: 'arg_0',
    kind: 'vanilla',
  } as WorkflowEdge);
  it('walks causedBy back to the inputs and names the edges travelled', () => {
    const wf = { nodes: [node('arg', 'args'), node('mid', 'rekuest-map'), node('ret', 'returns')], edges: [edge('e1', 'arg', 'mid'), edge('e2', 'mid', 'ret')], globals: [] } as unknown as Workflow;
    const events = [
      ev('1', 0, 'arg', 'NEXT', [1]),
      ev('2', 1, 'arg', 'COMPLETE'),
      { ...ev('3', 2, 'mid', 'NEXT', [2]), causedBy: [0] },
      { ...ev('4', 3, 'ret', 'NEXT', [2]), causedBy: [0] },
    ];
    const store = new RunStore(wf, events);
    const trace = traceCauses(store, store.get('4')!);
    assert.deepEqual([...trace.eventIds].sort(), ['1', '3']);
    assert.deepEqual([...trace.edgeIds].sort(), ['e1', 'e2']);
    assert.equal(traceCauses(store, store.get('1')!).eventIds.size, 0);
  });
});

describe('value text fast path', () => {
  it('renders flat arrays exactly like the general walk', () => {
    assert.equal(valueText([1, 'b', null, true, Number.NaN]).text, '[1, "b", null, true, null]');
    assert.equal(valueText([[1], 'b']).text, '[[1], "b"]');
  });
});
