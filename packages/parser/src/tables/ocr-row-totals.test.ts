import type { AmountRecord, ParsedTable } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import { nameTotalsBySum } from './ocr-row-totals.ts';

/** A 收入预算表 read at 150 dpi: its 合计 header read ||大计, beside 财政拨款收入 and 事业收入. */
const cell = (row: number, col: number, measure: string, fen: number): AmountRecord =>
  ({
    tableIndex: 1, table: 'budget.income', page: 10, bbox: null, row, col, side: null, panel: null, group: null, code: null, codePrinted: null,
    codeMethod: 'none', codeScore: 0, codeLevel: null, parentCode: null, classCode: null, label: 'x', labelKey: 'x', parentLabel: null, context: null,
    measure, printed: String(fen / 100), unit: '元', amountFen: fen, flags: [],
  }) as AmountRecord;

const table = (): ParsedTable => ({ index: 1, kind: 'budget.income', kindConfidence: 0.9, kindEvidence: [], title: null, number: null, pages: [10], unit: '元', measures: [null, 'col:||大计', 'fiscal', 'business'], rows: 5, cols: 4, records: 0 });

const rows = (last: number) => [
  [cell(1, 1, 'col:||大计', 300), cell(1, 2, 'fiscal', 200), cell(1, 3, 'business', 100)],
  [cell(2, 1, 'col:||大计', 200), cell(2, 2, 'fiscal', 200)],
  [cell(3, 1, 'col:||大计', 100), cell(3, 3, 'business', 100)],
  [cell(4, 1, 'col:||大计', last), cell(4, 2, 'fiscal', 50)],
].flat();

describe('nameTotalsBySum', () => {
  it('names the one unknown column the row total when every row sums to it', () => {
    const records = rows(50);
    const t = table();
    nameTotalsBySum(records, [t], new Set([1]));
    expect(t.measures).toEqual([null, 'total', 'fiscal', 'business']);
    expect(records.filter((r) => r.col === 1).every((r) => r.measure === 'total' && r.flags.includes('measure_read:col:||大计'))).toBe(true);
  });

  it('names it where a row adds up only within the printer’s rounding, as the validator takes it', () => {
    // 规划's 合计 read 映计: 3832.36 printed beside 1572.70 and 2259.65, the other rows to the cent
    const rounded = rows(51);
    const t = table();
    nameTotalsBySum(rounded, [t], new Set([1]));
    expect(t.measures[1]).toBe('total');
    // rows to the cent must still confirm it: with two of them, it stays unknown
    const fewExact = rows(51).map((r) => (r.row === 3 && r.col === 1 ? { ...r, amountFen: 101 } : r));
    const t2 = table();
    nameTotalsBySum(fewExact, [t2], new Set([1]));
    expect(t2.measures[1]).toBe('col:||大计');
  });

  it('leaves a second 小计 unknown, its header read right: the sums say only which columns it adds (本年收入 / 小计 beside 总计)', () => {
    const sub = 'col:本年收入/小计/2';
    const records = rows(50).map((r) => (r.measure === 'col:||大计' ? { ...r, measure: sub } : r));
    const t = { ...table(), measures: [null, sub, 'fiscal', 'business'] };
    nameTotalsBySum(records, [t], new Set([1]));
    expect(t.measures[1]).toBe(sub);
  });

  it('names it in an expenditure table printed by fund source, which sums its sources as an income table does', () => {
    // 深圳's 基本支出预算表: 合计 read 怡训 beside 财政拨款 and 事业收入
    const basic = (r: AmountRecord): AmountRecord => ({ ...r, table: 'budget.basic_expenditure' });
    const records = rows(50).map(basic);
    const t = { ...table(), kind: 'budget.basic_expenditure' };
    nameTotalsBySum(records, [t], new Set([1]));
    expect(t.measures).toEqual([null, 'total', 'fiscal', 'business']);
  });

  it('leaves it unknown when one row does not add up, and in text tables', () => {
    const off = rows(60);
    const t = table();
    nameTotalsBySum(off, [t], new Set([1]));
    expect(t.measures[1]).toBe('col:||大计');
    const text = rows(50);
    nameTotalsBySum(text, [table()], new Set());
    expect(text[0]!.measure).toBe('col:||大计');
  });

  /** A 财政拨款收支总表's expenditure side: 一般公共预算财政拨款 read \共预算人势款日 beside 合计, 政府性基金 and 国有资本. */
  const fiscal = (gov: string): ParsedTable => ({ ...table(), kind: 'final.fiscal_summary', measures: [null, 'total', 'col:\\共预算人势款日', gov, 'soe_capital'] });
  const fiscalRows = (gpbOfLast: number) =>
    [
      [cell(1, 1, 'total', 300), cell(1, 2, 'col:\\共预算人势款日', 200), cell(1, 3, 'gov_fund', 100)],
      [cell(2, 1, 'total', 200), cell(2, 2, 'col:\\共预算人势款日', 200)],
      [cell(3, 1, 'total', 100), cell(3, 3, 'gov_fund', 100)],
      [cell(4, 1, 'total', 50), cell(4, 2, 'col:\\共预算人势款日', gpbOfLast)],
    ].flat();

  it('names it the one part of the row sum the other columns leave unnamed', () => {
    const records = fiscalRows(50);
    const t = fiscal('gov_fund');
    nameTotalsBySum(records, [t], new Set([1]));
    expect(t.measures).toEqual([null, 'total', 'gpb', 'gov_fund', 'soe_capital']);
    expect(records.filter((r) => r.col === 2).every((r) => r.measure === 'gpb' && r.flags.includes('measure_read:col:\\共预算人势款日'))).toBe(true);
  });

  it('leaves a part unknown when a row does not add up with it, or two parts are unnamed', () => {
    const off = fiscalRows(40);
    const t = fiscal('gov_fund');
    nameTotalsBySum(off, [t], new Set([1]));
    expect(t.measures[2]).toBe('col:\\共预算人势款日');
    // 政府性基金 unnamed too (its own header read as a word no vocabulary has): gpb or gov_fund, the sum cannot tell
    const two = fiscalRows(50).map((r) => (r.measure === 'gov_fund' ? { ...r, measure: 'business' } : r));
    const t2 = fiscal('business');
    nameTotalsBySum(two, [t2], new Set([1]));
    expect(t2.measures[2]).toBe('col:\\共预算人势款日');
  });
});
