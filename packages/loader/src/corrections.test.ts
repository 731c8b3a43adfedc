import { describe, expect, it } from 'vitest';
import { Correction, JuesuanError } from '@juesuan/model';
import { correctionsToJsonl, deleteCorrection, importCorrectionsJsonl, listCorrections, saveCorrection } from './corrections.ts';
import { openDatabase } from './open-database.ts';

const sha = 'a'.repeat(64);
const amount = { documentSha256: sha, table: 'final.income', rowKey: '||||code:210', measure: 'total', field: 'amount' as const, value: '1,200.48', amountFen: 1_200_480_000, original: '1,200.47', reason: 'misprint', createdAt: '2026-01-01T00:00:00.000Z' };

describe('corrections', () => {
  it('checks that amounts carry 分 and a measure, and codes or labels apply to the row', () => {
    expect(Correction.safeParse(amount).success).toBe(true);
    expect(Correction.safeParse({ ...amount, amountFen: null }).success).toBe(false);
    expect(Correction.safeParse({ ...amount, measure: '*' }).success).toBe(false);
    expect(Correction.safeParse({ ...amount, field: 'code', value: '2100102', amountFen: null }).success).toBe(false);
    expect(Correction.safeParse({ ...amount, field: 'code', value: '2100102', amountFen: null, measure: '*' }).success).toBe(true);
    expect(Correction.safeParse({ ...amount, documentSha256: '../x' }).success).toBe(false);
    expect(Correction.safeParse({ ...amount, reason: ' ' }).success).toBe(false);
  });

  it('keeps one correction per cell and field: a later one replaces the value, the first original stays', () => {
    const db = openDatabase(':memory:');
    const first = saveCorrection(db, amount);
    const second = saveCorrection(db, { ...amount, value: '1,200.49', amountFen: 1_200_490_000, original: '1,200.48', reason: 'second look' });
    expect(second).toMatchObject({ id: first.id, value: '1,200.49', amountFen: 1_200_490_000, original: '1,200.47', reason: 'second look' });
    expect(listCorrections(db, sha)).toHaveLength(1);
    expect(listCorrections(db, 'b'.repeat(64))).toEqual([]);
    expect(deleteCorrection(db, first.id)).toBe(true);
    expect(deleteCorrection(db, first.id)).toBe(false);
  });

  it('round-trips JSONL and refuses a file with a bad line as a whole, naming file and line', () => {
    const db = openDatabase(':memory:');
    const label = { ...amount, measure: '*', field: 'label' as const, value: '卫生健康', amountFen: null, original: null };
    const text = correctionsToJsonl([
      { id: 7, ...amount },
      { id: 8, ...label },
    ]);
    expect(text.split('\n')[0]).not.toContain('"id"');
    expect(importCorrectionsJsonl(db, `${text}\n`, 'team.jsonl')).toBe(2);
    expect(correctionsToJsonl(listCorrections(db))).toBe(text);
    const fresh = openDatabase(':memory:');
    expect(() => importCorrectionsJsonl(fresh, `${JSON.stringify(amount)}\n{oops\n`, 'bad.jsonl')).toThrow(new JuesuanError('bad_corrections_file', 'bad.jsonl', 'line 2: not JSON'));
    expect(() => importCorrectionsJsonl(fresh, `${JSON.stringify({ ...amount, amountFen: 1.5 })}\n`, 'bad.jsonl')).toThrow(/^bad\.jsonl: line 1: amountFen /);
    expect(listCorrections(fresh)).toEqual([]);
  });
});
