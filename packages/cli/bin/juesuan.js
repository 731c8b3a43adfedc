#!/usr/bin/env node
// The `juesuan` command: its TypeScript sources bundled by esbuild into one module, cached on disk
// while none of them changes (tsx, which needs no build, costs about a second at every start).
import { pathToFileURL } from 'node:url';
import { BUNDLE_CACHE, freshBundle } from '../../../pipelines/src/bundle-cache.js';

const fresh = freshBundle(BUNDLE_CACHE, 'cli');
let url = fresh ? pathToFileURL(fresh) : null;
if (!url) {
  const { register } = await import('tsx/esm/api');
  register();
  const { moduleBundle } = await import('../../../pipelines/src/module-bundle.ts');
  url = await moduleBundle(new URL('../src/main.ts', import.meta.url), 'cli');
}
await import(url.href);
