// Builder and mapping: ELK graph shape and options, and ELK output mapped back to absolute
// boxes and routes that end exactly on the handles (elk.bundled.js run directly in Node).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { buildElkGraph } from '../../../src/layout/elk-graph.js';
import { mapCompactResult, mapElkResult } from '../../../src/layout/elk-result.js';
import { computeCompact, decodeRequest, encodeRequest } from '../../../src/layout/compact.js';
import { prepareGraph } from '../../../src/layout/prepared-graph.js';
import { layoutKeyOf } from '../../../src/layout/layout-key.js';
import { handlePoint } from '../../../src/layout/handles.js';
import { LayoutError } from '../../../src/layout/errors.js';
import type { LayoutDirection } from '../../../src/layout/types.js';
import type { Workflow } from '../../../src/model/types.js';
import type { NodeSize } from '../../../src/layout/types.js';
import { genWorkflow, makeEdge, makeGroup, makeNode, makeWorkflow, sizesFor } from './gen.js';
import { boxesById, checkLayout } from './check.js';

const elk = new ELK();

async function layoutWithElk(workflow: Workflow, sizes: ReadonlyMap<string, NodeSize>, direction: LayoutDirection = 'right') {
  const g = prepareGraph(workflow, sizes);
  const graph = buildElkGraph(g, direction);
  const result = await elk.layout(graph);
  return mapElkResult(result, g, direction, layoutKeyOf(g, direction, 'auto'));
}

