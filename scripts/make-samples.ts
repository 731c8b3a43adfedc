/**
 * Writes the sample reports the tests run on into samples/: small 决算 and 预算 PDFs with the
 * layouts real reports use (ruled grid, split 类/款/项 code columns, wrapped cells, a table that
 * continues on the next page, a two-panel table, 万元 and 元), each with the records it must
 * give (`<name>.expected.jsonl`), plus broken files for the bad-input tests and hostile ones
 * (samples/hostile/) for the limits.
 *   pnpm make-samples
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { makeSplitPublication, makeTextSamples } from './lib/text-samples.ts';
import { makeProfileSamples, makeScan } from './lib/make-scans.ts';
import { makeAuditSamples } from './lib/audit-samples.ts';
import type { HeaderCell, TableSpec } from './lib/sample-pdf.ts';
import { SamplePdf, m, threePublicTable } from './lib/sample-pdf.ts';
import { makeHostileSamples } from './lib/hostile-samples.ts';

const OUT = join(import.meta.dirname, '..', 'samples');

/** 支出预算总表's header and columns: code, name, 合计, 基本支出, 项目支出. */
const expenditureColumns = (): Pick<TableSpec, 'headerRows' | 'header' | 'columns'> => ({
  headerRows: 1,
  header: [
    { r: 0, c: 0, text: '科目编码' },
    { r: 0, c: 1, text: '科目名称' },
    { r: 0, c: 2, text: '合计' },
    { r: 0, c: 3, text: '基本支出' },
    { r: 0, c: 4, text: '项目支出' },
  ],
  columns: [{ role: 'code', group: 0 }, { role: 'label', group: 0 }, m('total'), m('basic'), m('project')],
});

/** 收入决算表 in 万元 with 类/款/项 printed in three columns; the rows are each sample's own. */
const incomeTable = (): Omit<TableSpec, 'rows'> => ({
  kind: 'final.income',
  title: '收入决算表',
  unit: '万元',
  widths: [40, 40, 40, 200, 90, 90, 90],
  headerRows: 2,
  header: [
    { r: 0, c: 0, cs: 3, text: '科目编码' },
    { r: 0, c: 3, rs: 2, text: '科目名称' },
    { r: 0, c: 4, rs: 2, text: '本年收入合计' },
    { r: 0, c: 5, rs: 2, text: '财政拨款收入' },
    { r: 0, c: 6, rs: 2, text: '其他收入' },
    { r: 1, c: 0, text: '类' },
    { r: 1, c: 1, text: '款' },
    { r: 1, c: 2, text: '项' },
  ],
  columns: [{ role: 'code', group: 0 }, { role: 'code', group: 0 }, { role: 'code', group: 0 }, { role: 'label', group: 0 }, m('total'), m('fiscal'), m('other')],
});

