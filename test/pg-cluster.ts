import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder of PostgreSQL's server binaries: $JUESUAN_PG_BIN (set by .ci/run), else the newest
 * Debian install under /usr/lib/postgresql, else null (the PostgreSQL tests are then skipped,
 * unless $JUESUAN_REQUIRE_PG is set, as CI does, and they fail).
 */
export function pgBinDir(): string | null {
  const fromEnv = process.env.JUESUAN_PG_BIN;
  if (fromEnv) return fromEnv;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0]!, 'bin') : null;
}

export const pgAvailable = pgBinDir() !== null || process.env.JUESUAN_REQUIRE_PG !== undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface PgCluster {
  url: string;
  /** a fresh, empty database on the cluster: its URL */
  createDatabase(name: string): string;
  stop(): void;
}

/** initdb and pg_ctl refuse root: as root they run as the postgres user. */
function asServerUser(bin: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0;
  if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'pipe' });
  else execFileSync(bin, args, { stdio: 'pipe' });
}

/** A throwaway cluster: initdb into a temporary folder, started by pg_ctl on a free local port, trust auth. */
export async function startCluster(): Promise<PgCluster> {
  const bin = pgBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found: set JUESUAN_PG_BIN or apt-get install postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-pg-'));
  chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  asServerUser(join(bin, 'initdb'), ['-D', data, '-U', 'juesuan', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  const url = `postgres://juesuan@127.0.0.1:${port}/postgres`;
  return {
    url,
    createDatabase(name) {
      execFileSync(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'juesuan', name], { stdio: 'pipe' });
      return `postgres://juesuan@127.0.0.1:${port}/${name}`;
    },
    stop() {
      try {
        asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
