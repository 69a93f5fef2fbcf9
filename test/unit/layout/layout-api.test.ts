// Public API in Node (no Worker here, so ELK runs through the main-thread fallback):
// stored mode, layoutKey, validateLayout, immediateLayout, cache, error codes and fallbacks.
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  disposeLayoutWorkers,
  handlePoint,
  immediateLayout,
  isLayoutError,
  layoutKey,
  layoutWorkerCount,
  layoutWorkflow,
  validateLayout,
  type WorkflowLayout,
} from '../../../src/layout/index.js';
import { genWorkflow, makeEdge, makeGroup, makeNode, makeWorkflow, sizesFor } from './gen.js';
import { boxesById, checkLayout } from './check.js';

afterEach(() => disposeLayoutWorkers());

describe('handlePoint', () => {
  const box = { id: 'n', x: 10, y: 20, width: 100, height: 60 };
  it('puts inputs left and outputs right (right), spaced in stream order, one centred', () => {
    assert.deepEqual(handlePoint(box, 'in', 0, 1, 'right'), { x: 10, y: 50 });
    assert.deepEqual(handlePoint(box, 'out', 0, 2, 'right'), { x: 110, y: 40 });
    assert.deepEqual(handlePoint(box, 'out', 1, 2, 'right'), { x: 110, y: 60 });
  });
  it('puts inputs on top and outputs at the bottom (down)', () => {
    assert.deepEqual(handlePoint(box, 'in', 0, 1, 'down'), { x: 60, y: 20 });
    assert.deepEqual(handlePoint(box, 'out', 2, 3, 'down'), { x: 85, y: 80 });
  });
  it('falls back to the side centre for an index out of range (never .at(-1))', () => {
    assert.deepEqual(handlePoint(box, 'in', -1, 3, 'right'), { x: 10, y: 50 });
    assert.deepEqual(handlePoint(box, 'in', 3, 3, 'right'), { x: 10, y: 50 });
  });
});

describe('stored mode', () => {
  it('keeps authored positions, converts parent-relative children, fits groups around children', async () => {
    const wf = makeWorkflow(
      [
        makeGroup('G', { position: { x: 500, y: 100 } }),
        makeNode('a', 1, 1, { position: { x: 0, y: 0 } }),
        makeNode('b', 1, 1, { position: { x: 300, y: 40 } }),
        makeNode('c', 1, 1, { parentId: 'G', position: { x: 40, y: 70 } }),
        makeNode('d', 1, 1, { parentId: 'G', position: { x: 300, y: 70 } }),
      ],
      [makeEdge('ab', 'a', 0, 'b', 0), makeEdge('bc', 'b', 0, 'c', 0), makeEdge('cd', 'c', 0, 'd', 0), makeEdge('da', 'd', 0, 'a', 0)],
    );
    const sizes = sizesFor(wf);
    const layout = await layoutWorkflow({ workflow: wf, sizes, direction: 'right', mode: 'stored' });
    const boxes = boxesById(layout);
    const a = boxes.get('a')!;
    const rel = (id: string) => ({ x: boxes.get(id)!.x - a.x, y: boxes.get(id)!.y - a.y });
    assert.deepEqual(rel('b'), { x: 300, y: 40 });
    assert.deepEqual(rel('c'), { x: 540, y: 170 }, 'child = parent position + relative position');
    assert.deepEqual(rel('d'), { x: 800, y: 170 });
    assert.equal(boxes.get('c')!.width, sizes.get('c')!.width);
    assert.deepEqual(checkLayout(layout, wf), []);
    assert.equal(layoutWorkerCount(), 0);
  });

  it('places nodes without a position to the right of the authored ones', async () => {
    const wf = makeWorkflow(
      [makeNode('a', 1, 1, { position: { x: 0, y: 0 } }), makeNode('b', 1, 1, { position: { x: 300, y: 0 } }), makeNode('c', 1, 1), makeNode('d', 1, 1)],
      [makeEdge('ab', 'a', 0, 'b', 0), makeEdge('bc', 'b', 0, 'c', 0), makeEdge('cd', 'c', 0, 'd', 0)],
    );
    const layout = await layoutWorkflow({ workflow: wf, sizes: sizesFor(wf), direction: 'right', mode: 'stored' });
    const boxes = boxesById(layout);
    const right = boxes.get('b')!.x + boxes.get('b')!.width;
    assert.ok(boxes.get('c')!.x > right && boxes.get('d')!.x > right);
    assert.deepEqual(checkLayout(layout, wf), []);
  });

  it('immediateLayout: positions for a fully positioned workflow, null otherwise, no ELK', () => {
    const { workflow, sizes } = genWorkflow(30, 7, { groups: 2, positions: true });
    const l = immediateLayout({ workflow, sizes, direction: 'right', mode: 'stored' });
    assert.ok(l);
    assert.equal(l.graphKey, layoutKey({ workflow, sizes, direction: 'right', mode: 'stored' }));
    assert.deepEqual(checkLayout(l, workflow), []);
    // In auto mode it still gives the authored layout for the first paint, with the stored key.
    const l2 = immediateLayout({ workflow, sizes, direction: 'right', mode: 'auto' });
    assert.ok(l2);
    assert.notEqual(l2.graphKey, layoutKey({ workflow, sizes, direction: 'right', mode: 'auto' }));
    const partial = { ...workflow, nodes: workflow.nodes.map((n, i) => (i === 5 ? { ...n, position: undefined } : n)) };
    assert.equal(immediateLayout({ workflow: partial, sizes, direction: 'right', mode: 'stored' }), null);
    const bad = { ...workflow, nodes: workflow.nodes.map((n, i) => (i === 5 ? { ...n, position: { x: Infinity, y: 0 } } : n)) };
    assert.equal(immediateLayout({ workflow: bad, sizes, direction: 'right', mode: 'stored' }), null);
    assert.equal(layoutWorkerCount(), 0);
  });
});