/** A 决算 in 万元: split 类/款/项 codes, a table continued on the next page, a two-panel table. */
async function makeFinalSample(): Promise<void> {
  const s = new SamplePdf('landscape');
  s.newPage();
  s.heading('示例市示例区卫生健康委员会', 22);
  s.heading('2023年度部门决算', 22);
  s.newPage();
  s.heading('目 录', 16);
  for (const t of ['第一部分 示例市示例区卫生健康委员会概况', '一、主要职能', '第二部分 2023年度部门决算表', '第三部分 2023年度部门决算情况说明']) s.paragraph(t);
  s.newPage();
  s.heading('第一部分 示例市示例区卫生健康委员会概况');
  s.heading('一、主要职能', 12);
  s.paragraph('负责全区卫生健康工作的统筹规划和组织实施。');
  s.newPage();
  s.table({
    kind: 'final.summary',
    title: '收入支出决算总表',
    unit: '万元',
    widths: [220, 90, 220, 90],
    headerRows: 2,
    header: [
      { r: 0, c: 0, cs: 2, text: '收入' },
      { r: 0, c: 2, cs: 2, text: '支出' },
      { r: 1, c: 0, text: '项目' },
      { r: 1, c: 1, text: '决算数' },
      { r: 1, c: 2, text: '项目' },
      { r: 1, c: 3, text: '决算数' },
    ],
    columns: [
      { role: 'label', group: 0 },
      m('amount', 0, { side: 'income' }),
      { role: 'label', group: 1 },
      m('amount', 1, { side: 'expenditure' }),
    ],
    rows: [
      ['一、一般公共预算财政拨款收入', '1,460.00', '一、卫生健康支出', '1,201.11'],
      ['二、其他收入', '7.89', '二、社会保障和就业支出', '140.00'],
      ['', '', '三、住房保障支出', '127.42'],
      ['本年收入合计', '1,467.89', '本年支出合计', '1,468.53'],
      ['年初结转和结余', '10.64', '年末结转和结余', '10.00'],
      ['总计', '1,478.53', '总计', '1,478.53'],
    ],
  });
  s.newPage();
  s.table({
    ...incomeTable(),
    breakAfter: 6,
    repeatHeader: true,
    rows: [
      ['', '', '', '合计', '1,467.89', '1,460.00', '7.89'],
      ['210', '', '', '卫生健康支出', '1,200.47', '1,192.58', '7.89'],
      ['210', '01', '', '卫生健康管理事务', '1,200.47', '1,192.58', '7.89'],
      ['210', '01', '01', '行政运行', '752.29', '752.29', ''],
      ['210', '01', '99', '其他卫生健康管理事务支出', '448.18', '440.29', '7.89'],
      ['208', '', '', '社会保障和就业支出', '140.00', '140.00', ''],
      ['208', '05', '', '行政事业单位养老支出', '140.00', '140.00', ''],
      ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '140.00', '140.00', ''],
      ['221', '', '', '住房保障支出', '127.42', '127.42', ''],
      ['221', '02', '', '住房改革支出', '127.42', '127.42', ''],
      ['221', '02', '01', '住房公积金', '127.42', '127.42', ''],
    ],
  });
  s.newPage();
  s.table({
    kind: 'final.gpb_basic',
    title: '一般公共预算财政拨款基本支出决算表',
    unit: '万元',
    widths: [40, 30, 150, 80, 40, 30, 150, 80],
    headerRows: 2,
    header: [
      { r: 0, c: 0, cs: 2, text: '科目编码' },
      { r: 0, c: 2, rs: 2, text: '科目名称' },
      { r: 0, c: 3, rs: 2, text: '决算数' },
      { r: 0, c: 4, cs: 2, text: '科目编码' },
      { r: 0, c: 6, rs: 2, text: '科目名称' },
      { r: 0, c: 7, rs: 2, text: '决算数' },
      { r: 1, c: 0, text: '类' },
      { r: 1, c: 1, text: '款' },
      { r: 1, c: 4, text: '类' },
      { r: 1, c: 5, text: '款' },
    ],
    columns: [
      { role: 'code', group: 0 }, { role: 'code', group: 0 }, { role: 'label', group: 0 }, m('amount', 0, { panel: 'personnel' }),
      { role: 'code', group: 1 }, { role: 'code', group: 1 }, { role: 'label', group: 1 }, m('amount', 1, { panel: 'public' }),
    ],
    rows: [
      ['301', '', '工资福利支出', '800.00', '302', '', '商品和服务支出', '171.50'],
      ['301', '01', '基本工资', '300.00', '302', '01', '办公费', '21.50'],
      ['301', '02', '津贴补贴', '500.00', '302', '13', '维修（护）费', '150.00'],
      ['', '', '人员经费合计', '800.00', '', '', '公用经费合计', '171.50'],
    ],
  });
  s.newPage();
  s.table(threePublicTable(['9.00', '6.22', '', '', '6.00', '4.22', '3.00', '2.00'], 80));
  s.newPage();
  s.heading('第三部分 2023年度部门决算情况说明');
  s.heading('一、收入支出决算总体情况说明', 12);
  s.paragraph('本年收入合计1467.89万元，本年支出合计1468.53万元。');
  s.paragraph('1、卫生健康支出(类)卫生健康管理事务(款)行政运行(项)：支出决算为752.29万元，完成预算96.92%。');
  await s.save(join(OUT, 'sample-final-2023.pdf'));
}

