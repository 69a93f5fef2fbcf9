// The worker's ELK engine (elk-direct.ts): elkjs's GWT build driven directly gives the same
// layouts as elk.bundled.js (elk-api), registers only `layered`, rejects ELK's errors, and falls
// back to the build's postMessage protocol where its dispatcher is missing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { directElk, ELK_ALGORITHMS } from '../../../src/layout/elk-direct.js';
import { buildElkGraph } from '../../../src/layout/elk-graph.js';
import { computeCompact, encodeRequest } from '../../../src/layout/compact.js';
import { prepareGraph } from '../../../src/layout/prepared-graph.js';
import { genWorkflow } from './gen.js';
import { elkGwtAsEsm, isElkGwtBuild } from '../../../scripts/elk-esm.mjs';

const require = createRequire(import.meta.url);
const gwt: unknown = require('elkjs/lib/elk-worker.min.js');

const graphOf = (n: number, seed: number, groups = 0): ElkNode => {
  const w = genWorkflow(n, seed, { groups, cycles: true });
  return buildElkGraph(prepareGraph(w.workflow, w.sizes), 'right');
};

const countNodes = (r: ElkNode): number => (r.children ?? []).reduce((k, c) => k + 1 + countNodes(c), 0);

const shapes = (r: ElkNode): string =>
  JSON.stringify({
    nodes: (r.children ?? []).map((c) => [c.id, c.x, c.y, c.width, c.height, (c.children ?? []).map((k) => [k.id, k.x, k.y])]),
    edges: (r.edges ?? []).map((e) => [e.id, (e.sections ?? []).map((s) => [s.startPoint, s.bendPoints ?? [], s.endPoint])]),
  });

describe('directElk', () => {
  it('registers only the layered algorithm', () => {
    assert.deepEqual([...ELK_ALGORITHMS], ['layered']);
  });

  it('lays out exactly like elk.bundled.js (elk-api), flat and with groups', async () => {
    const direct = directElk(gwt);
    const api = new ELK();
    for (const [n, seed, groups] of [
      [12, 1, 0],
      [60, 2, 3],
      [200, 3, 0],
    ] as const) {
      const a = await direct.layout(graphOf(n, seed, groups));
      const b = await api.layout(graphOf(n, seed, groups));
      assert.ok(countNodes(a) >= n, `${n} nodes laid out`);
      assert.equal(shapes(a), shapes(b), `same layout at ${n} nodes`);
    }
  });

  it('serves the compact protocol of the worker', async () => {
    const w = genWorkflow(30, 5);
    const g = prepareGraph(w.workflow, w.sizes);
    const r = await computeCompact(directElk(gwt), encodeRequest(g, 'down'));
    assert.equal(r.problem, undefined);
    assert.equal(r.boxes.length, g.nodes.length * 4);
    assert.ok([...r.boxes].every(Number.isFinite), 'every node has a box');
  });

  it("rejects with ELK's error and keeps working afterwards", async () => {
    const direct = directElk(gwt);
    const bad: ElkNode = { id: 'root', children: [{ id: 'a', width: 10, height: 10 }], edges: [{ id: 'e', sources: ['a'], targets: ['nowhere'] }] };
    await assert.rejects(direct.layout(bad));
    const ok = await direct.layout(graphOf(8, 9));
    assert.ok((ok.children ?? []).length >= 8);
  });

  it('falls back to postMessage / onmessage when the build has no dispatcher', async () => {
    const seen: string[] = [];
    class FakeWorker {
      onmessage: ((ev: { data: unknown }) => void) | null = null;
      postMessage(msg: { id: number; cmd: string; graph?: ElkNode }): void {
        seen.push(msg.cmd);
        setTimeout(() => this.onmessage?.({ data: msg.cmd === 'layout' ? { id: msg.id, data: { ...msg.graph, x: 0, y: 0 } } : { id: msg.id } }), 0);
      }
    }
    const engine = directElk({ Worker: FakeWorker });
    const r = await engine.layout({ id: 'root', children: [] });
    assert.equal(r.x, 0);
    assert.deepEqual(seen, ['register', 'layout']);
  });

  it('refuses a module without an ELK worker class', () => {
    assert.throws(() => directElk({}), /did not load/);
  });

  it('runs the same when the build is framed as an ES module (scripts/elk-esm.mjs)', async () => {
    assert.ok(isElkGwtBuild('/x/node_modules/elkjs/lib/elk-worker.min.js?worker'));
    assert.ok(!isElkGwtBuild('/x/node_modules/elkjs/lib/elk.bundled.js'));
    const dir = mkdtempSync(join(tmpdir(), 'fluss-elk-esm-'));
    try {
      const file = join(dir, 'elk-worker.mjs');
      writeFileSync(file, elkGwtAsEsm(readFileSync(require.resolve('elkjs/lib/elk-worker.min.js'), 'utf8')));
      const esm: unknown = await import(pathToFileURL(file).href);
      assert.equal(typeof (esm as { Worker?: unknown }).Worker, 'function');
      const a = await directElk(esm).layout(graphOf(40, 11, 2));
      const b = await new ELK().layout(graphOf(40, 11, 2));
      assert.equal(shapes(a), shapes(b));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
