import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { build } from 'esbuild';
import { BUNDLE_CACHE, ROOT, freshBundle, installStamps, writeBundle } from './bundle-cache.js';

const OWN = /^@juesuan\//;

/**
 * Third-party packages stay outside the bundle, imported from where they are installed (an
 * absolute URL: the bundle is a data: URL, with no folder of its own to resolve names from).
 */
const installedPackages: Plugin = {
  name: 'installed-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (OWN.test(args.path) || args.pluginData === 'inner') return undefined;
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'inner' });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: pathToFileURL(found.path).href, external: true };
    });
  },
};

/** Each module keeps its own import.meta.url (packages find their data files from it). */
const ownModuleUrls: Plugin = {
  name: 'own-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.(ts|mjs|js)$/ }, (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const url = pathToFileURL(args.path).href;
      // patterns, not strings: this file is bundled too, and must not rewrite its own
      const contents = readFileSync(args.path, 'utf8')
        .replace(/\bimport\.meta\.url\b/g, JSON.stringify(url))
        .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(join(args.path, '..')))
        .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(args.path));
      return { contents, loader: extname(args.path) === '.ts' ? 'ts' : 'js' };
    });
  },
};

const built = new Map<string, Promise<URL>>();

/**
 * A TypeScript entry (the command, a worker thread) as one JavaScript module, from the disk cache
 * while none of its sources changed. Loaded so, it needs no tsx, which resolves and loads each
 * module through its own hooks thread: a second and a half of CPU at every start.
 */
export function moduleBundle(entry: URL, name: string): Promise<URL> {
  let url = built.get(entry.href);
  if (!url) {
    url = cachedBundle(entry, name);
    built.set(entry.href, url);
  }
  return url;
}

async function cachedBundle(entry: URL, name: string): Promise<URL> {
  const fresh = freshBundle(BUNDLE_CACHE, name);
  if (fresh) return pathToFileURL(fresh);
  const { code, inputs } = await bundleModule(entry);
  const file = writeBundle(BUNDLE_CACHE, name, code, [...inputs, ...installStamps()]);
  // a folder we cannot write: the module is handed over in memory
  return file ? pathToFileURL(file) : new URL(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** A TypeScript entry and every module of ours it imports, as one JavaScript module, with the files it was built from. */
export async function bundleModule(entry: URL): Promise<{ code: string; inputs: string[] }> {
  const out = await build({
    entryPoints: [fileURLToPath(entry)],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [installedPackages, ownModuleUrls],
  });
  const inputs = Object.keys(out.metafile.inputs).map((p) => join(ROOT, p));
  return { code: Buffer.from(out.outputFiles[0]!.contents).toString('utf8'), inputs };
}