/** A 预算 in 元: codes printed in one piece, wrapped name cells, a header-less continuation. */
async function makeBudgetSample(): Promise<void> {
  const s = new SamplePdf('portrait');
  s.newPage();
  s.heading('示例县教育局2025年部门预算', 20);
  s.newPage();
  s.table({
    kind: 'budget.expenditure',
    title: '2025年部门支出预算总表',
    number: '公开03表',
    department: '示例县教育局',
    note: '注：本表金额单位为元。',
    unit: '元',
    widths: [60, 130, 100, 100, 100],
    ...expenditureColumns(),
    breakAfter: 4,
    repeatHeader: false,
    rows: [
      ['', '合计', '2,350,000.00', '1,850,000.00', '500,000.00'],
      ['205', '教育支出', '2,350,000.00', '1,850,000.00', '500,000.00'],
      ['20501', '教育管理事务', '1,350,000.00', '1,350,000.00', ''],
      ['2050101', '行政运行', '1,350,000.00', '1,350,000.00', ''],
      ['20502', '普通教育', '1,000,000.00', '500,000.00', '500,000.00'],
      ['2050299', '其他普通教育支出（含学前教育和特殊教育补助资金）', '1,000,000.00', '500,000.00', '500,000.00'],
    ],
  });
  s.newPage();
  s.unruledTable({
    kind: 'budget.three_public',
    title: '2025年部门“三公”经费预算表',
    unit: '万元',
    widths: [80, 100, 120, 90, 90],
    headerTexts: ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费', '机关运行经费'],
    columns: [m('budget.total'), m('budget.overseas'), m('budget.vehicle_total'), m('budget.reception'), m('agency_operation')],
    rows: [['12.50', '0.00', '8.50', '4.00', '120.35']],
  });
  await s.save(join(OUT, 'sample-budget-2025.pdf'));
}

/**
 * Tables that end awkwardly: the final 合计 row alone on the next page (no title, no header), and
 * two amounts printed touching across a column rule.
 */
async function makeContinuationSample(): Promise<void> {
  const s = new SamplePdf('portrait');
  s.newPage();
  const rows = [
    ['302', '商品和服务支出', '1,130.74'],
    ['30201', '办公费', '110.00'],
    ['30205', '水费', '15.00'],
    ['30206', '电费', '120.00'],
    ['30211', '差旅费', '885.74'],
    ['', '合计', '1,130.74'],
  ];
  s.table({
    kind: 'budget.agency_operation',
    title: '一般公共预算机关运行经费支出预算表',
    number: '公开11表',
    department: '示例省档案局',
    unit: '万元',
    widths: [80, 200, 120],
    headerRows: 1,
    header: [
      { r: 0, c: 0, text: '科目编码' },
      { r: 0, c: 1, text: '科目名称' },
      { r: 0, c: 2, text: '机关运行经费支出' },
    ],
    columns: [{ role: 'code', group: 0 }, { role: 'label', group: 0 }, m('amount')],
    breakAfter: rows.length - 1,
    repeatHeader: false,
    rows,
  });
  s.newPage();
  s.table({
    kind: 'budget.expenditure',
    title: '支出预算总表',
    number: '公开03表',
    department: '示例省档案局',
    unit: '万元',
    widths: [60, 140, 90, 90, 90],
    ...expenditureColumns(),
    touching: [[1, 2]],
    rows: [
      ['', '合计', '12,345.67', '10,000.00', '2,345.67'],
      ['201', '一般公共服务支出', '12,345.67', '10,000.00', '2,345.67'],
      ['20126', '档案事务', '12,345.67', '10,000.00', '2,345.67'],
    ],
  });
  await s.save(join(OUT, 'continuations', 'sample-continuations-2024.pdf'));
}

