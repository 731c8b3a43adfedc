import type { AmountRecord, Correction, ExtractedDocument, Fact, Finding, ParsedDocument } from '@juesuan/model';
import type { StoredCorrection } from './corrections.ts';
import type { ExportFinding, ExportLedgerEntry } from './export-audit.ts';
import type { ExportFact, ExportFilter, ExportRecord } from './export-records.ts';
import type { DocumentInfo, LoadForce, RunVersions } from './load-run.ts';
import type { PruneResult } from './prune-runs.ts';
import type { PublicationPart } from './publications.ts';
import type { ViewColumns } from './view-columns.ts';

/** A statement's parameters: `?` ones in order, or `@name` ones by name. */
export type SqlParams = unknown[] | Record<string, unknown>;

/** What a free query gave: its column names, its rows as arrays, and whether rows were left out past maxRows. */
export interface QueryResult {
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
}

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
  /** whether a successful run of these bytes is there: made with these versions, or with any when none are given */
  hasSuccessfulRun(sha256: string, versions?: RunVersions): Promise<boolean>;
  cachedExtraction(sha256: string, key: string): Promise<ExtractedDocument | null>;
  cacheExtraction(doc: ExtractedDocument, key: string): Promise<void>;
  recordFailedRun(info: DocumentInfo, error: { code: string; message: string }, startedAt: string): Promise<number>;
  /** loads the run unless a successful run of these bytes at the same extractor and parser versions is there (checked under a lock); null when it was */
  loadRunOnce(info: DocumentInfo, extracted: ExtractedDocument, parsed: ParsedDocument, startedAt: string, force?: LoadForce): Promise<number | null>;
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
  exportFindings(): AsyncIterable<ExportFinding>;
  exportLedger(): AsyncIterable<ExportLedgerEntry>;
  /** a person's read-only query (no parameters): refused when it would write; at most maxRows rows */
  query(sql: string, options?: { maxRows?: number }): Promise<QueryResult>;
  /** the rows of a statement of the program's own that reads, as objects (on SQLite: on the read-only connection when there is one) */
  rows<T = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<T[]>;
  /** a statement of the program's own that writes: how many rows it changed, and the rows it returns (RETURNING) */
  write(sql: string, params?: SqlParams): Promise<{ changes: number; rows: Array<Record<string, unknown>> }>;
  /** the views a query reads, by name, with their columns */
  views(): Promise<ViewColumns[]>;
  saveCorrection(correction: Correction): Promise<StoredCorrection>;
  /** stored in one transaction: all of them or none */
  saveCorrections(corrections: Correction[]): Promise<number>;
  listCorrections(documentSha256?: string): Promise<StoredCorrection[]>;
  deleteCorrection(id: number): Promise<boolean>;
  /** drops superseded runs (and with `cache` the cached extractions no kept run used), in one transaction */
  pruneRuns(options?: { cache?: boolean }): Promise<PruneResult>;
  /** gives freed space back (SQLite: to the file system; PostgreSQL: for reuse, without locking out the workers) */
  vacuum(): Promise<void>;
  close(): Promise<void>;
}

/** The documents reparse reads: each with its newest cached extraction and latest successful run. */
export const CACHED_DOCUMENTS_SQL = `SELECT e.sha256, e.json, d.file, d.size_bytes, d.format, d.page_count,
         (SELECT MAX(id) FROM runs r WHERE r.document_sha256 = e.sha256 AND r.status = 'ok') AS previous
  FROM extractions e JOIN documents d ON d.sha256 = e.sha256
  WHERE e.extractor_version = (SELECT MAX(extractor_version) FROM extractions x WHERE x.sha256 = e.sha256)`;
export const cachedDocumentsQuery = (sha256?: string): { sql: string; params: unknown[] } =>
  sha256 ? { sql: `${CACHED_DOCUMENTS_SQL} AND e.sha256 = ? ORDER BY d.file`, params: [sha256] } : { sql: `${CACHED_DOCUMENTS_SQL} ORDER BY d.file`, params: [] };
