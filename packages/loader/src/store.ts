import type { AmountRecord, ExtractedDocument, Fact, Finding, ParsedDocument } from '@juesuan/model';
import type { ExportFact, ExportFilter, ExportRecord } from './export-records.ts';
import type { DocumentInfo } from './load-run.ts';
import type { PublicationPart } from './publications.ts';

/** A document with a cached extraction, as reparse reads it: the newest extraction, and the latest successful run. */
export interface CachedDocument {
  sha256: string;
  json: string;
  file: string;
  size_bytes: number;
  format: string | null;
  page_count: number | null;
  previous: number | null;
}

/** What reparse made of a document: a new run, or the previous one kept because nothing changed. */
export interface RerunOutcome {
  runId: number;
  changed: boolean;
  changedRecords: number;
}

/**
 * The dataset as loader, pipelines and commands use it, on either backend: SQLite (one file, the
 * embedded default) or PostgreSQL (shared by many machines). Every write of a run is one
 * transaction, so a query never sees part of a run.
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  hasSuccessfulRun(sha256: string): Promise<boolean>;
  cachedExtraction(sha256: string, key: string): Promise<ExtractedDocument | null>;
  cacheExtraction(doc: ExtractedDocument, key: string): Promise<void>;
  recordFailedRun(info: DocumentInfo, error: { code: string; message: string }, startedAt: string): Promise<number>;
  /** loads the run unless a successful run of these bytes is there (checked under a lock); null when it was */
  loadRunOnce(info: DocumentInfo, extracted: ExtractedDocument, parsed: ParsedDocument, startedAt: string, force?: boolean): Promise<number | null>;
  /** writes the run, and keeps it only when its content differs from `previous` (findings of `laterRules` left out) */
  loadRunIfChanged(info: DocumentInfo, extracted: ExtractedDocument, parsed: ParsedDocument, startedAt: string, previous: number | null, laterRules: readonly string[]): Promise<RerunOutcome>;
  cachedDocuments(sha256?: string): Promise<CachedDocument[]>;
  splitPublications(): Promise<Map<string, PublicationPart[]>>;
  recordsOfRun(runId: number): Promise<AmountRecord[]>;
  factsOfRun(runId: number): Promise<Fact[]>;
  replaceFindings(runId: number, rules: string[], findings: Finding[]): Promise<void>;
  recordLateCheck(runId: number, family: string, check: string, findings: Finding[], reason: string): Promise<void>;
  exportRecords(filter?: ExportFilter): AsyncIterable<ExportRecord>;
  exportFacts(filter?: ExportFilter): AsyncIterable<ExportFact>;
  /** a read-only query: its column names and rows as arrays */
  query(sql: string): Promise<{ columns: string[]; rows: unknown[][] }>;
  close(): Promise<void>;
}

/** The documents reparse reads: each with its newest cached extraction and latest successful run. */
export const CACHED_DOCUMENTS_SQL = `SELECT e.sha256, e.json, d.file, d.size_bytes, d.format, d.page_count,
         (SELECT MAX(id) FROM runs r WHERE r.document_sha256 = e.sha256 AND r.status = 'ok') AS previous
  FROM extractions e JOIN documents d ON d.sha256 = e.sha256
  WHERE e.extractor_version = (SELECT MAX(extractor_version) FROM extractions x WHERE x.sha256 = e.sha256)`;
export const cachedDocumentsQuery = (sha256?: string): { sql: string; params: unknown[] } =>
  sha256 ? { sql: `${CACHED_DOCUMENTS_SQL} AND e.sha256 = ? ORDER BY d.file`, params: [sha256] } : { sql: `${CACHED_DOCUMENTS_SQL} ORDER BY d.file`, params: [] };
