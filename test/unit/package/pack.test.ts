// `npm pack` gives a package that works from a clean project: the tarball is installed into a
// temporary folder (offline, dependencies from the local npm cache; when that fails, the project's
// node_modules is linked in for the dependencies and the test says so), then
//  - Node imports `fluss-elements/model` and parses a workflow,
//  - TypeScript resolves the types of `.`, `./define`, `./define/<tag>`, `./model`, `./react`, `./vue`,
//  - custom-elements.json is reachable through the exports map,
//  - Chromium loads a page that imports only dist/fluss-elements.bundle.js, under a strict CSP
//    (no unsafe-eval, Trusted Types `lit-html fluss-elk`), and renders a <fluss-workflow>; ELK is
//    fetched only for the auto layout, never for `layout="stored"`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { findChromium, launchChromium, watchPage, NO_CHROMIUM } from './support/chromium.js';
import { serveStatic } from './support/servers.js';

const root = resolve('.');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };

/** A small project-written workflow (GraphQL form): inputs -> one action -> outputs. */
const FLOW = {
  title: 'Pack test',
  graph: {
    nodes: [
      { __typename: 'ArgNode', id: 'a', kind: 'ARGS', title: 'In', description: '', position: { x: 0, y: 0 }, ins: [], outs: [[{ key: 'x', kind: 'INT', nullable: false }]], constants: [], voids: [], constantsMap: {}, globalsMap: {} },
      { __typename: 'RekuestMapActionNode', id: 'm', kind: 'REKUEST', title: 'Double', description: '', position: { x: 260, y: 0 }, hash: 'pack-double', mapStrategy: 'MAP', allowLocalExecution: false, actionKind: 'FUNCTION', ins: [[{ key: 'x', kind: 'INT', nullable: false }]], outs: [[{ key: 'y', kind: 'INT', nullable: false }]], constants: [], voids: [], constantsMap: {}, globalsMap: {} },
      { __typename: 'ReturnNode', id: 'r', kind: 'RETURNS', title: 'Out', description: '', position: { x: 520, y: 0 }, ins: [[{ key: 'y', kind: 'INT', nullable: false }]], outs: [], constants: [], voids: [], constantsMap: {}, globalsMap: {} },
    ],
    edges: [
      { __typename: 'VanillaEdge', id: 'e1', kind: 'VANILLA', source: 'a', sourceHandle: 'return_0', target: 'm', targetHandle: 'arg_0', stream: [] },
      { __typename: 'VanillaEdge', id: 'e2', kind: 'VANILLA', source: 'm', sourceHandle: 'return_0', target: 'r', targetHandle: 'arg_0', stream: [] },
    ],
    globals: [],
  },
};

