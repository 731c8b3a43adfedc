import type { Db } from './open-database.ts';

export const EXPORT_FIELDS = ['document_sha256', 'file', 'kind', 'fiscal_year', 'region', 'department', 'table', 'page', 'side', 'code', 'label', 'measure', 'printed', 'unit', 'amount_fen', 'run'] as const;

export type ExportRecord = Record<(typeof EXPORT_FIELDS)[number], string | number | null>;

/** Every record of the latest successful runs, in document and table order. */
export function* exportRecords(db: Db): Generator<ExportRecord> {
  const sql = `SELECT ${EXPORT_FIELDS.map((f) => `"${f}"`).join(', ')} FROM records ORDER BY file, run, table_idx, page, row, col`;
  for (const row of db.prepare(sql).iterate()) yield row as ExportRecord;
}

export const FACT_FIELDS = ['document_sha256', 'file', 'kind', 'fiscal_year', 'region', 'department', 'name', 'code', 'label', 'amount_fen', 'percent', 'value', 'printed', 'unit', 'page', 'sentence', 'run'] as const;

export type ExportFact = Record<(typeof FACT_FIELDS)[number], string | number | null>;

/** Every figure the narratives of the latest runs state: items by code, restated totals, 绩效 projects. */
export function exportFacts(db: Db): IterableIterator<ExportFact> {
  // checked now, not on the first step of the iteration: nothing is written before the error
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = 'narrative_facts'`).get();
  if (!exists) throw new Error('this database predates narrative facts: run `juesuan reparse` (or any ingest) once to upgrade it');
  const sql = `SELECT ${FACT_FIELDS.map((f) => `"${f}"`).join(', ')} FROM narrative_facts ORDER BY file, run, seq`;
  return db.prepare(sql).iterate() as IterableIterator<ExportFact>;
}

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