/** Tables ruled one way only (lines across, or lines down inside a frame) and one with no lines at all. */
async function makePartialRulesSample(): Promise<void> {
  const dir = join(OUT, 'partial-rules');
  mkdirSync(dir, { recursive: true });
  const s = new SamplePdf('landscape');
  s.newPage();
  s.table({
    kind: 'final.income',
    title: '收入决算表',
    number: '公开02表',
    unit: '万元',
    rules: 'across',
    widths: [70, 200, 90, 90, 90, 90, 90],
    headerRows: 2,
    header: [
      { r: 0, c: 0, cs: 2, text: '项目' },
      { r: 1, c: 0, text: '科目编码' },
      { r: 1, c: 1, text: '科目名称' },
      { r: 0, c: 2, rs: 2, text: '本年收入合计' },
      { r: 0, c: 3, rs: 2, text: '财政拨款收入' },
      { r: 0, c: 4, rs: 2, text: '上级补助收入' },
      { r: 0, c: 5, rs: 2, text: '事业收入' },
      { r: 0, c: 6, rs: 2, text: '其他收入' },
    ],
    columns: [{ role: 'code', group: 0 }, { role: 'label', group: 0 }, m('total'), m('fiscal'), m('superior_subsidy'), m('business'), m('other')],
    rows: [
      ['', '合计', '512.40', '500.00', '', '', '12.40'],
      ['208', '社会保障和就业支出', '88.00', '88.00', '', '', ''],
      ['20805', '行政事业单位养老支出', '88.00', '88.00', '', '', ''],
      ['2080505', '机关事业单位基本养老保险缴费支出', '88.00', '88.00', '', '', ''],
      ['210', '卫生健康支出', '424.40', '412.00', '', '', '12.40'],
      ['21004', '公共卫生', '424.40', '412.00', '', '', '12.40'],
      ['2100401', '疾病预防控制机构', '424.40', '412.00', '', '', '12.40'],
    ],
  });
  // the same 类/款/项 rows under 合计, 基本支出 and 项目支出: two layouts, two sets of figures
  const coded = (kind: string, title: string, number: string, rules: 'down' | 'none', totalHeading: string, figures: string[][]): TableSpec => ({
    kind,
    title,
    number,
    unit: '万元',
    rules,
    widths: [70, 150, 110, 110, 110],
    headerRows: 1,
    header: ['科目编码', '科目名称', totalHeading, '基本支出', '项目支出'].map((text, c) => ({ r: 0, c, text })),
    columns: [{ role: 'code', group: 0 }, { role: 'label', group: 0 }, m('total'), m('basic'), m('project')],
    rows: [
      ['', '合计'],
      ['208', '社会保障和就业支出'],
      ['20805', '行政事业单位养老支出'],
      ['2080505', '机关事业单位基本养老保险缴费支出'],
      ['210', '卫生健康支出'],
      ['21004', '公共卫生'],
      ['2100401', '疾病预防控制机构'],
    ].map((row, k) => [...row, ...figures[k]!]),
  });
  s.newPage();
  s.table(
    coded('final.expenditure', '支出决算表', '公开03表', 'down', '本年支出合计', [
      ['512.40', '430.00', '82.40'],
      ['88.00', '88.00', ''],
      ['88.00', '88.00', ''],
      ['88.00', '88.00', ''],
      ['424.40', '342.00', '82.40'],
      ['424.40', '342.00', '82.40'],
      ['424.40', '342.00', '82.40'],
    ]),
  );
  s.newPage();
  s.table(
    coded('final.gpb_expenditure', '一般公共预算财政拨款支出决算表', '公开05表', 'none', '合计', [
      ['500.00', '418.00', '82.00'],
      ['88.00', '88.00', ''],
      ['88.00', '88.00', ''],
      ['88.00', '88.00', ''],
      ['412.00', '330.00', '82.00'],
      ['412.00', '330.00', '82.00'],
      ['412.00', '330.00', '82.00'],
    ]),
  );
  await s.save(join(dir, 'sample-partial-rules-2024.pdf'));
}

