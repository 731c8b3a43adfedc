import type { ExtractedDocument, ParsedDocument } from '@juesuan/model';
import { ExtractedDocument as ExtractedDocumentSchema, ParsedDocument as ParsedDocumentSchema } from '@juesuan/model';
import type { Db } from './open-database.ts';
import { writeAudit } from './write-audit.ts';

export interface DocumentInfo {
  sha256: string;
  file: string;
  sizeBytes: number;
  format: string | null;
  pageCount: number | null;
}

const now = () => new Date().toISOString();

export function upsertDocument(db: Db, info: DocumentInfo): void {
  db.prepare(
    `INSERT INTO documents (sha256, file, format, size_bytes, page_count, first_seen) VALUES (@sha256, @file, @format, @sizeBytes, @pageCount, @now)
     ON CONFLICT(sha256) DO UPDATE SET page_count = COALESCE(excluded.page_count, documents.page_count), format = COALESCE(excluded.format, documents.format)`,
  ).run({ ...info, now: now() });
}

export function hasSuccessfulRun(db: Db, sha256: string): boolean {
  return db.prepare("SELECT 1 FROM runs WHERE document_sha256 = ? AND status = 'ok' LIMIT 1").get(sha256) !== undefined;
}

/** The cached extraction of these bytes under this key (extractor version and options), if any. */
export function cachedExtraction(db: Db, sha256: string, key: string): ExtractedDocument | null {
  const row = db.prepare('SELECT json FROM extractions WHERE sha256 = ? AND extractor_version = ?').get(sha256, key) as { json: string } | undefined;
  return row ? ExtractedDocumentSchema.parse(JSON.parse(row.json)) : null;
}

export function cacheExtraction(db: Db, doc: ExtractedDocument, key: string = doc.extractorVersion): void {
  db.prepare('INSERT OR REPLACE INTO extractions (sha256, extractor_version, json, created_at) VALUES (?, ?, ?, ?)').run(doc.sha256, key, JSON.stringify(doc), now());
}

/** A failed attempt is a run too, so a batch's failures stay queryable. */
export function recordFailedRun(db: Db, info: DocumentInfo, error: { code: string; message: string }, startedAt: string): number {
  return db.transaction(() => {
    upsertDocument(db, info);
    const r = db
      .prepare(`INSERT INTO runs (document_sha256, file, status, error_code, error_message, started_at, finished_at) VALUES (?, ?, 'failed', ?, ?, ?, ?)`)
      .run(info.sha256, info.file, error.code, error.message, startedAt, now());
    return Number(r.lastInsertRowid);
  })();
}

/** One document's extraction and parse, written in one transaction: all of it or nothing. */
export function loadRun(db: Db, info: DocumentInfo, extracted: ExtractedDocument, parsedInput: ParsedDocument, startedAt: string): number {
  const parsed = ParsedDocumentSchema.parse(parsedInput);
  return db.transaction(() => {
    upsertDocument(db, info);
    const m = parsed.meta;
    const run = db
      .prepare(
        `INSERT INTO runs (document_sha256, file, status, extractor_version, parser_version, catalog_version, kind, fiscal_year, department, region, region_code, province, city, county, unit_scope, publication, meta_json, started_at, finished_at)
         VALUES (?, ?, 'ok', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(info.sha256, info.file, extracted.extractorVersion, parsed.parserVersion, parsed.catalogVersion, m.kind, m.fiscalYear, m.department, m.region.name, m.region.code, m.region.province, m.region.city, m.region.county, m.unitScope, m.publication, JSON.stringify(m), startedAt, now());
    const runId = Number(run.lastInsertRowid);
    const page = db.prepare('INSERT INTO pages (run_id, number, width, height, source, is_toc, error_code, error_message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const p of extracted.pages) page.run(runId, p.number, p.width, p.height, p.source, p.isTableOfContents ? 1 : 0, p.failed?.code ?? null, p.failed?.message ?? null);
    const section = db.prepare('INSERT INTO sections (run_id, idx, level, numbering, title, page, end_page, path, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    extracted.sections.forEach((s, i) => section.run(runId, i, s.level, s.numbering, s.title, s.page, s.endPage, JSON.stringify(s.path), s.text));
    const table = db.prepare('INSERT INTO tables (run_id, idx, kind, kind_confidence, kind_evidence, title, number, unit, pages, n_rows, n_cols, records, measures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const t of parsed.tables) table.run(runId, t.index, t.kind, t.kindConfidence, JSON.stringify(t.kindEvidence), t.title, t.number, t.unit, JSON.stringify(t.pages), t.rows, t.cols, t.records, JSON.stringify(t.measures));
    const cell = db.prepare('INSERT INTO cells (run_id, table_idx, row, col, row_span, col_span, page, x0, y0, x1, y1, text, source, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const t of extracted.tables) for (const c of t.cells) cell.run(runId, t.index, c.row, c.col, c.rowSpan, c.colSpan, c.page, c.bbox.x0, c.bbox.y0, c.bbox.x1, c.bbox.y1, c.text, c.source, c.confidence);
    const item = db.prepare(
      `INSERT INTO line_items (run_id, table_idx, table_kind, page, row, col, x0, y0, x1, y1, side, panel, group_name, code, code_printed, code_method, code_score, code_level, parent_code, class_code, label, label_key, parent_label, context, measure, printed, unit, amount_fen, flags)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of parsed.records)
      item.run(runId, r.tableIndex, r.table, r.page, r.row, r.col, r.bbox?.x0 ?? null, r.bbox?.y0 ?? null, r.bbox?.x1 ?? null, r.bbox?.y1 ?? null, r.side, r.panel, r.group, r.code, r.codePrinted, r.codeMethod, r.codeScore, r.codeLevel, r.parentCode, r.classCode, r.label, r.labelKey, r.parentLabel, r.context ? JSON.stringify(r.context) : null, r.measure, r.printed, r.unit, r.amountFen, JSON.stringify(r.flags));
    const fact = db.prepare('INSERT INTO facts (run_id, name, code, label, amount_fen, percent, value, printed, unit, sentence, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const f of parsed.facts) fact.run(runId, f.name, f.code, f.label, f.amountFen, f.percent, f.value, f.printed, f.unit, f.sentence, f.page);
    writeAudit(db, runId, parsed);
    return runId;
  })();
}
