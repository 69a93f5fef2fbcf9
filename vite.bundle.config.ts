// `npm run bundle`: dist/fluss-elements.bundle.js, ONE module file with every element registered
// and every dependency (Lit, @lit/context, graphql-ws, ...) inlined, for pages
// without a bundler. ELK is never inlined: the layout worker is its own file
// (dist/fluss-elk.worker.js) and the main-thread fallback another (dist/fluss-elk-main.js), both loaded
// only when an auto layout runs. Other workers (the run-export parser) are files of their own too.
// Runs after the library build (emptyOutDir: false).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { dropElkSourcemaps } from './vite.config.js';
import { elkEsmPlugin } from './scripts/elk-esm.mjs';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

export default defineConfig({
  root: import.meta.dirname,
  // Relative URLs: the worker and the ELK chunk are found next to the bundle wherever it is served.
  base: './',
  publicDir: false,
  plugins: [minifyTemplatesPlugin(), dropElkSourcemaps()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    assetsDir: '',
    copyPublicDir: false,
    reportCompressedSize: false,
    modulePreload: false,
    rollupOptions: {
      input: { 'fluss-elements.bundle': resolve(import.meta.dirname, 'src/define.ts') },
      // Keep the entry's exports (classes, model API) and let helpers join the entry chunk.
      preserveEntrySignatures: 'allow-extension',
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        // One file: every module joins the entry chunk (lazy imports such as graphql-ws included),
        // except elkjs's main-thread build, which stays lazy.
        manualChunks: (id: string) => (id.includes('/node_modules/elkjs/') ? 'fluss-elk-main' : 'fluss-elements.bundle'),
        chunkFileNames: '[name].js',
      },
    },
  },
  worker: {
    format: 'es',
    // ELK's GWT build at the worker's top level, parsed once (scripts/elk-esm.mjs, L4).
    plugins: () => [elkEsmPlugin()],
    rollupOptions: {
      // elk.worker -> fluss-elk.worker.js; any other worker (e.g. the run-export parser) -> fluss-<name>.js
      output: {
        entryFileNames: (chunk) => (chunk.name.startsWith('elk') ? 'fluss-elk.worker.js' : `fluss-${chunk.name}.js`),
        chunkFileNames: 'fluss-worker-[name].js',
      },
    },
  },
});
