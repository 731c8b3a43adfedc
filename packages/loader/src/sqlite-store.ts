import type { ExtractedDocument, Finding } from '@juesuan/model';
import { deleteCorrection, listCorrections, saveCorrection, saveCorrections } from './corrections.ts';
import { exportFindings, exportLedger } from './export-audit.ts';
import type { ExportFilter } from './export-records.ts';
import { exportFacts, exportRecords } from './export-records.ts';
import type { DocumentInfo } from './load-run.ts';
import { cacheExtraction, cachedExtraction, hasSuccessfulRun, recordFailedRun } from './load-run.ts';
import { loadRunIfChanged, loadRunOnce } from './load-once.ts';
import type { Db } from './open-database.ts';
import { pruneRuns } from './prune-runs.ts';
import { factsOfRun, recordsOfRun, replaceFindings, splitPublications } from './publications.ts';
import type { CachedDocument, SqlParams, Store } from './store.ts';
import { cachedDocumentsQuery } from './store.ts';
import { viewColumns } from './view-columns.ts';
import { recordLateCheck } from './write-audit.ts';

async function* yieldAll<T>(rows: Iterable<T>): AsyncGenerator<T> {
  yield* rows;
}

/** better-sqlite3 binds `?` parameters as arguments and `@name` ones as one object. */
const bindArgs = (params: SqlParams = []): unknown[] => (Array.isArray(params) ? params : [params]);

/**
 * The store on a SQLite connection: the loader's synchronous functions, behind the async interface.
 * With `reader` (a read-only connection to the same file), reads and a person's queries go there.
 */
export function sqliteStore(db: Db, options: { reader?: Db } = {}): Store {
  const reader = options.reader ?? db;
  return {
    backend: 'sqlite',
    hasSuccessfulRun: async (sha256, versions) => hasSuccessfulRun(db, sha256, versions),
    cachedExtraction: async (sha256, key) => cachedExtraction(db, sha256, key),
    cacheExtraction: async (doc: ExtractedDocument, key) => cacheExtraction(db, doc, key),
    recordFailedRun: async (info: DocumentInfo, error, startedAt) => recordFailedRun(db, info, error, startedAt),
    loadRunOnce: async (info, extracted, parsed, startedAt, force) => loadRunOnce(db, info, extracted, parsed, startedAt, force),
    loadRunIfChanged: async (info, extracted, parsed, startedAt, previous, laterRules) => loadRunIfChanged(db, info, extracted, parsed, startedAt, previous, laterRules),
    cachedDocuments: async (sha256) => {
      const q = cachedDocumentsQuery(sha256);
      return db.prepare(q.sql).all(...q.params) as CachedDocument[];
    },
    splitPublications: async () => splitPublications(db),
    recordsOfRun: async (runId) => recordsOfRun(db, runId),
    factsOfRun: async (runId) => factsOfRun(db, runId),
    replaceFindings: async (runId, rules, findings: Finding[]) => replaceFindings(db, runId, rules, findings),
    recordLateCheck: async (runId, family, check, findings, reason) => recordLateCheck(db, runId, family, check, findings, reason),
    exportRecords: (filter: ExportFilter = {}) => yieldAll(exportRecords(reader, filter)),
    exportFacts: (filter: ExportFilter = {}) => yieldAll(exportFacts(reader, filter)),
    exportFindings: () => yieldAll(exportFindings(reader)),
    exportLedger: () => yieldAll(exportLedger(reader)),
    query: async (sql, { maxRows = Number.POSITIVE_INFINITY } = {}) => {
      const stmt = reader.prepare(sql);
      if (!stmt.reader || !stmt.readonly) throw new Error('only statements that read rows are allowed');
      const rows: unknown[][] = [];
      for (const row of stmt.raw(true).iterate() as Iterable<unknown[]>) {
        if (rows.length === maxRows) return { columns: stmt.columns().map((c) => c.name), rows, truncated: true };
        rows.push(row);
      }
      return { columns: stmt.columns().map((c) => c.name), rows, truncated: false };
    },
    rows: async <T>(sql: string, params?: SqlParams) => reader.prepare(sql).all(...bindArgs(params)) as T[],
    write: async (sql, params) => {
      const stmt = db.prepare(sql);
      if (stmt.reader) {
        const rows = stmt.all(...bindArgs(params)) as Array<Record<string, unknown>>;
        return { changes: rows.length, rows };
      }
      return { changes: stmt.run(...bindArgs(params)).changes, rows: [] };
    },
    views: async () => viewColumns(reader),
    saveCorrection: async (c) => saveCorrection(db, c),
    saveCorrections: async (list) => saveCorrections(db, list),
    listCorrections: async (sha256) => listCorrections(reader, sha256),
    deleteCorrection: async (id) => deleteCorrection(db, id),
    pruneRuns: async (options) => pruneRuns(db, options),
    vacuum: async () => void db.exec('VACUUM'),
    close: async () => {
      if (reader !== db) reader.close();
      db.close();
    },
  };
}
