// Graph suite (headless Chromium, one browser run): F1, F2, Z1, Z2, Z3 and R1 (React Flow).
// Anchors are measured in the same page: innerHTML of the very scene our element drew (same
// styles, same wrapper), the same scene under a plain d3-zoom CSS-transform wrapper, and React Flow.
import { bundle, serve, js, htmlPage, cssFile, launch, openPage, traced } from '../lib/browser.mjs';
import { row, median } from '../lib/table.mjs';

export const ids = ['F1', 'F2', 'Z1', 'Z2', 'Z3', 'R1'];

export async function run(want, opts, rows = []) {
  const quick = opts.quick;
  const reps = quick ? 3 : 5;
  const loopReps = 3;
  const pageJs = await bundle('bench/page/graph-page.ts');
  const files = new Map([
    ['/', htmlPage(['/graph.js'], ['/rf.css'])],
    ['/graph.js', js(pageJs)],
    ['/rf.css', cssFile('node_modules/@xyflow/react/dist/style.css')],
  ]);
  const { server, base } = await serve(files);
  const browser = await launch();

  try {
    const page = await openPage(browser, `${base}/`, () => typeof window.bench === 'object');
    const ev = (fn, ...args) => page.evaluate(fn, ...args);
    // warm-up: JIT, fonts, styles
    await ev(() => window.bench.oursFirstPaint(100, null));
    await ev(() => window.bench.floorFirstPaint(100, null));

    const firstPaints = async (a, b, n) => {
      const A = [];
      const B = [];
      const info = {};
      for (let i = 0; i < n; i++) {
        // alternate the order so neither side always runs first
        const first = i % 2 ? b : a;
        const second = i % 2 ? a : b;
        const r1 = await first.fn();
        const r2 = await second.fn();
        (first === a ? A : B).push(r1.ms);
        (second === a ? A : B).push(r2.ms);
        info.a = first === a ? r1 : r2;
        info.b = first === a ? r2 : r1;
      }
      return { A, B, info };
    };
    const ours = (n, minZoom) => ({ fn: () => ev((n, z) => window.bench.oursFirstPaint(n, z), n, minZoom) });
    const floor = (n, minZoom, full = false) => ({ fn: () => ev((n, z, f) => window.bench.floorFirstPaint(n, z, f), n, minZoom, full) });
    const rf = (n) => ({ fn: () => ev((n) => window.bench.rfFirstPaint(n), n) });
    const desc = (x) => `${x.nodes} nodes/${x.edges} edges in DOM, ${x.elements} elements${x.zoom ? `, zoom ${x.zoom.toFixed(3)}` : ''}`;

    let oursF1 = null;
    if (want.has('F1') || want.has('R1')) {
      const { A, B, info } = await firstPaints(ours(1000, null), floor(1000, null), reps);
      oursF1 = A;
      if (want.has('F1'))
        rows.push(row({ id: 'F1', scenario: 'first paint, 1,000 nodes, positions known (fit)', values: A, anchors: B, goal: '≤ 1.3× innerHTML of the same scene', goalRatio: 1.3, note: `ours: ${desc(info.a)}; ready (before paint) ${info.a.ready_ms.toFixed(1)} ms` }));
    }
    if (want.has('F2')) {
      const { A, B, info } = await firstPaints(ours(5000, 1), floor(100, 1), reps);
      const parseMs = await ev(() => window.bench.parseOnly(5000));
      const floorMs = median(B);
      rows.push(row({ id: 'F2', scenario: 'first paint, 5,000 nodes at zoom 1, culled', values: A, anchors: B, goal: '≤ 2× 100-node innerHTML floor', goalRatio: 2, note: `ours: ${desc(info.a)}; floor: ${desc(info.b)}; parseWorkflow of the 5,000-node flow alone (src/model, O(n)) takes ${parseMs.toFixed(1)} ms = ${(parseMs / floorMs).toFixed(2)}× the floor` }));
    }
    if (want.has('R1')) {
      const { A, B, info } = await firstPaints(ours(1000, null), rf(1000), Math.max(3, reps - 2));
      rows.push(row({ id: 'R1a', scenario: 'first paint, 1,000 nodes vs React Flow', values: A, anchors: B, goal: '≤ 0.7× React Flow', goalRatio: 0.7, note: `React Flow: ${desc(info.b)}` }));
    }

    // ---- frame loops: the cases of one group run interleaved (A B C, A B C, ...) so load swings
    // on this shared machine hit every side alike; each run is traced for main-thread cost.
    const loops = async (cases) => {
      const res = new Map(cases.map((c) => [c.id, []]));
      for (let i = 0; i < loopReps; i++) {
        for (const c of cases) {
          await ev((id, kind, n, z) => window.bench.prepareLoop(id, kind, n, z), c.id, c.kind, c.n, c.minZoom);
          const [r, t] = await traced(page, c.frames, () => ev((id, f) => window.bench.runLoop(id, f), c.id, c.frames));
          res.get(c.id).push({ ...r, busy: t?.main_busy_ms ?? NaN, trace: t });
          await ev(() => window.bench.clear());
        }
      }
      return res;
    };
    const med = (list, k) => median(list.map((x) => x[k]));
    const frameMs = (list) => list.map((x) => 1000 / x.fps);
    const traceNote = (label, list) => {
      const t = list[Math.floor(list.length / 2)].trace ?? {};
      return `${label}: ${med(list, 'fps').toFixed(1)} fps, busy ${med(list, 'busy').toFixed(1)} ms/frame (layerize ${t.layerize_ms}, paint ${t.paint_ms}, layout ${t.layout_ms}), JS/event ${med(list, 'js_med_ms').toFixed(2)} ms, ${list[0].nodes_in_dom} nodes in DOM`;
    };
    const F = 90;
    const F5k = quick ? 30 : 45;
    const small = [];
    if (want.has('Z1') || want.has('Z2') || want.has('R1')) small.push({ id: 'ours-1k', kind: 'ours', n: 1000, minZoom: null, frames: F }, { id: 'wrap-1k', kind: 'wrapper', n: 1000, minZoom: null, frames: F });
    if (want.has('Z2')) small.push({ id: 'ours-5k-z1', kind: 'ours', n: 5000, minZoom: 1, frames: F });
    if (want.has('R1')) small.push({ id: 'rf-1k', kind: 'rf', n: 1000, minZoom: null, frames: F });
    const big = [];
    if (want.has('Z3') || want.has('R1')) big.push({ id: 'ours-5k-fit', kind: 'ours', n: 5000, minZoom: null, frames: F5k });
    if (want.has('Z3')) big.push({ id: 'wrap-5k-full', kind: 'wrapper-full', n: 5000, minZoom: null, frames: F5k });
    if (want.has('R1')) big.push({ id: 'rf-5k', kind: 'rf', n: 5000, minZoom: null, frames: F5k });
    const a = small.length ? await loops(small) : new Map();
    const b = big.length ? await loops(big) : new Map();
    const ours1k = a.get('ours-1k');
    const z1anchor = a.get('wrap-1k');
    if (want.has('Z1')) {
      const fps = med(ours1k, 'fps');
      const jsMs = med(ours1k, 'js_med_ms');
      rows.push(row({
        id: 'Z1', scenario: 'pan/zoom, 1,000 nodes all visible: main-thread ms/frame', values: ours1k.map((x) => x.busy), anchors: z1anchor.map((x) => x.busy),
        goal: '≤ 1.2× wrapper loop, 60 fps, JS ≤ 1 ms/event', goalRatio: 1.2,
        checks: [{ ok: fps >= 57, what: `${fps.toFixed(1)} fps` }, { ok: jsMs <= 1, what: `JS ${jsMs.toFixed(2)} ms/event` }],
        note: `${traceNote('ours', ours1k)} | ${traceNote('wrapper', z1anchor)}`,
      }));
    }
    if (want.has('Z2')) {
      const o = a.get('ours-5k-z1');
      const fps = med(o, 'fps');
      rows.push(row({
        id: 'Z2', scenario: 'pan/zoom, 5,000 nodes at zoom 1: main-thread ms/frame', values: o.map((x) => x.busy), anchors: z1anchor.map((x) => x.busy),
        goal: '≤ 1.5× Z1 anchor, ≥ 55 fps', goalRatio: 1.5, checks: [{ ok: fps >= 55, what: `${fps.toFixed(1)} fps` }], note: traceNote('ours', o),
      }));
    }
    const ours5kFit = b.get('ours-5k-fit');
    if (want.has('Z3')) {
      const full = b.get('wrap-5k-full');
      const fps = med(ours5kFit, 'fps');
      rows.push(row({
        id: 'Z3', scenario: '5,000 nodes zoomed out to fit: frame time', values: frameMs(ours5kFit), anchors: frameMs(full),
        goal: '≤ 0.4× full-DOM frame time (≥ 2.5× fps), ≥ 30 fps', goalRatio: 0.4, checks: [{ ok: fps >= 30, what: `${fps.toFixed(1)} fps` }],
        note: `${traceNote('ours', ours5kFit)} | ${traceNote('full DOM', full)}`,
      }));
    }
    if (want.has('R1')) {
      const rf1k = a.get('rf-1k');
      rows.push(row({ id: 'R1b', scenario: 'pan/zoom 1,000 nodes vs React Flow: frame time', values: frameMs(ours1k), anchors: frameMs(rf1k), goal: '≤ 1× (fps ≥ React Flow)', goalRatio: 1, note: `${traceNote('ours', ours1k)} | ${traceNote('React Flow', rf1k)}` }));
      const rf5k = b.get('rf-5k');
      rows.push(row({ id: 'R1c', scenario: 'pan/zoom 5,000 nodes (fit) vs React Flow: frame time', values: frameMs(ours5kFit), anchors: frameMs(rf5k), goal: '≤ 0.33× (fps ≥ 3× React Flow)', goalRatio: 1 / 3, note: `${traceNote('ours', ours5kFit)} | ${traceNote('React Flow', rf5k)}` }));
    }
    void oursF1;
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}
