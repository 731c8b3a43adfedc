import { describe, expect, it } from 'vitest';
import { extractText } from '@juesuan/extractor';
import { parseDocument } from '../parse-document.ts';

const sha = '0'.repeat(64);

describe('parseTable on converted tables', () => {
  it('reads whole-number amounts under measure headers as amounts, not codes', () => {
    const md = [
      '# 示例县财政局2025年部门预算',
      '2025年部门支出预算总表',
      '单位：元',
      '| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |',
      '| --- | --- | --- | --- | --- |',
      '| 201 | 一般公共服务支出 | 2350000 | 1850000 | 500000 |',
      '| 20106 | 财政事务 | 2350000 | 1850000 | 500000 |',
      '| 2010601 | 行政运行 | 2350000 | 1850000 | 500000 |',
    ].join('\n');
    const parsed = parseDocument(extractText(md, 'budget.md', sha, 'md'));
    expect(parsed.tables[0]!.measures).toEqual([null, null, 'total', 'basic', 'project']);
    const r = parsed.records.find((x) => x.code === '2010601' && x.measure === 'total')!;
    expect(r).toMatchObject({ amountFen: 235_000_000, unit: '元', label: '行政运行', codeMethod: 'printed' });
    expect(parsed.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('resolves rows printed with names only through the catalog, and flags a code that does not fit its name', () => {
    const md = [
      '2024年度收入决算表',
      '单位：万元',
      '| 科目编码 | 科目名称 | 本年收入合计 | 财政拨款收入 |',
      '| --- | --- | --- | --- |',
      '|  | 卫生健康支出 | 10.00 | 10.00 |',
      '| 21599 | 行政单位医疗 | 10.00 | 10.00 |',
    ].join('\n');
    const parsed = parseDocument(extractText(md, 'final-2024.md', sha, 'md'));
    const byName = parsed.lineItems.find((i) => i.label === '卫生健康支出')!;
    expect(byName).toMatchObject({ code: '210', codeMethod: 'name_exact' });
    const misprint = parsed.findings.find((f) => f.rule === 'catalog.code_name_mismatch')!;
    expect(misprint.suggestion).toMatchObject({ printed: '21599', suggested: '2101101' });
  });

  it('checks that a budget balances by code between its income and expenditure tables', () => {
    const table = (title: string, first: string, rows: string[]) =>
      [title, '单位：元', `| 科目编码 | 科目名称 | 合计 | ${first} |`, '| --- | --- | --- | --- |', ...rows, ''].join('\n');
    const md = [
      '# 示例县财政局2025年部门预算',
      table('2025年部门收入预算总表', '财政拨款收入', ['|  | 合计 | 300.00 | 300.00 |', '| 201 | 一般公共服务支出 | 300.00 | 300.00 |']),
      table('2025年部门支出预算总表', '基本支出', ['|  | 合计 | 300.00 | 300.00 |', '| 201 | 一般公共服务支出 | 310.00 | 300.00 |']),
    ].join('\n');
    const parsed = parseDocument(extractText(md, 'budget.md', sha, 'md'));
    expect(parsed.tables.map((t) => t.kind)).toEqual(['budget.income', 'budget.expenditure']);
    expect(parsed.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toContain('across.budget_rows');
  });

  it('pads a 款 or 项 printed without its leading zero and fills the parts a layout prints only once', () => {
    const txt = [
      '2024年度支出决算表',
      '单位：万元',
      '科目编码\t\t\t科目名称\t本年支出合计\t基本支出\t项目支出',
      '类\t款\t项\t\t\t\t',
      '\t\t\t合计\t12.00\t10.00\t2.00',
      '201\t\t\t一般公共服务支出\t12.00\t10.00\t2.00',
      '\t3\t\t政府办公厅（室）及相关机构事务\t12.00\t10.00\t2.00',
      '\t\t1\t行政运行\t10.00\t10.00\t',
      '201\t03\t2\t一般行政管理事务\t2.00\t\t2.00',
      '',
    ].join('\n');
    const parsed = parseDocument(extractText(txt, 'final-2024.txt', sha, 'txt'));
    const rows = parsed.records.filter((r) => r.measure === 'total').map((r) => [r.code, r.codePrinted, r.label]);
    expect(rows).toEqual([
      [null, null, '合计'],
      ['201', null, '一般公共服务支出'],
      ['20103', '3', '政府办公厅（室）及相关机构事务'],
      ['2010301', '1', '行政运行'],
      ['2010302', '201032', '一般行政管理事务'],
    ]);
    expect(parsed.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reads a 合计 printed in the code column, with the name column blank, as the row label; never another word', () => {
    const md = [
      '2024年度一般公共预算财政拨款支出决算表',
      '单位：万元',
      '| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |',
      '| --- | --- | --- | --- | --- |',
      '| 2010301 | 行政运行 | 10.00 | 10.00 | 0.00 |',
      '| 2010302 | 一般行政管理事务 | 2.00 | 0.00 | 2.00 |',
      '| 合计 |  | 12.00 | 10.00 | 2.00 |',
      '| 其他 |  | 1.00 | 1.00 | 0.00 |',
    ].join('\n');
    const parsed = parseDocument(extractText(md, 'final-2024.md', sha, 'md'));
    const labels = parsed.records.filter((r) => r.measure === 'total').map((r) => [r.code, r.label]);
    expect(labels).toEqual([
      ['2010301', '行政运行'],
      ['2010302', '一般行政管理事务'],
      [null, '合计'],
      [null, null],
    ]);
  });

  it('takes the unit from the header when no unit line is printed', () => {
    const md = ['2024年度支出决算表', '| 科目编码 | 科目名称 | 合计（万元） |', '| --- | --- | --- |', '| 201 | 一般公共服务支出 | 12.50 |', ''].join('\n');
    const parsed = parseDocument(extractText(md, 'final-2024.md', sha, 'md'));
    expect(parsed.records[0]).toMatchObject({ unit: '万元', amountFen: 12_500_000, flags: [] });
  });
});
