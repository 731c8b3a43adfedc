import { openDatabase, openReadOnlyCurrent } from './open-database.ts';
import { isPostgresUrl } from './pg/pg-conn.ts';
import { postgresStore } from './pg/pg-store.ts';
import { sqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

/**
 * The store `--db` names: a postgres:// URL is PostgreSQL, anything else a SQLite file (opened
 * as the writer, or read-only when `readOnly`).
 */
export async function openStore(db: string, options: { readOnly?: boolean } = {}): Promise<Store> {
  if (isPostgresUrl(db)) return postgresStore(db);
  return sqliteStore(options.readOnly ? openReadOnlyCurrent(db) : openDatabase(db));
}
