import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS, openDatabase, openReadOnly } from '@juesuan/loader';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, readJsonl, removeTempRoot, tempDb, tempDir } from './helpers.ts';

afterAll(removeTempRoot);

/** A converted 决算 with two layouts EXPECTED.md speaks of: names without codes, and split codes. */
function writeReport(dir: string): string {
  const file = join(dir, 'names-and-split-codes-2024.txt');
  const text = [
    '示例区卫生健康委员会2024年度部门决算',
    '一般公共预算财政拨款基本支出决算表',
    '单位：万元',
    '科目名称\t决算数',
    '工资福利支出\t10.00',
    '基本工资\t10.00',
    '',
    '支出决算表',
    '单位：万元',
    '科目编码\t\t\t科目名称\t本年支出合计\t基本支出\t项目支出',
    '类\t款\t项\t\t\t\t',
    '210\t\t\t卫生健康支出\t12.00\t10.00\t2.00',
    '\t1\t\t卫生健康管理事务\t12.00\t10.00\t2.00',
    '\t\t1\t行政运行\t12.00\t10.00\t2.00',
    '',
  ].join('\n');
  writeFileSync(file, text);
  return file;
}

describe('the exported record', () => {
  it('carries printed codes only, the printed form of a normalised code, and the resolved code in the views', () => {
    const db = tempDb();
    const file = writeReport(tempDir('report-'));
    expect(cli(['ingest', file, '--db', db]).code).toBe(0);
    const out = join(tempDir('export-'), 'records.jsonl');
    expect(cli(['export', '--db', db, '--out', out]).code).toBe(0);
    const records = readJsonl(out);
    const basic = records.filter((r) => r.table === 'final.gpb_basic');
    expect(basic.map((r) => [r.code, r.label])).toEqual([
      [null, '工资福利支出'],
      [null, '基本工资'],
    ]);
    const split = records.filter((r) => r.table === 'final.expenditure' && r.measure === 'total');
    expect(split.map((r) => [r.code, r.code_printed ?? null])).toEqual([
      ['210', null],
      ['21001', '1'],
      ['2100101', '1'],
    ]);
    const conn = openReadOnly(db);
    try {
      const resolved = conn.prepare(`SELECT code FROM document_codes WHERE "table" = 'final.gpb_basic' ORDER BY code`).all();
      expect(resolved).toEqual([{ code: '301' }, { code: '30101' }]);
    } finally {
      conn.close();
    }
  });

  it('upgrades a database made with the first schema before writing to it', () => {
    const db = tempDb();
    openDatabase(db, { migrateThrough: 1 }).close();
    const file = writeReport(tempDir('report-'));
    expect(cli(['ingest', file, '--db', db]).code).toBe(0);
    const facts = cli(['export', '--db', db, '--what', 'facts']);
    expect(facts.code).toBe(0);
    const conn = openReadOnly(db);
    try {
      const versions = conn.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
      expect(conn.prepare('SELECT COUNT(*) n FROM records').get()).toEqual({ n: 11 });
    } finally {
      conn.close();
    }
  });
});
