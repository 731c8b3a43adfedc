import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFolder, formatEval } from '../scripts/eval.ts';
import { compareExact, compareRecords } from '../scripts/lib/compare-records.ts';
import { samples } from './helpers.ts';

describe('eval harness', () => {
  it('scores the generated samples at 100%', async () => {
    const results = await evaluateFolder(samples);
    expect(results.map((r) => r.file)).toEqual(['sample-budget-2025.pdf', 'sample-final-2023.pdf']);
    for (const r of results) {
      expect(r.kindsMissing).toEqual([]);
      expect([r.precision, r.recall, r.rowScore]).toEqual([1, 1, 1]);
      // every field of every line (printed string, page, panel, class_code), in the expected order
      expect([r.identical, r.inOrder]).toEqual([r.expected, true]);
    }
    expect(formatEval(results, 5)).toMatch(/overall: 72\/72 expected records found \(recall 100\.0%\), precision 100\.0%, rows 100\.0%/);
  });

  it('reads tables printed sideways, turned in the content or by the page /Rotate, as if upright', async () => {
    const [r] = await evaluateFolder(join(samples, 'sideways'));
    expect(r!.kindsMissing).toEqual([]);
    expect([r!.recall, r!.precision, r!.identical, r!.inOrder]).toEqual([1, 1, r!.expected, true]);
    expect(r!.expected).toBe(34);
  });

  it('reads tables ruled one way only (lines across; column lines in a frame) and a table with no lines', async () => {
    const [r] = await evaluateFolder(join(samples, 'partial-rules'));
    expect(r!.kindsMissing).toEqual([]);
    expect([r!.recall, r!.precision, r!.identical, r!.inOrder]).toEqual([1, 1, r!.expected, true]);
    expect(r!.expected).toBe(54);
  });

  it('counts misses, extras and row matches', () => {
    const base = { table: 't', side: null, label: null, measure: 'total' };
    const expected = [
      { ...base, code: '201', amount_fen: 100 },
      { ...base, code: '201', measure: 'basic', amount_fen: 60 },
      { ...base, code: '202', amount_fen: 5 },
    ];
    const found = [
      { ...base, code: '201', amount_fen: 100 },
      { ...base, code: '201', measure: 'project', amount_fen: 60 }, // wrong measure name, same row amounts
      { ...base, code: '203', amount_fen: 5 },
    ];
    const c = compareRecords(expected, found);
    expect(c.matched).toBe(1);
    expect(c.recall).toBeCloseTo(1 / 3);
    expect(c.precision).toBeCloseTo(1 / 3);
    expect(c.rowsMatched).toBe(1);
    expect(c.misses).toEqual(['t||201|basic|60', 't||202|total|5']);
    expect(c.extras).toEqual(['t||201|project|60', 't||203|total|5']);
  });

  it('compares whole lines: a different printed string, a missing panel or another order count', () => {
    const line = { table: 'final.gpb_basic', page: 3, side: null, code: '301', label: '工资福利支出', measure: 'amount', printed: '1.00', unit: '万元', amount_fen: 1_000_000, panel: 'personnel' };
    const other = { ...line, code: '302', label: '商品和服务支出', panel: 'public' };
    expect(compareExact([line, other], [{ ...line, document_sha256: 'x' }, other])).toEqual({ identical: 2, inOrder: true });
    expect(compareExact([line, other], [other, line])).toEqual({ identical: 2, inOrder: false });
    expect(compareExact([line], [{ ...line, printed: '1.0' }])).toEqual({ identical: 0, inOrder: false });
    const { panel: _p, ...bare } = line;
    expect(compareExact([line], [bare])).toEqual({ identical: 0, inOrder: false });
  });
});
