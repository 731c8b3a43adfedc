import type { Db } from './open-database.ts';

export interface ViewColumns {
  view: string;
  columns: string[];
}

/** The views a query reads, by name, with their columns in order: SQLite's catalogue. */
export function viewColumns(db: Db): ViewColumns[] {
  const views = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name`).all() as Array<{ name: string }>;
  return views.map((v) => ({ view: v.name, columns: (db.prepare('SELECT name FROM pragma_table_info(?)').all(v.name) as Array<{ name: string }>).map((c) => c.name) }));
}

/** The same on PostgreSQL: its catalogue of the current schema (names byte-ordered, as SQLite orders them). */
export const PG_VIEW_COLUMNS_SQL = `SELECT c.table_name AS view, c.column_name AS column FROM information_schema.columns c
  JOIN information_schema.views v ON v.table_schema = c.table_schema AND v.table_name = c.table_name
  WHERE c.table_schema = current_schema() ORDER BY c.table_name COLLATE "C", c.ordinal_position`;

export function groupViewColumns(rows: Array<{ view: string; column: string }>): ViewColumns[] {
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.view, [...(out.get(r.view) ?? []), r.column]);
  return [...out].map(([view, columns]) => ({ view, columns }));
}
