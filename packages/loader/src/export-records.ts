import type { Db } from './open-database.ts';

export const EXPORT_FIELDS = ['document_sha256', 'file', 'kind', 'fiscal_year', 'region', 'department', 'table', 'page', 'side', 'code', 'label', 'measure', 'printed', 'unit', 'amount_fen', 'run'] as const;

export type ExportRecord = Record<(typeof EXPORT_FIELDS)[number], string | number | null>;

/** Every record of the latest successful runs, in document and table order. */
export function* exportRecords(db: Db): Generator<ExportRecord> {
  const sql = `SELECT ${EXPORT_FIELDS.map((f) => `"${f}"`).join(', ')} FROM records ORDER BY file, run, table_idx, page, row, col`;
  for (const row of db.prepare(sql).iterate()) yield row as ExportRecord;
}

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
