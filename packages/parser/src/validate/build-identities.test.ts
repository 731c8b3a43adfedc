import type { AmountRecord } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../amounts/parse-amount.ts';
import { buildIdentities } from './build-identities.ts';
import { repairOcrByIdentity } from './repair-by-identity.ts';

/** An expenditure row of a two-group 财政拨款收支总表 as OCR read it (a fax of 江苏省政协's): 万元. */
const row = (row: number, label: string, printed: string, group: string | null, alternatives?: string[]): AmountRecord =>
  ({
    tableIndex: 4, table: 'budget.fiscal_summary', page: 4, bbox: null, row, col: 3, side: 'expenditure', panel: null, group,
    code: null, label, labelKey: label.replace(/^[一二三四五六七八九十]+、/, ''), parentLabel: null, measure: 'amount', printed, unit: '万元',
    amountFen: parseAmount(printed, '万元')!.fen, flags: [] as string[], ...(alternatives ? { alternatives } : {}),
  }) as unknown as AmountRecord;

const faxed = (projectRead = '4,968.34', alternatives?: string[], total = '13,297.11') => [
  row(3, '基术支出', '6,442.75', 'purpose'), // 一、基本支出, its numbering lost
  row(4, '一、顽厂支出', projectRead, 'purpose', alternatives), // 二、项目支出, 二 read as 一
  row(5, '三、单位预留机动经费', '1,886.02', 'purpose'),
  row(6, '支出合计', total, null),
];
/** The same with a total misread too: no rows fit it, so only their numbering says which are items. */
const unfitting = () => faxed(undefined, undefined, '13,000.00');
const items = (records: AmountRecord[], ocrTables?: Set<number>) =>
  buildIdentities(records, ocrTables).filter((i) => i.rule === 'two_sided.subtotal').map((i) => i.summands.map((s) => s.label));

