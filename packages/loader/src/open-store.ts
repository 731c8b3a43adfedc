import { openDatabase, openReadOnly, openReadOnlyCurrent } from './open-database.ts';
import { isPostgresUrl } from './pg/pg-conn.ts';
import { postgresStore } from './pg/pg-store.ts';
import { sqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

/**
 * The store `--db` names: a postgres:// URL is PostgreSQL, anything else a SQLite file (opened
 * as the writer, or read-only when `readOnly`; with `reader`, the writer and a read-only
 * connection for reads and a person's queries, as `serve` wants).
 */
export async function openStore(db: string, options: { readOnly?: boolean; reader?: boolean } = {}): Promise<Store> {
  if (isPostgresUrl(db)) return postgresStore(db);
  if (options.readOnly) return sqliteStore(openReadOnlyCurrent(db));
  const writer = openDatabase(db);
  return sqliteStore(writer, options.reader ? { reader: openReadOnly(db) } : {});
}
