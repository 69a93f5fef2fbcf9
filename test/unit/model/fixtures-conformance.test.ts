// Conformance of parseWorkflow / parseRunExport against the real fixtures in ../shared/fixtures
// (read in place, never copied). Skips with a message when that folder is absent.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseRunExport, parseWorkflow, portTypeLabel, streamLabel } from '../../../src/model/index.js';
import type { Workflow } from '../../../src/model/index.js';

const FIXTURES = resolve(process.cwd(), '../shared/fixtures');
const present = existsSync(FIXTURES);
const skip = present ? false : `../shared/fixtures is missing (looked in ${FIXTURES})`;

const read = (rel: string): string => readFileSync(join(FIXTURES, rel), 'utf8');

/** Expected counts after normalization (empty legacy KwargNodes are hidden). */
const EXPECTED: Record<string, { nodes: number; edges: number; globals: number; generation: 'G1' | 'G2' }> = {
  'current/current-default-workspace-graph.stored.json': { nodes: 2, edges: 0, globals: 0, generation: 'G2' },
  'current/current-engine-test-flow.graphql.json': { nodes: 3, edges: 2, globals: 0, generation: 'G2' },
  'current/current-engine-test-flow.sdl-shaped.json': { nodes: 3, edges: 2, globals: 0, generation: 'G2' },
  'legacy/legacy-acquire-small.json': { nodes: 12, edges: 12, globals: 7, generation: 'G1' },
  'legacy/legacy-add-three-flow-2022.json': { nodes: 3, edges: 2, globals: 0, generation: 'G1' },
  'legacy/legacy-imagej-segmentation.json': { nodes: 5, edges: 4, globals: 0, generation: 'G1' },
  'legacy/legacy-live-analysis-chunk.json': { nodes: 7, edges: 6, globals: 0, generation: 'G1' },
  'legacy/legacy-multi-dimensional.json': { nodes: 5, edges: 4, globals: 10, generation: 'G1' },
  'legacy/legacy-napari-deep-learning.json': { nodes: 5, edges: 4, globals: 0, generation: 'G1' },
  'legacy/legacy-run-2832-export.json': { nodes: 12, edges: 11, globals: 0, generation: 'G1' },
  'legacy/legacy-simple-workflow.json': { nodes: 5, edges: 4, globals: 0, generation: 'G1' },
  // 10 raw globals; two share the port key "objective" and are merged into one with two targets
  'legacy/legacy-small-workflow-smart-microscopy.json': { nodes: 12, edges: 12, globals: 9, generation: 'G1' },
  'legacy/legacy-snake-case-dump-2023.json': { nodes: 8, edges: 7, globals: 0, generation: 'G1' },
  'legacy/legacy-streaming-analysis.json': { nodes: 9, edges: 8, globals: 4, generation: 'G1' },
  'legacy/legacy-streaming-flow-zip.json': { nodes: 6, edges: 3, globals: 0, generation: 'G1' },
};

type Raw = Record<string, any>;

/** The raw graph of a fixture, found independently of the parser. */
function rawGraph(doc: Raw): Raw {
  const flow = doc.run ? doc.run.flow : doc.data ? doc.data.flow : doc;
  return flow.graph ?? flow;
}

/** Raw nodes minus empty KwargNodes, counted straight from the raw arrays. */
function independentNodeCount(g: Raw): number {
  const isKwarg = (n: Raw): boolean => (n.__typename ?? n.typename ?? (n.id === '3' ? 'KwargNode' : '')) === 'KwargNode';
  const empty = (streams: unknown): boolean => !Array.isArray(streams) || streams.every((s) => Array.isArray(s) && s.length === 0);
  return g.nodes.filter((n: Raw) => !(isKwarg(n) && empty(n.instream) && empty(n.outstream) && empty(n.constream))).length;
}