describe('layoutKey', () => {
  const { workflow, sizes } = genWorkflow(20, 11, { groups: 1, positions: true });
  const base = { workflow, sizes, direction: 'right' as const, mode: 'auto' as const };
  it('is stable for the same graph, including a structurally equal copy', () => {
    const copy = structuredClone({ workflow, sizes });
    assert.equal(layoutKey(base), layoutKey(base));
    assert.equal(layoutKey(base), layoutKey({ ...base, workflow: copy.workflow, sizes: copy.sizes }));
  });
  it('changes with sizes, edges, streams, hierarchy, direction and mode', () => {
    const k = layoutKey(base);
    const s2 = new Map(sizes);
    s2.set(workflow.nodes[3]!.id, { width: 999, height: 50 });
    assert.notEqual(layoutKey({ ...base, sizes: s2 }), k);
    assert.notEqual(layoutKey({ ...base, workflow: { ...workflow, edges: workflow.edges.slice(1) } }), k);
    const e2 = workflow.edges.map((e, i) => (i === 0 ? { ...e, targetStream: e.targetStream + 1 } : e));
    assert.notEqual(layoutKey({ ...base, workflow: { ...workflow, edges: e2 } }), k);
    const n2 = workflow.nodes.map((n, i) => (i === 4 ? makeNode(n.id, n.ins.length + 1, n.outs.length, { ...(n.parentId ? { parentId: n.parentId } : {}) }) : n));
    assert.notEqual(layoutKey({ ...base, workflow: { ...workflow, nodes: n2 } }), k);
    const n3 = workflow.nodes.map((n, i) => (i === 6 ? { ...n, parentId: 'group-0' } : n));
    assert.notEqual(layoutKey({ ...base, workflow: { ...workflow, nodes: n3 } }), k);
    assert.notEqual(layoutKey({ ...base, direction: 'down' }), k);
    assert.notEqual(layoutKey({ ...base, mode: 'stored' }), k);
  });
  it('depends on authored positions in stored mode only', () => {
    const moved = { ...workflow, nodes: workflow.nodes.map((n, i) => (i === 2 ? { ...n, position: { x: 1, y: 2 } } : n)) };
    assert.equal(layoutKey({ ...base, workflow: moved }), layoutKey(base));
    assert.notEqual(layoutKey({ ...base, mode: 'stored', workflow: moved }), layoutKey({ ...base, mode: 'stored' }));
  });
  it('is not confused by ids that look like separators', () => {
    const w1 = makeWorkflow([makeNode('a|0', 1, 1), makeNode('b', 1, 1)], []);
    const w2 = makeWorkflow([makeNode('a', 1, 1), makeNode('0|b', 1, 1)], []);
    assert.notEqual(layoutKey({ ...base, workflow: w1, sizes: new Map() }), layoutKey({ ...base, workflow: w2, sizes: new Map() }));
  });
});

