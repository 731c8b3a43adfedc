import type { AmountRecord } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import { compareByCell } from '../scripts/lib/compare-cells.ts';

/** An amount of a 财政拨款收支总表 at a place on page 13. */
const cell = (row: number, x: number, y: number, fen: number) =>
  ({ table: 'final.fiscal_summary', page: 13, row, col: 3, measure: 'total', code: null, amountFen: fen, bbox: { x0: x, y0: y, x1: x + 50, y1: y + 12 } }) as AmountRecord;

describe('compareByCell', () => {
  it('matches cells by place before row numbers: a row OCR split above shifts the numbers, not the values', () => {
    const truth = [cell(19, 531, 133, 446_167), cell(20, 531, 154, 46_108)];
    const read = [cell(18, 531, 133, 446_167), cell(19, 531, 154, 46_108)];
    expect(compareByCell(truth, read)).toMatchObject({ equal: 2, misses: [], extras: [] });
  });

  it('falls back on row and column where a page scanned askew moved the cell', () => {
    const truth = [cell(19, 531, 133, 446_167)];
    expect(compareByCell(truth, [cell(19, 540, 141, 446_167)]).equal).toBe(1);
    expect(compareByCell(truth, [cell(19, 540, 141, 46_108)]).misses).toHaveLength(1);
  });

  it('tells a wrong meaning (another measure or code claimed) from a missing one (a column no vocabulary knows)', () => {
    const truth = [cell(1, 100, 100, 5), cell(2, 100, 120, 6), cell(3, 100, 140, 7)];
    const read = [{ ...cell(1, 100, 100, 5), measure: 'fiscal' }, { ...cell(2, 100, 120, 6), measure: 'col:预算' }, { ...cell(3, 100, 140, 7), code: '2010101' }];
    const cmp = compareByCell(truth, read);
    expect(cmp).toMatchObject({ equal: 3, meaning: 0 });
    expect(cmp.wrongMeanings.map((w) => w.read.row)).toEqual([1, 3]);
  });
});
