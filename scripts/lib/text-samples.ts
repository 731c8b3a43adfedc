/**
 * Reports that arrive already converted: the same kinds of tables as the PDF samples, written as
 * tab-separated text, markdown pipe tables and HTML, with conversion artefacts on purpose.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpectedRecord } from './expected-record.ts';
import { expectedFen, toJsonl } from './expected-record.ts';

type Col = { role: 'code' | 'label' | 'skip' } | { role: 'measure'; measure: string; side?: 'income' | 'expenditure' };

function expectedOf(table: string, unit: string, columns: Col[][], rows: string[][], groups: number[]): ExpectedRecord[] {
  const out: ExpectedRecord[] = [];
  for (const row of rows) {
    let c = 0;
    groups.forEach((width, g) => {
      const cols = columns[g]!;
      const cells = row.slice(c, c + width);
      c += width;
      const code = cells.filter((_, i) => cols[i]!.role === 'code').filter((t) => t !== '').join('') || null;
      const labelAt = cols.findIndex((x) => x.role === 'label');
      const label = labelAt >= 0 ? cells[labelAt]!.replace(/\s+/g, '') || null : null;
      cols.forEach((col, i) => {
        if (col.role !== 'measure' || cells[i] === '' || cells[i] === undefined) return;
        out.push({ table, page: null, side: col.side ?? null, code: col.side ? null : code, label, measure: col.measure, printed: cells[i]!, unit, amount_fen: expectedFen(cells[i]!, unit) });
      });
    });
  }
  return out;
}

const jsonl = toJsonl;

/** A 决算 as tab-separated text: TOC with tabs, a table continued after a page footer, split codes. */
function finalTxt(dir: string): void {
  const summaryHeader = ['收入\t\t\t支出\t\t', '项目\t行次\t金额\t项目\t行次\t金额', '栏次\t\t1\t栏次\t\t2'];
  const summaryRows1 = [
    ['一、一般公共预算财政拨款收入', '1', '1,467.16', '一、卫生健康支出', '32', '1,358.08'],
    ['二、其他收入', '2', '0.73', '二、社会保障和就业支出', '33', '76.21'],
  ];
  const summaryRows2 = [
    ['', '3', '', '三、住房保障支出', '34', '33.60'],
    ['本年收入合计', '4', '1,467.89', '本年支出合计', '35', '1,467.89'],
    ['总计', '5', '1,467.89', '总计', '36', '1,467.89'],
  ];
  const expCols: Col[] = [{ role: 'code' }, { role: 'code' }, { role: 'code' }, { role: 'label' }, { role: 'measure', measure: 'total' }, { role: 'measure', measure: 'basic' }, { role: 'measure', measure: 'project' }];
  const expRows = [
    ['', '', '', '合计', '1,467.89', '971.50', '496.39'],
    ['208', '', '', '社会保障和就业支出', '76.21', '76.21', ''],
    ['208', '05', '', '行政事业单位养老支出', '76.21', '76.21', ''],
    ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '76.21', '76.21', ''],
    ['210', '', '', '卫生健康支出', '1,358.08', '861.69', '496.39'],
    ['210', '15', '', '医疗保障管理事务', '1,358.08', '861.69', '496.39'],
    ['210', '15', '01', '行政运行', '752.29', '649.99', '102.30'],
    ['210', '15', '02', '一般行政管理事务', '605.79', '211.70', '394.09'],
    ['221', '', '', '住房保障支出', '33.60', '33.60', ''],
    ['221', '02', '', '住房改革支出', '33.60', '33.60', ''],
    ['221', '02', '01', '住房公积金', '33.60', '33.60', ''],
  ];
  // conversion artefacts: a stray space in one amount, full-width digits in another
  const printedRows = expRows.map((r) => [...r]);
  printedRows[6]![5] = '649. 99';
  printedRows[10]![4] = '３３.６０';
  const text = [
    '2022年度',
    '示例市医疗保障局部门决算',
    '',
    '目 录',
    '第一部分 部门概况\t1',
    '一、部门职责\t1',
    '第二部分 部门决算表\t3',
    '第三部分 部门决算情况说明\t8',
    '',
    '第一部分 部门概况',
    '一、部门职责',
    '负责全市医疗保障工作。',
    '第二部分 部门决算表',
    '收入支出决算总表',
    '公开01表',
    '部门：示例市医疗保障局',
    '金额单位：万元',
    ...summaryHeader,
    ...summaryRows1.map((r) => r.join('\t')),
    '注：表格中单元格空白表示数据为零。',
    '- 4 -',
    '收入支出决算总表',
    '公开01表',
    '部门：示例市医疗保障局',
    '金额单位：万元',
    ...summaryHeader,
    ...summaryRows2.map((r) => r.join('\t')),
    '',
    '支出决算表',
    '公开03表',
    '部门：示例市医疗保障局',
    '金额单位：万元',
    '项目\t\t\t\t本年支出合计\t基本支出\t项目支出',
    '功能分类科目编码\t\t\t科目名称\t\t\t',
    '类\t款\t项\t\t\t\t',
    ...printedRows.map((r) => r.join('\t')),
    '',
    '第三部分 部门决算情况说明',
    '一、收入支出决算总体情况说明',
    '本年收入合计1467.89万元，本年支出合计1467.89万元。',
    '二、一般公共预算财政拨款支出决算情况说明',
    '1、卫生健康支出(类)医疗保障管理事务(款)行政运行(项)：支出决算为752.29万元，完成预算96.92%。',
    '2、卫生健康支出（类）医疗保障管理事务（款）一般行政管理事务（项）：支出决算为605.79万元，完成预算100%。',
    // a 项 printed in no table of the report: resolved to its 款 only
    '3、社会保障和就业支出(类)其他社会保障和就业支出(款)其他社会保障和就业支出(项)：支出决算为0.03万元，完成预算100%。',
  ].join('\n');
  writeFileSync(join(dir, 'sample-final-2022.txt'), text + '\n');
  const sumCols: Col[][] = [
    [{ role: 'label' }, { role: 'skip' }, { role: 'measure', measure: 'amount', side: 'income' }],
    [{ role: 'label' }, { role: 'skip' }, { role: 'measure', measure: 'amount', side: 'expenditure' }],
  ];
  const expected = [
    ...expectedOf('final.summary', '万元', sumCols, [...summaryRows1, ...summaryRows2], [3, 3]),
    ...expectedOf('final.expenditure', '万元', [expCols], printedRows, [7]),
  ];
  writeFileSync(join(dir, 'sample-final-2022.expected.jsonl'), jsonl(expected));
}

