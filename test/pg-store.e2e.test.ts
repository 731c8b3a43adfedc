import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
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

/** What a test printed on each backend, compared once both have run. */
const outputs: Record<string, { diff: string; records?: unknown[] }> = {};

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

  it('exports the same records, facts, findings and ledger, byte for byte, in CSV and JSONL', () => {
    const out = tempDir('export-');
    const exports: Array<[string, string, string[]]> = [
      ['records', 'csv', []],
      ['records', 'jsonl', ['--kind', 'final']],
      ['records', 'jsonl', ['--document', join(samples, 'sample-final-2023.pdf'), '--document', join(samples, 'text', 'sample-budget-2025.md')]],
      ['facts', 'csv', []],
      ['findings', 'csv', []],
      ['findings', 'jsonl', []],
      ['ledger', 'csv', []],
      ['ledger', 'json', []],
    ];
    for (const [n, [what, format, filter]] of exports.entries()) {
      const files = [liteDb, pgUrl].map((db, i) => {
        const file = join(out, `${n}-${what}-${i}.${format}`);
        const r = cli(['export', '--db', db, '--what', what, '--format', format, '--out', file, ...filter]);
        expect(r.code, r.stderr).toBe(0);
        return readFileSync(file);
      });
      expect(files[0]!.length, `${what} ${format} ${filter.join(' ')}`).toBeGreaterThan(1000);
      expect(files[1]!.equals(files[0]!), `${what} ${format} ${filter.join(' ')} differ`).toBe(true);
    }
    // a document's records only: fewer lines than all of them, from the two files named
    const one = readFileSync(join(out, '2-records-1.jsonl'), 'utf8').trim().split('\n');
    expect(new Set(one.map((l) => (JSON.parse(l) as { file: string }).file))).toEqual(new Set([join(samples, 'sample-final-2023.pdf'), join(samples, 'text', 'sample-budget-2025.md')]));
  });

  it('lists the same views and columns (schema), and says the same of an unknown document', () => {
    const [lite, pg] = [liteDb, pgUrl].map((db) => cli(['schema', '--db', db]));
    expect(pg!.code, pg!.stderr).toBe(0);
    expect(pg!.stdout).toMatch(/^corrected_records\n {2}document_sha256\n/m);
    expect(pg!.stdout).toBe(lite!.stdout);
    const tables = cli(['query', '.tables', '--db', pgUrl]);
    expect(tables.stdout).toBe(lite!.stdout);
    const [a, b] = [liteDb, pgUrl].map((db) => cli(['export', '--db', db, '--document', 'ffffffff']));
    expect(b!.code).toBe(2);
    expect(b!.stderr).toBe(a!.stderr);
    expect(b!.stderr).toMatch(/ffffffff: no such document/);
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
  ])('the store on %s', (backend, newDb) => {
    let store: Store;
    let db: string;
    beforeAll(async () => {
      db = newDb();
      store = await openStore(db);
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

    it('is idempotent by sha256 and versions: a new parser or extractor version writes a new run, a job done twice nothing', async () => {
      const file = join(samples, 'text', 'sample-performance-2023.txt');
      const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
      const okRuns = async () => store.rows<{ id: number; parser_version: string; extractor_version: string }>("SELECT id, parser_version, extractor_version FROM runs WHERE document_sha256 = ? AND status = 'ok' ORDER BY id", [sha256]);
      const once = async (force?: { after: number }) => (await ingestFiles(store, [file], { concurrency: 1, force }))[0]!;
      expect((await once()).status).toBe('ok');
      expect(await once()).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/already ingested \(same bytes and versions\)/) });
      // the stored runs were made by an older parser, then by an older extractor: each time one new run
      for (const column of ['parser_version', 'extractor_version']) {
        expect((await store.write(`UPDATE runs SET ${column} = '0.0.0-older' WHERE document_sha256 = ?`, [sha256])).changes).toBeGreaterThan(0);
        const r = await once();
        expect(r.status, column).toBe('ok');
        expect((await once()).status, column).toBe('skipped');
      }
      const runs = await okRuns();
      expect(runs).toHaveLength(3);
      const older = (v: string) => v === '0.0.0-older';
      expect(runs.map((r) => [older(r.parser_version), older(r.extractor_version)])).toEqual([
        [true, true],
        [false, true],
        [false, false],
      ]);
      // a forced job done twice writes one run after the one it supersedes
      const after = runs[2]!.id;
      expect((await once({ after })).status).toBe('ok');
      expect(await once({ after })).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/loaded meanwhile/) });
      expect(await okRuns()).toHaveLength(4);
    });

    it('diffs two runs, prunes superseded runs and old cached extractions, and imports and exports corrections (CLI)', async () => {
      const file = join(samples, 'sample-final-2023.pdf');
      const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
      expect(cli(['ingest', file, '--db', db]).code).toBe(0);
      expect(cli(['ingest', file, '--db', db, '--force']).code).toBe(0);
      const [older, newer] = (await store.rows<{ id: number }>("SELECT id FROM runs WHERE document_sha256 = ? AND status = 'ok' ORDER BY id", [sha256])).map((r) => r.id);
      // the older run read one amount differently and missed the 类 row 210
      await store.write("UPDATE line_items SET amount_fen = amount_fen + 100 WHERE run_id = ? AND table_kind = 'final.income' AND code = '2100101'", [older]);
      await store.write("DELETE FROM line_items WHERE run_id = ? AND table_kind = 'final.income' AND code = '210'", [older]);
      const diff = cli(['diff', sha256.slice(0, 10), '--db', db]);
      expect(diff.code, diff.stderr).toBe(0);
      expect(diff.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(${sha256.slice(0, 12)}\\) run ${older} → ${newer}: [1-9]\\d* added, 0 removed, [1-9]\\d* changed;`));
      expect(diff.stdout).toMatch(/^ {2}~ final\.income\|.*\|2100101\|/m);
      expect(diff.stdout).toMatch(/^ {2}\+ final\.income\|.*\|210\|/m);
      outputs[backend] = { diff: diff.stdout.replace(/run \d+ → \d+/, 'run … → …') };

      const oldKey = '0.0.1;ocr=auto;dpi=300';
      await store.write('INSERT INTO extractions (sha256, extractor_version, json, created_at) VALUES (?, ?, ?, ?)', [sha256, oldKey, '{}', '2020-01-01T00:00:00Z']);
      const pruned = cli(['prune', '--cache', '--vacuum', '--db', db]);
      expect(pruned.code, pruned.stderr).toBe(0);
      expect(pruned.stdout).toMatch(/^pruned [1-9]\d* superseded runs, 1 cached extractions → /);
      expect(await store.rows('SELECT id FROM runs WHERE id = ?', [older])).toEqual([]);
      expect(await store.rows('SELECT run_id FROM line_items WHERE run_id = ?', [older])).toEqual([]);
      expect(await store.rows('SELECT sha256 FROM extractions WHERE extractor_version = ?', [oldKey])).toEqual([]);
      expect(cli(['diff', file, '--db', db]).stderr).toMatch(/fewer than two successful runs to compare/);

      const corrections = [
        { documentSha256: sha256, table: 'final.income', rowKey: '||||code:2100101', measure: 'total', field: 'amount', value: '752.39', amountFen: 752_390_000, original: '752.29', reason: 'checked', createdAt: '2026-01-02T03:04:05.000Z' },
        { documentSha256: sha256, table: 'final.income', rowKey: '||||code:2100101', measure: '*', field: 'label', value: '行政运行（机关）', amountFen: null, original: null, reason: 'checked', createdAt: '2026-01-02T03:04:05.000Z' },
      ];
      const jsonl = join(tempDir('corr-'), 'team.jsonl');
      writeFileSync(jsonl, corrections.map((c) => `${JSON.stringify(c)}\n`).join(''));
      const bad = join(tempDir('corr-'), 'bad.jsonl');
      writeFileSync(bad, `${JSON.stringify(corrections[0])}\n{oops\n`);
      const imported = cli(['corrections', 'import', bad, jsonl, '--db', db]);
      expect(imported.code).toBe(1);
      expect(imported.stdout).toBe(`${jsonl}: 2 corrections imported\n`);
      expect(imported.stderr).toMatch(/^FAILED .*bad\.jsonl: line 2: not JSON/);
      const back = cli(['corrections', 'export', '--db', db]);
      expect(back.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(corrections);
      const records = cli(['export', '--db', db, '--document', file, '--table', 'final.income']).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(records.find((r) => r.code === '2100101' && r.measure === 'total')).toMatchObject({ printed: '752.29', amount_fen: 752_390_000, label: '行政运行（机关）', corrected: 'amount label' });
      // run ids differ: PostgreSQL's sequence gives up the ids of rolled-back runs
      outputs[backend]!.records = records.map(({ run: _run, ...r }) => r);
      if (backend === 'postgres') expect(outputs.postgres).toEqual(outputs.sqlite);
    });
  });
});
