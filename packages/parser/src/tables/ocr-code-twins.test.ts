import type { AmountRecord } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/catalog.ts';
import { mendCodesByTwins } from './ocr-code-twins.ts';

const catalogs = { functional: loadCatalog('functional', 2024), economic: loadCatalog('economic', 2024) };

/** A line of a 财政拨款支出表 (table 1) or of the 一般公共预算支出表 (table 2) printing the same lines, in 万元. */
const line = (tableIndex: number, row: number, code: string, label: string, wan: number): AmountRecord =>
  ({
    tableIndex, table: 'budget.gpb_expenditure', page: tableIndex * 10, bbox: null, row, col: 2, side: null, panel: null, group: null,
    code, codePrinted: null, codeMethod: 'printed', codeScore: 1, codeLevel: code.length === 3 ? 1 : code.length === 5 ? 2 : 3, parentCode: null,
    classCode: null, label, labelKey: label, parentLabel: null, context: null, measure: 'amount', printed: String(wan), unit: '万元', amountFen: wan * 1_000_000, flags: [],
  }) as AmountRecord;

/** 省检察院's lines: 204 公共安全支出, 20404 检察 and its 项, 208 with 20805 and its 项 (2080504, a code of 2018 the catalog no longer has). */
const lines = (table: number, codes: Record<string, string> = {}, labels: Record<string, string> = {}) =>
  [
    ['204', '公共安全支出', 16444.36],
    ['20404', '检察', 16444.36],
    ['2040401', '行政运行', 10883.36],
    ['2040405', '公诉、审判、侦查、执行等检察监督支出', 1895],
    ['208', '社会保障和就业支出', 1417.85],
    ['20805', '行政事业单位养老支出', 1417.85],
    ['2080504', '未归口管理的行政单位离退休', 371.92],
    ['2080505', '机关事业单位基本养老保险缴费支出', 1045.93],
  ].map(([code, label, wan], i) => line(table, i + 1, codes[code as string] ?? (code as string), labels[code as string] ?? (label as string), wan as number));

describe('mendCodesByTwins', () => {
  it('gives a line whose code its table cannot place the code another table reads for it, where that fits', () => {
    // a fax's 4 read 1 twice: 2040405 read 2010105, under no 20101; its label garbled too
    const records = [...lines(1, { '2040405': '2010105' }, { '2040405': '公诉、审判、侦查、执行等检察监英义出' }), ...lines(2)];
    mendCodesByTwins(records, new Set([1, 2]), catalogs);
    expect(records[3]).toMatchObject({ code: '2040405', codePrinted: '2010105', parentCode: '20404', flags: ['code_read:2010105'] });
    expect(records.filter((r) => r.flags.length > 0)).toHaveLength(1);
  });

  it('gives a placed line the other code where its label names that one in the catalog and not its own', () => {
    // 2080505 read 2080503 (离退休人员管理机构) on a label of 机关事业单位基本养老保险缴费支出, misread past a near name
    const records = [...lines(1, { '2080505': '2080503' }, { '2080505': '机关事业单位基李荣考保险缴费支出' }), ...lines(2)];
    mendCodesByTwins(records, new Set([1, 2]), catalogs);
    expect(records[7]).toMatchObject({ code: '2080505', codePrinted: '2080503', flags: ['code_read:2080503'] });
  });

  it('flags both readings where each table places its own and no label tells', () => {
    // 2080504 read 2080501 in one table: both fit under 20805; the label holds 行政单位离退休, 2080501's name, but is not it
    const records = [...lines(1, { '2080504': '2080501' }, { '2080504': '木八H管理的行政单位离退休' }), ...lines(2)];
    mendCodesByTwins(records, new Set([1, 2]), catalogs);
    expect(records[6]).toMatchObject({ code: '2080501', flags: ['code_disputed'] });
    expect(records[14]).toMatchObject({ code: '2080504', flags: ['code_disputed'] });
    expect(records.filter((r) => r.flags.length > 0)).toHaveLength(2);
  });

  it('leaves lines without a twin: another amount, a code three digits off, a code printed in the table, or a text table', () => {
    const amount = [...lines(1, { '2040405': '2010105' }), ...lines(2).map((r) => (r.code === '2040405' ? { ...r, amountFen: 1 } : r))];
    mendCodesByTwins(amount, new Set([1, 2]), catalogs);
    expect(amount[3]!.code).toBe('2010105');
    const far = [...lines(1, { '2040405': '2011105' }), ...lines(2)];
    mendCodesByTwins(far, new Set([1, 2]), catalogs);
    expect(far[3]!.code).toBe('2011105');
    const text = [...lines(1, { '2040405': '2010105' }), ...lines(2)];
    mendCodesByTwins(text, new Set([2]), catalogs);
    expect(text[3]!.code).toBe('2010105');
    expect(text.every((r) => r.flags.length === 0)).toBe(true);
  });
});
