// Library build: ES modules for the three public entries; runtime dependencies stay external so
// the host deduplicates Lit. `vite` (dev) serves demo/ for `npm start`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';
import { elkEsmPlugin } from './scripts/elk-esm.mjs';

const external = Object.keys(pkg.dependencies);
/** The elements with their own `define/<tag>` entry. */
const ELEMENTS = ['fluss-provider', 'fluss-workflow', 'fluss-run', 'fluss-run-timeline', 'fluss-run-log'];

/**
 * ELK is shipped minified by elkjs (GWT output): its source maps add ~14 MB to the package and map
 * to nothing readable. Drops them (worker and main-thread files) and their sourceMappingURL.
 */
export function dropElkSourcemaps(): Plugin {
  const isElk = (name: string) => /(^|\/)(fluss-elk|elk\.worker)[^/]*\.js(\.map)?$/.test(name);
  return {
    name: 'fluss-drop-elk-sourcemaps',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const [name, out] of Object.entries(bundle)) {
        if (!isElk(name)) continue;
        if (name.endsWith('.map')) {
          delete bundle[name];
        } else if (out.type === 'chunk') {
          out.map = null;
          out.code = out.code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
        } else if (typeof out.source === 'string') {
          out.source = out.source.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
        }
      }
    },
  };
}

/** Ships the hand-written framework typings (`fluss-elements/react`, `/vue`) next to tsc's output. */
function frameworkTypings(): Plugin {
  return {
    name: 'fluss-framework-typings',
    apply: 'build',
    generateBundle() {
      for (const name of ['jsx-react.d.ts', 'jsx-vue.d.ts']) {
        this.emitFile({ type: 'asset', fileName: `types/${name}`, source: readFileSync(resolve(import.meta.dirname, 'src', name), 'utf8') });
      }
    },
  };
}

export default defineConfig(({ command }) => ({
  // Our css``/html`` literals ship minified (scripts/minify-templates.mjs; bench B1 measures the same).
  plugins: [minifyTemplatesPlugin(), frameworkTypings(), dropElkSourcemaps()],
  // Build: the worker URL stays relative to the module (`new URL('./assets/…', import.meta.url)`).
  base: command === 'serve' ? '/' : './',
  root: command === 'serve' ? resolve(import.meta.dirname, 'demo') : import.meta.dirname,
  server: {
    host: '127.0.0.1',
    fs: { allow: [resolve(import.meta.dirname), resolve(import.meta.dirname, '../shared')] },
  },
  // Dependencies the dev server would otherwise discover only when a worker or a lazy import asks
  // for them, then re-optimize and reload the page mid-visit (seen on the first `npm start`).
  optimizeDeps: { include: ['elkjs/lib/elk-worker.min.js', 'elkjs/lib/elk.bundled.js', 'graphql-ws'] },
  // The layout worker: ELK's GWT build at its top level, parsed once (scripts/elk-esm.mjs, L4).
  worker: { plugins: () => [elkEsmPlugin()] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: {
        index: resolve(import.meta.dirname, 'src/index.ts'),
        define: resolve(import.meta.dirname, 'src/define.ts'),
        model: resolve(import.meta.dirname, 'src/model/index.ts'),
        // `fluss-elements/define/<tag>`: one element's registration, for pages that need only it.
        ...Object.fromEntries(ELEMENTS.map((tag) => [`define/${tag}`, resolve(import.meta.dirname, `src/elements/${tag}/define.ts`)])),
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
    },
  },
}));
