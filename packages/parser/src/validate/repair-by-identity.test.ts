import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AmountRecord, ParsedDocument } from '@juesuan/model';
import { extractPdf } from '@juesuan/extractor';
import { parseDocument } from '../parse-document.ts';
import { parseAmount } from '../amounts/parse-amount.ts';
import { repairOcrByIdentity, withoutExtraDecimal } from './repair-by-identity.ts';
import { validateRecords } from './validate.ts';

const samples = join(import.meta.dirname, '..', '..', '..', '..', 'samples');
let clean: ParsedDocument;

beforeAll(async () => {
  const name = 'sample-final-2023.pdf';
  clean = parseDocument(await extractPdf(new Uint8Array(readFileSync(join(samples, name))), name));
});

const copy = () => clean.records.map((r) => ({ ...r, flags: [...r.flags] }));
const misread = (records: AmountRecord[], code: string, printed: string) => {
  const r = records.find((x) => x.table === 'final.income' && x.code === code && x.measure === 'total')!;
  r.printed = printed;
  r.amountFen = parseAmount(printed, r.unit)!.fen;
  return r;
};
const allTables = () => new Set(clean.records.map((r) => r.tableIndex));

/** A row of a one-column economic table OCR read (万元), coded 类 and 款. */
const coded = (t: number, table: string, r: number, code: string | null, printed: string, alternatives?: string[]) =>
  ({
    tableIndex: t, table, page: t, bbox: null, row: r, col: 2, side: null, panel: null, group: null,
    code, codePrinted: code, codeLevel: code ? (code.length === 3 ? 1 : 2) : null, parentCode: code && code.length > 3 ? code.slice(0, 3) : null,
    label: code ?? '合计', labelKey: code ?? '合计', parentLabel: null, measure: 'amount', unit: '万元',
    printed, amountFen: parseAmount(printed, '万元')!.fen, flags: [], ...(alternatives ? { alternatives } : {}),
  }) as unknown as AmountRecord;