describe('validateLayout', () => {
  const wf = makeWorkflow([makeNode('a', 1, 1), makeNode('b', 1, 1)], [makeEdge('ab', 'a', 0, 'b', 0)]);
  const good = {
    version: 1,
    graphKey: 'k',
    direction: 'right',
    width: 500,
    height: 200,
    nodes: [
      { id: 'a', x: 10, y: 10, width: 100, height: 50 },
      { id: 'b', x: 300, y: 10, width: 100, height: 50 },
    ],
    edges: [{ id: 'ab', points: [{ x: 110, y: 35 }, { x: 300, y: 35 }] }],
  };
  it('accepts a sound layout and returns a fresh frozen copy', () => {
    const r = validateLayout(good, wf);
    assert.deepEqual(r.problems, []);
    assert.ok(r.layout);
    assert.notEqual(r.layout, good as unknown as WorkflowLayout);
    assert.ok(Object.isFrozen(r.layout) && Object.isFrozen(r.layout.nodes[0]));
  });
  it('rejects NaN, Infinity, strings and negative sizes', () => {
    for (const patch of [{ x: Number.NaN }, { y: Infinity }, { width: '100' }, { height: -5 }, { x: 1e308 }]) {
      const bad = { ...good, nodes: [{ ...good.nodes[0]!, ...patch }, good.nodes[1]] };
      const r = validateLayout(bad, wf);
      assert.equal(r.layout, null, JSON.stringify(patch));
      assert.ok(r.problems.length > 0);
    }
  });
  it('rejects unknown, duplicate and missing node ids', () => {
    assert.equal(validateLayout({ ...good, nodes: [...good.nodes, { id: 'zz', x: 0, y: 0, width: 1, height: 1 }] }, wf).layout, null);
    assert.equal(validateLayout({ ...good, nodes: [...good.nodes, good.nodes[0]] }, wf).layout, null);
    assert.equal(validateLayout({ ...good, nodes: [good.nodes[0]] }, wf).layout, null);
    assert.equal(validateLayout({ ...good, nodes: [{ ...good.nodes[0], id: '__proto__' }, good.nodes[1]] }, wf).layout, null);
  });
  it('rejects non-objects and wrong versions or directions', () => {
    for (const v of [null, 42, 'x', [], { ...good, version: 2 }, { ...good, direction: 'left' }, { ...good, nodes: {} }]) {
      assert.equal(validateLayout(v, wf).layout, null);
    }
  });
  it('re-routes edges whose route is missing or broken, ending on the handles', () => {
    const r = validateLayout({ ...good, edges: [{ id: 'ab', points: [{ x: Number.NaN, y: 0 }, { x: 1, y: 1 }] }] }, wf);
    assert.ok(r.layout);
    assert.equal(r.problems.length, 1);
    assert.deepEqual(checkLayout(r.layout, wf), []);
    const r2 = validateLayout({ ...good, edges: [] }, wf);
    assert.ok(r2.layout);
    assert.deepEqual(checkLayout(r2.layout, wf), []);
  });
});

