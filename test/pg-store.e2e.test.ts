import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@juesuan/loader';
import { openStore } from '@juesuan/loader';
import { ingestFiles, reparseAll } from '@juesuan/pipelines';
import { cli, removeTempRoot, samples, tempDb, tempDir } from './helpers.ts';
import type { PgCluster } from './pg-cluster.ts';
import { pgAvailable, startCluster } from './pg-cluster.ts';

// the same inputs on both backends: PDFs with a text layer, text reports, a split publication
const INPUTS = [join(samples, 'sample-final-2023.pdf'), join(samples, 'sample-budget-2025.pdf'), join(samples, 'text'), join(samples, 'split')];

describe.skipIf(!pgAvailable)('PostgreSQL as the store, beside SQLite', () => {
  let cluster: PgCluster;
  let pgUrl: string;
  let liteDb: string;

  beforeAll(async () => {
    cluster = await startCluster();
    pgUrl = cluster.createDatabase('juesuan_export');
    liteDb = tempDb();
    for (const db of [liteDb, pgUrl]) {
      const r = cli(['ingest', ...INPUTS, '--db', db, '--concurrency', '1']);
      expect(r.stderr + r.stdout).toMatch(/ingested 8 documents/);
      expect(r.code).toBe(0);
    }
  });

  afterAll(() => {
    cluster?.stop();
    removeTempRoot();
  });

  it('exports the same records and facts, byte for byte, in CSV and JSONL', () => {
    const out = tempDir('export-');
    for (const [what, format] of [['records', 'csv'], ['records', 'jsonl'], ['facts', 'csv']] as const) {
      const files = [liteDb, pgUrl].map((db, i) => {
        const file = join(out, `${what}-${format}-${i}.${format}`);
        const r = cli(['export', '--db', db, '--what', what, '--format', format, '--out', file, ...(what === 'records' && format === 'jsonl' ? ['--kind', 'final'] : [])]);
        expect(r.code, r.stderr).toBe(0);
        return readFileSync(file);
      });
      expect(files[0]!.length).toBeGreaterThan(1000);
      expect(files[1]!.equals(files[0]!), `${what} ${format} differ`).toBe(true);
    }
  });

  it('answers the same queries on the views, amounts as exact integers', () => {
    const sql = `SELECT file, "table", code, label, total_fen, total_yuan, amount_fen, amount_yuan FROM document_codes WHERE code IS NOT NULL ORDER BY file, "table", code, unit LIMIT 200`;
    const [lite, pg] = [liteDb, pgUrl].map((db) => cli(['query', sql, '--db', db, '--format', 'json']));
    expect(pg!.code, pg!.stderr).toBe(0);
    const rows = JSON.parse(pg!.stdout) as Array<{ total_fen: number | null }>;
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.some((r) => Number.isInteger(r.total_fen) && r.total_fen! > 100_000)).toBe(true);
    expect(pg!.stdout).toBe(lite!.stdout);
    const findings = [liteDb, pgUrl].map((db) => cli(['query', 'SELECT file, rule, severity, page, message_en FROM findings ORDER BY file, run_id, seq', '--db', db, '--format', 'csv']).stdout);
    expect(findings[1]).toBe(findings[0]);
    expect(findings[0]!.split('\n').length).toBeGreaterThan(3);
    const summaries = [liteDb, pgUrl].map((db) => cli(['summary', '--db', db]));
    expect(summaries[1]!.stdout).toMatch(/ledger \(audit coverage per family\)/);
    expect(summaries[1]!.stdout).toBe(summaries[0]!.stdout);
  });

  it('refuses a query that writes, on a read-only transaction', () => {
    const r = cli(['query', 'DELETE FROM runs', '--db', pgUrl]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/query failed: .*read-only/);
  });

  describe.each([
    ['sqlite', () => tempDb()],
    ['postgres', () => cluster.createDatabase(`store_${Math.random().toString(36).slice(2, 8)}`)],
  ])('the store on %s', (_backend, newDb) => {
    let store: Store;
    beforeAll(async () => {
      store = await openStore(newDb());
    });
    afterAll(async () => store?.close());

    it('loads a document once, keeps failures as runs, and reparse records nothing when nothing changed', async () => {
      const file = join(samples, 'text', 'sample-final-2022.txt');
      const [first] = await ingestFiles(store, [file], { concurrency: 1 });
      expect(first!.status).toBe('ok');
      const [again] = await ingestFiles(store, [file], { concurrency: 1 });
      expect(again).toMatchObject({ status: 'skipped' });
      const [bad] = await ingestFiles(store, [join(samples, 'bad', 'not-a-pdf.pdf')], { concurrency: 1 });
      expect(bad!.status).toBe('failed');
      const runs = await store.query(`SELECT status, COUNT(*) AS n FROM runs GROUP BY status ORDER BY status`);
      expect(runs.rows).toEqual([
        ['failed', 1],
        ['ok', 1],
      ]);
      const reparsed = await reparseAll(store);
      expect(reparsed.map((r) => [r.changed, r.error ?? null])).toEqual([[false, null]]);
      const records = [];
      for await (const r of store.exportRecords({ kind: 'final' })) records.push(r);
      expect(records.length).toBeGreaterThan(20);
      expect(records.every((r) => Number.isSafeInteger(r.amount_fen))).toBe(true);
    });

    it('loads a run twice at once only once (two writers, same bytes)', async () => {
      const file = join(samples, 'text', 'sample-three-public-2022.html');
      const [a, b] = await Promise.all([ingestFiles(store, [file], { concurrency: 1 }), ingestFiles(store, [file], { concurrency: 1 })]);
      expect([a![0]!.status, b![0]!.status].sort()).toEqual(['ok', 'skipped']);
      const n = await store.query(`SELECT COUNT(*) FROM runs WHERE file = '${file}' AND status = 'ok'`);
      expect(n.rows).toEqual([[1]]);
    });
  });
});

