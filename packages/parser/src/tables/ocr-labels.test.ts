import type { AmountRecord } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/catalog.ts';
import { checkOcrLabels, closeEnough, totalWordRestored } from './ocr-labels.ts';

const catalogs = { functional: loadCatalog('functional', 2024), economic: loadCatalog('economic', 2024) };

function record(tableIndex: number, code: string | null, label: string, amountFen = 100): AmountRecord {
  return {
    tableIndex,
    table: 'final.expenditure',
    page: 1,
    bbox: null,
    row: 1,
    col: 2,
    side: null,
    panel: null,
    group: null,
    code,
    codePrinted: null,
    codeMethod: 'printed',
    codeScore: 1,
    codeLevel: code ? (code.length === 3 ? 1 : code.length === 5 ? 2 : 3) : null,
    parentCode: null,
    classCode: null,
    label,
    labelKey: label,
    parentLabel: null,
    context: null,
    measure: 'total',
    printed: '1.00',
    unit: '元',
    amountFen,
    flags: [],
  };
}

describe('checkOcrLabels', () => {
  it('takes the code a label exactly names where the code read is its beginning (a seal over 30311 left 303), and only there', () => {
    const short = { ...record(1, '303', '代缴社会保险费'), flags: ['code_name_mismatch', 'name_says:30311'] };
    const other = { ...record(1, '302', '代缴社会保险费'), flags: ['code_name_mismatch', 'name_says:30311'] };
    checkOcrLabels([short, other], new Set([1]), catalogs);
    expect(short).toMatchObject({ code: '30311', codePrinted: '303' });
    expect(short.flags).toEqual(['code_read:303']);
    expect(other.code).toBe('302');
    // a text layer's code stays as printed
    const printed = { ...record(2, '303', '代缴社会保险费'), flags: ['code_name_mismatch', 'name_says:30311'] };
    checkOcrLabels([printed], new Set([1]), catalogs);
    expect(printed.code).toBe('303');
  });

  it('sets a label a character off its code’s name to that name, keeping the numbering and the reading', () => {
    const r = record(1, '2010301', '行政远行');
    checkOcrLabels([r], new Set([1]), catalogs);
    expect(r.label).toBe('行政运行');
    expect(r.flags).toContain('label_read:行政远行');
    const n = record(1, null, '一、一般公共服务支山');
    checkOcrLabels([n], new Set([1]), catalogs);
    expect(n.label).toBe('一、一般公共服务支出');
  });

  it('prefers the name the document’s own text-layer tables give the code', () => {
    const own = record(0, '2010301', '行政运行（本级）');
    const r = record(1, '2010301', '行政运行（本缎）');
    checkOcrLabels([own, r], new Set([1]), catalogs);
    expect(r.label).toBe('行政运行（本级）');
  });

  it('leaves text-layer tables and labels far from any name alone', () => {
    const text = record(0, '2010301', '行政远行');
    const far = record(1, '2010301', '完全不同的名称');
    checkOcrLabels([text, far], new Set([1]), catalogs);
    expect(text.label).toBe('行政远行');
    expect(far.label).toBe('完全不同的名称');
  });

  it('takes the code one digit away that the label names, and flags the code as read', () => {
    // 2010301 行政运行 read with a digit wrong: the label names 2010302 一般行政管理事务
    const r = record(1, '2010301', '一般行政管理事务');
    checkOcrLabels([r], new Set([1]), catalogs);
    expect(r.code).toBe('2010302');
    expect(r.flags).toContain('code_read:2010301');
  });

  it('takes the code one digit away in its parent part when the label is exactly that code\'s name', () => {
    // 2101101 行政单位医疗 read 2100101: the 款 digit misread, the label names 2101101 exactly
    const r = { ...record(1, '2100101', '行政单位医疗'), flags: ['code_name_mismatch', 'name_says:2101101'] };
    checkOcrLabels([r], new Set([1]), catalogs);
    expect(r.code).toBe('2101101');
    expect(r.flags).toEqual(['code_read:2100101']);
    // read alike in two OCR tables, a code the catalog does not have is still taken back
    const twice = [record(1, '2100101', '行政单位医疗'), record(2, '2100101', '行政单位医疗')];
    checkOcrLabels(twice, new Set([1, 2]), catalogs);
    expect(twice.map((x) => x.code)).toEqual(['2101101', '2101101']);
    // a 类 misread alike in two tables (221 住房保障支出 read 241, no code): the code its name says
    const classes = [1, 2].map((t) => ({ ...record(t, '241', '住房保障支出'), flags: ['code_unknown', 'code_name_mismatch', 'name_says:221'] }));
    checkOcrLabels(classes, new Set([1, 2]), catalogs);
    expect(classes.map((x) => [x.code, x.flags])).toEqual([['221', ['code_read:241']], ['221', ['code_read:241']]]);
    // a label a character off a name in another branch, one digit away, moves the code; both readings kept
    const near = record(1, '2100101', '行政单位陈疗');
    checkOcrLabels([near], new Set([1]), catalogs);
    expect(near).toMatchObject({ code: '2101101', label: '行政单位医疗' });
    expect(near.flags).toEqual(['code_read:2100101', 'label_read:行政单位陈疗']);
    // two digits away, nothing moves
    const far = record(1, '2100201', '行政单位陈疗');
    checkOcrLabels([far], new Set([1]), catalogs);
    expect(far.code).toBe('2100201');
  });

  it('doubts a code whose label is unlike every name the code goes by, not one whose label is misread or worded otherwise', () => {
    // 未归口管理的行政单位离退休 (2080504, which later catalogs dropped) read on 2080501 行政单位离退休
    const wrong = record(1, '2080501', '衫归口笛理的行政单位屹退佛');
    const misread = record(1, '2080501', '行政单位离退佛');
    const worded = record(1, '2080501', '行政单位离退休费');
    checkOcrLabels([wrong, misread, worded], new Set([1]), catalogs);
    expect([wrong, misread, worded].map((r) => r.flags.includes('code_label_mismatch'))).toEqual([true, false, false]);
    expect(wrong.code).toBe('2080501');
    // the document's text layer gives the code that name: the label is only misread
    const named = record(1, '2080501', '衫归口笛理的行政单位屹退佛');
    checkOcrLabels([record(0, '2080501', '未归口管理的行政单位离退休'), named], new Set([1]), catalogs);
    expect(named.flags).not.toContain('code_label_mismatch');
  });

  it('allows a character in six, at most two', () => {
    expect(closeEnough('行政远行', '行政运行')).toBe(true);
    expect(closeEnough('行远远行', '行政运行')).toBe(false);
    expect(closeEnough('一般公共服务支出', '一般公共服务支出')).toBe(false);
  });
});

