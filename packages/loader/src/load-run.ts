import type { ExtractedDocument, ParsedDocument } from '@juesuan/model';
import { ExtractedDocument as ExtractedDocumentSchema, ParsedDocument as ParsedDocumentSchema } from '@juesuan/model';
import type { Db } from './open-database.ts';
import type { RowBatch } from './row-batch.ts';
import { insertBatches, insertSql, withRunId } from './row-batch.ts';
import { auditBatches } from './write-audit.ts';

/** What a run was made with: a job at the same bytes and versions is done already. */
export interface RunVersions {
  extractor: string;
  parser: string;
}

export interface DocumentInfo {
  sha256: string;
  file: string;
  sizeBytes: number;
  format: string | null;
  pageCount: number | null;
}

const now = () => new Date().toISOString();

/** The statements of the store, shared by both backends (`?` parameters). */
export const SQL = {
  upsertDocument: `INSERT INTO documents (sha256, file, format, size_bytes, page_count, first_seen) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(sha256) DO UPDATE SET page_count = COALESCE(excluded.page_count, documents.page_count), format = COALESCE(excluded.format, documents.format)`,
  cachedExtraction: 'SELECT json FROM extractions WHERE sha256 = ? AND extractor_version = ?',
  cacheExtraction: `INSERT INTO extractions (sha256, extractor_version, json, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(sha256, extractor_version) DO UPDATE SET json = excluded.json, created_at = excluded.created_at`,
  failedRun: insertSql('runs', ['document_sha256', 'file', 'status', 'error_code', 'error_message', 'started_at', 'finished_at']),
} as const;

export const documentParams = (info: DocumentInfo): unknown[] => [info.sha256, info.file, info.format, info.sizeBytes, info.pageCount, now()];
export const failedRunParams = (info: DocumentInfo, error: { code: string; message: string }, startedAt: string): unknown[] => [info.sha256, info.file, 'failed', error.code, error.message, startedAt, now()];
export const extractionParams = (doc: ExtractedDocument, key: string): unknown[] => [doc.sha256, key, JSON.stringify(doc), now()];
export const parseExtraction = (json: string): ExtractedDocument => ExtractedDocumentSchema.parse(JSON.parse(json));

export function upsertDocument(db: Db, info: DocumentInfo): void {
  db.prepare(SQL.upsertDocument).run(...documentParams(info));
}

/**
 * Whether a load is forced: `true` always writes; `{ after }` writes unless a successful run at the
 * same versions newer than run `after` is there (a forced job done twice writes one run).
 */
export type LoadForce = boolean | { after: number };

/** The check of a successful run of these bytes: made with these versions (or any when none are given), newer than run `after` when given. */
export function successfulRunQuery(sha256: string, versions?: RunVersions, after?: number): { sql: string; params: unknown[] } {
  const terms = ['document_sha256 = ?', "status = 'ok'"];
  const params: unknown[] = [sha256];
  if (versions) {
    terms.push('extractor_version = ?', 'parser_version = ?');
    params.push(versions.extractor, versions.parser);
  }
  if (after !== undefined) {
    terms.push('id > ?');
    params.push(after);
  }
  return { sql: `SELECT 1 AS found FROM runs WHERE ${terms.join(' AND ')} LIMIT 1`, params };
}

/** What loadRunOnce checks under its lock before writing: nothing when forced outright. */
export const loadedAlreadyQuery = (sha256: string, versions: RunVersions, force: LoadForce = false): { sql: string; params: unknown[] } | null =>
  force === true ? null : successfulRunQuery(sha256, versions, force === false ? undefined : force.after);

/** The versions a run of this extraction and parse records. */
export const runVersions = (extracted: ExtractedDocument, parsed: ParsedDocument): RunVersions => ({ extractor: extracted.extractorVersion, parser: parsed.parserVersion });

export function hasSuccessfulRun(db: Db, sha256: string, versions?: RunVersions): boolean {
  const q = successfulRunQuery(sha256, versions);
  return db.prepare(q.sql).get(...q.params) !== undefined;
}

/** The cached extraction of these bytes under this key (extractor version and options), if any. */
export function cachedExtraction(db: Db, sha256: string, key: string): ExtractedDocument | null {
  const row = db.prepare(SQL.cachedExtraction).get(sha256, key) as { json: string } | undefined;
  return row ? parseExtraction(row.json) : null;
}

export function cacheExtraction(db: Db, doc: ExtractedDocument, key: string = doc.extractorVersion): void {
  db.prepare(SQL.cacheExtraction).run(...extractionParams(doc, key));
}

/** A failed attempt is a run too, so a batch's failures stay queryable. */
export function recordFailedRun(db: Db, info: DocumentInfo, error: { code: string; message: string }, startedAt: string): number {
  return db.transaction(() => {
    upsertDocument(db, info);
    return Number(db.prepare(SQL.failedRun).run(...failedRunParams(info, error, startedAt)).lastInsertRowid);
  })();
}

