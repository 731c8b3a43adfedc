import { describe, expect, it } from 'vitest';
import { extractText } from '@juesuan/extractor';
import type { ExtractedDocument } from '@juesuan/model';
import { parseDocument } from '../parse-document.ts';

const sha = '0'.repeat(64);

/** A converted table marked as read by OCR, every cell sure of itself. */
function asOcr(doc: ExtractedDocument): ExtractedDocument {
  for (const t of doc.tables) for (const c of t.cells) Object.assign(c, { source: 'ocr', confidence: 0.95 });
  return doc;
}

const md = (title: string, rows: string[]) =>
  ['# 示例县财政局2025年部门预算', title, '单位：元', '| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');

describe('a document read by OCR', () => {
  it('names a table whose title has a confusable character, and sets a misread label to its code’s name', () => {
    const doc = asOcr(extractText(md('2025年一股公共预算支出功能分类预算衣', ['| 201 | 一般公共服务支出 | 300.00 | 200.00 | 100.00 |', '| 20103 | 政府办公厅（室）及相关机构事务 | 300.00 | 200.00 | 100.00 |', '| 2010301 | 行政远行 | 300.00 | 200.00 | 100.00 |']), 'budget.md', sha, 'md'));
    const parsed = parseDocument(doc);
    expect(parsed.tables[0]!.kind).toBe('budget.gpb_expenditure');
    const r = parsed.records.find((x) => x.code === '2010301' && x.measure === 'total')!;
    expect(r.label).toBe('行政运行');
    expect(r.flags).toContain('label_read:行政远行');
  });

  it('takes a lone digit read in a code cell (a speck read as 2) as no code, what was read kept beside the row', () => {
    const rows = ['| 201 | 一般公共服务支出 | 300.00 | 200.00 | 100.00 |', '| 20103 | 政府办公厅（室）及相关机构事务 | 300.00 | 200.00 | 100.00 |', '| 2010301 | 行政运行 | 300.00 | 200.00 | 100.00 |', '| 2 | . | 480.66 | 480.66 | 0.00 |'];
    const parsed = parseDocument(asOcr(extractText(md('2025年部门支出预算总表', rows), 'budget.md', sha, 'md')));
    const r = parsed.records.find((x) => x.printed === '480.66' && x.measure === 'total')!;
    expect(r.code).toBeNull();
    expect(r.flags).toContain('code_read:2');
    expect(parsed.records.some((x) => x.code === '2')).toBe(false);
  });

  it('says so when an amount cell was read with digits but as no amount, instead of dropping it unseen', () => {
    const rows = ['| 201 | 一般公共服务支出 | 300.00 | 2O0.0O | 100.00 |', '| 20103 | 政府办公厅（室）及相关机构事务 | 300.00 | 200.00 | 100.00 |', '| 2010301 | 行政运行 | 300.00 | 200.00 | 100.00 |'];
    const parsed = parseDocument(asOcr(extractText(md('2025年部门支出预算总表', rows), 'budget.md', sha, 'md')));
    expect(parsed.records.filter((x) => x.code === '201').map((x) => x.measure)).toEqual(['total', 'project']);
    expect(parsed.findings.find((f) => f.rule === 'ocr.unreadable_amount')?.cells[0]?.printed).toBe('2O0.0O');
  });

  it('says so when an amount cell was read as Chinese the recogniser was unsure of, and not when it was sure', () => {
    const rows = ['| 201 | 一般公共服务支出 | 300.00 | 月腾奶 | 100.00 |', '| 20103 | 政府办公厅（室）及相关机构事务 | 300.00 | 200.00 | 100.00 |', '| 2010301 | 行政运行 | 300.00 | 200.00 | 详见说明 |'];
    const doc = asOcr(extractText(md('2025年部门支出预算总表', rows), 'budget.md', sha, 'md'));
    for (const c of doc.tables[0]!.cells) if (c.text === '月腾奶') c.confidence = 0.53;
    const unread = parseDocument(doc).findings.filter((f) => f.rule === 'ocr.unreadable_amount');
    expect(unread.map((f) => f.cells[0]?.printed)).toEqual(['月腾奶']);
  });

  it('keeps the amount of a row whose name cells are printed over it and the row above, and reads 绅济科目 as 经济科目', () => {
    const rows = ['| 合计 |  |  |  |  | 470.00 |', '|  | 物业管理费 | 物业管理费 |  |  | 470.00 |', '|  |  |  | 物业管理服务 | 部门集中采购 | 430.00 |', '|  |  |  | 其他服务 | 分散自行组织 | 40.00 |'];
    for (const heading of ['绅济科目', '纬济科目']) {
      const text = ['# 示例县财政局2025年部门预算', '2025年政府采购预算表', '单位：万元', `| 采购品目大类 | 专项名称 | ${heading} | 采购物品名称 | 采购组织形式 | 总计 |`, '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
      const doc = asOcr(extractText(text, 'budget.md', sha, 'md'));
      // the scan's grid: the first three columns' cells of the last two rows are one cell each
      const t = doc.tables[0]!;
      t.cells = t.cells.filter((c) => !(c.row === 4 && c.col < 3)).map((c) => (c.row === 3 && c.col < 3 ? { ...c, rowSpan: 2 } : c));
      const parsed = parseDocument(doc);
      expect(parsed.records.map((r) => r.printed)).toEqual(['470.00', '470.00', '430.00', '40.00']);
    }
  });

  it('takes the other reading OCR made of a code cell when the first is no code and that one is a catalog code', () => {
    const rows = ['| 201 | 一般公共服务支出 | 300.00 | 200.00 | 100.00 |', '| 20103 | 政府办公厅（室）及相关机构事务 | 300.00 | 200.00 | 100.00 |', '| 2010399 | 共他政府办公厅事务支出 | 300.00 | 200.00 | 100.00 |'];
    const doc = asOcr(extractText(md('2025年部门支出预算总表', rows), 'budget.md', sha, 'md'));
    const code = doc.tables[0]!.cells.find((c) => c.text === '2010399')!;
    Object.assign(code, { text: '20103499', alternatives: ['2010399'] });
    const r = parseDocument(doc).records.find((x) => x.measure === 'total' && x.row === code.row)!;
    expect(r).toMatchObject({ code: '2010399' });
    expect(r.flags).toContain('code_read:20103499');
  });

  it('flags an amount read with a zero before its digits (072.56 for 572.56), which no report prints, even read sure', () => {
    const rows = ['| 201 | 一般公共服务支出 | 300.00 | 200.00 | 100.00 |', '| 20103 | 政府办公厅（室）及相关机构事务 | 300.00 | 200.00 | 100.00 |', '| 2010301 | 行政运行 | 300.00 | 200.00 | 00.00 |'];
    const parsed = parseDocument(asOcr(extractText(md('2025年部门支出预算总表', rows), 'budget.md', sha, 'md')));
    const flagged = parsed.records.filter((x) => x.flags.includes('low_confidence')).map((x) => x.printed);
    expect(flagged).toEqual(['00.00']);
  });

  it('carries a procurement context whose heading was misread (经济科月 for 经济科目) down its rows', () => {
    const rows = ['| 合计 |  |  |  |  | 318.00 |', '| 一、货物A |  |  |  |  | 318.00 |', '|  | 办公设备购置费 | 办公设备购置 |  |  | 318.00 |', '|  |  |  | 台式计算机 | 分散自行组织 | 18.00 |', '|  |  |  | 复印机 | 分散自行组织 | 300.00 |'];
    const text = ['# 示例县财政局2025年部门预算', '2025年政府采购预算表', '单位：万元', '| 采购品目大类 | 专项名称 | 经济科月 | 采购物品名称 | 采购组织形式 | 总计 |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
    const parsed = parseDocument(asOcr(extractText(text, 'budget.md', sha, 'md')));
    expect(parsed.tables[0]!.kind).toBe('budget.procurement');
    const copier = parsed.records.find((x) => x.printed === '300.00' && x.label === '复印机');
    expect(copier?.context).toMatchObject({ level: 'item', econ_item: '办公设备购置', method: '分散自行组织' });
  });

  it('names a column whose heading has a confusable character (金频 for 金额) in a table read by OCR, and only there', () => {
    const text = ['# 示例县财政局2025年部门预算', '2025年部门收入预算表', '单位：元', '| 项目 | 金频 |', '| --- | --- |', '| 一、一般公共预算拨款收入 | 300.00 |', '| 二、事业收入 | 100.00 |', '| 收入合计 | 400.00 |'].join('\n');
    const read = parseDocument(asOcr(extractText(text, 'budget.md', sha, 'md')));
    expect(read.records.map((x) => x.measure)).toEqual(['amount', 'amount', 'amount']);
    const printed = parseDocument(extractText(text, 'budget.md', sha, 'md'));
    expect(printed.records[0]!.measure).toBe('col:金频');
  });

  it('takes a column of nested account codes under a misread heading for codes, not amounts, in a table read by OCR', () => {
    // a fax read 科目编码 as 合计 over the codes of an empty template
    const text = ['# 示例县财政局2024年部门决算', '2024年支出决算表', '单位：万元', '| 合计 | 科目名称 | 本年支出合计 | 基本支出 |', '| --- | --- | --- | --- |', '| 205 | 教育支出 | 3.00 | 3.00 |', '| 20502 | 普通教育 | 3.00 | 3.00 |', '| 2050201 | 学前教育 | 1.00 | 1.00 |', '| 2050202 | 小学教育 | 2.00 | 2.00 |'].join('\n');
    const read = parseDocument(asOcr(extractText(text, 'final.md', sha, 'md')));
    expect(read.records.filter((r) => r.printed === '2050201')).toEqual([]);
    expect(read.records.filter((r) => r.measure === 'total').map((r) => r.code)).toEqual(['205', '20502', '2050201', '2050202']);
    // a text layer prints the heading it means: its whole numbers stay what the heading says
    const printed = parseDocument(extractText(text, 'final.md', sha, 'md'));
    expect(printed.records.some((r) => r.printed === '2050201')).toBe(true);
  });
});
