import type { AmountRecord } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import { mendCodeLengths, mendCodesByOrder } from './ocr-code-order.ts';

/** A row of an OCR 一般公共预算支出表 (a fax of 省人大's), one amount column. */
const row = (row: number, code: string): AmountRecord =>
  ({
    tableIndex: 6, table: 'budget.gpb_expenditure', page: 13, bbox: null, row, col: 2, side: null, panel: null, group: null,
    code, codePrinted: null, codeMethod: 'printed', codeScore: 1, codeLevel: null, parentCode: null, classCode: null,
    label: 'x', labelKey: 'x', parentLabel: null, context: null, measure: 'amount', printed: '1.00', unit: '万元', amountFen: 100,
    flags: code.length === 8 ? ['code_unknown'] : [],
  }) as AmountRecord;

const known = (code: string) => ['208', '20805', '2080504', '2080505', '2080506'].includes(code);

describe('mendCodeLengths', () => {
  it('drops the digit that puts a code read a digit too long between the codes above and below it', () => {
    const rows = [row(13, '208'), row(14, '20805'), row(15, '2080504'), row(16, '20803505'), row(17, '2080506')];
    mendCodeLengths(rows, new Set([6]), known);
    expect(rows[3]).toMatchObject({ code: '2080505', codePrinted: '20803505', codeLevel: 3, parentCode: '20805', flags: ['code_read:20803505'] });
    expect(rows.map((r) => r.code)).toEqual(['208', '20805', '2080504', '2080505', '2080506']);
  });

  it('leaves the reading where no code or more than one fits, and in text tables', () => {
    // after 2080504 with nothing below: 2080505 and 2080550 … would all fit
    const open = [row(14, '20805'), row(15, '2080504'), row(16, '20805505')];
    mendCodeLengths(open, new Set([6]), known);
    expect(open[2]).toMatchObject({ code: '20805505', flags: ['code_unknown'] });
    const text = [row(15, '2080504'), row(16, '20803505'), row(17, '2080506')];
    mendCodeLengths(text, new Set(), known);
    expect(text[1]!.code).toBe('20803505');
  });
});

describe('mendCodesByOrder', () => {
  /** A coded row with its amount, in 万元. */
  const amount = (n: number, code: string, wan: number) => ({ ...row(n, code), codeLevel: code.length === 3 ? 1 : code.length === 5 ? 2 : 3, amountFen: wan * 1_000_000 }) as AmountRecord;

  it('moves codes a digit misread into a 款 the table never prints back under the one printed, when its sums then hold', () => {
    // heavy print's 5 read 6: 2040502 and 2040503 read under 20406
    const rows = [amount(1, '204', 110), amount(2, '20405', 110), amount(3, '2040501', 50), amount(4, '2040602', 30), amount(5, '2040603', 20), amount(6, '2040504', 10)];
    mendCodesByOrder(rows, new Set([6]), () => false);
    expect(rows.map((r) => r.code)).toEqual(['204', '20405', '2040501', '2040502', '2040503', '2040504']);
    expect(rows[4]).toMatchObject({ codePrinted: '2040603', parentCode: '20405', flags: ['code_read:2040603'] });
  });

  it('moves a 款 misread under a 类 the table never prints, its 项 read alike, back under the one printed, when its 类’s sum then holds', () => {
    // a fax's 4 read 1 in 20404 and in each of its 项: under 204 the table prints no 款 until then
    const rows = [amount(1, '204', 100), amount(2, '20104', 100), amount(3, '2010401', 60), amount(4, '2010402', 40), amount(5, '208', 50), amount(6, '20805', 50)];
    mendCodesByOrder(rows, new Set([6]), () => false);
    expect(rows.map((r) => r.code)).toEqual(['204', '20404', '2040401', '2040402', '208', '20805']);
    expect(rows[2]).toMatchObject({ codePrinted: '2010401', parentCode: '20404', flags: ['code_read:2010401'] });
    // 204's sum would not hold with it: left as read
    const off = [amount(1, '204', 90), amount(2, '20104', 100), amount(3, '2010401', 60), amount(4, '2010402', 40), amount(5, '208', 50)];
    mendCodesByOrder(off, new Set([6]), () => false);
    expect(off.map((r) => r.code)).toEqual(['204', '20104', '2010401', '2010402', '208']);
  });

  it('leaves the codes under a 款 whose row OCR lost: moving them would break the sum they stand under', () => {
    const rows = [amount(1, '201', 100), amount(2, '20101', 60), amount(3, '2010101', 40), amount(4, '2010102', 20), amount(6, '2010299', 40)];
    mendCodesByOrder(rows, new Set([6]), () => false);
    expect(rows.map((r) => r.code)).toEqual(['201', '20101', '2010101', '2010102', '2010299']);
    expect(rows[4]!.flags).toEqual([]);
  });

  it('moves a code the table prints above, read again out of the tree\'s order, to the one code a digit away that fits there, when its sums then hold', () => {
    // a fax's 30301 read 30101 under 303: 301's sum holds without it, 303's only with it
    const rows = [amount(1, '301', 50), amount(2, '30101', 30), amount(3, '30102', 20), amount(4, '303', 12), amount(5, '30101', 10), amount(6, '30302', 2)];
    mendCodesByOrder(rows, new Set([6]), () => true);
    expect(rows.map((r) => r.code)).toEqual(['301', '30101', '30102', '303', '30301', '30302']);
    expect(rows[4]!.flags).toEqual(['code_read:30101']);
    expect(rows[1]!.flags).toEqual([]);
  });

  it('flags a code printed twice, the second out of the tree\'s order, where the sums cannot say what it is', () => {
    // 301 and 303 read wrong too: their sums fail either way
    const rows = [amount(1, '301', 70), amount(2, '30101', 30), amount(3, '30102', 20), amount(4, '303', 99), amount(5, '30101', 10), amount(6, '30302', 2)];
    mendCodesByOrder(rows, new Set([6]), () => true);
    expect(rows.map((r) => r.code)).toEqual(['301', '30101', '30102', '303', '30101', '30302']);
    expect(rows[4]!.flags).toEqual(['code_out_of_order']);
    expect(rows[1]!.flags).toEqual([]);
    // in a text table a code is as printed
    const text = [amount(1, '301', 50), amount(2, '30101', 30), amount(4, '303', 99), amount(5, '30101', 10)];
    mendCodesByOrder(text, new Set(), () => true);
    expect(text[3]!.flags).toEqual([]);
  });

  it('never moves a code the catalog knows to one it does not: the 项 of a misread 款 stay as read, for the 款 to be mended', () => {
    // 20805 read 20803: its 项 2080504 and 2080506 would fit under it as 2080304 and 2080306, codes no catalog has
    const rows = [amount(1, '208', 100), amount(2, '20803', 100), amount(3, '2080504', 60), amount(4, '2080506', 40)];
    mendCodesByOrder(rows, new Set([6]), (c) => ['208', '20805', '2080504', '2080505', '2080506'].includes(c));
    expect(rows.map((r) => r.code)).toEqual(['208', '20803', '2080504', '2080506']);
  });
});
