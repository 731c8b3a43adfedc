import { createHash } from 'node:crypto';
import type { Db } from './open-database.ts';

/** What a parse produced, table by table: the extraction (pages, sections, cells) comes from the cache and is not compared. */
export const PARSED_TABLES = ['line_items', 'run_findings', 'run_ledger', 'facts', 'tables'] as const;
const RUN_FIELDS = ['kind', 'fiscal_year', 'department', 'region', 'region_code', 'province', 'city', 'county', 'unit_scope', 'publication', 'meta_json'];
export const RUN_CONTENT_SQL = `SELECT ${RUN_FIELDS.join(', ')} FROM runs WHERE id = ?`;

/** The query of one table's rows of a run in insertion order (run id and rowid left out), later rules' findings left out. */
export function tableContentQuery(table: string, columns: string[], runId: number, laterRules: readonly string[]): { sql: string; params: unknown[] } {
  const kept = columns.filter((c) => c !== 'run_id' && c !== 'rowid');
  const skip = table === 'run_findings' && laterRules.length > 0 ? `AND rule NOT IN (${laterRules.map(() => '?').join(', ')})` : '';
  return { sql: `SELECT ${kept.map((c) => `"${c}"`).join(', ')} FROM "${table}" WHERE run_id = ? ${skip} ORDER BY rowid`, params: [runId, ...(skip ? laterRules : [])] };
}

/** Hashes a run's row and its tables' rows, each table headed by its name. */
export function contentHash(): { run(row: unknown): void; table(name: string): void; row(values: unknown[]): void; digest(): string } {
  const hash = createHash('sha256');
  return {
    run: (row) => hash.update(JSON.stringify(row ?? null)),
    table: (name) => hash.update(`\n${name}\n`),
    row: (values) => hash.update(`${JSON.stringify(values)}\n`),
    digest: () => hash.digest('hex'),
  };
}

/**
 * A digest of everything a run's parse wrote, versions and times left out, and findings of the
 * `laterRules` too (those a step after the parse writes, such as the checks across a split publication).
 */
export function runContentDigest(db: Db, runId: number, laterRules: readonly string[] = []): string {
  const hash = contentHash();
  hash.run(db.prepare(RUN_CONTENT_SQL).get(runId));
  for (const table of PARSED_TABLES) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name);
    hash.table(table);
    const q = tableContentQuery(table, columns, runId, laterRules);
    for (const row of db.prepare(q.sql).raw().iterate(...q.params)) hash.row(row as unknown[]);
  }
  return hash.digest();
}
