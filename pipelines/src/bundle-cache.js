// Bundles on disk (the command's, the extraction worker's), kept while none of the files each was
// built from has changed. Plain JavaScript: the command reads it before any TypeScript can load.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository, and the cache in its node_modules (never committed, gone with a fresh install). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLE_CACHE = join(ROOT, 'node_modules/.cache/juesuan');

const stamp = (file) => {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
};

/**
 * Files whose change makes a bundle stale besides its own inputs: an install can move the
 * packages the bundle imports by absolute path.
 */
export const installStamps = () => [join(ROOT, 'node_modules/.modules.yaml'), join(ROOT, 'pnpm-lock.yaml')];

/** The bundle's path when it exists and every file it was built from is as it was, else null. */
export function freshBundle(dir, name) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
  } catch {
    return null;
  }
  if (manifest.node !== process.version || !Array.isArray(manifest.files)) return null;
  for (const [file, was] of manifest.files) if (stamp(file) !== was) return null;
  return join(dir, manifest.module);
}

/**
 * The URL of an entry's bundle: the cached one, else one built by a child process that loads tsx,
 * so this process never does. tsx's hooks and the source maps it turns on add 70 to 340 MB to a
 * process that loads pdfjs, and a command's memory must not depend on whether its cache was fresh.
 */
export function bundledEntry(entryPath, name) {
  const fresh = freshBundle(BUNDLE_CACHE, name);
  if (fresh) return pathToFileURL(fresh).href;
  const built = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'pipelines/src/build-bundle.ts'), entryPath, name], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    // a folder the cache cannot be written to: the bundle comes back as a data: URL
    maxBuffer: 2 ** 30,
  });
  if (built.status !== 0 || !built.stdout) throw new Error(`${entryPath}: could not be bundled (${built.error?.message ?? `exit ${built.status}`})`);
  return built.stdout;
}

/**
 * Writes the bundle and its manifest (each by rename, so a concurrent start never reads half a
 * file); returns its path, or null when the folder cannot be written.
 */
export function writeBundle(dir, name, code, inputs) {
  try {
    mkdirSync(dir, { recursive: true });
    const module = `${name}-${process.pid}-${Date.now()}.mjs`;
    writeFileSync(join(dir, module), code);
    const manifest = { node: process.version, module, files: inputs.map((f) => [f, stamp(f)]) };
    const tmp = join(dir, `${name}.json.${process.pid}`);
    writeFileSync(tmp, JSON.stringify(manifest));
    renameSync(tmp, join(dir, `${name}.json`));
    removeOldBundles(dir, name, module);
    return join(dir, module);
  } catch {
    return null;
  }
}

/** Bundles replaced over a minute ago: a command started before then has long loaded its own. */
function removeOldBundles(dir, name, keep) {
  for (const file of readdirSync(dir)) {
    const path = join(dir, file);
    // another command may remove the same file first: a stamp of 'missing' leaves it be
    if (file.startsWith(`${name}-`) && file.endsWith('.mjs') && file !== keep && Date.now() - Number(stamp(path).split(':')[1] ?? Date.now()) > 60_000) rmSync(path, { force: true });
  }
}
