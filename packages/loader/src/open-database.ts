import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';

export type Db = Database.Database;

/** The writer connection: WAL, foreign keys, migrations applied. */
export function openDatabase(path: string, options: { migrateThrough?: number } = {}): Db {
  refusePostgres(path);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, options.migrateThrough);
  return db;
}

/** A read-only connection: queries cannot change the dataset. */
export function openReadOnly(path: string): Db {
  refusePostgres(path);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/** A postgres:// URL given to a SQLite opener is a mistake of the program: never a folder named postgres:. */
function refusePostgres(path: string): void {
  if (/^postgres(ql)?:\/\//.test(path)) throw new Error(`a SQLite file was expected, not a PostgreSQL URL: open it with openStore`);
}

/** Applies the migrations not yet applied, up to `through` (all by default; a lower one makes an older schema for upgrade tests). */
export function migrate(db: Db, through = Number.POSITIVE_INFINITY): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  for (const m of MIGRATIONS) {
    if (m.version > through) continue;
    // checked inside a write transaction: two processes opening a new database apply each migration once
    db.transaction(() => {
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) return;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, new Date().toISOString());
    }).immediate();
  }
}

/** Whether a database file still lacks some migrations (checked on a read-only connection). */
export function needsMigration(db: Db): boolean {
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
  if (!table) return true;
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version));
  return MIGRATIONS.some((m) => !done.has(m.version));
}

/** A read-only connection to a database brought up to the current schema first (views change, data does not). */
export function openReadOnlyCurrent(path: string): Db {
  let db = openReadOnly(path);
  if (needsMigration(db)) {
    db.close();
    openDatabase(path).close();
    db = openReadOnly(path);
  }
  return db;
}