function allNodes(root: ElkNode): ElkNode[] {
  const out: ElkNode[] = [];
  const stack = [...(root.children ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    stack.push(...(n.children ?? []));
  }
  return out;
}

describe('buildElkGraph', () => {
  it('gives every leaf one fixed-position port per stream, at handlePoint, in stream order', () => {
    const wf = makeWorkflow([makeNode('a', 3, 2), makeNode('b', 1, 1)], [makeEdge('e', 'a', 1, 'b', 0)]);
    const sizes = new Map([['a', { width: 200, height: 90 }], ['b', { width: 120, height: 50 }]]);
    for (const direction of ['right', 'down'] as const) {
      const g = prepareGraph(wf, sizes);
      const root = buildElkGraph(g, direction);
      const a = root.children![0]!;
      assert.equal(a.width, 200);
      assert.equal(a.height, 90);
      assert.equal(a.layoutOptions!['elk.portConstraints'], 'FIXED_POS');
      const ports = a.ports!;
      assert.equal(ports.length, 5);
      const box = { x: 0, y: 0, width: 200, height: 90 };
      for (let k = 0; k < 3; k++) {
        const p = handlePoint(box, 'in', k, 3, direction);
        assert.deepEqual([ports[k]!.x, ports[k]!.y], [p.x, p.y]);
        assert.equal(ports[k]!.layoutOptions!['elk.port.side'], direction === 'down' ? 'NORTH' : 'WEST');
      }
      for (let k = 0; k < 2; k++) {
        const p = handlePoint(box, 'out', k, 2, direction);
        assert.deepEqual([ports[3 + k]!.x, ports[3 + k]!.y], [p.x, p.y]);
        assert.equal(ports[3 + k]!.layoutOptions!['elk.port.side'], direction === 'down' ? 'SOUTH' : 'EAST');
      }
      // Stream order: input ports go down the left side (right) / across the top (down).
      if (direction === 'right') assert.ok(ports[0]!.y! < ports[1]!.y! && ports[1]!.y! < ports[2]!.y!);
      else assert.ok(ports[0]!.x! < ports[1]!.x! && ports[1]!.x! < ports[2]!.x!);
      assert.deepEqual(root.edges![0]!.sources, [ports[4]!.id]);
      assert.deepEqual(root.edges![0]!.targets, [root.children![1]!.ports![0]!.id]);
    }
  });

  it('uses layered + orthogonal routing, never NETWORK_SIMPLEX placement or LONGEST_PATH layering', () => {
    const { workflow, sizes } = genWorkflow(50, 3);
    const o = buildElkGraph(prepareGraph(workflow, sizes), 'right').layoutOptions!;
    assert.equal(o['elk.algorithm'], 'layered');
    assert.equal(o['elk.edgeRouting'], 'ORTHOGONAL');
    assert.equal(o['elk.direction'], 'RIGHT');
    assert.notEqual(o['elk.layered.nodePlacement.strategy'], 'NETWORK_SIMPLEX');
    assert.notEqual(o['elk.layered.layering.strategy'], 'LONGEST_PATH');
    assert.equal(o['elk.layered.thoroughness'], undefined);
    assert.equal(o['elk.hierarchyHandling'], undefined, 'no hierarchy option without groups');
    assert.equal(buildElkGraph(prepareGraph(workflow, sizes), 'down').layoutOptions!['elk.direction'], 'DOWN');
  });

  it('switches to the large-graph preset above 300 nodes', () => {
    const small = genWorkflow(300, 1);
    const big = genWorkflow(301, 1);
    assert.equal(buildElkGraph(prepareGraph(small.workflow, small.sizes), 'right').layoutOptions!['elk.layered.thoroughness'], undefined);
    const o = buildElkGraph(prepareGraph(big.workflow, big.sizes), 'right').layoutOptions!;
    assert.equal(o['elk.layered.thoroughness'], '1');
    assert.notEqual(o['elk.layered.nodePlacement.strategy'], 'NETWORK_SIMPLEX');
  });

  it('nests group children in a compound node with INCLUDE_CHILDREN and a minimum size', () => {
    const wf = makeWorkflow(
      [makeGroup('G'), makeNode('a', 1, 1, { parentId: 'G' }), makeNode('b', 1, 1)],
      [makeEdge('e', 'a', 0, 'b', 0)],
    );
    const root = buildElkGraph(prepareGraph(wf, sizesFor(wf)), 'right');
    assert.equal(root.layoutOptions!['elk.hierarchyHandling'], 'INCLUDE_CHILDREN');
    const G = root.children![0]!;
    assert.equal(G.children!.length, 1);
    assert.equal(G.layoutOptions!['elk.nodeSize.constraints'], 'MINIMUM_SIZE');
    assert.equal(root.children!.length, 2);
    assert.equal(root.edges!.length, 1, 'cross-hierarchy edges are declared at the root');
  });

  it('uses its own ids, never ids from the data, and drops edges to missing nodes', () => {
    const wf = makeWorkflow(
      [makeNode('__proto__', 1, 1), makeNode('', 1, 1), makeNode('constructor', 1, 1), makeNode('__proto__', 2, 2)],
      [makeEdge('x', '__proto__', 0, '', 0), makeEdge('y', '', 0, 'missing', 0), makeEdge('z', 'constructor', 5, '', 9)],
    );
    const root = buildElkGraph(prepareGraph(wf, new Map()), 'right');
    const ids = allNodes(root).map((n) => n.id);
    assert.deepEqual(ids.sort(), ['n0', 'n1', 'n2']);
    assert.equal(root.edges!.length, 2);
    // Out-of-range streams attach to the node itself, never to another port.
    assert.deepEqual(root.edges![1]!.sources, ['n2']);
    assert.deepEqual(root.edges![1]!.targets, ['n1']);
  });

  it('hands ELK a fresh object each time (ELK mutates its input)', () => {
    const { workflow, sizes } = genWorkflow(10, 2);
    const g = prepareGraph(workflow, sizes);
    const a = buildElkGraph(g, 'right');
    const b = buildElkGraph(g, 'right');
    assert.notEqual(a, b);
    assert.notEqual(a.children![0], b.children![0]);
    assert.deepEqual(a, b);
  });
});

describe('mapElkResult', () => {
  for (const direction of ['right', 'down'] as const) {
    for (const [n, seed, groups] of [[8, 1, 0], [25, 2, 2], [40, 3, 3], [60, 4, 4], [15, 5, 1]] as const) {
      it(`generated workflow n=${n} seed=${seed} groups=${groups} (${direction}): no overlaps, routes on handles, children inside groups`, async () => {
        const { workflow, sizes } = genWorkflow(n, seed, { groups, cycles: true });
        const layout = await layoutWithElk(workflow, sizes, direction);
        assert.deepEqual(checkLayout(layout, workflow), []);
        assert.equal(layout.nodes.length, workflow.nodes.length);
        assert.equal(layout.edges.length, workflow.edges.length);
        assert.equal(layout.direction, direction);
        for (const b of layout.nodes) {
          assert.ok(b.x >= 0 && b.y >= 0 && b.x + b.width <= layout.width && b.y + b.height <= layout.height);
        }
      });
    }
  }

  it('routes self-loops, cycles and cross-hierarchy edges, and sizes groups to fit (min 280x180)', async () => {
    const wf = makeWorkflow(
      [
        makeGroup('G1'),
        makeGroup('G2'),
        makeGroup('empty'),
        makeNode('a', 1, 2, { parentId: 'G1' }),
        makeNode('b', 2, 1, { parentId: 'G2' }),
        makeNode('c', 1, 1),
      ],
      [
        makeEdge('ab', 'a', 0, 'b', 0),
        makeEdge('ba', 'b', 0, 'a', 0),
        makeEdge('self', 'c', 0, 'c', 0),
        makeEdge('ac', 'a', 1, 'c', 0),
        makeEdge('cb', 'c', 0, 'b', 1),
      ],
    );
    const layout = await layoutWithElk(wf, sizesFor(wf));
    assert.deepEqual(checkLayout(layout, wf), []);
    const boxes = boxesById(layout);
    for (const id of ['G1', 'G2', 'empty']) {
      assert.ok(boxes.get(id)!.width >= 280 && boxes.get(id)!.height >= 180, id);
    }
    const self = layout.edges.find((e) => e.id === 'self')!;
    assert.ok(self.points.length >= 4, 'a self-loop has bends');
  });

  it('rejects non-finite or absurd ELK output with LAYOUT_INVALID', async () => {
    const { workflow, sizes } = genWorkflow(6, 9);
    const g = prepareGraph(workflow, sizes);
    const result = await elk.layout(buildElkGraph(g, 'right'));
    const broken = structuredClone(result);
    broken.children![0]!.x = Number.NaN;
    assert.throws(() => mapElkResult(broken, g, 'right', 'k'), (e: unknown) => e instanceof LayoutError && e.code === 'LAYOUT_INVALID');
    const huge = structuredClone(result);
    huge.children![1]!.width = 1e308;
    assert.throws(() => mapElkResult(huge, g, 'right', 'k'), (e: unknown) => e instanceof LayoutError && e.code === 'LAYOUT_INVALID');
    const missing = structuredClone(result);
    missing.children!.pop();
    assert.throws(() => mapElkResult(missing, g, 'right', 'k'), (e: unknown) => e instanceof LayoutError && e.code === 'LAYOUT_INVALID');
    // A bad edge section is not fatal: that edge gets a router-made route.
    const badEdge = structuredClone(result);
    badEdge.edges![0]!.sections![0]!.startPoint.x = Number.POSITIVE_INFINITY;
    const ok = mapElkResult(badEdge, g, 'right', 'k');
    assert.deepEqual(checkLayout(ok, workflow), []);
  });
});

describe('compact worker protocol', () => {
  it('round-trips a skeleton and lays it out like the direct path', async () => {
    const { workflow, sizes } = genWorkflow(30, 21, { groups: 2, cycles: true });
    const g = prepareGraph(workflow, sizes);
    const req = structuredClone(encodeRequest(g, 'down'));
    const { graph, direction } = decodeRequest(req);
    assert.equal(direction, 'down');
    assert.deepEqual(buildElkGraph(graph, 'down'), buildElkGraph(g, 'down'));
    const res = structuredClone(await computeCompact(elk, req));
    const layout = mapCompactResult(res, g, 'down', 'k');
    assert.deepEqual(checkLayout(layout, workflow), []);
  });

  it('refuses malformed requests and mismatched results', async () => {
    for (const bad of [null, {}, { v: 2 }, { v: 1, nodes: [1, 2], edges: new Int32Array(0) }, { v: 1, nodes: new Float64Array(5), edges: new Int32Array(0) },
      { v: 1, nodes: new Float64Array(6), edges: Int32Array.from([0, 0, 3, 0]) }]) {
      assert.throws(() => decodeRequest(bad), TypeError);
      await assert.rejects(computeCompact(elk, bad), TypeError);
    }
    const { workflow, sizes } = genWorkflow(5, 22);
    const g = prepareGraph(workflow, sizes);
    const res = await computeCompact(elk, encodeRequest(g, 'right'));
    const other = prepareGraph(genWorkflow(6, 22).workflow, sizes);
    assert.throws(() => mapCompactResult(res, other, 'right', 'k'), (e: unknown) => e instanceof LayoutError && e.code === 'LAYOUT_INVALID');
  });
});
