import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Store } from '@juesuan/loader';

/** Where queued files' bytes wait for a worker: stored once, under their sha256. */
export interface BlobStore {
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  get(sha256: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Blobs in a PostgreSQL table beside the dataset: nothing else to share between machines. */
export async function postgresBlobs(url: string): Promise<BlobStore> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => {});
  await pool.query(`CREATE TABLE IF NOT EXISTS queued_files (sha256 TEXT COLLATE "C" PRIMARY KEY, size_bytes BIGINT NOT NULL, bytes BYTEA NOT NULL, stored_at TEXT NOT NULL)`);
  return {
    put: async (sha256, bytes) => {
      await pool.query('INSERT INTO queued_files (sha256, size_bytes, bytes, stored_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING', [sha256, bytes.length, Buffer.from(bytes), new Date().toISOString()]);
    },
    get: async (sha256) => {
      const r = await pool.query<{ bytes: Buffer }>('SELECT bytes FROM queued_files WHERE sha256 = $1', [sha256]);
      if (!r.rows[0]) throw new Error(`queued file ${sha256} is not in the database`);
      return r.rows[0].bytes;
    },
    close: () => pool.end(),
  };
}

/**
 * A queued file's bytes kept in the dataset's own PostgreSQL database (by enqueue without
 * --blobs), or null: on SQLite, or when they were never queued there. `serve` shows a PDF
 * ingested on another machine from them.
 */
export async function queuedBytes(store: Store, sha256: string): Promise<Uint8Array | null> {
  if (store.backend !== 'postgres') return null;
  const [table] = await store.rows(`SELECT 1 AS present FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'queued_files'`);
  if (!table) return null;
  const [row] = await store.rows<{ bytes: Buffer }>('SELECT bytes FROM queued_files WHERE sha256 = ?', [sha256]);
  return row ? new Uint8Array(row.bytes) : null;
}

/** Blobs in a folder every machine mounts (`--blobs`): <dir>/<ab>/<sha256>, written whole or not at all. */
export function folderBlobs(dir: string): BlobStore {
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256);
  return {
    put: async (sha256, bytes) => {
      const path = pathOf(sha256);
      if (existsSync(path)) return;
      mkdirSync(join(dir, sha256.slice(0, 2)), { recursive: true });
      writeFileSync(`${path}.${process.pid}.part`, bytes);
      renameSync(`${path}.${process.pid}.part`, path);
    },
    get: async (sha256) => {
      const path = pathOf(sha256);
      if (!existsSync(path)) throw new Error(`queued file ${sha256} is not in ${dir}`);
      return readFileSync(path);
    },
    close: async () => {},
  };
}

export const openBlobs = (url: string, dir: string | undefined): Promise<BlobStore> => (dir ? Promise.resolve(folderBlobs(dir)) : postgresBlobs(url));