describe('two-sided items read by OCR', () => {
  it('keeps a row of a two-group summary whose numbering OCR lost among the items', () => {
    expect(items(faxed(), new Set([4]))).toEqual([['基术支出', '一、顽厂支出', '三、单位预留机动经费']]);
    // a text layer prints the numbering it means: an un-numbered row there is no item of its own
    expect(items(faxed())).toEqual([['一、顽厂支出', '三、单位预留机动经费']]);
  });

  it('still leaves out sub-items, totals and rows of no group (income sources print sub-items un-numbered)', () => {
    const records = [...unfitting(), row(5, '其中：公用经费', '100.00', 'purpose'), row(5, '机动经费小计', '1,886.02', 'purpose')];
    expect(items(records, new Set([4]))).toEqual([['基术支出', '一、顽厂支出', '三、单位预留机动经费']]);
    const ungrouped = unfitting().map((r) => ({ ...r, group: null }));
    expect(items(ungrouped, new Set([4]))).toEqual([['一、顽厂支出', '三、单位预留机动经费']]);
  });

  it('takes no row without numbering in a group that numbers sub-items too: its level is unknown', () => {
    const records = [...unfitting(), row(5, '（一）公用经费', '100.00', 'purpose')];
    expect(items(records, new Set([4]))).toEqual([['一、顽厂支出', '三、单位预留机动经费']]);
  });

  it('takes the one set of left-out rows that makes the sum hold: items whose numbering OCR misread (三、 read 2、, 十八、 read 1八、)', () => {
    const misnumbered = [row(3, '一、基本支出', '6,442.75', null), row(4, '二、项目支出', '4,968.34', null), row(5, '2、单位预留机动经费', '1,886.02', null), row(6, '支出合计', '13,297.11', null)];
    expect(items(misnumbered, new Set([4]))).toEqual([['一、基本支出', '二、项目支出', '2、单位预留机动经费']]);
    // a text layer prints the numbering it means
    expect(items(misnumbered)).toEqual([['一、基本支出', '二、项目支出']]);
  });

  it('takes no sub-item (it would count its parent twice), and nothing where two sets fit', () => {
    const income = (n: number, label: string, printed: string) => ({ ...row(n, label, printed, null), side: 'income' as const });
    const sources = [income(3, '一、财政拨款', '13,297.11'), income(4, '1.一般公共预算', '13,297.11'), income(5, '-:、其他资金', '80.00'), income(6, '当年收入小计', '13,377.11'), income(7, '收入合计', '13,377.11')];
    expect(items(sources, new Set([4]))).toEqual([['一、财政拨款', '-:、其他资金']]);
    const twice = [row(3, '一、基本支出', '6,442.75', null), row(4, '1二、项目支出', '100.00', null), row(5, '1三、其他支出', '100.00', null), row(6, '支出合计', '6,542.75', null)];
    expect(items(twice, new Set([4]))).toEqual([['一、基本支出']]);
  });

  it('mends the sum with the reading that makes it hold to the cent, not the one a rounding cent off', () => {
    const records = faxed('1,968.34', ['1,968.31', '4,968.31']); // 4,968.34: two 4s read as 1s
    expect(repairOcrByIdentity(records, new Set([4]))).toBe(1);
    expect(records[1]).toMatchObject({ printed: '4,968.34', flags: expect.arrayContaining(['repaired_by_identity', 'read_as:1,968.34']) });
  });

  it('leaves it undecided in a table where a sum holds only within rounding: there a cent off may be printed', () => {
    const income = (n: number, label: string, printed: string) => ({ ...row(n, label, printed, null), side: 'income' as const });
    const records = [...faxed('1,968.34', ['1,968.31', '4,968.31']), income(3, '一、一般公共预算', '13,297.10'), income(6, '收入合计', '13,297.11')];
    expect(repairOcrByIdentity(records, new Set([4]))).toBe(0);
    expect(records[1]!.printed).toBe('1,968.34');
  });

  it('mends a sum two misread cells break with the one pair of their other readings that makes it hold', () => {
    const records = faxed();
    Object.assign(records[0]!, row(3, '基术支出', '6,452.75', 'purpose', ['6,442.75'])); // 4 read 5
    Object.assign(records[2]!, row(5, '三、单位预留机动经费', '1,986.02', 'purpose', ['1,886.02'])); // 8 read 9: neither reading alone mends the sum
    expect(repairOcrByIdentity(records, new Set([4]))).toBe(2);
    expect(records.map((r) => r.printed)).toEqual(['6,442.75', '4,968.34', '1,886.02', '13,297.11']);
    expect(records[2]!.flags).toEqual(expect.arrayContaining(['repaired_by_identity', 'read_as:1,986.02']));
  });

  it('leaves a sum two misread cells break when two pairs of readings would mend it', () => {
    const records = faxed('4,968.34', ['4,868.34']);
    Object.assign(records[0]!, row(3, '基术支出', '6,452.75', 'purpose', ['6,442.75']));
    Object.assign(records[2]!, row(5, '三、单位预留机动经费', '1,986.02', 'purpose', ['1,886.02']));
    expect(repairOcrByIdentity(records, new Set([4]))).toBe(0);
    expect(records.map((r) => r.printed)).toEqual(['6,452.75', '4,968.34', '1,986.02', '13,297.11']);
  });

  it('seeks no pair among more than three cells read more than one way: there a pair holds by chance as often', () => {
    const records = faxed('4,968.34', ['4,000.00']);
    Object.assign(records[0]!, row(3, '基术支出', '6,452.75', 'purpose', ['6,442.75']));
    Object.assign(records[2]!, row(5, '三、单位预留机动经费', '1,986.02', 'purpose', ['1,886.02']));
    records[3]!.alternatives = ['13,297.71'];
    expect(repairOcrByIdentity(records, new Set([4]))).toBe(0);
    expect(records.map((r) => r.printed)).toEqual(['6,452.75', '4,968.34', '1,986.02', '13,297.11']);
  });

  /** A fax's three misreads in one sum, each cell also read by the document's own digits (`digitsRead`, among its alternatives). */
  const threeMisread = (projectByDigits: string) => {
    const records = faxed('1,968.31', [projectByDigits, '1,908.31']);
    records[1]!.digitsRead = projectByDigits;
    Object.assign(records[0]!, row(3, '基术支出', '6,112.75', 'purpose', ['6,442.75', '6,142.75']), { digitsRead: '6,442.75' });
    Object.assign(records[2]!, row(5, '三、单位预留机动经费', '1,886.62', 'purpose', ['1,886.02']), { digitsRead: '1,886.02' });
    return records;
  };

  it('mends a sum three misread cells break with the document digits’ readings of them, taken together', () => {
    const records = threeMisread('4,968.34');
    expect(repairOcrByIdentity(records, new Set([4]))).toBe(3);
    expect(records.map((r) => r.printed)).toEqual(['6,442.75', '4,968.34', '1,886.02', '13,297.11']);
    expect(records[0]!.flags).toEqual(expect.arrayContaining(['repaired_by_identity', 'read_as:6,112.75']));
  });

  it('mends nothing by the document’s digits when their readings do not make the sum hold', () => {
    const records = threeMisread('4,988.34'); // the digits misread one cell too
    expect(repairOcrByIdentity(records, new Set([4]))).toBe(0);
    expect(records.map((r) => r.printed)).toEqual(['6,112.75', '1,968.31', '1,886.62', '13,297.11']);
  });

  /** Three misreads of one sum, each with the right reading among the image's others, none read by the document's digits. */
  const threeReadOtherwise = () => {
    const records = faxed('1,968.31', ['4,968.34', '1,908.31']);
    Object.assign(records[0]!, row(3, '基术支出', '6,112.75', 'purpose', ['6,442.75', '6,142.75']));
    Object.assign(records[2]!, row(5, '三、单位预留机动经费', '1,886.62', 'purpose', ['1,886.02']));
    return records;
  };

  it('mends a sum three misread cells break with the one triple of their other readings that makes it hold', () => {
    const records = threeReadOtherwise();
    expect(repairOcrByIdentity(records, new Set([4]))).toBe(3);
    expect(records.map((r) => r.printed)).toEqual(['6,442.75', '4,968.34', '1,886.02', '13,297.11']);
    expect(records[2]!.flags).toEqual(expect.arrayContaining(['repaired_by_identity', 'read_as:1,886.62']));
  });

  it('leaves a sum three misread cells break when two triples would mend it', () => {
    const records = threeReadOtherwise();
    records[0]!.alternatives!.push('6,442.85');
    records[2]!.alternatives!.push('1,885.92');
    expect(repairOcrByIdentity(records, new Set([4]))).toBe(0);
    expect(records.map((r) => r.printed)).toEqual(['6,112.75', '1,968.31', '1,886.62', '13,297.11']);
  });

  it('mends nothing when two readings hold to the cent alike', () => {
    const records = faxed('1,968.34', ['4,968.34']);
    records[0]!.alternatives = ['9,442.75'];
    expect(repairOcrByIdentity(records, new Set([4]))).toBe(0);
  });
});

