import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CLIENT_SRC = join(import.meta.dirname, '..', 'client');
export const CLIENT_DIST = join(import.meta.dirname, '..', 'dist', 'client');
const STAMP = join(CLIENT_DIST, '.sources-sha256');

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
  if (!options.force && existsSync(STAMP) && statSync(STAMP).isFile() && readFileSync(STAMP, 'utf8') === hash) return { built: false, seconds: 0 };
  const { build } = await import('vite');
  await build({ configFile: join(CLIENT_SRC, 'vite.config.ts'), root: CLIENT_SRC, logLevel: options.quiet ? 'warn' : 'info' });
  writeFileSync(STAMP, hash);
  return { built: true, seconds: (performance.now() - t0) / 1000 };
}

if (process.argv[1] === import.meta.filename) {
  const r = await buildClient({ force: process.argv.includes('--force') });
  process.stdout.write(r.built ? `client built in ${r.seconds.toFixed(1)} s → ${CLIENT_DIST}\n` : `client up to date → ${CLIENT_DIST}\n`);
}
