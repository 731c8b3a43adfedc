import type { AmountRecord } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import { restoreNumberingByOrder } from './ocr-numbering.ts';

/** A row of the expenditure side of an OCR 财政拨款收支总表 (a fax's), two amount columns. */
const rows = (labels: Record<number, string>, tableIndex = 3): AmountRecord[] =>
  Object.entries(labels).flatMap(([row, label]) =>
    ['total', 'gpb'].map(
      (measure) =>
        ({
          tableIndex, table: 'budget.fiscal_summary', page: 14, bbox: null, row: Number(row), col: measure === 'total' ? 3 : 4, side: 'expenditure', panel: null, group: null,
          code: null, codePrinted: null, codeMethod: null, codeScore: null, codeLevel: null, parentCode: null, classCode: null,
          label, labelKey: label, parentLabel: null, context: null, measure, printed: '1.00', unit: '元', amountFen: 100, flags: [],
        }) as unknown as AmountRecord,
    ),
  );
const labels = (records: AmountRecord[]) => [...new Set(records.map((r) => r.label))];

describe('restoreNumberingByOrder', () => {
  it('numbers the items whose mark OCR misread or lost by their places among the marks it read', () => {
    const records = rows({ 2: '“,舫公共服务支出', 3: '科学技术支出', 4: '井、社会保障和就业支出', 5: '四、卫生健康支出', 6: '止、资源勘探工业信息等支出', 7: '六、商业服务业等支出', 8: 'E、住房保障支出', 14: '支出总计' });
    restoreNumberingByOrder(records, new Set([3]));
    expect(labels(records)).toEqual(['一、舫公共服务支出', '二、科学技术支出', '三、社会保障和就业支出', '四、卫生健康支出', '五、资源勘探工业信息等支出', '六、商业服务业等支出', '七、住房保障支出', '支出总计']);
    const third = records.find((r) => r.row === 4)!;
    expect(third).toMatchObject({ labelKey: '社会保障和就业支出', flags: ['label_read:井、社会保障和就业支出'] });
    expect(records.find((r) => r.row === 5)!.flags).toEqual([]);
  });

  it('leaves rows alone where the marks read disagree on the places, or are too few, and in text tables', () => {
    // 二、 under 一、 with a row between: that row is no item of the same level
    const apart = rows({ 2: '一、基本支出', 3: '人员经费', 4: '二、项目支出' });
    restoreNumberingByOrder(apart, new Set([3]));
    expect(labels(apart)).toEqual(['一、基本支出', '人员经费', '二、项目支出']);
    const one = rows({ 2: '一、基本支出', 3: '井、项目支出' });
    restoreNumberingByOrder(one, new Set([3]));
    expect(labels(one)).toEqual(['一、基本支出', '井、项目支出']);
    const text = rows({ 2: '一、基本支出', 3: '井、项目支出', 4: '三、事业单位经营支出' });
    restoreNumberingByOrder(text, new Set());
    expect(labels(text)).toEqual(['一、基本支出', '井、项目支出', '三、事业单位经营支出']);
  });

  it('numbers by the first row read 一、 where every row is marked and a later mark lost a stroke (二 read 一)', () => {
    const records = rows({ 3: '一、基木支出', 4: '一、顽日支出', 5: '“、单俨顶用机动绅费', 6: '支出合计' });
    restoreNumberingByOrder(records, new Set([3]));
    expect(labels(records)).toEqual(['一、基木支出', '一、顽日支出', '三、单俨顶用机动绅费', '支出合计']);
    // a row with no mark between: it may be of another level, so the disagreeing marks leave the run alone
    const apart = rows({ 3: '一、基本支出', 4: '一、项目支出', 5: '人员经费', 6: '“、经营支出' });
    restoreNumberingByOrder(apart, new Set([3]));
    expect(labels(apart)).toEqual(['一、基本支出', '一、项目支出', '人员经费', '“、经营支出']);
  });

  it('numbers by the place most read marks agree on, three at least and more than twice the rest (三 read 二), the misread mark left as read', () => {
    const records = rows({ 2: '"、·-般公共服务支出', 3: '.-、科学技术支出', 4: '二、社会保障和就业支出', 5: '四、卫生健康支出', 6: 'i、资源勘探工业信息等支出', 7: '六、商业服务业等支出', 8: '七、住房保障支出', 14: '支出总计' });
    restoreNumberingByOrder(records, new Set([3]));
    expect(labels(records)).toEqual(['一、·-般公共服务支出', '二、科学技术支出', '二、社会保障和就业支出', '四、卫生健康支出', '五、资源勘探工业信息等支出', '六、商业服务业等支出', '七、住房保障支出', '支出总计']);
    expect(records.find((r) => r.row === 6)!.flags).toEqual(['label_read:i、资源勘探工业信息等支出']);
    // two marks in place against one elsewhere: no place is sure
    const split = rows({ 2: '二、基本支出', 3: '井、项目支出', 4: '三、事业单位经营支出', 5: '四、对附属单位补助支出' });
    restoreNumberingByOrder(split, new Set([3]));
    expect(labels(split)).toEqual(['二、基本支出', '井、项目支出', '三、事业单位经营支出', '四、对附属单位补助支出']);
  });

  it('numbers a row printed with no mark only between marked ones: one after the last may be a sub-item printed unmarked', () => {
    const records = rows({ 2: '一、一般公共服务支出', 3: '二、教育支出', 4: '住房改革支出' });
    restoreNumberingByOrder(records, new Set([3]));
    expect(labels(records)).toEqual(['一、一般公共服务支出', '二、教育支出', '住房改革支出']);
  });

  it('takes a sub-item (（一）, 1., 其中) or a total as the end of a run of items', () => {
    const records = rows({ 2: '一、基本支出', 3: '（一）人员经费', 4: '二、项目支出', 5: '止、经营支出' });
    restoreNumberingByOrder(records, new Set([3]));
    expect(labels(records)).toEqual(['一、基本支出', '（一）人员经费', '二、项目支出', '止、经营支出']);
  });
});