describe('a two-sided table’s numbered sub-items', () => {
  const income = (r: number, label: string, printed: string, alternatives?: string[]) => ({ ...row(r, label, printed, null, alternatives), side: 'income' as const, col: 1 }) as AmountRecord;
  const sums = (records: AmountRecord[]) => buildIdentities(records).filter((i) => i.rule === 'two_sided.sub_items').map((i) => [i.target.label, ...i.summands.map((s) => s.label)]);

  it('adds up to the item above them, a blank one counting nought, and no further than a 1. that opens the next item’s', () => {
    const records = [
      income(3, '一、财政拨款', '21,940.96'), income(4, '1.一般公共预算', '21,900.00'), income(6, '3.国有资本经营预算', '40.96'),
      income(8, '1.事业收入', '14.39'), income(9, '三、其他资金', '14.39'),
    ];
    // 2.政府性基金 is blank; 二、财政专户 is blank too, and its 1.事业收入 is not 一's
    expect(sums(records)).toEqual([['一、财政拨款', '1.一般公共预算', '3.国有资本经营预算']]);
    // an item OCR read as a sub-item (三、 read 2、) opens no sum
    expect(sums([income(3, '二、财政专户', '21,940.96'), income(4, '2、其他资金', '14.39')])).toEqual([]);
  });

  it('mends a sub-item OCR misread with the one reading that makes its item hold', () => {
    const records = [income(3, '一、财政拨款', '21,940.96'), income(4, '1.一般公共预算', '2,910.96', ['21,910.96', '21,940.96']), income(7, '三、其他资金', '14.39')];
    expect(repairOcrByIdentity(records, new Set([4]))).toBe(1);
    expect(records[1]).toMatchObject({ printed: '21,940.96', flags: expect.arrayContaining(['repaired_by_identity']) });
  });

  it('mends an item and its one sub-item misread alike together, where the image gave each that reading', () => {
    // 21,941.96 read 21,910.96 twice: two digits off, so no one-digit guess mends it
    const spent = [row(3, '一、基本支出', '21,956.35', null), row(6, '支出合计', '21,956.35', null)];
    const records = (subAlternatives: string[]) => [
      income(3, '一、财政拨款', '21,910.96', ['21,941.96']), income(4, '1.一般公共预算', '21,910.96', subAlternatives),
      income(5, '三、其他资金', '14.39'), income(6, '收入合计', '21,956.35'), ...spent,
    ];
    const alike = records(['21,941.96']);
    expect(repairOcrByIdentity(alike, new Set([4]))).toBe(2);
    expect(alike.slice(0, 2).map((r) => r.printed)).toEqual(['21,941.96', '21,941.96']);
    // the sub-item read no other way: the item alone would break their sum, and nothing changes
    const once = records(['21,919.96']);
    expect(repairOcrByIdentity(once, new Set([4]))).toBe(0);
  });
});