function parseOk(rel: string): Workflow {
  const r = parseWorkflow(read(rel));
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors, [], `${rel}: no error diagnostics`);
  assert.ok(r.workflow, `${rel}: a workflow`);
  return r.workflow;
}

const node = (wf: Workflow, id: string) => {
  const n = wf.nodes.find((x) => x.id === id);
  assert.ok(n, `node ${id} exists`);
  return n;
};

describe('fixtures: every workflow file parses with zero errors', { skip }, () => {
  it('covers every file in current/ and legacy/ (except the introspection)', () => {
    const files = ['current', 'legacy'].flatMap((d) => readdirSync(join(FIXTURES, d)).map((f) => `${d}/${f}`));
    const flows = files.filter((f) => !f.endsWith('legacy-fluss-introspection.json'));
    assert.deepEqual(flows.sort(), Object.keys(EXPECTED).sort(), 'the table lists every fixture');
  });

  for (const [rel, exp] of Object.entries(EXPECTED)) {
    it(`${rel}: counts, generation, and independent raw counts`, () => {
      const wf = parseOk(rel);
      assert.equal(wf.generation, exp.generation);
      assert.equal(wf.nodes.length, exp.nodes, 'nodes');
      assert.equal(wf.edges.length, exp.edges, 'edges');
      assert.equal(wf.globals.length, exp.globals, 'globals');
      const g = rawGraph(JSON.parse(read(rel)));
      assert.equal(wf.nodes.length, independentNodeCount(g), 'node count from the raw arrays');
      assert.equal(wf.edges.length, g.edges.length, 'every raw edge survives');
      // structural invariants
      const ids = new Set(wf.nodes.map((n) => n.id));
      assert.equal(ids.size, wf.nodes.length, 'unique node ids');
      for (const e of wf.edges) {
        assert.ok(ids.has(e.source) && ids.has(e.target), `edge ${e.id} ends exist`);
        assert.ok(e.sourceStream < node(wf, e.source).outs.length);
        assert.ok(e.targetStream < node(wf, e.target).ins.length);
      }
      for (const n of wf.nodes) {
        assert.notEqual(n.title, '', `node ${n.id} has a title`);
        assert.notEqual(n.kind, 'unknown', `node ${n.id} has a known kind`);
      }
    });
  }

  it('the introspection file is a clear PARSE_SCHEMA error, not a throw', () => {
    const r = parseWorkflow(read('legacy/legacy-fluss-introspection.json'));
    assert.equal(r.workflow, null);
    assert.equal(r.diagnostics.length, 1);
    assert.equal(r.diagnostics[0]!.code, 'PARSE_SCHEMA');
    assert.match(r.diagnostics[0]!.message, /introspection/);
  });
});

