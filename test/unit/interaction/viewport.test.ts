// Viewport math of the own pan/zoom: zoom around a point, wheel factors, interpolation, fitting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clampZoom, easeCubicInOut, interpolateViewport, isFiniteViewport, wheelZoomFactor, zoomAround } from '../../../src/interaction/viewport.js';
import { fitViewport } from '../../../src/interaction/fit-view.js';

const close = (a: number, b: number, msg?: string) => assert.ok(Math.abs(a - b) < 1e-9, `${msg ?? ''} ${a} ≉ ${b}`);

test('zoomAround keeps the canvas point under the pane point', () => {
  const v = { x: 30, y: -20, zoom: 0.8 };
  const px = 250;
  const py = 140;
  const canvas = { x: (px - v.x) / v.zoom, y: (py - v.y) / v.zoom };
  const z = zoomAround(v, 1.7, px, py);
  close(z.zoom, 1.7);
  close(canvas.x * z.zoom + z.x, px);
  close(canvas.y * z.zoom + z.y, py);
});

test('wheel factors: d3 scale, line and page deltas, trackpad pinch gain, per-event cap', () => {
  close(wheelZoomFactor(-200, 0, false), Math.pow(2, 0.4));
  close(wheelZoomFactor(100, 0, false), Math.pow(2, -0.2));
  close(wheelZoomFactor(-3, 1, false), Math.pow(2, 0.15));
  close(wheelZoomFactor(-10, 0, true), Math.pow(2, 0.2), 'pinch');
  close(wheelZoomFactor(-100, 0, true), Math.pow(2, 0.2), 'ctrl + mouse wheel notch: no gain');
  close(wheelZoomFactor(-5000, 0, false), 2);
  close(wheelZoomFactor(5000, 0, false), 0.5);
  assert.equal(wheelZoomFactor(0, 0, false), 1);
});

test('clampZoom and isFiniteViewport', () => {
  assert.equal(clampZoom(5, 0.1, 2), 2);
  assert.equal(clampZoom(0.01, 0.1, 2), 0.1);
  assert.equal(clampZoom(1, 0.1, 2), 1);
  assert.equal(isFiniteViewport({ x: 0, y: 0, zoom: 1 }), true);
  assert.equal(isFiniteViewport({ x: NaN, y: 0, zoom: 1 }), false);
  assert.equal(isFiniteViewport({ x: 0, y: 0, zoom: 0 }), false);
});

test('interpolation: ends exact, zoom geometric, centre point on a straight line', () => {
  const a = { x: 0, y: 0, zoom: 0.5 };
  const b = { x: -400, y: 100, zoom: 2 };
  assert.deepEqual(interpolateViewport(a, b, 0, 800, 600), a);
  assert.deepEqual(interpolateViewport(a, b, 1, 800, 600), b);
  const m = interpolateViewport(a, b, 0.5, 800, 600);
  close(m.zoom, 1);
  const centre = (v: typeof a) => ({ x: (400 - v.x) / v.zoom, y: (300 - v.y) / v.zoom });
  const ca = centre(a);
  const cb = centre(b);
  const cm = centre(m);
  close(cm.x, (ca.x + cb.x) / 2);
  close(cm.y, (ca.y + cb.y) / 2);
  close(easeCubicInOut(0), 0);
  close(easeCubicInOut(0.5), 0.5);
  close(easeCubicInOut(1), 1);
});

test('fitViewport matches React Flow getViewportForBounds (values taken from @xyflow/system 0.0.84)', () => {
  const cases: [[number, number, number, number, number, number], { x: number; y: number; zoom: number }][] = [
    [[0, 0, 100, 100, 800, 500], { x: 300, y: 150, zoom: 2 }],
    [[-300, 50, 2000, 400, 800, 500], { x: 145.2, y: 159, zoom: 0.364 }],
    [[10, 10, 20, 20, 800, 500], { x: 360, y: 210, zoom: 2 }],
    [[0, 0, 50000, 30000, 1280, 800], { x: -1860, y: -1100, zoom: 0.1 }],
  ];
  for (const [[x, y, width, height, w, h], want] of cases) {
    const got = fitViewport({ x, y, width, height }, w, h, 0.1, 2, 0.1);
    assert.ok(Math.abs(got.x - want.x) < 1e-6 && Math.abs(got.y - want.y) < 1e-6 && Math.abs(got.zoom - want.zoom) < 1e-9, JSON.stringify({ got, want }));
  }
  assert.deepEqual(fitViewport({ x: 0, y: 0, width: 1, height: 1 }, 0, 500, 0.1, 2), { x: 0, y: 0, zoom: 1 });
});
