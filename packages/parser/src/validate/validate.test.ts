import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AmountRecord, ParsedDocument } from '@juesuan/model';
import { extractPdf, extractText } from '@juesuan/extractor';
import { parseDocument } from '../parse-document.ts';
import { validateRecords } from './validate.ts';
import { buildIdentities } from './build-identities.ts';
import { holds } from './identities.ts';
import { parseAmount } from '../amounts/parse-amount.ts';

const samples = join(import.meta.dirname, '..', '..', '..', '..', 'samples');
let clean: ParsedDocument;

beforeAll(async () => {
  const name = 'sample-final-2023.pdf';
  clean = parseDocument(await extractPdf(new Uint8Array(readFileSync(join(samples, name))), name));
});

const errors = (records: AmountRecord[]) => validateRecords(records).filter((f) => f.severity === 'error');
const copy = () => clean.records.map((r) => ({ ...r }));
function reprint(r: AmountRecord, printed: string): void {
  r.printed = printed;
  r.amountFen = parseAmount(printed, r.unit)!.fen;
}
const find = (records: AmountRecord[], table: string, code: string | null, measure: string, label?: string) =>
  records.find((r) => r.table === table && r.code === code && r.measure === measure && (label === undefined || r.label === label))!;

describe('validation on the clean sample', () => {
  it('finds no error and checks identities of every family', () => {
    expect(errors(clean.records)).toEqual([]);
  });
});

describe('a code that does not fit its name', () => {
  it('is told as OCR read it where the name’s code was taken in its place, never as "code X … gives as X"', () => {
    const r = { ...clean.records.find((x) => x.code !== null)! };
    const read = { ...r, flags: ['code_name_mismatch', `name_says:${r.code}`, 'code_read:2080301'] };
    const [f] = validateRecords([read], []).filter((x) => x.rule === 'catalog.code_name_mismatch');
    expect(f!.messageEn).toBe(`code 2080301 does not fit the name ${r.label}, which the catalog gives as ${r.code}`);
    expect(f!.suggestion).toMatchObject({ printed: '2080301', suggested: r.code });
    const printed = { ...r, flags: ['code_name_mismatch', 'name_says:2080501'] };
    expect(validateRecords([printed], []).find((x) => x.rule === 'catalog.code_name_mismatch')!.messageEn).toContain(`code ${r.code} does not fit`);
  });
});

