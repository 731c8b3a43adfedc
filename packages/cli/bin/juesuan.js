#!/usr/bin/env node
// The `juesuan` command: its TypeScript sources bundled by esbuild into one module, cached on disk
// while none of them changes (tsx, which needs no build, costs about a second at every start).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle, installStamps, writeBundle } from './bundle-cache.js';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const cache = here('../node_modules/.cache/juesuan/');
let module = freshBundle(cache);
if (!module) {
  const { register } = await import('tsx/esm/api');
  register();
  const { bundleModule } = await import('../../../pipelines/src/worker-bundle.ts');
  const { code, inputs } = await bundleModule(new URL('../src/main.ts', import.meta.url));
  module = writeBundle(cache, code, [...inputs, ...installStamps(here('../../../'))]);
  if (!module) module = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
}
await import(module.startsWith('data:') ? module : pathToFileURL(module).href);
