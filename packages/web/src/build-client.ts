import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const CLIENT_SRC = join(import.meta.dirname, '..', 'client');
export const CLIENT_DIST = join(import.meta.dirname, '..', 'dist', 'client');
const STAMP = join(CLIENT_DIST, '.sources-sha256');
const LOCK = join(CLIENT_DIST, '..', '.build-lock');
const STALE_LOCK_MS = 5 * 60_000;

/** One build at a time across processes (test files run in parallel): a folder as the lock. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(join(LOCK, '..'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

const upToDate = (hash: string) => existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** One hash over the client's sources: the build is redone only when they change. */
function sourcesHash(): string {
  const h = createHash('sha256');
  for (const f of filesUnder(CLIENT_SRC).sort()) h.update(f.slice(CLIENT_SRC.length)).update(readFileSync(f));
  return h.digest('hex');
}

/** Builds the browser app with Vite into dist/client, unless it is built from these sources already. */
export async function buildClient(options: { force?: boolean; quiet?: boolean } = {}): Promise<{ built: boolean; seconds: number }> {
  const t0 = performance.now();
  const hash = sourcesHash();
  if (!options.force && upToDate(hash)) return { built: false, seconds: 0 };
  return withBuildLock(async () => {
    // another process may have built it while this one waited
    if (!options.force && upToDate(hash)) return { built: false, seconds: 0 };
    const { build } = await import('vite');
    await build({ configFile: join(CLIENT_SRC, 'vite.config.ts'), root: CLIENT_SRC, logLevel: options.quiet ? 'error' : 'info' });
    writeFileSync(STAMP, hash);
    return { built: true, seconds: (performance.now() - t0) / 1000 };
  });
}

if (process.argv[1] === import.meta.filename) {
  const r = await buildClient({ force: process.argv.includes('--force') });
  process.stdout.write(r.built ? `client built in ${r.seconds.toFixed(1)} s → ${CLIENT_DIST}\n` : `client up to date → ${CLIENT_DIST}\n`);
}