/** A 预算 in markdown: headings with #, a pipe table with codes printed in one piece. */
function budgetMd(dir: string): void {
  const rows = [
    ['', '合计', '2,350,000.00', '1,850,000.00', '500,000.00'],
    ['205', '教育支出', '2,350,000.00', '1,850,000.00', '500,000.00'],
    ['20501', '教育管理事务', '1,850,000.00', '1,850,000.00', ''],
    ['2050101', '行政运行', '1,850,000.00', '1,850,000.00', ''],
    ['20502', '普通教育', '500,000.00', '', '500,000.00'],
    ['2050299', '其他普通教育支出', '500,000.00', '', '500,000.00'],
  ];
  const md = [
    '# 示例县教育局2025年部门预算',
    '',
    '## 第一部分 部门概况',
    '',
    '- 一、部门职责',
    '',
    '负责全县教育工作。',
    '',
    '## 第二部分 部门预算表',
    '',
    '**2025年部门支出预算总表**',
    '',
    '单位：元',
    '',
    '| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |',
    '| --- | --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'sample-budget-2025.md'), md);
  const cols: Col[] = [{ role: 'code' }, { role: 'label' }, { role: 'measure', measure: 'total' }, { role: 'measure', measure: 'basic' }, { role: 'measure', measure: 'project' }];
  writeFileSync(join(dir, 'sample-budget-2025.expected.jsonl'), jsonl(expectedOf('budget.expenditure', '元', [cols], rows, [5])));
}

/** An HTML fragment: a 三公 table whose header uses colspan and rowspan. */
function threePublicHtml(dir: string): void {
  const values = ['9.00', '6.22', '', '', '6.00', '4.22', '3.00', '2.00'];
  const html = `<html><body>
<h2>第二部分 部门决算表</h2>
<p>财政拨款“三公”经费支出决算表</p>
<p>金额单位：万元</p>
<table border="1">
<tr><td colspan="2">合计</td><td colspan="2">因公出国（境）费</td><td colspan="2">公务用车购置及运行费</td><td colspan="2">公务接待费</td></tr>
<tr><td>预算数</td><td>决算数</td><td>预算数</td><td>决算数</td><td>预算数</td><td>决算数</td><td>预算数</td><td>决算数</td></tr>
<tr>${values.map((v) => `<td>${v}</td>`).join('')}</tr>
</table>
<p>注：本部门2022年度“三公”经费决算数为6.22万元。</p>
</body></html>
`;
  writeFileSync(join(dir, 'sample-three-public-2022.html'), html);
  const measures = ['total', 'overseas', 'vehicle_total', 'reception'].flatMap((k) => [`budget.${k}`, `final.${k}`]);
  const cols: Col[] = measures.map((m) => ({ role: 'measure', measure: m }));
  writeFileSync(join(dir, 'sample-three-public-2022.expected.jsonl'), jsonl(expectedOf('final.three_public', '万元', [cols], [values], [8])));
}

/** A 绩效自评 report: prose only, three projects and the department score. */
function performanceTxt(dir: string): void {
  const text = [
    '示例县民政局2023年度部门整体支出绩效自评报告',
    '一、部门概况',
    '我单位对2023年部门整体预算支出绩效进行自评，总体得分92分。',
    '一、项目概况',
    '1.2023年“困难群众救助补助”共计120.50万元，均为本级预算。',
    '2.资金计划。年初预算150.00万元，后期根据实际情况预算调整为120.50万元。',
    '3.资金使用。截止2023年12月31日该项目资金已98.5%支出。',
    '五、评价结论及建议',
    '项目评价得分96分，达成预期指标。',
    '一、项目概况',
    '1.2023年养老服务体系建设经费共计30万元，均为本级预算。',
    '2.资金计划。年初预算30万元。实际支出28.80万元。',
    '五、评价结论及建议',
    '项目评价得分90分。',
    '一、项目概况',
    '1.县财社〔2023〕12号文件下达残疾人两项补贴资金 45万，实际支出45万元。',
    '五、评价结论及建议',
    '项目评价得分88分。',
  ].join('\n');
  writeFileSync(join(dir, 'sample-performance-2023.txt'), text + '\n');
}

/**
 * A publication split into two files, as some departments publish it: the narrative (which names
 * the body by its short name) and the tables (full name). One restated figure disagrees on purpose.
 */
export function makeSplitPublication(split: string): void {
  mkdirSync(split, { recursive: true });
  const narrative = [
    '中共示例市委宣传部2024年部门预算',
    '',
    '第一部分 部门概况',
    '一、主要职能',
    '负责全市宣传工作。',
    '',
    '第二部分 情况说明',
    '一、收支预算总体情况',
    '2024年基本支出为120.00万元，项目支出为30.00万元。',
    '',
  ].join('\n');
  writeFileSync(join(split, '示例市委宣传部2024年部门预算.txt'), narrative);
  const tables = [
    '部门：中国共产党示例市委员会宣传部',
    '2024年部门支出预算总表',
    '单位：万元',
    '科目编码\t科目名称\t合计\t基本支出\t项目支出',
    '\t合计\t155.00\t120.00\t35.00',
    '207\t文化旅游体育与传媒支出\t155.00\t120.00\t35.00',
    '',
  ].join('\n');
  writeFileSync(join(split, '示例市委宣传部2024年预算公开表格.txt'), tables);
}

export function makeTextSamples(dir: string): void {
  finalTxt(dir);
  budgetMd(dir);
  threePublicHtml(dir);
  performanceTxt(dir);
}