describe('layoutWorkflow without a Worker (main-thread fallback)', () => {
  it('lays out a small graph and caches it by key', async () => {
    const { workflow, sizes } = genWorkflow(20, 13, { groups: 2, cycles: true });
    const req = { workflow, sizes, direction: 'right' as const, mode: 'auto' as const };
    const l1 = await layoutWorkflow(req);
    assert.deepEqual(checkLayout(l1, workflow), []);
    assert.equal(l1.graphKey, layoutKey(req));
    const l2 = await layoutWorkflow({ ...req, workflow: structuredClone(workflow) });
    assert.equal(l2, l1, 'cache hit returns the same layout');
    assert.equal(immediateLayout(req), l1);
  });

  it('shares one computation between identical concurrent requests; one caller aborting leaves the other', async () => {
    const { workflow, sizes } = genWorkflow(18, 17);
    const req = { workflow, sizes, direction: 'right' as const, mode: 'auto' as const };
    const [a, b] = await Promise.all([layoutWorkflow(req), layoutWorkflow({ ...req, workflow: structuredClone(workflow) })]);
    assert.equal(a, b);
    disposeLayoutWorkers();
    const ac = new AbortController();
    const p1 = layoutWorkflow({ ...req, signal: ac.signal });
    const p2 = layoutWorkflow(req);
    ac.abort();
    await assert.rejects(p1, (e: unknown) => isLayoutError(e) && e.code === 'LAYOUT_ABORTED');
    assert.deepEqual(checkLayout(await p2, workflow), []);
  });

  it('refuses a big graph with LAYOUT_UNAVAILABLE, carrying a fallback layout', async () => {
    const { workflow, sizes } = genWorkflow(250, 1);
    await assert.rejects(layoutWorkflow({ workflow, sizes, direction: 'right', mode: 'auto' }), (e: unknown) => {
      assert.ok(isLayoutError(e));
      assert.equal(e.code, 'LAYOUT_UNAVAILABLE');
      assert.ok(e.fallback);
      assert.deepEqual(checkLayout(e.fallback, workflow), []);
      return true;
    });
  });

  it('rejects with LAYOUT_ABORTED for an aborted signal', async () => {
    const { workflow, sizes } = genWorkflow(10, 3);
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(layoutWorkflow({ workflow, sizes, direction: 'down', mode: 'auto', signal: ac.signal }), (e: unknown) => isLayoutError(e) && e.code === 'LAYOUT_ABORTED');
  });

  it('survives odd graphs: empty, duplicate ids, parent cycles, dangling edges, absurd sizes', async () => {
    const empty = await layoutWorkflow({ workflow: makeWorkflow([], []), sizes: new Map(), direction: 'right', mode: 'auto' });
    assert.equal(empty.nodes.length, 0);
    assert.ok(Number.isFinite(empty.width));
    const wf = makeWorkflow(
      [
        makeNode('a', 1, 1, { parentId: 'b' }),
        makeNode('b', 1, 1, { parentId: 'a' }),
        makeNode('a', 3, 3),
        makeNode('c', 0, 0, { parentId: 'c' }),
        makeNode('d', 2, 2, { parentId: 'nowhere' }),
      ],
      [makeEdge('1', 'a', 0, 'b', 0), makeEdge('2', 'a', 0, 'ghost', 0), makeEdge('3', 'd', 7, 'c', 3), makeEdge('3', 'd', 0, 'd', 1)],
    );
    const sizes = new Map([['a', { width: Number.NaN, height: 1e308 }], ['b', { width: -50, height: 20 }]]);
    for (const mode of ['auto', 'stored'] as const) {
      const l = await layoutWorkflow({ workflow: wf, sizes, direction: 'right', mode });
      assert.deepEqual(l.nodes.map((n) => n.id).sort(), ['a', 'b', 'c', 'd']);
      assert.deepEqual(l.edges.map((e) => e.id).sort(), ['1', '3']);
      for (const n of l.nodes) for (const v of [n.x, n.y, n.width, n.height]) assert.ok(Number.isFinite(v) && v >= 0 && v < 1e6);
    }
  });
});

describe('fallback layout and router (no ELK)', () => {
  it('gives sound geometry for groups, cycles and self-loops in both directions', async () => {
    const { simpleLayout } = await import('../../../src/layout/simple-layout.js');
    const { prepareGraph } = await import('../../../src/layout/prepared-graph.js');
    for (const direction of ['right', 'down'] as const) {
      for (const seed of [1, 2, 3]) {
        const { workflow, sizes } = genWorkflow(40, seed, { groups: 3, cycles: true });
        const l = simpleLayout(prepareGraph(workflow, sizes), direction, 'k');
        assert.deepEqual(checkLayout(l, workflow), [], `${direction} ${seed}`);
      }
    }
  });

  it('routes forward, backward and self edges orthogonally from handle to handle', async () => {
    const { routeOrthogonal } = await import('../../../src/layout/router.js');
    const a = { x: 0, y: 0, width: 100, height: 50 };
    const b = { x: 300, y: 200, width: 100, height: 50 };
    for (const direction of ['right', 'down'] as const) {
      for (const [s, t, sb, tb] of [[a, b, a, b], [b, a, b, a], [a, a, a, a]] as const) {
        const S = handlePoint(s, 'out', 0, 1, direction);
        const T = handlePoint(t, 'in', 0, 1, direction);
        const pts = routeOrthogonal(S, T, sb, tb, direction);
        assert.deepEqual(pts[0], S);
        assert.deepEqual(pts[pts.length - 1], T);
        for (let k = 1; k < pts.length; k++) {
          assert.ok(pts[k - 1]!.x === pts[k]!.x || pts[k - 1]!.y === pts[k]!.y, 'axis-parallel');
        }
        // The first segment leaves along the flow direction.
        if (direction === 'right') assert.equal(pts[1]!.y, S.y);
        else assert.equal(pts[1]!.x, S.x);
      }
    }
  });
});
