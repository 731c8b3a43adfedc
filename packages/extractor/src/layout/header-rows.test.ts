import { describe, expect, it } from 'vitest';
import { countHeaderRows, detectPanels, repeatsHeader } from './header-rows.ts';

const rows = (...texts: string[][]) => texts.map((row) => new Map(row.map((t, c) => [c, t])));

describe('countHeaderRows', () => {
  it('ends the header at the first row holding an amount, with its point or grouped by commas', () => {
    expect(countHeaderRows(rows(['项目名称', '金额'], ['收入总计', '33,172.15'], ['一般公共预算资金', '33,172.15']))).toBe(1);
    // OCR lost the point of the total (33,172.15 read 33,17215): still a number, no header's
    expect(countHeaderRows(rows(['项目名称', '金额'], ['收入总计', '33,17215'], ['一般公共预算资金', '33,172.15']))).toBe(1);
    // amounts in 元 printed without decimals
    expect(countHeaderRows(rows(['项目', '预算数'], ['收入总计', '371,514,655']))).toBe(1);
    // a year or a column number is no amount
    expect(countHeaderRows(rows(['2018年', '预算数'], ['栏次', '1'], ['收入总计', '12.00']))).toBe(2);
  });

  it('keeps in the header a heading OCR read as a code (2026年 read 20264) over a row of column names', () => {
    const header = [['支出项目类别', '', '20264'], ['', '总计', '财政拨款'], ['', '', '一般公共预算拨款']];
    expect(countHeaderRows(rows(...header, ['深圳市卫生健康委员会', '124,216.99', '124,105.03']))).toBe(3);
    // a code row of the data, with its amounts or over more data, starts the data
    expect(countHeaderRows(rows(['科目编码', '科目名称', '合计'], ['201', '', ''], ['20101', '人大事务', '12.00']))).toBe(1);
    expect(countHeaderRows(rows(['科目编码', '科目名称', '合计'], ['2010101', '行政运行', '12.00']))).toBe(1);
    // over one text alone (a label's second line), a code row starts the data
    expect(countHeaderRows(rows(['科目编码', '科目名称', '合计'], ['2010101', '', ''], ['', '行政运行', ''], ['', '', '12.00']))).toBe(1);
  });
});

describe('repeatsHeader', () => {
  // 深圳's 收支预算总表 on its third page: 项目 | 2026年预算数 printed again, the year read as a code
  const header = rows(['收入', '', '支出', ''], ['柯日', '2026年预算数', '项“目', '2026年预算数']);
  it('takes a row holding a text of the first page’s header, and no amount, for the header again', () => {
    expect(repeatsHeader(rows(['项 目', '2026', '', '20264'])[0]!, header)).toBe(true);
  });
  it('takes no data row for it: amounts beside, or no text the header has', () => {
    expect(repeatsHeader(rows(['项目', '', '其他卫生健康支出', '82,736.05'])[0]!, header)).toBe(false);
    expect(repeatsHeader(rows(['', '', '2101101', '行政单位医疗'])[0]!, header)).toBe(false);
  });
});

describe('detectPanels', () => {
  it('parts a table where a header word repeats at a fixed step (项目 金额 | 项目 金额)', () => {
    expect(detectPanels(rows(['项目', '金额', '项目', '金额']), 4)).toEqual([
      { index: 0, colStart: 0, colEnd: 1 },
      { index: 1, colStart: 2, colEnd: 3 },
    ]);
  });

  it('takes no stroke OCR read as a mark for a repeated word: a blurred 科目编码 read 【 | 目编口 | 【 is one table', () => {
    expect(detectPanels(rows(['项目', '', '', '', '本年收入合计', '财政拨款收入'], ['【', '目编口', '【']), 11)).toEqual([]);
  });
});
