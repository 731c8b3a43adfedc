import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { build } from 'esbuild';

/** Where bundles are kept: named by their content, so a changed source makes a new one. */
const CACHE = join(tmpdir(), `juesuan-workers-${process.getuid?.() ?? 'user'}`);
const OWN = /^@juesuan\//;

/**
 * Third-party packages stay outside the bundle, imported from where they are installed (an
 * absolute URL: the bundle lives in a temporary folder with no node_modules of its own).
 */
const installedPackages: Plugin = {
  name: 'installed-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (OWN.test(args.path) || args.pluginData === 'inner') return undefined;
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
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
      const contents = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.url', JSON.stringify(url))
        .replaceAll('import.meta.dirname', JSON.stringify(join(args.path, '..')))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader: extname(args.path) === '.ts' ? 'ts' : 'js' };
    });
  },
};

const built = new Map<string, Promise<URL>>();

/**
 * A worker thread's TypeScript entry as one JavaScript module. A worker started from it loads
 * no tsx: tsx resolves and loads each module through its own hooks thread, a second and a half
 * of CPU for every worker started.
 */
export function workerBundle(entry: URL): Promise<URL> {
  let url = built.get(entry.href);
  if (!url) {
    url = bundle(entry);
    built.set(entry.href, url);
  }
  return url;
}

async function bundle(entry: URL): Promise<URL> {
  const out = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [installedPackages, ownModuleUrls],
  });
  const code = out.outputFiles[0]!.contents;
  const file = join(CACHE, `${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(CACHE, { recursive: true });
    // written whole, then renamed: a process starting at the same moment never reads half a file
    const part = `${file}.${process.pid}.part`;
    writeFileSync(part, code);
    renameSync(part, file);
  }
  return pathToFileURL(file);
}