/** Wide tables printed sideways, both ways a PDF can hold them, in their own folder. */
async function makeSidewaysSample(): Promise<void> {
  const dir = join(OUT, 'sideways');
  mkdirSync(dir, { recursive: true });
  const s = new SamplePdf('portrait');
  s.newPage();
  s.heading('示例县民政局2024年度部门决算', 20);
  s.paragraph('第二部分 2024年度部门决算表');
  const header: HeaderCell[] = [
    { r: 0, c: 0, cs: 3, text: '科目编码' },
    { r: 1, c: 0, text: '类' },
    { r: 1, c: 1, text: '款' },
    { r: 1, c: 2, text: '项' },
    { r: 0, c: 3, rs: 2, text: '科目名称' },
    { r: 0, c: 4, rs: 2, text: '本年支出合计' },
    { r: 0, c: 5, rs: 2, text: '基本支出' },
    { r: 0, c: 6, rs: 2, text: '项目支出' },
  ];
  const columns = [{ role: 'code' as const, group: 0 }, { role: 'code' as const, group: 0 }, { role: 'code' as const, group: 0 }, { role: 'label' as const, group: 0 }, m('total'), m('basic'), m('project')];
  // the same split-code rows in both tables, with their own figures
  const split = (kind: string, title: string, number: string, figures: string[][]): TableSpec => ({
    kind,
    title,
    number,
    unit: '万元',
    widths: [40, 40, 40, 250, 110, 110, 110],
    headerRows: 2,
    header,
    columns,
    rows: [
      ['', '', '', '合计'],
      ['208', '', '', '社会保障和就业支出'],
      ['208', '02', '', '民政管理事务'],
      ['208', '02', '01', '行政运行'],
      ['208', '02', '99', '其他民政管理事务支出'],
      ['208', '05', '', '行政事业单位养老支出'],
      ['208', '05', '05', '机关事业单位基本养老保险缴费支出'],
    ].map((row, k) => [...row, ...figures[k]!]),
  });
  s.sidewaysPage('content');
  s.table(
    split('final.expenditure', '支出决算表', '公开03表', [
      ['310.50', '280.50', '30.00'],
      ['310.50', '280.50', '30.00'],
      ['250.00', '220.00', '30.00'],
      ['220.00', '220.00', ''],
      ['30.00', '', '30.00'],
      ['60.50', '60.50', ''],
      ['60.50', '60.50', ''],
    ]),
  );
  s.sidewaysPage('rotate');
  s.table(
    split('final.gpb_expenditure', '一般公共预算财政拨款支出决算表', '公开05表', [
      ['300.50', '270.50', '30.00'],
      ['300.50', '270.50', '30.00'],
      ['240.00', '210.00', '30.00'],
      ['210.00', '210.00', ''],
      ['30.00', '', '30.00'],
      ['60.50', '60.50', ''],
      ['60.50', '60.50', ''],
    ]),
  );
  await s.save(join(dir, 'sample-sideways-2024.pdf'));
}

/** Inputs that must fail with a clear message, in their own folder. */
/**
 * A 30-page 决算 of another district and year, for timing the browser viewer: narrative pages
 * around the tables; its codes meet sample-final-2023's, so one code can be followed across both.
 */
async function makeLongSample(): Promise<void> {
  const dir = join(OUT, 'long');
  mkdirSync(dir, { recursive: true });
  const s = new SamplePdf('landscape');
  s.newPage();
  s.heading('示例市东城区卫生健康委员会', 22);
  s.heading('2024年度部门决算', 22);
  s.heading('部门决算公开文本', 14);
  s.newPage();
  s.heading('第一部分 示例市东城区卫生健康委员会概况');
  for (let p = 0; p < 24; p++) {
    if (p > 0) s.newPage();
    s.heading(`第${p + 1}节 工作情况`, 12);
    for (let i = 0; i < 6; i++) s.paragraph('围绕全区卫生健康事业发展目标，统筹推进医疗服务、公共卫生和健康促进各项工作，持续完善基层服务体系，提升群众就医获得感。');
  }
  s.newPage();
  s.table({
    ...incomeTable(),
    rows: [
      ['', '', '', '合计', '1,580.00', '1,570.00', '10.00'],
      ['210', '', '', '卫生健康支出', '1,300.00', '1,290.00', '10.00'],
      ['210', '01', '', '卫生健康管理事务', '1,300.00', '1,290.00', '10.00'],
      ['210', '01', '01', '行政运行', '800.00', '800.00', ''],
      ['210', '01', '99', '其他卫生健康管理事务支出', '500.00', '490.00', '10.00'],
      ['208', '', '', '社会保障和就业支出', '150.00', '150.00', ''],
      ['208', '05', '', '行政事业单位养老支出', '150.00', '150.00', ''],
      ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '150.00', '150.00', ''],
      ['221', '', '', '住房保障支出', '130.00', '130.00', ''],
      ['221', '02', '', '住房改革支出', '130.00', '130.00', ''],
      ['221', '02', '01', '住房公积金', '130.00', '130.00', ''],
    ],
  });
  for (let p = 0; p < 4; p++) {
    s.newPage();
    s.heading(p === 0 ? '第三部分 2024年度部门决算情况说明' : `第三部分（续${p}）`, 12);
    for (let i = 0; i < 6; i++) s.paragraph('本部门严格执行财务管理各项规定，加强资金使用管理，确保各项支出符合规定用途。');
  }
  await s.save(join(dir, 'sample-long-final-2024.pdf'));
}

