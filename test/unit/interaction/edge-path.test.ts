// Edge path math ported from @xyflow/system: the expected values below were produced once with
// @xyflow/system 0.0.84's getBezierPath / getSmoothStepPath (borderRadius 8, offset 16).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bezierPath, edgeGeometry, smoothStepPath, type FlowAxis } from '../../../src/render/edge-path.js';

type P = { x: number; y: number };
type Expected = [string, number, number];
// Flows left to right (handles right -> left) and top to bottom (bottom -> top), forward and backward.
const CASES: [P, P, FlowAxis, Expected, Expected][] = [
  [{x: -200, y: 168}, {x: -190, y: 173}, 'x', ['M-200,168 C-195,168 -195,173 -190,173', -195, 170.5], ['M-200 168L -185.25,168Q -184,168 -184,169.25L -184,169.25Q -184,170.5 -185.25,170.5L -204.75,170.5Q -206,170.5 -206,171.75L -206,171.75Q -206,173 -204.75,173L-190 173', -195, 170.5]],
  [{x: -84, y: -116}, {x: 92, y: 13}, 'x', ['M-84,-116 C4,-116 4,13 92,13', 4, -51.5], ['M-84 -116L -4,-116Q 4,-116 4,-108L 4,5Q 4,13 12,13L92 13', 4, -51.5]],
  [{x: -68, y: 101}, {x: 102, y: 17}, 'x', ['M-68,101 C17,101 17,17 102,17', 17, 59], ['M-68 101L 9,101Q 17,101 17,93L 17,25Q 17,17 25,17L102 17', 17, 59]],
  [{x: 74, y: 54}, {x: 127, y: -103}, 'x', ['M74,54 C100.5,54 100.5,-103 127,-103', 100.5, -24.5], ['M74 54L 92.5,54Q 100.5,54 100.5,46L 100.5,-95Q 100.5,-103 108.5,-103L127 -103', 100.5, -24.5]],
  [{x: -50, y: 83}, {x: -40, y: 88}, 'y', ['M-50,83 C-50,85.5 -40,85.5 -40,88', -45, 85.5], ['M-50 83L -50,96.5Q -50,99 -47.5,99L -47.5,99Q -45,99 -45,96.5L -45,74.5Q -45,72 -42.5,72L -42.5,72Q -40,72 -40,74.5L-40 88', -45, 85.5]],
  [{x: 79, y: -178}, {x: 74, y: -13}, 'y', ['M79,-178 C79,-95.5 74,-95.5 74,-13', 76.5, -95.5], ['M79 -178L 79,-98Q 79,-95.5 76.5,-95.5L 76.5,-95.5Q 74,-95.5 74,-93L74 -13', 76.5, -95.5]],
  [{x: 169, y: 123}, {x: -151, y: 5}, 'y', ['M169,123 C169,190.89237807000134 -151,-62.89237807000134 -151,5', 9, 64], ['M169 123L 169,131Q 169,139 161,139L 17,139Q 9,139 9,131L 9,-3Q 9,-11 1,-11L -143,-11Q -151,-11 -151,-3L-151 5', 9, 64]],
  [{x: 169, y: 75}, {x: 58, y: 31}, 'y', ['M169,75 C169,116.4578098794425 58,-10.4578098794425 58,31', 113.5, 53], ['M169 75L 169,83Q 169,91 161,91L 121.5,91Q 113.5,91 113.5,83L 113.5,23Q 113.5,15 105.5,15L 66,15Q 58,15 58,23L58 31', 113.5, 53]],
];

test('bezier paths and label points match React Flow', () => {
  for (const [s, t, axis, [d, lx, ly]] of CASES) {
    const g = bezierPath(s, t, axis);
    assert.equal(g.d, d, `${axis} ${JSON.stringify([s, t])}`);
    assert.ok(Math.abs(g.labelX - lx) < 1e-9 && Math.abs(g.labelY - ly) < 1e-9, `${axis} label`);
  }
});

test('smoothstep paths and label points match React Flow (forward and backward edges)', () => {
  for (const [s, t, axis, , [d, lx, ly]] of CASES) {
    const g = smoothStepPath(s, t, axis, 8, 16);
    assert.equal(g.d, d, `${axis} ${JSON.stringify([s, t])}`);
    assert.ok(Math.abs(g.labelX - lx) < 1e-9 && Math.abs(g.labelY - ly) < 1e-9, `${axis} label`);
  }
});

test('edgeGeometry picks the handle sides from the layout direction', () => {
  const right = edgeGeometry('bezier', { x: 0, y: 0 }, { x: 100, y: 40 }, 'right');
  assert.equal(right.d, 'M0,0 C50,0 50,40 100,40');
  const down = edgeGeometry('bezier', { x: 0, y: 0 }, { x: 40, y: 100 }, 'down');
  assert.equal(down.d, 'M0,0 C0,50 40,50 40,100');
  const step = edgeGeometry('smoothstep', { x: 0, y: 0 }, { x: 100, y: 40 }, 'right');
  assert.ok(step.d.startsWith('M0 0') && step.d.endsWith('L100 40'));
});