describe('repairOcrByIdentity', () => {
  it('mends a digit OCR misread when one change makes every identity of the cell hold, and flags it', () => {
    const records = copy();
    const cell = misread(records, '2100101', '782.29'); // printed 752.29
    expect(repairOcrByIdentity(records, allTables())).toBe(1);
    expect(cell).toMatchObject({ printed: '752.29', amountFen: 752_290_000 });
    expect(cell.flags).toEqual(expect.arrayContaining(['repaired_by_identity', 'read_as:782.29']));
    expect(validateRecords(records).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('takes no guess the document’s digits gainsay, unless print turns the one digit into the other', () => {
    const glyphs = (best: string) => [...best].map((c) => (/\d/.test(c) ? Array.from({ length: 10 }, (_, d) => (d === Number(c) ? 0.9 : 0.1)) : null));
    // 782.29's 8 a plain 8 to the document's digits: no 752.29, the break is left for validation to report
    const plain = copy();
    const eight = misread(plain, '2100101', '782.29'); // printed 752.29
    eight.digitLikeness = glyphs('782.29');
    repairOcrByIdentity(plain, allTables());
    expect(eight.printed).toBe('782.29');
    // 448.18 read 418.18 (a fax's 4 that lost its slant): likest a 1 to the document's digits too, still mended
    const fax = copy();
    const four = misread(fax, '2100199', '418.18');
    four.digitLikeness = glyphs('418.18');
    repairOcrByIdentity(fax, allTables());
    expect(four).toMatchObject({ printed: '448.18', amountFen: 448_180_000 });
  });

  it('leaves text-layer tables alone: a misprint there is reported, not mended', () => {
    const records = copy();
    const cell = misread(records, '2100101', '782.29');
    expect(repairOcrByIdentity(records, new Set())).toBe(0);
    expect(cell.printed).toBe('782.29');
  });

  it('flags every value it changes when two misreads share identities', () => {
    const records = copy();
    misread(records, '2100101', '782.29');
    misread(records, '2100199', '448.19'); // a second break elsewhere in the same identities
    const before = records.map((r) => r.amountFen);
    repairOcrByIdentity(records, allTables());
    expect(records.filter((r, i) => r.amountFen !== before[i]).every((r) => r.flags.includes('repaired_by_identity'))).toBe(true);
  });

  it('reads the twins of a row again together: a total that repeats its one part takes the other reading of that part too', () => {
    const records = copy();
    // 行政运行 prints 752.29 as its total and its 财政拨款 (no other part): a fax read both 782.29
    const total = misread(records, '2100101', '782.29');
    const fiscal = records.find((x) => x.table === 'final.income' && x.code === '2100101' && x.measure === 'fiscal')!;
    Object.assign(fiscal, { printed: '782.29', amountFen: total.amountFen, alternatives: ['752.29'] });
    expect(repairOcrByIdentity(records, allTables())).toBe(2);
    for (const cell of [total, fiscal]) {
      expect(cell).toMatchObject({ printed: '752.29', amountFen: 752_290_000 });
      expect(cell.flags).toEqual(expect.arrayContaining(['repaired_by_identity', 'read_as:782.29']));
    }
    expect(validateRecords(records).filter((f) => f.severity === 'error')).toEqual([]);
  });

  /** A row of a one-column OCR table of a fax, by its code (or a 合计 without one). */
  const line = (table: string, row: number, code: string | null, printed: string, alternatives?: string[]) =>
    ({
      tableIndex: 9, table, page: 13, bbox: null, row, col: 2, side: null, panel: null, group: null,
      code, codePrinted: code, codeMethod: 'printed', codeScore: 1, codeLevel: null, parentCode: null, classCode: null,
      label: code ?? '合计', labelKey: code ?? '合计', parentLabel: null, context: null, measure: 'amount', printed, unit: '万元',
      amountFen: parseAmount(printed, '万元')!.fen, flags: [], ...(alternatives ? { alternatives } : {}),
    }) as AmountRecord;

  it('mends a sum only by a reading that makes that sum hold: one mending only another sum of the cell waits for that sum', () => {
    // a fax's one-column table: 221 printed 1,856.69 read .64, its one 款 read right (.64 its other reading), a 项 under it 1,235.41 read .11
    const row = (r: number, code: string | null, printed: string, alternatives?: string[]) =>
      ({
        tableIndex: 4, table: 'budget.fiscal_expenditure', page: 5, bbox: null, row: r, col: 2, side: null, panel: null, group: null,
        code, codePrinted: code, label: code ?? '合计', labelKey: code ?? '合计', parentLabel: null, measure: 'total', unit: '万元',
        printed, amountFen: parseAmount(printed, '万元')!.fen, flags: [], ...(alternatives ? { alternatives } : {}),
      }) as unknown as AmountRecord;
    const records = [
      row(1, null, '2,856.69'), row(2, '201', '1,000.00'), row(3, '20101', '1,000.00'),
      row(4, '221', '1,856.64', ['1,856.69']), row(5, '22102', '1,856.69', ['1,856.64']), row(6, '2210201', '621.28'), row(7, '2210202', '1,235.11'),
    ];
    repairOcrByIdentity(records, new Set([4]));
    // 22102's other reading mends 221 = 22102 but not 22102 = Σ 项: taken there, the 款 and then the 合计 would follow the misread 类
    expect(records.map((r) => r.printed)).toEqual(['2,856.69', '1,000.00', '1,000.00', '1,856.69', '1,856.69', '621.28', '1,235.11']);
    expect(records[3]!.flags).toContain('repaired_by_identity');
  });

  it('mends one figure misread alike in three tables together, the part tables linked to the whole where their totals agree', () => {
    // a fax's 其他交通费用 468.37 read 168.37 in the 财政拨款, 一般公共预算 and 机关运行经费 tables; only one read 468.37 again
    const basic = (t: number, table: string, alternatives?: string[]) => [
      coded(t, table, 1, null, '600.00'), coded(t, table, 2, '302', '600.00'), coded(t, table, 3, '30201', '131.63'), coded(t, table, 4, '30239', '168.37', alternatives),
    ];
    // the one reading made in the 机关运行经费 table, two links from the 财政拨款 one
    const records = [...basic(1, 'budget.fiscal_basic'), ...basic(2, 'budget.gpb_basic'), ...basic(3, 'budget.agency_operation', ['468.37']).slice(1)];
    repairOcrByIdentity(records, new Set([1, 2, 3]));
    const items = records.filter((r) => r.code === '30239');
    expect(items.map((r) => r.printed)).toEqual(['468.37', '468.37', '468.37']);
    expect(items.every((r) => r.flags.includes('repaired_by_identity') && r.flags.includes('read_as:168.37'))).toBe(true);
  });

  it('takes no reading that leaves a sum holding to the cent only within rounding: there the reading is the misread', () => {
    // 奖励金 1.04 read right in the 财政拨款 table (its other reading 1.01), read 1.01 in the 一般公共预算 one
    const basic = (t: number, table: string, last: string, alternatives?: string[]) => [
      coded(t, table, 1, null, '1,052.83'), coded(t, table, 2, '303', '1,052.83'), coded(t, table, 3, '30301', '428.51'), coded(t, table, 4, '30302', '623.28'), coded(t, table, 5, '30309', last, alternatives),
    ];
    const records = [...basic(1, 'budget.fiscal_basic', '1.04', ['1.01']), ...basic(2, 'budget.gpb_basic', '1.01')];
    repairOcrByIdentity(records, new Set([1, 2]));
    expect(records.filter((r) => r.code === '30309').map((r) => r.printed)).toEqual(['1.04', '1.04']);
  });

  it('drops the decimal too many of an amount read with three (448.718 for 448.18), the one guess that makes its sum exact', () => {
    const records = copy();
    const cell = misread(records, '2100199', '448.718');
    repairOcrByIdentity(records, allTables());
    // 448.188, a digit changed, holds the sum within rounding too; the table's sums all hold to the cent, so the exact one is taken
    expect(cell).toMatchObject({ printed: '448.18', amountFen: 448_180_000 });
    expect(cell.flags).toEqual(expect.arrayContaining(['repaired_by_identity', 'read_as:448.718']));
    expect(withoutExtraDecimal('219.149')).toEqual(['219.49', '219.19', '219.14']);
    expect(withoutExtraDecimal('219.49')).toEqual([]);
  });

  it('guesses the one digit that makes a sum exact over one that leaves it a cent off, where the table rounds nowhere', () => {
    const records = copy();
    const cell = misread(records, '208', '140.05'); // printed 140.00: 140.01 would hold its sums within rounding too
    repairOcrByIdentity(records, allTables());
    expect(cell).toMatchObject({ printed: '140.00', amountFen: 140_000_000 });
  });

  it('takes the one-digit change that mends two sums over readings of the image that mend one each', () => {
    // a fax's 一般公共预算支出表: 22102 read 1,716.51 for 4,716.51 (its 4 lost a stroke); 221 and an item read right
    const fn = (row: number, code: string, printed: string, alternatives?: string[]) => line('budget.gpb_expenditure', row, code, printed, alternatives);
    const records = [fn(15, '221', '4,716.51', ['1,716.51']), fn(16, '22102', '1,716.51'), fn(17, '2210201', '1,398.26'), fn(18, '2210202', '3,318.25', ['318.25'])];
    expect(repairOcrByIdentity(records, new Set([9]))).toBe(1);
    expect(records.map((r) => r.printed)).toEqual(['4,716.51', '4,716.51', '1,398.26', '3,318.25']);
    expect(records[1]!.flags).toEqual(['repaired_by_identity', 'read_as:1,716.51']);
  });

  it('takes the repair another table’s print of the line says over a reading of the image that says nothing more', () => {
    // a fax's 财政拨款支出表: 2040501 read 15,857.61 for 14,857.61, and a tight crop of 2040504's 1,833.30 lost its 1
    const fn = (row: number, code: string, printed: string, alternatives?: string[]) => line('budget.fiscal_expenditure', row, code, printed, alternatives);
    const fiscal = () => [fn(3, '20405', '26,200.88'), fn(4, '2040501', '15,857.61', ['11,857.61']), fn(5, '2040502', '6,049.97'), fn(6, '2040503', '1,600.00'), fn(7, '2040504', '1,833.30', ['833.30']), fn(8, '2040505', '950.00'), fn(9, '2040599', '910.00')];
    const alone = fiscal();
    repairOcrByIdentity(alone, new Set([9]));
    expect(alone[4]).toMatchObject({ printed: '833.30' }); // the image's reading, with nothing to say otherwise
    // the 一般公共预算支出表 prints the same lines, read apart: 2040501 there is 14,857.61
    const gpb = [line('budget.gpb_expenditure', 4, '2040501', '14,857.61'), line('budget.gpb_expenditure', 7, '2040504', '1,833.30')].map((r) => ({ ...r, tableIndex: 10 }));
    const both = [...fiscal(), ...gpb];
    expect(repairOcrByIdentity(both, new Set([9, 10]))).toBe(1);
    expect(both.slice(0, 7).map((r) => r.printed)).toEqual(['26,200.88', '14,857.61', '6,049.97', '1,600.00', '1,833.30', '950.00', '910.00']);
    expect(both[1]!.flags).toEqual(['repaired_by_identity', 'read_as:15,857.61']);
  });

  it('guesses no digit of a total while a sum under it still fails: the misread lies there', () => {
    // 302 read 110.00 for 140.00 and its item 30202 70.00 for 40.00: 合计 240.00 → 210.00 would mend 合计 = Σ 类 alone
    const ec = (row: number, code: string | null, printed: string) => line('budget.gpb_basic', row, code, printed);
    const records = [ec(1, null, '240.00'), ec(2, '301', '100.00'), ec(3, '30101', '100.00'), ec(4, '302', '110.00'), ec(5, '30201', '100.00'), ec(6, '30202', '70.00')];
    repairOcrByIdentity(records, new Set([9]));
    expect(records[0]).toMatchObject({ printed: '240.00', flags: [] });
  });

  it('guesses only a digit the cell’s glyph is nearly as like as the digit read, where the document’s digits saw the cell', () => {
    // a fax's 20805 = Σ its items broken by 300.00: 418.37 read 118.37 (its 4 lost the slant), but 371.92 → 671.92 would mend it as well
    const fn = (row: number, code: string, printed: string) => line('budget.gpb_expenditure', row, code, printed);
    const sum = () => [fn(8, '20805', '1,836.22'), fn(9, '2080501', '371.92'), fn(10, '2080505', '1,045.93'), fn(11, '2080506', '118.37')];
    const undecided = sum();
    repairOcrByIdentity(undecided, new Set([9]));
    expect(undecided.map((r) => r.printed)).toEqual(['1,836.22', '371.92', '1,045.93', '118.37']);
    // each glyph's likeness to 0–9 (as a fax's document digits saw them): 371.92's 3 is a plain 3; 118.37's first glyph as like a 4 as a 1
    const likeness = (best: Record<number, number>) => Array.from({ length: 10 }, (_, d) => best[d] ?? 0.2);
    const seen = sum();
    seen[0]!.digitLikeness = [likeness({ 1: 0.95 }), null, likeness({ 8: 0.91, 3: 0.53 }), likeness({ 3: 0.91 }), likeness({ 6: 0.86 }), null, likeness({ 2: 0.88 }), likeness({ 2: 0.91 })];
    seen[1]!.digitLikeness = [likeness({ 3: 0.78, 8: 0.46 }), likeness({ 7: 0.93 }), likeness({ 1: 0.86 }), null, likeness({ 9: 0.83 }), likeness({ 2: 0.82 })];
    seen[2]!.digitLikeness = [likeness({ 1: 0.89 }), null, likeness({ 0: 0.92, 9: 0.65 }), likeness({ 4: 0.88 }), likeness({ 5: 0.9 }), null, likeness({ 9: 0.9 }), likeness({ 3: 0.87 })];
    seen[3]!.digitLikeness = [likeness({ 4: 0.65, 1: 0.65 }), likeness({ 1: 0.95 }), likeness({ 8: 0.87 }), null, likeness({ 3: 0.91 }), likeness({ 7: 0.83 })];
    expect(repairOcrByIdentity(seen, new Set([9]))).toBe(1);
    expect(seen.map((r) => r.printed)).toEqual(['1,836.22', '371.92', '1,045.93', '418.37']);
    expect(seen[3]!.flags).toEqual(['repaired_by_identity', 'read_as:118.37']);
  });

  it('takes the reading OCR found on the image again over one-digit guesses, keeping what it first read', () => {
    const records = copy();
    const cell = misread(records, '2100101', '2.29'); // printed 752.29: a dropped digit, no one-digit change mends it
    cell.alternatives = ['762.29', '752.29', '75.229'];
    expect(repairOcrByIdentity(records, allTables())).toBe(1);
    expect(cell).toMatchObject({ printed: '752.29', amountFen: 752_290_000 });
    expect(cell.flags).toEqual(expect.arrayContaining(['repaired_by_identity', 'read_as:2.29']));
    expect(validateRecords(records).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('mends two misread digits from the digits the other readings found, one each', () => {
    const records = copy();
    const cell = misread(records, '2100101', '152.20'); // printed 752.29: the 7 and the last 9 misread
    cell.alternatives = ['752.20', '152.29'];
    expect(repairOcrByIdentity(records, allTables())).toBe(1);
    expect(cell).toMatchObject({ printed: '752.29', amountFen: 752_290_000 });
    expect(cell.flags).toEqual(expect.arrayContaining(['repaired_by_identity', 'read_as:152.20']));
  });

  it('flags a value read more than one way that no identity confirms, and trusts one an identity confirms', () => {
    const records = copy();
    const confirmed = records.find((x) => x.table === 'final.income' && x.code === '2100101' && x.measure === 'total')!;
    confirmed.alternatives = ['782.29'];
    const alone = records.find((x) => x.table === 'final.income' && x.code === '2100101' && x.measure !== 'total')!;
    alone.alternatives = ['1.00'];
    alone.printed = '9.99';
    alone.amountFen = parseAmount('9.99', alone.unit)!.fen; // breaks its identities: none confirms it, none mends it
    repairOcrByIdentity(records, allTables());
    expect(confirmed.flags).not.toContain('low_confidence');
    expect(alone.flags).toContain('low_confidence');
  });

  it('flags a value whose other reading the identity it is part of would take as well (a last digit within the rounding)', () => {
    const records = copy();
    const cell = records.find((x) => x.table === 'final.income' && x.code === '2100101' && x.measure === 'total')!;
    const lastDigitOff = cell.printed.replace(/\d$/, (d) => String(d === '9' ? 8 : Number(d) + 1));
    cell.alternatives = [lastDigitOff]; // a sum holds within a cent a summand: this reading fits it too
    repairOcrByIdentity(records, allTables());
    expect(cell.flags).toContain('low_confidence');
    expect(validateRecords(records).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('takes another reading of the image that makes a sum a cent off hold to the cent, where the table rounds nowhere else', () => {
    const records = copy();
    const cell = misread(records, '2100101', '752.30'); // printed 752.29: heavy print's 9 read 0, within the rounding
    cell.alternatives = ['752.29'];
    expect(repairOcrByIdentity(records, allTables())).toBe(1);
    expect(cell).toMatchObject({ printed: '752.29', amountFen: 752_290_000 });
    expect(cell.flags).toEqual(expect.arrayContaining(['repaired_by_identity', 'read_as:752.30']));
  });

  it('leaves a sum a cent off as read where the table rounds elsewhere too, or where the image gave no other reading', () => {
    const records = copy();
    const cell = misread(records, '2100101', '752.30');
    expect(repairOcrByIdentity(records, allTables())).toBe(0);
    cell.alternatives = ['752.29'];
    misread(records, '2210201', '127.43'); // another sum a cent off, sharing no cell: this table rounds
    expect(repairOcrByIdentity(records, allTables())).toBe(0);
    expect(cell.printed).toBe('752.30');
  });
});