describe('corruptions are caught', () => {
  it('a changed digit breaks identities and gets the right one-digit suggestion', () => {
    const records = copy();
    const cell = find(records, 'final.income', '2100101', 'total');
    reprint(cell, '782.29'); // printed 752.29
    const found = errors(records);
    expect(found.map((f) => f.rule)).toContain('hierarchy.functional');
    expect(found.some((f) => f.rule === 'row.income_total')).toBe(true);
    const suggestion = found.find((f) => f.suggestion)?.suggestion;
    expect(suggestion).toMatchObject({ printed: '782.29', suggested: '752.29' });
    expect(suggestion?.cell.page).toBe(5);
  });

  it('a dropped row breaks the hierarchy', () => {
    const records = copy().filter((r) => !(r.table === 'final.income' && r.code === '2100199'));
    expect(errors(records).some((f) => f.rule === 'hierarchy.functional')).toBe(true);
  });

  it('swapped columns break the row identity', () => {
    const records = copy();
    for (const r of records.filter((x) => x.table === 'final.income')) {
      if (r.measure === 'total') r.measure = 'fiscal';
      else if (r.measure === 'fiscal') r.measure = 'total';
    }
    expect(errors(records).some((f) => f.rule === 'row.income_total')).toBe(true);
  });

  it('two-sided tables must balance', () => {
    const records = copy();
    reprint(find(records, 'final.summary', null, 'amount', '总计'), '1,478.63');
    expect(errors(records).map((f) => f.rule)).toContain('two_sided.balance');
  });

  it('a two-sided table that prints its year total as 小计 and its grand total as 合计 is checked through both', () => {
    const records = copy();
    const relabel = (from: string, to: string) => Object.assign(find(records, 'final.summary', null, 'amount', from), { label: to, labelKey: to });
    const year = relabel('本年收入合计', '当年收入小计');
    const grand = relabel('总计', '收入合计'); // the income side's 总计 (printed first)
    const twoSided = () => buildIdentities(records).filter((i) => ['two_sided.subtotal', 'two_sided.grand_total'].includes(i.rule) && i.target.side === 'income');
    expect(twoSided().map((i) => [i.rule, i.target.labelKey, i.summands.map((r) => r.labelKey)])).toEqual([
      ['two_sided.subtotal', '当年收入小计', ['一般公共预算财政拨款收入', '其他收入']],
      ['two_sided.grand_total', '收入合计', ['当年收入小计', '年初结转和结余']],
    ]);
    expect(twoSided().every((i) => holds(i))).toBe(true);
    reprint(year, '9');
    expect(twoSided().filter((i) => !holds(i)).map((i) => i.rule)).toEqual(['two_sided.subtotal', 'two_sided.grand_total']);
    expect(grand.side).toBe('income');
  });

  it('three-public items must add up', () => {
    const records = copy();
    reprint(find(records, 'final.three_public', null, 'final.reception'), '2.50');
    expect(errors(records).map((f) => f.rule)).toContain('three_public.total');
  });

  it('across tables: personnel + public must equal the basic total elsewhere', () => {
    const records = copy();
    const personnel = records.find((r) => r.table === 'final.gpb_basic' && r.label === '人员经费合计')!;
    reprint(personnel, '810.00');
    const summary = find(records, 'final.summary', null, 'amount', '本年收入合计');
    reprint(summary, '1,468.89');
    const rules = errors(records).map((f) => f.rule);
    expect(rules).toContain('across.summary_income');
  });

  it('respects the rounding tolerance of 0.01 per summand, and no more', () => {
    const records = copy();
    reprint(find(records, 'final.income', '210', 'total'), '1,200.48'); // +0.01 against two 款-rows: within tolerance
    expect(errors(records).filter((f) => f.rule === 'hierarchy.functional')).toEqual([]);
    reprint(find(records, 'final.income', '210', 'total'), '1,200.50');
    expect(errors(records).some((f) => f.rule === 'hierarchy.functional')).toBe(true);
  });
});

describe('a leaf code printed twice', () => {
  it('still adds both rows to its parent (物业管理费 printed as 30208 under 取暖费 30208)', () => {
    const records = copy();
    // one item's row split into two rows that print the same code
    const item = records.filter((r) => r.table === 'final.gpb_basic' && r.code?.length === 5 && r.code.startsWith('302') && r.amountFen > 1);
    expect(item.length).toBeGreaterThan(0);
    const code = item[0]!.code!;
    for (const r of records.filter((x) => x.table === 'final.gpb_basic' && x.code === code)) {
      const half = Math.floor(r.amountFen / 2);
      records.push({ ...r, row: r.row + 1000, amountFen: r.amountFen - half });
      r.amountFen = half;
    }
    expect(errors(records).filter((f) => f.rule.startsWith('hierarchy.'))).toEqual([]);
  });
});

describe('the summary against the income table, by template', () => {
  const budget = (incomeTotal: string) =>
    [
      '示例市教育局2026年部门预算',
      '收支总体情况表',
      '单位：万元',
      '| 收入项目 | 预算数 | 支出项目 | 预算数 |',
      '| --- | --- | --- | --- |',
      '| 一、一般公共预算拨款收入 | 100.00 | 一、教育支出 | 105.00 |',
      '| 本年收入合计 | 100.00 | 本年支出合计 | 105.00 |',
      '| 上级补助收入 | 5.00 |  |  |',
      '| 收入总计 | 105.00 | 支出总计 | 105.00 |',
      '',
      '收入总体情况表',
      '单位：万元',
      '| 科目编码 | 科目名称 | 合计 | 一般公共预算拨款收入 | 上级补助收入 |',
      '| --- | --- | --- | --- | --- |',
      `|  | 合计 | ${incomeTotal} | 100.00 | 5.00 |`,
    ].join('\n');
  const rulesOf = (md: string) => parseDocument(extractText(md, 'budget-2026.md', '0'.repeat(64), 'md')).findings.filter((f) => f.severity === 'error').map((f) => f.rule);

  it('an income table that totals the 收入总计 (上级补助收入 listed below 本年收入合计) agrees; one that totals neither breaks', () => {
    expect(rulesOf(budget('105.00'))).not.toContain('across.summary_income');
    expect(rulesOf(budget('107.00'))).toContain('across.summary_income');
  });
});