describe('a side that numbers no item', () => {
  const income = (r: number, label: string, printed: string) => ({ ...row(r, label, printed, null), side: 'income' as const, col: 1 }) as AmountRecord;

  it('is the one row above its total (一、一般公共预算 read 一舫公共颂算): a one-digit misread of it is mended', () => {
    // the 收入合计 balances the 支出合计, whose items hold: the misread is the row's
    const spent = [row(3, '一、基本支出', '13,979.92', null), row(4, '二、项目支出', '5,573.00', null), row(5, '三、单位预留机动经费', '2,388.04', null), row(6, '支出合计', '21,940.96', null)];
    const records = [income(3, '一舫公共颂算', '21,940.46'), income(6, '收入合计', '21,940.96'), ...spent];
    expect(items(records, new Set([4]))).toContainEqual(['一舫公共颂算']);
    expect(repairOcrByIdentity(records, new Set([4]))).toBe(1);
    expect(records[0]).toMatchObject({ printed: '21,940.96', flags: expect.arrayContaining(['repaired_by_identity', 'read_as:21,940.46']) });
  });

  it('has no items when it prints two such rows, or its one row is a 其中', () => {
    expect(items([income(3, '一舫公共颂算', '21,900.00'), income(4, '其他收入', '40.96'), income(6, '收入合计', '21,940.96')], new Set([4]))).toEqual([]);
    expect(items([income(3, '其中：一般公共预算', '21,940.96'), income(6, '收入合计', '21,940.96')], new Set([4]))).toEqual([]);
  });
});

describe('a two-sided table that prints no 总计', () => {
  const totals = (family: 'budget' | 'final') =>
    [row(6, '支出合计', '13,297.11', null), { ...row(6, '收入合计', '13,297.11', null), side: 'income' as const, col: 1 }].map((r) => ({ ...r, table: `${family}.fiscal_summary` }) as AmountRecord);
  const balances = (records: AmountRecord[]) => buildIdentities(records).filter((i) => i.rule === 'two_sided.balance').map((i) => [i.target.label, i.summands[0]!.label]);

  it('balances at its 合计 in a budget: a budget plans every yuan it takes in', () => {
    expect(balances(totals('budget'))).toEqual([['收入合计', '支出合计']]);
  });

  it('does not in a 决算: its year’s income and spending differ by the year’s balance', () => {
    expect(balances(totals('final'))).toEqual([]);
  });
});

describe('a budget’s 财政拨款 summary against its 财政拨款支出表', () => {
  const spent = (family: 'budget' | 'final', label = '支出合计') => [
    { ...row(6, label, '13,297.11', null), table: `${family}.fiscal_summary` } as AmountRecord,
    { ...row(2, '合计', '13,297.11', null), tableIndex: 6, table: `${family}.fiscal_expenditure`, side: null } as AmountRecord,
  ];
  const links = (records: AmountRecord[], ocrTables?: Set<number>) => buildIdentities(records, ocrTables).filter((i) => i.rule === 'across.fiscal_total').map((i) => [i.target.table, i.summands[0]!.table]);

  it('links the summary’s 支出合计 to the table’s 合计 in a budget, and in a 决算 not', () => {
    expect(links(spent('budget'))).toEqual([['budget.fiscal_summary', 'budget.fiscal_expenditure']]);
    expect(links(spent('final'))).toEqual([]);
  });

  it('finds a 支出合计 misread by look-alikes only in a table OCR read', () => {
    expect(links(spent('budget', '支出台计'), new Set([4, 6]))).toHaveLength(1);
    expect(links(spent('budget', '支出台计'))).toEqual([]);
  });
});

