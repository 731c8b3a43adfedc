import type { ExtractedDocument, Finding } from '@juesuan/model';
import type { ExportFilter } from './export-records.ts';
import { exportFacts, exportRecords } from './export-records.ts';
import type { DocumentInfo } from './load-run.ts';
import { cacheExtraction, cachedExtraction, hasSuccessfulRun, recordFailedRun } from './load-run.ts';
import { loadRunIfChanged, loadRunOnce } from './load-once.ts';
import type { Db } from './open-database.ts';
import { factsOfRun, recordsOfRun, replaceFindings, splitPublications } from './publications.ts';
import type { CachedDocument, Store } from './store.ts';
import { cachedDocumentsQuery } from './store.ts';
import { recordLateCheck } from './write-audit.ts';

async function* yieldAll<T>(rows: Iterable<T>): AsyncGenerator<T> {
  yield* rows;
}

/** The store on a SQLite connection: the loader's synchronous functions, behind the async interface. */
export function sqliteStore(db: Db): Store {
  return {
    backend: 'sqlite',
    hasSuccessfulRun: async (sha256) => hasSuccessfulRun(db, sha256),
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
    exportRecords: (filter: ExportFilter = {}) => yieldAll(exportRecords(db, filter)),
    exportFacts: (filter: ExportFilter = {}) => yieldAll(exportFacts(db, filter)),
    query: async (sql) => {
      const stmt = db.prepare(sql);
      if (!stmt.reader) throw new Error('only statements that read rows are allowed');
      return { columns: stmt.columns().map((c) => c.name), rows: stmt.raw(true).all() as unknown[][] };
    },
    close: async () => {
      db.close();
    },
  };
}
