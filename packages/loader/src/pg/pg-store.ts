import type pg from 'pg';
import type { ExtractedDocument, ParsedDocument } from '@juesuan/model';
import { CORRECTION_SQL, correctionOfRow, correctionParams, listCorrectionsQuery } from '../corrections.ts';
import type { ExportFinding, ExportLedgerEntry } from '../export-audit.ts';
import { FINDINGS_SQL, LEDGER_SQL, shapeFinding } from '../export-audit.ts';
import type { ExportFact, ExportFilter } from '../export-records.ts';
import { factsQuery, recordsQuery, shapeRecord } from '../export-records.ts';
import type { DocumentInfo } from '../load-run.ts';
import { SQL, documentParams, extractionParams, failedRunParams, loadedAlreadyQuery, parseExtraction, runBatches, runRow, runVersions, successfulRunQuery, validParse } from '../load-run.ts';
import { PRUNE_CACHE_SQL, PRUNE_RUNS_SQL } from '../prune-runs.ts';
import type { PublicationPart } from '../publications.ts';
import { DELETE_RULE_FINDINGS_SQL, FACTS_OF_RUN_SQL, RECORDS_OF_RUN_SQL, factOfRow, groupPublications, recordOfRow, SPLIT_PUBLICATIONS_SQL } from '../publications.ts';
import type { RowBatch } from '../row-batch.ts';
import { insertSql, withRunId } from '../row-batch.ts';
import { PARSED_TABLES, RUN_CONTENT_SQL, contentHash, tableContentQuery } from '../run-content.ts';
import { ERROR_COUNT_SQL, RECORD_KEYS_SQL, diffOfRows } from '../run-diff.ts';
import type { CachedDocument, QueryResult, Store } from '../store.ts';
import { cachedDocumentsQuery } from '../store.ts';
import { PG_VIEW_COLUMNS_SQL, groupViewColumns } from '../view-columns.ts';
import { LATE_CHECK_SQL, findingBatch, lateCheckParams } from '../write-audit.ts';
import type { SqlParams } from '../store.ts';
import type { Sql } from './pg-conn.ts';
import { PgConn, numberedParams } from './pg-conn.ts';

/** PostgreSQL takes at most 65535 parameters a statement: rows go in chunks below that. */
const MAX_PARAMS = 30_000;

/** The batches as multi-row INSERTs (one round trip per chunk instead of per row). */
async function insertBatchesPg(sql: Sql, batches: RowBatch[]): Promise<void> {
  for (const b of batches) {
    const per = Math.max(1, Math.floor(MAX_PARAMS / b.columns.length));
    for (let i = 0; i < b.rows.length; i += per) {
      const rows = b.rows.slice(i, i + per);
      await sql.run(insertSql(b.table, b.columns, rows.length), rows.flat());
    }
  }
}

/** Inserts the run's row and everything under it; returns its id. */
async function writeRun(sql: Sql, info: DocumentInfo, extracted: ExtractedDocument, parsed: ParsedDocument, startedAt: string): Promise<number> {
  await sql.run(SQL.upsertDocument, documentParams(info));
  const run = runRow(info, extracted, parsed, startedAt);
  const [row] = await sql.all<{ id: number }>(`${insertSql(run.table, run.columns)} RETURNING id`, run.rows[0]);
  await insertBatchesPg(sql, withRunId(row!.id, runBatches(extracted, parsed)));
  return row!.id;
}

