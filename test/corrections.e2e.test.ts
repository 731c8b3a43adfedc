import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, readJsonl, removeTempRoot, samples, tempDb, tempDir } from './helpers.ts';

afterAll(removeTempRoot);

const FINAL = join(samples, 'sample-final-2023.pdf');
const sha256 = createHash('sha256').update(readFileSync(FINAL)).digest('hex');
const base = { documentSha256: sha256, table: 'final.income', rowKey: '||||code:2100101', original: null, reason: 'checked with the department', createdAt: '2026-01-02T03:04:05.000Z' };
const corrections = [
  { ...base, measure: 'total', field: 'amount', value: '752.39', amountFen: 752_390_000, original: '752.29' },
  { ...base, measure: '*', field: 'label', value: '行政运行（机关）', amountFen: null },
];

function exportRecord(db: string): Record<string, unknown> | undefined {
  const out = join(tempDir('export-'), 'records.jsonl');
  expect(cli(['export', '--db', db, '--out', out]).code).toBe(0);
  return readJsonl(out).find((r) => r.table === 'final.income' && r.code === '2100101' && r.measure === 'total');
}

describe('juesuan corrections export|import', () => {
  it('imports shared corrections, the export marks them, they outlive reparse, and export gives them back', () => {
    const db = tempDb();
    expect(cli(['ingest', FINAL, '--db', db]).code).toBe(0);
    expect(exportRecord(db)).not.toHaveProperty('corrected');
    const file = join(tempDir('corr-'), 'team.jsonl');
    writeFileSync(file, corrections.map((c) => JSON.stringify(c)).join('\n') + '\n');
    const imported = cli(['corrections', 'import', file, '--db', db]);
    expect(imported.stdout).toBe(`${file}: 2 corrections imported\n`);
    expect(imported.code).toBe(0);
    const expected = { printed: '752.29', amount_fen: 752_390_000, label: '行政运行（机关）', corrected: 'amount label' };
    expect(exportRecord(db)).toMatchObject(expected);
    // a new run of the document (reparse records one only when the parse changed)
    expect(cli(['ingest', FINAL, '--force', '--db', db]).code).toBe(0);
    expect(exportRecord(db)).toMatchObject({ ...expected, run: 2 });
    const back = cli(['corrections', 'export', '--db', db]);
    expect(back.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(corrections);
    // the other measures of the row keep their amounts and get the corrected label only
    const csv = cli(['export', '--db', db, '--format', 'csv']).stdout.split('\n');
    expect(csv[0]).toContain(',code_printed,corrected,');
    expect(csv.filter((l) => l.includes(',2100101,') && l.includes(',fiscal,'))[0]).toMatch(/,752\.29,万元,752290000,.*,label,/);
  });

  it('refuses a file with a bad line, naming the file and line, and imports nothing of it', () => {
    const db = tempDb();
    expect(cli(['ingest', FINAL, '--db', db]).code).toBe(0);
    const file = join(tempDir('corr-'), 'bad.jsonl');
    writeFileSync(file, `${JSON.stringify(corrections[0])}\n${JSON.stringify({ ...corrections[1], field: 'colour' })}\n`);
    const r = cli(['corrections', 'import', file, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^FAILED ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line 2: field `));
    expect(cli(['corrections', 'export', '--db', db]).stdout).toBe('');
    expect(exportRecord(db)).not.toHaveProperty('corrected');
  });
});
