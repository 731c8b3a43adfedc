import { describe, expect, it } from 'vitest';
import { DEPARTMENT_LINE, HEADING_LEVELS, HEADING_NUMBERING, findUnit, isAccountCode, isBareTotalLabel, startsDataLabel, isLineNumbering, isNumberingRow, isPageFooter, isTotalLabel, labelKey, NOTE_LINE, PART_HEADING, startsItem, TABLE_DESCRIPTION, TABLE_NUMBER, TITLE_END } from './vocabulary.ts';

describe('findUnit', () => {
  it('reads the unit line in its usual forms', () => {
    expect(findUnit('单位：万元')).toBe('万元');
    expect(findUnit('金额单位:元')).toBe('元');
    expect(findUnit('编制部门：示例县教育局 单位：元')).toBe('元');
  });

  it('tolerates an OCR misreading of 单 before 位 and a colon, and nothing looser', () => {
    expect(findUnit('十位:万元')).toBe('万元');
    expect(findUnit('万元')).toBeNull();
    expect(findUnit('项目支出为30万元')).toBeNull();
  });
});

describe('isPageFooter', () => {
  it('knows page furniture from content', () => {
    expect(['12', '- 12 -', '第 3 页', '3/20'].every(isPageFooter)).toBe(true);
    expect(isPageFooter('合计 12')).toBe(false);
  });
});

describe('startsItem', () => {
  it('knows the numbering that opens an item of its own', () => {
    expect(['二、一般公共服务', '1.行政运行', '3、其他', '（一）基本支出', '(2) 项目'].every(startsItem)).toBe(true);
    expect(['一般公共服务', '2021年', '12.50', '一二'].some(startsItem)).toBe(false);
  });
});

describe('isLineNumbering', () => {
  it('knows a 栏次 or 行次 cell, spaced or not, and nothing that merely contains it', () => {
    expect(['栏次', '行 次', ' 栏次 '].every(isLineNumbering)).toBe(true);
    expect(['栏次说明', '1', '项目'].some(isLineNumbering)).toBe(false);
  });
});

describe('isTotalLabel', () => {
  it('knows total rows by their label', () => {
    expect(['合计', '总 计', '小计', '人员经费合计', '一、合计', '1.合计', '合计（万元）', '本年收入合计'].every(isTotalLabel)).toBe(true);
    expect(['一般公共服务支出', '本年收入合计说明', '统计事务', '1.5'].some(isTotalLabel)).toBe(false);
  });
});

describe('the lines that describe a table', () => {
  it('reads titles, numbers, department, part and note lines', () => {
    expect(TITLE_END.test('部门收支总表')).toBe(true);
    expect(TITLE_END.test('一般公共预算支出预算表（功能科目）')).toBe(true);
    expect(TITLE_END.test('表中数据说明')).toBe(false);
    expect(TABLE_NUMBER.exec('公开 01 表')?.[1]).toBe('公开 01 表');
    expect(TABLE_NUMBER.exec('附表3-1 收入表')?.[1]).toBe('附表3-1');
    expect(DEPARTMENT_LINE.exec('编制部门：示例县教育局')?.[1]).toBe('示例县教育局');
    expect(PART_HEADING.test('第二部分 部门预算表')).toBe(true);
    expect(NOTE_LINE.test('注：本表无数据')).toBe(true);
    expect(NOTE_LINE.test('注意事项')).toBe(false);
    expect(['收入支出决算总表', '单位：万元', '公开02表', '编制单位：某局', '第一部分 概况'].every((t) => TABLE_DESCRIPTION.test(t))).toBe(true);
    expect(TABLE_DESCRIPTION.test('一般公共服务支出 12.00')).toBe(false);
  });
});

describe('isBareTotalLabel', () => {
  it('knows a label that is a total and nothing more', () => {
    expect(['合计', '一、合计', '人员经费合计', '总计 '].every(isBareTotalLabel)).toBe(true);
    expect(['合计（万元）', '一般公共预算财政拨款支出合计', '本年收入合计说明'].some(isBareTotalLabel)).toBe(false);
  });
});

describe('startsDataLabel', () => {
  it('knows the numbering that only a data row opens with, not a numbered group heading', () => {
    expect(['一、一般公共服务', '1.行政运行', '2、其他'].every(startsDataLabel)).toBe(true);
    expect(['（一）基本支出', '一.收入', '项目'].some(startsDataLabel)).toBe(false);
  });
});

describe('rows and codes', () => {
  it('knows a row that numbers the columns, not one of data', () => {
    expect(isNumberingRow(['栏次', '1', '2', '3'])).toBe(true);
    expect(isNumberingRow(['', '1', ' 2 '])).toBe(true);
    expect(isNumberingRow(['栏次'])).toBe(false);
    expect(isNumberingRow(['合计', '1', '2'])).toBe(false);
    expect(isNumberingRow([])).toBe(false);
  });

  it('knows 类, 款 and 项 codes by their 3, 5 or 7 digits', () => {
    expect(['201', '20101', '2010101', '201 01'].every(isAccountCode)).toBe(true);
    expect(['20', '2010', '201010', '20101011', '12.00'].some(isAccountCode)).toBe(false);
  });

  it('keys a label without its spaces and numbering', () => {
    expect(labelKey('（一） 行政 运行')).toBe('行政运行');
    expect(labelKey('1.5万元以下')).toBe('1.5万元以下');
  });
});

describe('heading numbering', () => {
  it('knows each level once: 第一部分, 一、, （一）, 1., （1）, and not an amount or a year', () => {
    expect(HEADING_LEVELS.map((h) => h.level)).toEqual([1, 2, 3, 4, 5]);
    expect(['第一部分 部门概况', '二、收入预算', '（三）支出', '1.财政拨款', '(2)其他'].every((t) => HEADING_NUMBERING.test(t))).toBe(true);
    expect(['1.5万元', '2024年', '目录', '合计'].some((t) => HEADING_NUMBERING.test(t))).toBe(false);
  });
});