async function contentDigest(sql: Sql, runId: number, laterRules: readonly string[]): Promise<string> {
  const hash = contentHash();
  hash.run((await sql.all(RUN_CONTENT_SQL, [runId]))[0]);
  for (const table of PARSED_TABLES) {
    const columns = (await sql.all<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`, [table])).map((c) => c.name);
    hash.table(table);
    const q = tableContentQuery(table, columns, runId, laterRules);
    for (const row of await sql.all(q.sql, q.params)) hash.row(Object.values(row));
  }
  return hash.digest();
}

class Unchanged extends Error {}

/** Rows of a read-only query, a thousand at a time through a cursor. */
async function* cursorRows(conn: PgConn, sql: string, params: unknown[]): AsyncGenerator<Record<string, unknown>> {
  const client = await conn.pool.connect();
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`DECLARE rows NO SCROLL CURSOR FOR ${numberedParams(sql)}`, params.length ? params : undefined);
    for (;;) {
      const batch = await client.query('FETCH 1000 FROM rows');
      yield* batch.rows as Array<Record<string, unknown>>;
      if (batch.rows.length < 1000) break;
    }
    await client.query('COMMIT');
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}

/** Rows of a read-only query shaped one by one. */
async function* shaped<T>(rows: AsyncIterable<Record<string, unknown>>, shape: (row: Record<string, unknown>) => T): AsyncGenerator<T> {
  for await (const row of rows) yield shape(row);
}

/** One statement, never several: the extended protocol (node-postgres takes queryMode; its types lack it). */
const oneStatement = (text: string): pg.QueryArrayConfig => ({ text, rowMode: 'array', queryMode: 'extended' }) as pg.QueryArrayConfig;

/**
 * A person's query in a read-only transaction, one statement only (the extended protocol: a
 * `; COMMIT; DELETE …` cannot end the transaction and write). With maxRows, through a cursor that fetches one row
 * more than wanted (to know whether rows were left out); a statement a cursor cannot hold (SHOW,
 * EXPLAIN…) runs whole instead.
 */
async function readOnlyQuery(conn: PgConn, text: string, maxRows: number): Promise<QueryResult> {
  const client = await conn.pool.connect();
  try {
    await client.query('BEGIN READ ONLY');
    if (Number.isFinite(maxRows)) {
      await client.query('SAVEPOINT cursor');
      const declared = await client.query(oneStatement(`DECLARE rows NO SCROLL CURSOR FOR ${text.replace(/[\s;]+$/, '')}`)).then(
        () => true,
        async () => (await client.query('ROLLBACK TO SAVEPOINT cursor'), false),
      );
      if (declared) {
        const r: pg.QueryArrayResult = await client.query({ text: `FETCH ${maxRows + 1} FROM rows`, rowMode: 'array' });
        return { columns: r.fields.map((f) => f.name), rows: r.rows.slice(0, maxRows), truncated: r.rows.length > maxRows };
      }
    }
    const r: pg.QueryArrayResult = await client.query(oneStatement(text));
    return { columns: r.fields.map((f) => f.name), rows: r.rows.slice(0, maxRows), truncated: r.rows.length > maxRows };
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}

/** The store on a PostgreSQL database (its URL), brought to the current schema. */
export async function postgresStore(url: string, options: { max?: number } = {}): Promise<Store & { conn: PgConn }> {
  const conn = await PgConn.open(url, options);
  const sql = conn.sql;
  return {
    backend: 'postgres',
    conn,
    hasSuccessfulRun: async (sha256, versions) => {
      const q = successfulRunQuery(sha256, versions);
      return (await sql.all(q.sql, q.params)).length > 0;
    },
    cachedExtraction: async (sha256, key) => {
      const [row] = await sql.all<{ json: string }>(SQL.cachedExtraction, [sha256, key]);
      return row ? parseExtraction(row.json) : null;
    },
    cacheExtraction: async (doc, key) => void (await sql.run(SQL.cacheExtraction, extractionParams(doc, key))),
    recordFailedRun: (info, error, startedAt) =>
      conn.transaction(async (tx) => {
        await tx.run(SQL.upsertDocument, documentParams(info));
        const [row] = await tx.all<{ id: number }>(`${SQL.failedRun} RETURNING id`, failedRunParams(info, error, startedAt));
        return row!.id;
      }),
    loadRunOnce: (info, extracted, parsedInput, startedAt, force) => {
      const parsed = validParse(parsedInput);
      return conn.transaction(async (tx) => {
        // one writer per document at a time: the check and the insert see the same state
        await tx.all('SELECT pg_advisory_xact_lock(hashtext(?))', [info.sha256]);
        const done = loadedAlreadyQuery(info.sha256, runVersions(extracted, parsed), force);
        return done && (await tx.all(done.sql, done.params)).length > 0 ? null : writeRun(tx, info, extracted, parsed, startedAt);
      });
    },
    loadRunIfChanged: async (info, extracted, parsedInput, startedAt, previous, laterRules) => {
      const parsed = validParse(parsedInput);
      try {
        return await conn.transaction(async (tx) => {
          await tx.all('SELECT pg_advisory_xact_lock(hashtext(?))', [info.sha256]);
          const id = await writeRun(tx, info, extracted, parsed, startedAt);
          if (previous === null) return { runId: id, changed: true, changedRecords: parsed.records.length };
          // the same content as the previous run: rolled back
          if ((await contentDigest(tx, id, laterRules)) === (await contentDigest(tx, previous, laterRules))) throw new Unchanged();
          const count = async (run: number) => (await tx.all<{ n: number }>(ERROR_COUNT_SQL, [run]))[0]!.n;
          const d = diffOfRows(await tx.all(RECORD_KEYS_SQL, [previous]), await tx.all(RECORD_KEYS_SQL, [id]), await count(previous), await count(id));
          return { runId: id, changed: true, changedRecords: d.added + d.removed + d.changed };
        });
      } catch (err) {
        if (!(err instanceof Unchanged)) throw err;
        return { runId: previous!, changed: false, changedRecords: 0 };
      }
    },
    cachedDocuments: async (sha256) => {
      const q = cachedDocumentsQuery(sha256);
      return sql.all<CachedDocument>(q.sql, q.params);
    },
    splitPublications: async () => groupPublications(await sql.all<PublicationPart & { publication: string }>(SPLIT_PUBLICATIONS_SQL)),
    recordsOfRun: async (runId) => (await sql.all(RECORDS_OF_RUN_SQL, [runId])).map(recordOfRow),
    factsOfRun: async (runId) => (await sql.all(FACTS_OF_RUN_SQL, [runId])).map(factOfRow),
    replaceFindings: (runId, rules, findings) =>
      conn.transaction(async (tx) => {
        for (const rule of rules) await tx.run(DELETE_RULE_FINDINGS_SQL, [runId, rule]);
        await insertBatchesPg(tx, withRunId(runId, [findingBatch(findings)]));
      }),
    recordLateCheck: async (runId, family, check, findings, reason) => {
      const params = lateCheckParams(runId, family, check, findings, reason);
      await conn.transaction(async (tx) => {
        for (const [i, statement] of LATE_CHECK_SQL.entries()) await tx.run(statement, params[i]);
      });
    },
    exportRecords: (filter: ExportFilter = {}) => {
      const q = recordsQuery(filter);
      return (async function* () {
        for await (const row of cursorRows(conn, q.sql, q.params)) yield shapeRecord(row as Record<string, string | number | null>);
      })();
    },
    exportFacts: (filter: ExportFilter = {}) => {
      const q = factsQuery(filter);
      return cursorRows(conn, q.sql, q.params) as AsyncIterable<ExportFact>;
    },
    exportFindings: () => shaped<ExportFinding>(cursorRows(conn, FINDINGS_SQL, []), shapeFinding),
    exportLedger: () => cursorRows(conn, LEDGER_SQL, []) as AsyncIterable<ExportLedgerEntry>,
    query: (text, { maxRows = Number.POSITIVE_INFINITY } = {}) => readOnlyQuery(conn, text, maxRows),
    rows: <T>(text: string, params?: SqlParams) => sql.all<T>(text, params),
    write: async (text, params) => {
      const r = await sql.result(text, params);
      return { changes: r.rowCount ?? 0, rows: r.rows as Array<Record<string, unknown>> };
    },
    views: async () => groupViewColumns(await sql.all(PG_VIEW_COLUMNS_SQL)),
    saveCorrection: async (c) => correctionOfRow((await sql.all(CORRECTION_SQL.save, correctionParams(c)))[0]!),
    saveCorrections: (list) =>
      conn.transaction(async (tx) => {
        for (const c of list) await tx.run(CORRECTION_SQL.save, correctionParams(c));
        return list.length;
      }),
    listCorrections: async (sha256) => {
      const q = listCorrectionsQuery(sha256);
      return (await sql.all(q.sql, q.params)).map(correctionOfRow);
    },
    deleteCorrection: async (id) => (await sql.run(CORRECTION_SQL.delete, [id])) > 0,
    pruneRuns: (options = {}) =>
      conn.transaction(async (tx) => ({ runs: await tx.run(PRUNE_RUNS_SQL), extractions: options.cache ? await tx.run(PRUNE_CACHE_SQL) : 0 })),
    // VACUUM runs outside a transaction; FULL would lock the workers out
    vacuum: async () => void (await sql.run('VACUUM ANALYZE')),
    close: () => conn.close(),
  };
}
