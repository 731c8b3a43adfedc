import { join } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  logLevel: 'warn',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: join(import.meta.dirname, '..', 'dist', 'client'), emptyOutDir: true, chunkSizeWarningLimit: 4096, target: 'es2022' },
});
