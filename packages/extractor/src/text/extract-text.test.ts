import { describe, expect, it } from 'vitest';
import { extractText } from './extract-text.ts';
import { readTextBlocks } from './text-blocks.ts';

const header = ['科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出', '栏次\t\t1\t2\t3'];

describe('readTextBlocks', () => {
  it('numbers pages by form feeds and leaves them null without', () => {
    const paged = readTextBlocks('第一部分 概况\n正文\f二、表格\na\tb\n', 'txt');
    expect(paged.map((b) => [b.type, b.page])).toEqual([
      ['line', 1],
      ['line', 1],
      ['line', 2],
      ['table', 2],
    ]);
    expect(readTextBlocks('一行\n二行\n', 'txt').every((b) => b.page === null)).toBe(true);
  });

  it('reads pipe tables without their separator row and strips markdown marks from lines', () => {
    const blocks = readTextBlocks('## **二、支出表**\n| 科目 | 金额 |\n|---|---:|\n| 行政运行 | 1.00 |\n', 'md');
    expect(blocks[0]).toEqual({ type: 'line', text: '二、支出表', page: null });
    expect(blocks[1]).toMatchObject({ type: 'table' });
    const rows = (blocks[1] as { rows: Array<Array<{ text: string }>> }).rows.map((r) => r.map((c) => c.text));
    expect(rows).toEqual([
      ['科目', '金额'],
      ['行政运行', '1.00'],
    ]);
  });

  it('keeps a TOC written with tabs as lines, not a table', () => {
    const blocks = readTextBlocks('目录\n第一部分 部门概况\t1\n一、部门职责\t1\n第二部分 情况说明\t. 3\n', 'txt');
    expect(blocks.every((b) => b.type === 'line')).toBe(true);
  });
});

describe('extractText', () => {
  it('stitches a table continued on the next form-feed page under a repeated header, pages kept', () => {
    const source = [
      '支出决算表',
      '单位：万元',
      ...header,
      '2101501\t行政运行\t10.00\t10.00\t',
      '- 5 -',
      '\f支出决算表',
      ...header,
      '2101502\t一般行政管理事务\t２.５０\t\t2.50',
      '',
    ].join('\n');
    const doc = extractText(source, 'x.txt', '0'.repeat(64), 'txt');
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.pages).toEqual([1, 2]);
    expect(t.meta.unit).toBe('万元');
    expect(t.cells.filter((c) => c.text === '栏次')).toHaveLength(1);
    const codes = t.cells.filter((c) => /^\d{7}$/.test(c.text)).map((c) => [c.text, c.page]);
    expect(codes).toEqual([
      ['2101501', 1],
      ['2101502', 2],
    ]);
    expect(doc.pageCount).toBe(2);
  });
});
