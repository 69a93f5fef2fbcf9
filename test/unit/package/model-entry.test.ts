// `fluss-elements/model` is importable from plain Node after `npm run build` (npm test builds first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

test('import("fluss-elements/model") works in Node from the built package', () => {
  if (!existsSync('dist/model.js')) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { encoding: 'utf8' });
    assert.equal(build.status, 0, `vite build failed: ${build.stderr}`);
  }
  const script = `
    const m = await import('fluss-elements/model');
    const { workflow, diagnostics } = m.parseWorkflow({ graph: { nodes: [
      { __typename: 'ArgNode', id: 'a', kind: 'ARGS', position: { x: 0, y: 0 }, title: 'In', description: '', ins: [[]], outs: [[{ key: 'x', kind: 'INT', nullable: false }]], constants: [], voids: [], constantsMap: {}, globalsMap: {} },
      { __typename: 'ReturnNode', id: 'r', kind: 'RETURNS', position: { x: 300, y: 0 }, title: 'Out', description: '', ins: [[{ key: 'x', kind: 'INT', nullable: false }]], outs: [[]], constants: [], voids: [], constantsMap: {}, globalsMap: {} }
    ], edges: [ { __typename: 'VanillaEdge', id: 'e', kind: 'VANILLA', source: 'a', sourceHandle: 'return_0', target: 'r', targetHandle: 'arg_0', stream: [] } ], globals: [] } });
    const store = new m.RunStore(workflow);
    console.log(JSON.stringify({ nodes: workflow.nodes.length, edges: workflow.edges.length, errors: diagnostics.filter((d) => d.severity === 'error').length, store: typeof store.stateAt, hasDocument: typeof document }));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout.trim()), { nodes: 2, edges: 1, errors: 0, store: 'function', hasDocument: 'undefined' });
});