function run(cmd: string, args: string[], cwd: string): { status: number | null; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** Builds what the package ships when it is missing (npm test builds first; this is for single runs). */
function ensureBuilt(): void {
  const need = ['dist/index.js', 'dist/define.js', 'dist/model.js', 'dist/types/index.d.ts', 'dist/types/jsx-react.d.ts', 'dist/fluss-elements.bundle.js'];
  if (need.every((f) => existsSync(f))) return;
  let r = run('npx', ['vite', 'build', '--logLevel', 'error'], root);
  assert.equal(r.status, 0, `vite build failed:\n${r.out}`);
  run('npx', ['tsc', '-p', 'tsconfig.build.json'], root); // declarations are emitted even when someone's code has a type error
  r = run('npx', ['vite', 'build', '-c', 'vite.bundle.config.ts', '--logLevel', 'error'], root);
  assert.equal(r.status, 0, `bundle build failed:\n${r.out}`);
  for (const f of need) assert.ok(existsSync(f), `${f} was not built`);
}

const chromium = findChromium();

test('npm pack: the tarball installs into a clean project and works in Node, TypeScript and Chromium', { timeout: 900_000 }, async (t) => {
  ensureBuilt();
  assert.ok(existsSync('custom-elements.json'), 'custom-elements.json is missing: run `npm run analyze`');
  const work = mkdtempSync(join(tmpdir(), 'fluss-pack-'));
  try {
    // 1. Pack (scripts off: the build above is what prepack would do).
    const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root);
    assert.equal(packed.status, 0, packed.out);
    const info = JSON.parse(packed.out.slice(packed.out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    const files = new Set(info[0]!.files.map((f) => f.path));
    for (const f of ['package.json', 'README.md', 'custom-elements.json', 'dist/index.js', 'dist/define.js', 'dist/model.js', 'dist/fluss-elements.bundle.js', 'dist/fluss-elk.worker.js', 'dist/types/index.d.ts', 'dist/types/define.d.ts', 'dist/types/model/index.d.ts', 'dist/types/jsx-react.d.ts', 'dist/types/jsx-vue.d.ts', 'dist/define/fluss-workflow.js', 'dist/define/fluss-run-log.js', 'dist/types/elements/fluss-workflow/define.d.ts']) {
      assert.ok(files.has(f), `the tarball lacks ${f}`);
    }
    assert.ok(![...files].some((f) => f.startsWith('src/') || f.startsWith('dev-server/') || f.startsWith('test/')), 'the tarball ships sources or tests');
    const tarball = join(work, info[0]!.filename);

    // 2. Install into a clean project, offline.
    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-consumer', version: '1.0.0', private: true, type: 'module' }));
    const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], app);
    if (install.status !== 0) {
      t.diagnostic(`offline install failed (dependencies not in the npm cache); linking the project's node_modules for the dependencies instead:\n${install.out.slice(-600)}`);
      const dest = join(app, 'node_modules', 'fluss-elements');
      mkdirSync(dest, { recursive: true });
      const untar = run('tar', ['-xzf', tarball, '-C', dest, '--strip-components=1'], app);
      assert.equal(untar.status, 0, untar.out);
      for (const dep of readdirSync(join(root, 'node_modules'))) {
        if (dep === '.bin' || dep === 'fluss-elements' || dep.startsWith('.')) continue;
        symlinkSync(join(root, 'node_modules', dep), join(app, 'node_modules', dep));
      }
    } else {
      t.diagnostic('offline install from the npm cache: ok');
      for (const dep of Object.keys(pkg.dependencies)) assert.ok(existsSync(join(app, 'node_modules', dep)), `dependency ${dep} was not installed`);
    }

    // 3. Node: the model entry parses a workflow; the manifest resolves through the exports map.
    const node = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { parseWorkflow, RunStore } from 'fluss-elements/model';
         import { createRequire } from 'node:module';
         const flow = ${JSON.stringify(FLOW)};
         const { workflow, diagnostics } = parseWorkflow(flow);
         const store = new RunStore(workflow);
         const manifest = createRequire(import.meta.url)('fluss-elements/custom-elements.json');
         const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
         console.log(JSON.stringify({ nodes: workflow.nodes.map((n) => n.kind), errors: diagnostics.filter((d) => d.severity === 'error').length, size: store.size, tags }));`,
      ],
      { cwd: app, encoding: 'utf8' },
    );
    assert.equal(node.status, 0, node.stderr);
    const result = JSON.parse(node.stdout.trim()) as { nodes: string[]; errors: number; size: number; tags: string[] };
    assert.deepEqual(result.nodes, ['args', 'rekuest-map', 'returns']);
    assert.equal(result.errors, 0);
    assert.ok(result.tags.includes('fluss-workflow') && result.tags.includes('fluss-run'), `manifest tags: ${result.tags}`);

    // 4. TypeScript: every entry's types resolve for a consumer.
    writeFileSync(
      join(app, 'consumer.ts'),
      `import { FlussWorkflow, FlussErrorEvent, runContext, FlussClient } from 'fluss-elements';
       import 'fluss-elements/define';
       import { FlussWorkflow as OnlyTheGraph } from 'fluss-elements/define/fluss-workflow';
       import { parseWorkflow, type Workflow } from 'fluss-elements/model';
       import type {} from 'fluss-elements/react';
       const el: FlussWorkflow = document.createElement('fluss-workflow');
       el.addEventListener('fluss-error', (e: FlussErrorEvent) => console.log(e.detail.code));
       const w: Workflow | null = parseWorkflow({}).workflow;
       export { el, w, runContext, FlussClient, OnlyTheGraph };\n`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', strict: true, noEmit: true, skipLibCheck: true, lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: [] }, files: ['consumer.ts'] }),
    );
    const tsc = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
    assert.equal(tsc.status, 0, `a consumer does not type-check against the package:\n${tsc.out}`);

    // 5. Chromium: one module file, strict CSP, a rendered <fluss-workflow>.
    if (!chromium) {
      t.diagnostic(`Chromium part skipped: ${NO_CHROMIUM}`);
      return;
    }
    const bundle = '/node_modules/fluss-elements/dist/fluss-elements.bundle.js';
    const page = (layout: string) => `<!doctype html><meta charset="utf-8"><title>pack</title><link rel="icon" href="data:,">
      <script type="module" src="${bundle}"></script>
      <fluss-workflow layout="${layout}"><script type="application/json">${JSON.stringify(FLOW)}</script></fluss-workflow>`;
    writeFileSync(join(app, 'auto.html'), page('auto'));
    writeFileSync(join(app, 'stored.html'), page('stored'));
    const csp = "default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types lit-html fluss-elk";
    const server = await serveStatic(app, new Map(), { 'Content-Security-Policy': csp });
    const browser = await launchChromium(chromium);
    try {
      for (const layout of ['auto', 'stored']) {
        const tab = await browser.newPage();
        const problems = watchPage(tab);
        const requested: string[] = [];
        tab.on('request', (r) => requested.push(new URL(r.url()).pathname));
        tab.on('console', (m) => {
          if (/Content Security Policy|Trusted Type/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
        });
        await tab.goto(`${server.origin}/${layout}.html`, { waitUntil: 'load' });
        await tab.waitForFunction(() => customElements.get('fluss-workflow') !== undefined, { timeout: 30_000 });
        const drawn = await tab.evaluate(async () => {
          const el = document.querySelector('fluss-workflow') as HTMLElement & { layoutComplete: Promise<void>; state: string };
          await el.layoutComplete;
          return { state: el.state, nodes: el.shadowRoot?.querySelectorAll('[part~="node"]').length ?? 0 };
        });
        await new Promise((r) => setTimeout(r, 300));
        await tab.close();
        assert.deepEqual(problems, [], `${layout}: problems in the page`);
        assert.ok(['ready', 'partial'].includes(drawn.state), `${layout}: state ${drawn.state}`);
        assert.equal(drawn.nodes, 3, `${layout}: nodes drawn`);
        const scripts = requested.filter((p) => p.endsWith('.js'));
        const elk = scripts.filter((p) => /fluss-elk/.test(p));
        assert.ok(scripts.every((p) => p.startsWith('/node_modules/fluss-elements/dist/fluss-')), `only the bundle (and ELK) load: ${scripts}`);
        if (layout === 'auto') assert.ok(elk.length > 0, 'the auto layout did not load ELK');
        else assert.deepEqual(elk, [], 'a stored layout must not load ELK');
      }
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