/** The run's own row: columns and values. */
export function runRow(info: DocumentInfo, extracted: ExtractedDocument, parsed: ParsedDocument, startedAt: string): RowBatch {
  const m = parsed.meta;
  const columns = ['document_sha256', 'file', 'status', 'extractor_version', 'parser_version', 'catalog_version', 'kind', 'fiscal_year', 'department', 'region', 'region_code', 'province', 'city', 'county', 'unit_scope', 'publication', 'meta_json', 'started_at', 'finished_at'];
  const values = [info.sha256, info.file, 'ok', extracted.extractorVersion, parsed.parserVersion, parsed.catalogVersion, m.kind, m.fiscalYear, m.department, m.region.name, m.region.code, m.region.province, m.region.city, m.region.county, m.unitScope, m.publication, JSON.stringify(m), startedAt, now()];
  return { table: 'runs', columns, rows: [values] };
}

/** Everything of a run but its own row (run id left out): pages, sections, tables, cells, records, facts, findings, ledger. */
export function runBatches(extracted: ExtractedDocument, parsed: ParsedDocument): RowBatch[] {
  const cells = extracted.tables.flatMap((t) => t.cells.map((c) => [t.index, c.row, c.col, c.rowSpan, c.colSpan, c.page, c.bbox.x0, c.bbox.y0, c.bbox.x1, c.bbox.y1, c.text, c.source, c.confidence]));
  const items = parsed.records.map((r) => [r.tableIndex, r.table, r.page, r.row, r.col, r.bbox?.x0 ?? null, r.bbox?.y0 ?? null, r.bbox?.x1 ?? null, r.bbox?.y1 ?? null, r.side, r.panel, r.group, r.code, r.codePrinted, r.codeMethod, r.codeScore, r.codeLevel, r.parentCode, r.classCode, r.label, r.labelKey, r.parentLabel, r.context ? JSON.stringify(r.context) : null, r.measure, r.printed, r.unit, r.amountFen, JSON.stringify(r.flags)]);
  return [
    { table: 'pages', columns: ['number', 'width', 'height', 'source', 'is_toc', 'error_code', 'error_message'], rows: extracted.pages.map((p) => [p.number, p.width, p.height, p.source, p.isTableOfContents ? 1 : 0, p.failed?.code ?? null, p.failed?.message ?? null]) },
    { table: 'sections', columns: ['idx', 'level', 'numbering', 'title', 'page', 'end_page', 'path', 'text'], rows: extracted.sections.map((s, i) => [i, s.level, s.numbering, s.title, s.page, s.endPage, JSON.stringify(s.path), s.text]) },
    { table: 'tables', columns: ['idx', 'kind', 'kind_confidence', 'kind_evidence', 'title', 'number', 'unit', 'pages', 'n_rows', 'n_cols', 'records', 'measures'], rows: parsed.tables.map((t) => [t.index, t.kind, t.kindConfidence, JSON.stringify(t.kindEvidence), t.title, t.number, t.unit, JSON.stringify(t.pages), t.rows, t.cols, t.records, JSON.stringify(t.measures)]) },
    { table: 'cells', columns: ['table_idx', 'row', 'col', 'row_span', 'col_span', 'page', 'x0', 'y0', 'x1', 'y1', 'text', 'source', 'confidence'], rows: cells },
    { table: 'line_items', columns: ['table_idx', 'table_kind', 'page', 'row', 'col', 'x0', 'y0', 'x1', 'y1', 'side', 'panel', 'group_name', 'code', 'code_printed', 'code_method', 'code_score', 'code_level', 'parent_code', 'class_code', 'label', 'label_key', 'parent_label', 'context', 'measure', 'printed', 'unit', 'amount_fen', 'flags'], rows: items },
    { table: 'facts', columns: ['name', 'code', 'label', 'amount_fen', 'percent', 'value', 'printed', 'unit', 'sentence', 'page'], rows: parsed.facts.map((f) => [f.name, f.code, f.label, f.amountFen, f.percent, f.value, f.printed, f.unit, f.sentence, f.page]) },
    ...auditBatches(parsed),
  ];
}

export const validParse = (parsed: ParsedDocument): ParsedDocument => ParsedDocumentSchema.parse(parsed);

/** One document's extraction and parse, written in one transaction: all of it or nothing. */
export function loadRun(db: Db, info: DocumentInfo, extracted: ExtractedDocument, parsedInput: ParsedDocument, startedAt: string): number {
  const parsed = validParse(parsedInput);
  return db.transaction(() => {
    upsertDocument(db, info);
    const run = runRow(info, extracted, parsed, startedAt);
    const runId = Number(db.prepare(insertSql(run.table, run.columns)).run(...run.rows[0]!).lastInsertRowid);
    insertBatches(db, withRunId(runId, runBatches(extracted, parsed)));
    return runId;
  })();
}
