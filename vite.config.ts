// Library build: ES modules for the three public entries; runtime dependencies stay external so
// the host deduplicates Lit. `vite` (dev) serves demo/ for `npm start`.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const external = Object.keys(pkg.dependencies);

export default defineConfig(({ command }) => ({
  root: command === 'serve' ? resolve(import.meta.dirname, 'demo') : import.meta.dirname,
  server: {
    host: '127.0.0.1',
    fs: { allow: [resolve(import.meta.dirname), resolve(import.meta.dirname, '../shared')] },
  },
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
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
    },
  },
}));
