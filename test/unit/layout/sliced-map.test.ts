// Mapping ELK's numbers back in slices (performance.md L3) gives exactly the one-shot result,
// gives the event loop turns on a big graph, and stops with LAYOUT_ABORTED; the large-graph
// preset's extra settings apply only where they are safe.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ELK from 'elkjs/lib/elk.bundled.js';
import { computeCompact, encodeRequest } from '../../../src/layout/compact.js';
import { mapCompactResult, mapCompactResultSliced } from '../../../src/layout/elk-result.js';
import { HUGE_GRAPH_NODES, LARGE_GRAPH_NODES, rootLayoutOptions } from '../../../src/layout/elk-options.js';
import { prepareGraph } from '../../../src/layout/prepared-graph.js';
import { runSliced } from '../../../src/layout/slices.js';
import { LayoutError } from '../../../src/layout/errors.js';
import { genWorkflow } from './gen.js';
import { checkLayout } from './check.js';

const elk = new ELK();

describe('sliced mapping', () => {
  it('equals the one-shot mapping, with and without groups', async () => {
    for (const [n, opts] of [[60, {}], [40, { groups: 3, cycles: true }]] as const) {
      const { workflow, sizes } = genWorkflow(n, 5, opts);
      const g = prepareGraph(workflow, sizes);
      const res = await computeCompact(elk, encodeRequest(g, 'right'));
      const once = mapCompactResult(res, g, 'right', 'k');
      const sliced = await mapCompactResultSliced(res, g, 'right', 'k');
      assert.deepEqual(sliced, once);
      assert.ok(Object.isFrozen(sliced) && Object.isFrozen(sliced.nodes[0]) && Object.isFrozen(sliced.edges[0]!.points));
      assert.deepEqual(checkLayout(sliced, workflow), []);
    }
  });

  it('rejects a mismatched result with LAYOUT_INVALID', async () => {
    const { workflow, sizes } = genWorkflow(5, 22);
    const g = prepareGraph(workflow, sizes);
    const res = await computeCompact(elk, encodeRequest(g, 'right'));
    const other = prepareGraph(genWorkflow(6, 22).workflow, sizes);
    await assert.rejects(mapCompactResultSliced(res, other, 'right', 'k'), (e: unknown) => e instanceof LayoutError && e.code === 'LAYOUT_INVALID');
  });

  it('yields to the event loop between slices and stops when aborted', async () => {
    function* steps(): Generator<void, number, void> {
      for (let i = 0; i < 50; i++) yield;
      return 7;
    }
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      assert.equal(await runSliced(steps(), { budgetMs: 0 }), 7);
    } finally {
      clearInterval(timer);
    }
    assert.ok(ticks > 0, 'other tasks ran while slicing');
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(runSliced(steps(), { budgetMs: 0, signal: ac.signal, onAbort: () => new LayoutError('LAYOUT_ABORTED', 'x') }),
      (e: unknown) => e instanceof LayoutError && e.code === 'LAYOUT_ABORTED');
  });
});

describe('large-graph preset', () => {
  it('skips the node micro layout only without groups, and fixes one alignment only for huge graphs', () => {
    const small = rootLayoutOptions('right', LARGE_GRAPH_NODES, false);
    assert.equal(small['elk.omitNodeMicroLayout'], undefined);
    assert.equal(small['elk.layered.thoroughness'], undefined);
    const large = rootLayoutOptions('right', LARGE_GRAPH_NODES + 1, false);
    assert.equal(large['elk.omitNodeMicroLayout'], 'true');
    assert.equal(large['elk.layered.thoroughness'], '1');
    assert.equal(large['elk.layered.nodePlacement.bk.fixedAlignment'], undefined);
    assert.equal(rootLayoutOptions('right', LARGE_GRAPH_NODES + 1, true)['elk.omitNodeMicroLayout'], undefined);
    const huge = rootLayoutOptions('down', HUGE_GRAPH_NODES + 1, false);
    assert.equal(huge['elk.layered.nodePlacement.bk.fixedAlignment'], 'LEFTUP');
    assert.equal(huge['elk.layered.cycleBreaking.strategy'], 'GREEDY');
  });
});