describe('fixtures: exact facts', { skip }, () => {
  it('stored default workspace graph: ArgNode "1" + ReturnNode "2" in stored form', () => {
    const wf = parseOk('current/current-default-workspace-graph.stored.json');
    assert.deepEqual(
      wf.nodes.map((n) => [n.id, n.kind, n.typename, n.title]),
      [
        ['1', 'args', 'ArgNode', 'Inputs'],
        ['2', 'returns', 'ReturnNode', 'Outputs'],
      ],
    );
    assert.deepEqual(node(wf, '1').position, { x: 0, y: 50 });
    assert.deepEqual(node(wf, '2').position, { x: 1500, y: 50 });
    assert.equal(node(wf, '1').rawTitle, 'Input');
  });

  for (const rel of ['current/current-engine-test-flow.graphql.json', 'current/current-engine-test-flow.sdl-shaped.json']) {
    it(`${rel}: arg -> middle -> returns`, () => {
      const wf = parseOk(rel);
      assert.equal(wf.id, 'flow-1');
      assert.equal(wf.title, 'test flow');
      assert.equal(wf.workspaceId, '1');
      assert.deepEqual(
        wf.nodes.map((n) => [n.id, n.kind]),
        [
          ['arg', 'args'],
          ['middle', 'rekuest-map'],
          ['returns', 'returns'],
        ],
      );
      assert.deepEqual(
        wf.edges.map((e) => [e.id, e.source, e.sourceHandle, e.target, e.targetHandle, e.kind]),
        [
          ['e1', 'arg', 'return_0', 'middle', 'arg_0', 'vanilla'],
          ['e2', 'middle', 'return_0', 'returns', 'arg_0', 'vanilla'],
        ],
      );
      const middle = node(wf, 'middle');
      assert.equal(middle.action?.hash, 'h-middle');
      assert.equal(middle.action?.actionKind, 'FUNCTION');
      assert.equal(middle.action?.mapStrategy, 'MAP');
      assert.equal(middle.title, 'middle');
      // the edge stream is empty, so its items come from the source's out-stream
      assert.deepEqual(wf.edges[0]!.items, [{ kind: 'INT', label: 'x' }]);
      assert.equal(streamLabel(node(wf, 'arg').outs[0]!), 'Int');
    });
  }

  it('legacy-acquire-small: ZIP has two input streams; globals bound with toKeys', () => {
    const wf = parseOk('legacy/legacy-acquire-small.json');
    const zip = wf.nodes.find((n) => n.implementation === 'ZIP');
    assert.ok(zip);
    assert.equal(zip.kind, 'reactive');
    assert.equal(zip.title, 'ZIP', 'an untitled reactive node shows its implementation');
    assert.equal(zip.ins.length, 2);
    assert.deepEqual(zip.ins.map((s) => s.length), [1, 2]);
    assert.equal(zip.outs[0]!.length, 3);
    assert.ok(wf.edges.some((e) => e.target === zip.id && e.targetHandle === 'arg_1' && e.targetStream === 1));
    assert.deepEqual(
      wf.nodes.filter((n) => n.kind === 'reactive').map((n) => n.implementation).sort(),
      ['ADD', 'BUFFER_COMPLETE', 'CHUNK', 'ZIP'],
    );
    assert.equal(wf.nodes.filter((n) => n.kind === 'rekuest-map').length, 6);
    assert.ok(!wf.nodes.some((n) => n.kind === 'kwargs'), 'the empty KwargNode is hidden');
    const cluster = node(wf, 'arkid-acf9c5da-1031-4fd0-9d98-80020d74cbe5');
    assert.equal(cluster.globalsMap.get('max_size'), 'max_size');
    const g = wf.globals.find((x) => x.key === 'max_size');
    assert.deepEqual(g?.targets, [{ nodeId: cluster.id, portKey: 'max_size' }]);
    // legacy SearchWidget normalized
    const acquire = node(wf, 'arkid-e7290f0a-91cc-445a-8322-75e3472e6d04');
    assert.equal(acquire.ins[0]![0]!.widgetKind, 'SEARCH');
    assert.equal(acquire.title, 'Acquire 2D (with offset)');
    assert.equal(acquire.action?.retries, 0);
    assert.equal(acquire.action?.retryDelayMs, 1000);
    // defaults minus streamed keys ("position" is streamed)
    assert.deepEqual([...acquire.constantsMap.keys()].sort(), ['channel', 'objective']);
    assert.equal(acquire.constantsMap.get('objective'), '5');
    assert.equal(portTypeLabel(acquire.ins[0]![0]!), '?Position');
  });

  it('legacy-add-three-flow-2022: the ArgNode has two out-streams', () => {
    const wf = parseOk('legacy/legacy-add-three-flow-2022.json');
    const arg = node(wf, '1');
    assert.equal(arg.kind, 'args');
    assert.equal(arg.outs.length, 2);
    assert.deepEqual(arg.outs.map((s) => s.map((p) => p.key)), [['number'], []]);
    assert.equal(streamLabel(arg.outs[1]!), 'Event');
    assert.equal(wf.title, 'pokey-grey-barnacle saved 2022-12-06 18:09:52.782917+00:00');
    assert.equal(node(wf, 'arkid-9d806ee5-e0a9-45cd-9319-9ff41fb88b2c').title, 'Add three');
  });

  it('legacy-snake-case-dump-2023: node types are inferred, snake_case aliases read', () => {
    const wf = parseOk('legacy/legacy-snake-case-dump-2023.json');
    assert.equal(node(wf, '1').kind, 'args');
    assert.equal(node(wf, '1').typename, 'ArgNode');
    assert.equal(node(wf, '2').kind, 'returns');
    const chunk = wf.nodes.find((n) => n.implementation === 'CHUNK');
    assert.equal(chunk?.typename, 'ReactiveNode');
    const stream = node(wf, 'arkid-35e0af96-25aa-4b00-b9dd-2cedbb2a321c');
    assert.equal(stream.typename, 'ArkitektNode');
    assert.equal(stream.kind, 'rekuest-map');
    assert.equal(stream.action?.actionKind, 'GENERATOR');
    assert.equal(stream.action?.mapStrategy, 'MAP');
    assert.equal(stream.action?.allowLocalExecution, false);
    assert.deepEqual([...stream.constantsMap], [['regexp', '(.*).TIF']]);
    assert.equal(wf.createdAt, '2023-04-18T14:34:46.466877+00:00');
    assert.ok(wf.edges.every((e) => e.sourceHandle === 'return_0'));
    assert.equal(wf.nodes.filter((n) => n.kind === 'rekuest-map').length, 5);
  });

  it('legacy-small-workflow-smart-microscopy: an edge into arg_1; merged "objective" global', () => {
    const wf = parseOk('legacy/legacy-small-workflow-smart-microscopy.json');
    assert.ok(wf.edges.some((e) => e.targetHandle === 'arg_1'));
    const objective = wf.globals.find((g) => g.key === 'objective');
    assert.equal(objective?.targets.length, 2);
  });

  it('legacy-streaming-flow-zip: UNSET ports are kept and labelled "unset"', () => {
    const wf = parseOk('legacy/legacy-streaming-flow-zip.json');
    const ret = node(wf, '2');
    assert.equal(ret.ins[0]!.length, 2);
    const unset = wf.nodes.flatMap((n) => [...n.ins, ...n.outs].flat()).filter((p) => p.kind === 'UNSET');
    assert.ok(unset.length > 0);
    assert.match(portTypeLabel(unset[0]!), /unset$/);
  });

  it('legacy-run-2832-export: 1286 events, 34 snapshots, flow with WITHLATEST and CHUNK', () => {
    const r = parseRunExport(read('legacy/legacy-run-2832-export.json'));
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.ok(r.run && r.workflow);
    assert.equal(r.events.length, 1286);
    assert.equal(r.run.snapshots.length, 34);
    assert.equal(r.run.id, '79');
    assert.equal(r.run.taskId, '2832');
    assert.equal(r.run.status, null);
    assert.equal(r.workflow.nodes.length, 12);
    assert.deepEqual(r.workflow.nodes.filter((n) => n.kind === 'reactive').map((n) => n.implementation).sort(), ['CHUNK', 'WITHLATEST']);
    // sorted by t; t unique 0..1285; legacy type read as kind; COMPLETE "None" -> null
    assert.deepEqual(r.events.map((e) => e.t), Array.from({ length: 1286 }, (_, i) => i));
    assert.equal(r.events.filter((e) => e.kind === 'COMPLETE').length, 3);
    assert.ok(r.events.filter((e) => e.kind === 'COMPLETE').every((e) => e.value === null));
    const first = r.events[0]!;
    assert.deepEqual([first.source, first.kind, first.causedBy], ['1', 'NEXT', [0]]);
    assert.deepEqual(r.events[7]!.causedBy, [6, 4, 2]);
    assert.deepEqual(r.run.snapshots.map((s) => s.t).slice(0, 3), [0, 0, 40]);
  });
});