async function makeBadInputs(): Promise<void> {
  const dir = join(OUT, 'bad');
  mkdirSync(dir, { recursive: true });
  const locked = new PDFDocument({ userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' });
  const chunks: Buffer[] = [];
  locked.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((res) => locked.on('end', () => res()));
  locked.text('locked');
  locked.end();
  await done;
  writeFileSync(join(dir, 'encrypted.pdf'), Buffer.concat(chunks));
  writeFileSync(join(dir, 'zero-pages.pdf'), zeroPagePdf());
  writeFileSync(join(dir, 'not-a-pdf.pdf'), '这不是PDF文件，只是一段文字。\n');
  writeFileSync(join(dir, 'truncated.pdf'), '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa');
}

/** A well-formed PDF whose page tree is empty. */
function zeroPagePdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

mkdirSync(OUT, { recursive: true });
await makeFinalSample();
await makeBudgetSample();
await makeSidewaysSample();
await makePartialRulesSample();
mkdirSync(join(OUT, 'continuations'), { recursive: true });
await makeContinuationSample();
await makeLongSample();
await makeBadInputs();
// hostile copies of a sample (flipped font bytes, a page that throws, an image bomb, millions of operators)
mkdirSync(join(OUT, 'hostile'), { recursive: true });
makeHostileSamples(join(OUT, 'sample-final-2023.pdf'), join(OUT, 'hostile'));
mkdirSync(join(OUT, 'scanned'), { recursive: true });
await makeScan(join(OUT, 'sample-final-2023.pdf'), join(OUT, 'scanned', 'sample-final-2023.pdf'), 20231, 200, 65);
await makeScan(join(OUT, 'sample-budget-2025.pdf'), join(OUT, 'scanned', 'sample-budget-2025.pdf'), 20251, 150, 60);
// scanned as a bound report is: the wide tables lie sideways on the page images
mkdirSync(join(OUT, 'scanned', 'sideways'), { recursive: true });
await makeScan(join(OUT, 'sideways', 'sample-sideways-2024.pdf'), join(OUT, 'scanned', 'sideways', 'sample-sideways-2024.pdf'), 20241, 200, 65);
// tables ruled one way only, or not at all, scanned
mkdirSync(join(OUT, 'scanned', 'partial-rules'), { recursive: true });
await makeScan(join(OUT, 'partial-rules', 'sample-partial-rules-2024.pdf'), join(OUT, 'scanned', 'partial-rules', 'sample-partial-rules-2024.pdf'), 20242, 200, 65);
// the same sample through harsher scan profiles (a red seal, perspective, fax)
await makeProfileSamples(join(OUT, 'sample-budget-2025.pdf'), join(OUT, 'scanned', 'profiles'));
// tables ruled across only, their hairlines broken by a fax's threshold, or blurred (bold text strokes run
// together like rules); a table without lines not square on the glass; paper shaded towards an edge (uneven light)
await makeProfileSamples(join(OUT, 'partial-rules', 'sample-partial-rules-2024.pdf'), join(OUT, 'scanned', 'profiles'), ['fax', 'perspective', 'blurred', 'uneven']);
// heavy print: strokes of type joined into lines inside rows, filled-in digits, decimal marks lost
await makeProfileSamples(join(OUT, 'sample-final-2023.pdf'), join(OUT, 'scanned', 'profiles'), ['heavy']);
mkdirSync(join(OUT, 'text'), { recursive: true });
makeTextSamples(join(OUT, 'text'));
makeSplitPublication(join(OUT, 'split'));
await makeAuditSamples(join(OUT, 'audit'));
process.stdout.write(`samples written to ${OUT}\n`);