describe('OCR labels read with look-alikes', () => {
  it('takes a name whose misread characters are look-alikes for the known name, and counts them at no cost', () => {
    expect(closeEnough('行政事业单位离退休', '行政事业单位离退休')).toBe(false); // the same: nothing to snap
    expect(closeEnough('一航公具服务支申', '一般公共服务支出')).toBe(true); // 航 for 般, 申 for 出 cost nothing; 具 for 共 is the one character off
    expect(closeEnough('一航公具服务收入', '一般公共服务支出')).toBe(false); // 收入 for 支出 is no look-alike
  });

  it('puts back the last word of a total OCR misread, and only that', () => {
    expect(totalWordRestored('收入总讥')).toBe('收入总计');
    expect(totalWordRestored('支出台计')).toBe('支出合计');
    expect(totalWordRestored('收入总计')).toBeNull();
    expect(totalWordRestored('住房公积金')).toBeNull();
  });

  it('sets a total row\'s label in an OCR table, keeping what was read', () => {
    const r = record(0, null, '收入总讥');
    checkOcrLabels([r], new Set([0]), catalogs);
    expect(r).toMatchObject({ label: '收入总计', labelKey: '收入总计' });
    expect(r.flags).toContain('label_read:收入总讥');
  });

  it('gives an uncoded row of a coded table the code of the name its label is one misread from, flagged as found by a near name', () => {
    // 机关运行经费 by economic codes; the code cell of 其他交通费用 read as 302.34, its label as 其他产通费用
    const coded = ['302', '30201', '30205'].map((c) => ({ ...record(3, c, c), table: 'budget.agency_operation' }));
    const lost = { ...record(3, null, '其他产通费用'), table: 'budget.agency_operation', codeMethod: 'label' as const };
    checkOcrLabels([...coded, lost], new Set([3]), catalogs);
    // one name printed at two levels (30239 and its local 3023902) is still one name: the 款 is taken
    expect(lost).toMatchObject({ code: '30239', codeMethod: 'name_fuzzy', codeLevel: 2, parentCode: '302', label: '其他交通费用' });
    expect(lost.codeScore).toBeLessThan(0.9);
    expect(lost.flags).toEqual(['label_read:其他产通费用', 'code_low_score']);
    // in a table of rows named only (income by source), a label is set right but no code is given
    const named = ['一般公共预算资金', '其他收入'].map((l) => ({ ...record(4, null, l), table: 'budget.income' }));
    const misread = { ...record(4, null, '其他产通费用'), table: 'budget.income' };
    checkOcrLabels([...named, misread], new Set([4]), catalogs);
    expect(misread.code).toBeNull();
  });
});
