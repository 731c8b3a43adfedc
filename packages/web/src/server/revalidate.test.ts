import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedExtraction, openDatabase, saveCorrection, sqliteStore } from '@juesuan/loader';
import { Finding } from '@juesuan/model';
import { parseDocument } from '@juesuan/parser';
import { extractionKey, ingestFile, withDocumentFindings } from '@juesuan/pipelines';
import { revalidate } from './revalidate.ts';

const dir = mkdtempSync(join(tmpdir(), 'juesuan-revalidate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A converted 决算 whose 项 is misprinted: 12.00 where its 款 and 类 say 12.50. */
function misprintedReport(): string {
  const file = join(dir, 'misprint-2024.txt');
  const rows = ['210\t\t\t卫生健康支出\t12.50', '\t01\t\t卫生健康管理事务\t12.50', '\t\t01\t行政运行\t12.00'];
  writeFileSync(file, ['示例区卫生健康委员会2024年度部门决算', '支出决算表', '单位：万元', '科目编码\t\t\t科目名称\t本年支出合计', '类\t款\t项\t\t', ...rows, ''].join('\n'));
  return file;
}

describe('validation again with corrections', () => {
  it('a correction that mends a misprint resolves the identity it broke; one that breaks another is found', async () => {
    const db = openDatabase(join(dir, 'db.sqlite'));
    const store = sqliteStore(db);
    const r = await ingestFile(store, misprintedReport());
    if (r.status !== 'ok') throw new Error(`ingest: ${r.status}`);
    // the run's findings as the parse made them (the batch keeps a summary, not the document)
    const extracted = cachedExtraction(db, r.sha256, extractionKey({}))!;
    const stored = withDocumentFindings(parseDocument({ ...extracted, file: r.file })).findings.map((f) => Finding.parse(f));
    const broken = stored.filter((f) => f.severity === 'error');
    expect(broken.length).toBeGreaterThan(0);
    // nothing corrected: the same findings (the checks run again come after the others), none resolved
    const same = await revalidate(store, r.runId, stored);
    expect(same.resolved).toEqual([]);
    expect(same.findings).toHaveLength(stored.length);
    expect(same.findings).toEqual(expect.arrayContaining(stored));

    const key = { documentSha256: r.sha256, table: 'final.expenditure', measure: 'total', field: 'amount' as const, reason: 'the 款 and 类 both say 12.50', createdAt: new Date().toISOString() };
    saveCorrection(db, { ...key, rowKey: '||||code:2100101', value: '12.50', amountFen: 12_500_000, original: '12.00' });
    const mended = await revalidate(store, r.runId, stored);
    expect(mended.resolved.map((f) => f.rule).sort()).toEqual(broken.map((f) => f.rule).sort());
    expect(mended.findings.filter((f) => f.severity === 'error')).toEqual([]);

    // correcting the 类 instead would leave the 款 broken against it
    saveCorrection(db, { ...key, rowKey: '||||code:210', value: '13.00', amountFen: 13_000_000, original: '12.50' });
    expect((await revalidate(store, r.runId, stored)).findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
    db.close();
  });
});
