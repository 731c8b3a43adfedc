import type { Db } from './open-database.ts';

/** The record as EXPECTED.md writes it: these fields first, in this order. */
export const RECORD_FIELDS = ['table', 'page', 'side', 'code', 'label', 'measure', 'printed', 'unit', 'amount_fen'] as const;
/** Written only when they hold something (always as CSV columns). */
/** `corrected` names the fields a person corrected (amount, code, label); `printed` stays what the report printed. */
export const OPTIONAL_FIELDS = ['class_code', 'parent', 'panel', 'code_printed', 'corrected'] as const;
/** Where the record comes from. */
export const PROVENANCE_FIELDS = ['document_sha256', 'file', 'kind', 'fiscal_year', 'region', 'department', 'run'] as const;
export const EXPORT_FIELDS = [...RECORD_FIELDS, ...OPTIONAL_FIELDS, ...PROVENANCE_FIELDS] as const;

export type ExportRecord = Partial<Record<(typeof EXPORT_FIELDS)[number], string | number | null>>;

/**
 * Every record of the latest successful runs: documents by file, tables in document order, a
 * two-panel table panel by panel, then page, row and column.
 */
export function* exportRecords(db: Db): Generator<ExportRecord> {
  // a person's correction in place of the parsed value; `printed` stays what the report printed
  const value = (f: string) => (['code', 'label', 'amount_fen'].includes(f) ? `corrected_${f} AS "${f}"` : `"${f}"`);
  const columns = [...RECORD_FIELDS.map(value), 'class_code', 'parent_label AS parent', 'panel', 'code_printed', 'corrected', ...PROVENANCE_FIELDS.map((f) => `"${f}"`)];
  const sql = `SELECT ${columns.join(', ')} FROM corrected_records ORDER BY file, run, table_idx, panel_rank, page, row, col`;
  for (const row of db.prepare(sql).iterate() as Iterable<Record<string, string | number | null>>) {
    const out: ExportRecord = {};
    for (const f of EXPORT_FIELDS) {
      if ((OPTIONAL_FIELDS as readonly string[]).includes(f) && row[f] === null) continue;
      out[f] = row[f] ?? null;
    }
    yield out;
  }
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
