import { describe, expect, it } from 'vitest';
import { exportFindings, exportLedger } from './export-audit.ts';
import { migrate, openDatabase } from './open-database.ts';
import { recordLateCheck } from './write-audit.ts';

const NOW = '2026-01-01T00:00:00Z';

function seedRunWithFinding(db: ReturnType<typeof openDatabase>, table: 'findings' | 'run_findings'): void {
  db.prepare('INSERT INTO documents (sha256, file, size_bytes, first_seen) VALUES (?, ?, ?, ?)').run('a'.repeat(64), 'r.pdf', 1, NOW);
  db.prepare(`INSERT INTO runs (id, document_sha256, file, status, started_at, finished_at) VALUES (1, ?, 'r.pdf', 'ok', ?, ?)`).run('a'.repeat(64), NOW, NOW);
  db.prepare(`INSERT INTO ${table} (run_id, rule, severity, message_zh, message_en, cells) VALUES (1, 'hierarchy.functional', 'error', 'zh', 'en', '[]')`).run();
}

describe('the audit schema', () => {
  it('keeps the findings of an older database, now under the findings view of the latest runs', () => {
    const db = openDatabase(':memory:', { migrateThrough: 2 });
    seedRunWithFinding(db, 'findings');
    expect(() => exportFindings(db)).toThrow(/predates the audit/);
    migrate(db);
    expect([...exportFindings(db)]).toEqual([{ document_sha256: 'a'.repeat(64), file: 'r.pdf', rule: 'hierarchy.functional', family: 'identity', severity: 'error', page: null, bbox: null, quote: null, message_zh: 'zh', message_en: 'en', run: 1 }]);
    db.close();
  });

  it('exports the ledger of the latest run only', () => {
    const db = openDatabase(':memory:');
    seedRunWithFinding(db, 'run_findings');
    db.prepare(`INSERT INTO runs (id, document_sha256, file, status, started_at, finished_at) VALUES (2, ?, 'r.pdf', 'ok', ?, ?)`).run('a'.repeat(64), NOW, NOW);
    const entry = db.prepare('INSERT INTO run_ledger (run_id, family, "check", status, reason, failures) VALUES (?, ?, ?, ?, ?, ?)');
    entry.run(1, 'identity', 'across.class_rows', 'pass', null, 0);
    entry.run(2, 'identity', 'across.class_rows', 'insufficient_data', '支出决算表 missing: summary 类 rows not compared', 0);
    expect([...exportLedger(db)].map((l) => [l.run, l.status, l.reason])).toEqual([[2, 'insufficient_data', '支出决算表 missing: summary 类 rows not compared']]);
    // the finding belongs to run 1, which is no longer the latest
    expect([...exportFindings(db)]).toEqual([]);
    db.close();
  });

  it('marks a check that ran after the parse, and sums its family up again', () => {
    const db = openDatabase(':memory:');
    seedRunWithFinding(db, 'run_findings');
    const entry = db.prepare('INSERT INTO run_ledger (run_id, family, "check", status, reason, failures) VALUES (1, ?, ?, ?, ?, 0)');
    entry.run('restated', 'restated.item_amounts', 'not_applicable', 'no item');
    entry.run('restated', 'narrative', 'insufficient_data', 'no table with amounts: restated figures not compared');
    entry.run('restated', '*', 'insufficient_data', 'no table with amounts: restated figures not compared');
    recordLateCheck(db, 1, 'restated', 'narrative', [], 'checked against the tables of t.pdf');
    expect([...exportLedger(db)].map((l) => [l.check, l.status, l.reason])).toEqual([
      ['restated.item_amounts', 'not_applicable', 'no item'],
      ['narrative', 'pass', 'checked against the tables of t.pdf'],
      ['*', 'pass', null],
    ]);
    db.close();
  });
});
