import { CONTEXT_FIELDS } from '@juesuan/model';
import type { Db } from './open-database.ts';

/** The record's own fields first, in this order (the order of the expected records beside the samples). */
export const RECORD_FIELDS = ['table', 'page', 'side', 'code', 'label', 'measure', 'printed', 'unit', 'amount_fen'] as const;
/** Written only when they hold something (always as CSV columns). */
/** `corrected` names the fields a person corrected (amount, code, label); `printed` stays what the report printed. */
export const OPTIONAL_FIELDS = ['group', 'class_code', 'parent', 'panel', 'code_printed', 'corrected', ...CONTEXT_FIELDS] as const;
/** Where the record comes from. */
export const PROVENANCE_FIELDS = ['document_sha256', 'file', 'kind', 'fiscal_year', 'region', 'region_code', 'department', 'scope', 'run'] as const;
/** The amount as an exact decimal string of 元, written right after amount_fen. */
export const YUAN_FIELDS = ['amount_yuan'] as const;
export const EXPORT_FIELDS = [...RECORD_FIELDS, ...YUAN_FIELDS, ...OPTIONAL_FIELDS, ...PROVENANCE_FIELDS] as const;

/** Which records or facts to export; every field given narrows the selection. */
export interface ExportFilter {
  /** sha256 of the documents */
  documents?: string[];
  year?: number;
  /** part of the department's name */
  department?: string;
  /** part of the region's name */
  region?: string;
  /** canonical table id, exact */
  table?: string;
  kind?: string;
}

/** The WHERE clause of a filter over a view with the provenance columns. */
function whereOf(filter: ExportFilter, hasTable: boolean): { sql: string; params: unknown[] } {
  const terms: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    terms.push(sql);
    params.push(...values);
  };
  if (filter.documents) add(`document_sha256 IN (${filter.documents.map(() => '?').join(', ') || 'NULL'})`, ...filter.documents);
  if (filter.year !== undefined) add('fiscal_year = ?', filter.year);
  if (filter.department !== undefined) add("instr(coalesce(department, ''), ?) > 0", filter.department);
  if (filter.region !== undefined) add("instr(coalesce(region, ''), ?) > 0", filter.region);
  if (filter.kind !== undefined) add('kind = ?', filter.kind);
  if (filter.table !== undefined) {
    if (!hasTable) throw new Error('facts come from the narrative, not from a table: --table does not apply');
    add('"table" = ?', filter.table);
  }
  return { sql: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params };
}

export type ExportRecord = Partial<Record<(typeof EXPORT_FIELDS)[number], string | number | null>>;

/**
 * Every record of the latest successful runs: documents by file, tables in document order, a
 * two-panel table panel by panel, then page, row and column.
 */
export function recordsQuery(filter: ExportFilter): { sql: string; params: unknown[] } {
  // a person's correction in place of the parsed value; `printed` stays what the report printed
  const value = (f: string) => (['code', 'label', 'amount_fen'].includes(f) ? `corrected_${f} AS "${f}"` : `"${f}"`);
  // prepared now, not on the first step of the iteration: a bad filter fails before anything is written
  const columns = [...RECORD_FIELDS.map(value), 'amount_yuan', '"group"', 'class_code', 'parent_label AS parent', 'panel', 'code_printed', 'corrected', 'context', ...PROVENANCE_FIELDS.map((f) => `"${f}"`)];
  const where = whereOf(filter, true);
  return { sql: `SELECT ${columns.join(', ')} FROM corrected_records ${where.sql} ORDER BY file, run, table_idx, panel_rank, page, row, col`, params: where.params };
}

export function exportRecords(db: Db, filter: ExportFilter = {}): Generator<ExportRecord> {
  const q = recordsQuery(filter);
  const rows = db.prepare(q.sql).iterate(...q.params);
  return shapeRecords(rows as Iterable<Record<string, string | number | null>>);
}

/** 12345 分 → '123.45' (exact, from the integer). */
function fenToYuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function* shapeRecords(rows: Iterable<Record<string, string | number | null>>): Generator<ExportRecord> {
  for (const raw of rows) yield shapeRecord(raw);
}

/** A row of corrected_records in the export's shape: context spread, optional fields only when set. */
export function shapeRecord(raw: Record<string, string | number | null>): ExportRecord {
  const { context, ...row } = raw;
  Object.assign(row, typeof context === 'string' ? JSON.parse(context) : {});
  // a corrected amount's 元 string follows the correction
  if (typeof row.corrected === 'string' && typeof row.amount_fen === 'number') row.amount_yuan = fenToYuan(row.amount_fen);
  const out: ExportRecord = {};
  for (const f of EXPORT_FIELDS) {
    if ((OPTIONAL_FIELDS as readonly string[]).includes(f) && (row[f] === null || row[f] === undefined)) continue;
    out[f] = row[f] ?? null;
  }
  return out;
}

export const FACT_FIELDS = ['document_sha256', 'file', 'kind', 'fiscal_year', 'region', 'department', 'name', 'code', 'label', 'amount_fen', 'amount_yuan', 'percent', 'value', 'printed', 'unit', 'page', 'sentence', 'run'] as const;

export type ExportFact = Record<(typeof FACT_FIELDS)[number], string | number | null>;

/** Every figure the narratives of the latest runs state: items by code, restated totals, 绩效 projects. */
export function exportFacts(db: Db, filter: ExportFilter = {}): IterableIterator<ExportFact> {
  // checked now, not on the first step of the iteration: nothing is written before the error
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = 'narrative_facts'`).get();
  if (!exists) throw new Error('this database predates narrative facts: run `juesuan reparse` (or any ingest) once to upgrade it');
  const q = factsQuery(filter);
  return db.prepare(q.sql).iterate(...q.params) as IterableIterator<ExportFact>;
}

export function factsQuery(filter: ExportFilter): { sql: string; params: unknown[] } {
  const where = whereOf(filter, false);
  return { sql: `SELECT ${FACT_FIELDS.map((f) => `"${f}"`).join(', ')} FROM narrative_facts ${where.sql} ORDER BY file, run, seq`, params: where.params };
}

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
