// Build-time: elkjs's GWT build (elkjs/lib/elk-worker.min.js, CommonJS) loaded as an ES module, so
// that bundlers put ELK's 1.6 MB of code at the top level of the layout worker instead of inside a
// CommonJS wrapper function. V8 then parses it once instead of twice: ELK's start in a fresh
// worker fell from ~150-250 ms to ~20-35 ms (performance.md L4; docs/adr/0030-*). The text of the
// file is not changed, only framed: a local `module`/`exports` pair before it, exports after it.

/** Whether a module id is elkjs's GWT build. */
export function isElkGwtBuild(id) {
  return /[\\/]elkjs[\\/]lib[\\/]elk-worker\.min\.js$/.test(id.split('?')[0]);
}

/**
 * Frames elk-worker.min.js as an ES module: `default` is its module.exports ({ default, Worker }),
 * `Worker` its FakeWorker class.
 * @param {string} source
 * @returns {string}
 */
export function elkGwtAsEsm(source) {
  return `const module = { exports: {} };\nconst exports = module.exports;\n${source}\n;const fluss$elkExports = module.exports;\nconst fluss$elkWorker = fluss$elkExports.Worker;\nexport { fluss$elkExports as default, fluss$elkWorker as Worker };\n`;
}

/** Vite / Rollup / Rolldown plugin (use it for the worker build: `worker.plugins`). */
export function elkEsmPlugin() {
  return {
    name: 'fluss-elk-esm',
    enforce: 'pre',
    async load(id) {
      if (!isElkGwtBuild(id)) return null;
      const { readFile } = await import('node:fs/promises');
      return { code: elkGwtAsEsm(await readFile(id.split('?')[0], 'utf8')), map: null };
    },
  };
}

/** esbuild plugin (bench bundles). */
export function elkEsmEsbuildPlugin() {
  return {
    name: 'fluss-elk-esm',
    setup(build) {
      build.onLoad({ filter: /[\\/]elkjs[\\/]lib[\\/]elk-worker\.min\.js$/ }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        return { loader: 'js', contents: elkGwtAsEsm(await readFile(args.path, 'utf8')) };
      });
    },
  };
}
