// The command's bundle on disk, kept while none of the files it was built from has changed.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
export const installStamps = (root) => [join(root, 'node_modules/.modules.yaml'), join(root, 'pnpm-lock.yaml')];

/** The bundle's path when it exists and every file it was built from is as it was, else null. */
export function freshBundle(dir) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'bundle.json'), 'utf8'));
  } catch {
    return null;
  }
  if (manifest.node !== process.version || !Array.isArray(manifest.files)) return null;
  for (const [file, was] of manifest.files) if (stamp(file) !== was) return null;
  return join(dir, manifest.module);
}

/**
 * Writes the bundle and its manifest (each by rename, so a concurrent start never reads half a
 * file); returns its path, or null when the folder cannot be written.
 */
export function writeBundle(dir, code, inputs) {
  try {
    mkdirSync(dir, { recursive: true });
    const module = `bundle-${process.pid}-${Date.now()}.mjs`;
    writeFileSync(join(dir, module), code);
    const manifest = { node: process.version, module, files: inputs.map((f) => [f, stamp(f)]) };
    const tmp = join(dir, `bundle.json.${process.pid}`);
    writeFileSync(tmp, JSON.stringify(manifest));
    renameSync(tmp, join(dir, 'bundle.json'));
    removeOldBundles(dir, module);
    return join(dir, module);
  } catch {
    return null;
  }
}

/** Bundles replaced over a minute ago: a command started before then has long loaded its own. */
function removeOldBundles(dir, keep) {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (/^bundle-.*\.mjs$/.test(name) && name !== keep && Date.now() - statSync(file).mtimeMs > 60_000) rmSync(file, { force: true });
  }
}
