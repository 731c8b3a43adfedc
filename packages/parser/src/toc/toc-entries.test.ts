import { describe, expect, it } from 'vitest';
import { numberedTocTitles } from './toc-entries.ts';

const line = (text: string) => ({ text, bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, fontSize: 10, inTable: false });

describe('numberedTocTitles', () => {
  it('lists the numbered entries of the 目录 pages, a wrapped entry joined, page references left off', () => {
    const pages = [
      { number: 2, isTableOfContents: true, lines: ['目录', '第一部分部门概况', '十、2018年度某部门政府性基金预算财政拨款支出预', '算表', '表4 一般公共预算支出表……12'].map(line) },
      { number: 3, isTableOfContents: false, lines: ['一、主要职能'].map(line) },
    ];
    expect(numberedTocTitles({ pages } as never)).toEqual([
      { number: '第一部分', title: '第一部分部门概况' },
      { number: '十、', title: '十、2018年度某部门政府性基金预算财政拨款支出预算表' },
      { number: '表4', title: '表4一般公共预算支出表' },
    ]);
  });
});
