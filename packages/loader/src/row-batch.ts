import type { Db } from './open-database.ts';

/** Rows of one table to insert, as column names and each row's values: one description both backends write. */
export interface RowBatch {
  table: string;
  columns: readonly string[];
  rows: unknown[][];
}

/** One row's parameters: (?, ?, …). */
const rowPlaceholders = (columns: readonly string[]): string => `(${columns.map(() => '?').join(', ')})`;

/** INSERT INTO table (columns) VALUES followed by `rows` rows of parameters. */
export const insertSql = (table: string, columns: readonly string[], rows = 1): string =>
  `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array.from({ length: rows }, () => rowPlaceholders(columns)).join(', ')}`;

/** A run's rows: each batch's rows with the run id put first. */
export function withRunId(runId: number, batches: RowBatch[]): RowBatch[] {
  return batches.map((b) => ({ table: b.table, columns: ['run_id', ...b.columns], rows: b.rows.map((r) => [runId, ...r]) }));
}

/** Writes the batches on a SQLite connection, one prepared statement per batch. */
export function insertBatches(db: Db, batches: RowBatch[]): void {
  for (const b of batches) {
    const stmt = db.prepare(insertSql(b.table, b.columns));
    for (const row of b.rows) stmt.run(...row);
  }
}