describe('across tables, read by OCR', () => {
  const rec = (tableIndex: number, table: string, label: string | null, measure: string, printed: string): AmountRecord =>
    ({
      tableIndex, table, page: 1, bbox: null, row: 1, col: 1, side: null, panel: null, group: null, code: null, label, labelKey: label,
      parentLabel: null, measure, printed, unit: '万元', amountFen: parseAmount(printed, '万元')!.fen, flags: [] as string[],
    }) as unknown as AmountRecord;
  const records = () => [
    rec(1, 'final.gpb_expenditure', '合计', 'basic', '5,364.75'),
    rec(2, 'final.gpb_basic', '人员绎费吏计', 'amount', '4,884.09'),
    rec(2, 'final.gpb_basic', '公用绅费合计', 'amount', '180.66'),
  ];
  const across = (ocr: Set<number>) => buildIdentities(records(), ocr).filter((i) => i.rule === 'across.gpb_basic').map((i) => i.summands.map((s) => s.printed));

  it('finds the 基本支出 table’s personnel and public totals under labels misread by look-alikes, only in tables OCR read', () => {
    expect(across(new Set([1, 2]))).toEqual([['4,884.09', '180.66']]);
    expect(across(new Set())).toEqual([]);
  });
});

describe('a part table’s rows against its whole’s', () => {
  const rec = (tableIndex: number, table: string, code: string | null, printed: string): AmountRecord =>
    ({
      tableIndex, table, page: tableIndex, bbox: null, row: 1, col: 2, side: null, panel: null, group: null, code, label: code ?? '合计', labelKey: code ?? '合计',
      parentLabel: null, measure: 'amount', printed, unit: '万元', amountFen: parseAmount(printed, '万元')!.fen, flags: [] as string[],
    }) as unknown as AmountRecord;
  const tables = (agencyClass: string, gpbTotal: string) => [
    rec(1, 'budget.fiscal_basic', null, '300.00'), rec(1, 'budget.fiscal_basic', '301', '200.00'), rec(1, 'budget.fiscal_basic', '30101', '200.00'),
    rec(1, 'budget.fiscal_basic', '302', '100.00'), rec(1, 'budget.fiscal_basic', '30201', '100.00'),
    rec(2, 'budget.gpb_basic', null, gpbTotal), rec(2, 'budget.gpb_basic', '301', '200.00'), rec(2, 'budget.gpb_basic', '30101', '200.00'),
    rec(2, 'budget.gpb_basic', '302', '100.00'), rec(2, 'budget.gpb_basic', '30201', '100.00'),
    rec(3, 'budget.agency_operation', '302', agencyClass), rec(3, 'budget.agency_operation', '30201', '80.00'),
  ];
  const links = (records: AmountRecord[]) => buildIdentities(records, new Set()).filter((i) => i.rule === 'across.part_rows').map((i) => [i.target.table, i.target.code, i.exact]);

  it('links every code of a part table to the whole’s where their totals agree, and a 类’s codes where that 类 agrees', () => {
    expect(links(tables('100.00', '300.00'))).toEqual([
      ['budget.gpb_basic', '30101', true],
      ['budget.gpb_basic', '30201', true],
      ['budget.agency_operation', '30201', true],
    ]);
  });

  it('links no code of a 类 or table whose amount differs from the whole’s: the whole holds money the part does not', () => {
    // the 机关运行经费 302 is 80 of the basic table's 100; the basic tables' totals differ, their 类 agree
    expect(links(tables('80.00', '250.00'))).toEqual([
      ['budget.gpb_basic', '30101', true],
      ['budget.gpb_basic', '30201', true],
    ]);
  });
});
