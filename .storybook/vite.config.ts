// Vite settings for Storybook only (the project's vite.config.ts serves demo/ and builds the library).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  server: { host: '127.0.0.1', fs: { allow: [root] } },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
