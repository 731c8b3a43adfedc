import { createHash } from 'node:crypto';
import type { Db } from './open-database.ts';

/** What a parse produced, table by table: the extraction (pages, sections, cells) comes from the cache and is not compared. */
const PARSED_TABLES = ['line_items', 'run_findings', 'run_ledger', 'facts', 'tables'] as const;
const RUN_FIELDS = ['kind', 'fiscal_year', 'department', 'region', 'region_code', 'province', 'city', 'county', 'unit_scope', 'publication', 'meta_json'];

/**
 * A digest of everything a run's parse wrote, versions and times left out, and findings of the
 * `laterRules` too (those a step after the parse writes, such as the checks across a split publication).
 */
export function runContentDigest(db: Db, runId: number, laterRules: readonly string[] = []): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(db.prepare(`SELECT ${RUN_FIELDS.join(', ')} FROM runs WHERE id = ?`).get(runId) ?? null));
  for (const table of PARSED_TABLES) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name).filter((c) => c !== 'run_id');
    hash.update(`\n${table}\n`);
    const skip = table === 'run_findings' && laterRules.length > 0 ? `AND rule NOT IN (${laterRules.map(() => '?').join(', ')})` : '';
    const rows = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" WHERE run_id = ? ${skip} ORDER BY rowid`).raw().iterate(runId, ...(skip ? laterRules : []));
    for (const row of rows) hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}
