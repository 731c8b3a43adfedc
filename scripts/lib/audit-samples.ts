/**
 * A 决算 with the full table set, a 目录 with page numbers and a 情况说明 that compares figures —
 * written clean, and again as a copy with one problem of every audit family planted, listed with
 * the rule that must find it and the page it is on (`<name>.plants.json`). One paragraph is drawn
 * bottom line first, so the narrative must be read by position, not in content-stream order.
 */
import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TableSpec } from './sample-pdf.ts';
import { SamplePdf, headerRow, m, threePublicTable } from './sample-pdf.ts';

export const PLANTS = [
  { id: 'table_removed', rule: 'structure.toc_missing_table', page: 2 },
  { id: 'table_removed', rule: 'structure.standard_table_missing', page: 2 },
  { id: 'toc_page', rule: 'structure.toc_page_mismatch', page: 2 },
  { id: 'toc_unlisted', rule: 'structure.toc_unlisted_table', page: 11 },
  { id: 'empty_note_removed', rule: 'structure.empty_table_unexplained', page: 11 },
  { id: 'three_public_emptied', rule: 'structure.empty_table_narrative_figure', page: 10 },
  { id: 'placeholder', rule: 'template.placeholder', page: 3 },
  { id: 'fill_in', rule: 'template.fill_in', page: 13 },
  { id: 'doubled', rule: 'template.doubled_word', page: 12 },
  { id: 'heading_year', rule: 'years.heading_year', page: 12 },
  { id: 'sentence_year', rule: 'years.sentence_year', page: 12 },
  { id: 'cutoff', rule: 'years.cutoff_date', page: 13 },
  { id: 'comparison', rule: 'wording.comparison', page: 13 },
  { id: 'direction', rule: 'wording.change_direction', page: 12 },
  { id: 'change_amount', rule: 'wording.change_amount', page: 12 },
  { id: 'change_percent', rule: 'wording.change_percent', page: 12 },
  { id: 'item_second_amount', rule: 'restated.item_amounts', page: 12 },
  { id: 'total_missing', rule: 'restated.total_missing', page: 12 },
] as const;
type PlantId = (typeof PLANTS)[number]['id'];

const code3 = (kind: string, title: string, number: string, totalHeading: string, rows: string[][]): TableSpec => ({
  kind,
  title,
  number,
  unit: '万元',
  widths: [80, 230, 110, 110, 110],
  headerRows: 1,
  header: headerRow(['科目编码', '科目名称', totalHeading, ...(kind.endsWith('income') ? ['财政拨款收入', '其他收入'] : ['基本支出', '项目支出'])]),
  columns: [{ role: 'code', group: 0 }, { role: 'label', group: 0 }, m('total'), ...(kind.endsWith('income') ? [m('fiscal'), m('other')] : [m('basic'), m('project')])],
  rows,
});

const CODED = (fig: string[][]) =>
  [
    ['', '合计'],
    ['207', '文化旅游体育与传媒支出'],
    ['20701', '文化和旅游'],
    ['2070101', '行政运行'],
    ['2070199', '其他文化和旅游支出'],
    ['208', '社会保障和就业支出'],
    ['20805', '行政事业单位养老支出'],
    ['2080505', '机关事业单位基本养老保险缴费支出'],
    ['221', '住房保障支出'],
    ['22102', '住房改革支出'],
    ['2210201', '住房公积金'],
  ].map((r, k) => [...r, ...fig[k]!]);

const sideBySide = (kind: string, title: string, number: string, rows: string[][], expenditureColumns: string[]): TableSpec => ({
  kind,
  title,
  number,
  unit: '万元',
  widths: [170, 80, 170, ...expenditureColumns.map(() => (expenditureColumns.length > 1 ? 106 : 90))],
  headerRows: 1,
  header: headerRow(['收入项目', '金额', '支出项目', ...expenditureColumns]),
  columns: [
    { role: 'label', group: 0 },
    m('amount', 0, { side: 'income' }),
    { role: 'label', group: 1 },
    ...expenditureColumns.map((h) => m(h === '一般公共预算财政拨款' ? 'gpb' : h === '政府性基金预算财政拨款' ? 'gov_fund' : h === '合计' ? 'total' : 'amount', 1, { side: 'expenditure' })),
  ],
  rows,
});

/** A paragraph drawn last line first: the text stream runs backwards, the page reads the same. */
function reversedParagraph(s: SamplePdf, text: string): void {
  const d = s.doc.fontSize(10.5);
  const width = d.page.width - 100;
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (d.widthOfString(line + ch) > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  lines.push(line);
  const top = d.y;
  const step = d.currentLineHeight(true) + 3;
  for (let i = lines.length - 1; i >= 0; i--) d.text(lines[i]!, 50, top + i * step, { lineBreak: false });
  d.text('', 50, top + lines.length * step);
  d.moveDown(0.4);
}

async function writeReport(path: string, plants: Set<PlantId>): Promise<void> {
  const has = (p: PlantId) => plants.has(p);
  const s = new SamplePdf('landscape');
  s.newPage();
  s.heading('示例市示例区文化和旅游局', 22);
  s.heading('2023年度部门决算', 22);
  // p2: the 目录, its page numbers as the pages run
  s.newPage();
  s.heading('目录', 16);
  const toc: Array<[string, number]> = [
    ['第一部分 部门概况', 3],
    ['第二部分 2023年度部门决算表', 4],
    ['一、收入支出决算总表', 4],
    ['二、收入决算表', 5],
    ['三、支出决算表', has('toc_page') ? 7 : 6],
    ['四、财政拨款收入支出决算总表', 7],
    ['五、一般公共预算财政拨款支出决算表', 8],
    ['六、一般公共预算财政拨款基本支出决算表', 9],
    ['七、财政拨款“三公”经费支出决算表', 10],
    ...(has('toc_unlisted') ? [] : ([['八、政府性基金预算财政拨款收入支出决算表', 11]] as Array<[string, number]>)),
    ['第三部分 2023年度部门决算情况说明', 12],
  ];
  for (const [t, p] of toc) s.doc.fontSize(11).text(`${t}${'.'.repeat(40)}${p}`).moveDown(0.2);
  s.newPage();
  s.heading('第一部分 部门概况');
  s.heading('一、主要职能', 12);
  s.paragraph(`${has('placeholder') ? 'XX局' : '本局'}负责全区文化和旅游工作的统筹规划，组织实施文化和旅游公共服务。`);
  s.newPage();
  s.table(
    sideBySide(
      'final.summary',
      '收入支出决算总表',
      '公开01表',
      [
        ['一、一般公共预算财政拨款收入', '800.00', '一、文化旅游体育与传媒支出', '700.00'],
        ['二、其他收入', '20.00', '二、社会保障和就业支出', '80.00'],
        ['', '', '三、住房保障支出', '40.00'],
        ['本年收入合计', '820.00', '本年支出合计', '820.00'],
        ['年初结转和结余', '30.00', '年末结转和结余', '30.00'],
        ['总计', '850.00', '总计', '850.00'],
      ],
      ['金额'],
    ),
  );
  s.newPage();
  s.table(code3('final.income', '收入决算表', '公开02表', '本年收入合计', CODED([['820.00', '800.00', '20.00'], ['700.00', '680.00', '20.00'], ['700.00', '680.00', '20.00'], ['480.00', '480.00', ''], ['220.00', '200.00', '20.00'], ['80.00', '80.00', ''], ['80.00', '80.00', ''], ['80.00', '80.00', ''], ['40.00', '40.00', ''], ['40.00', '40.00', ''], ['40.00', '40.00', '']])));
  s.newPage();
  s.table(code3('final.expenditure', '支出决算表', '公开03表', '本年支出合计', CODED([['820.00', '600.00', '220.00'], ['700.00', '480.00', '220.00'], ['700.00', '480.00', '220.00'], ['480.00', '480.00', ''], ['220.00', '', '220.00'], ['80.00', '80.00', ''], ['80.00', '80.00', ''], ['80.00', '80.00', ''], ['40.00', '40.00', ''], ['40.00', '40.00', ''], ['40.00', '40.00', '']])));
  s.newPage();
  s.table(
    sideBySide(
      'final.fiscal_summary',
      '财政拨款收入支出决算总表',
      '公开04表',
      [
        ['一、一般公共预算财政拨款', '800.00', '一、文化旅游体育与传媒支出', '680.00', '680.00', ''],
        ['二、政府性基金预算财政拨款', '', '二、社会保障和就业支出', '80.00', '80.00', ''],
        ['', '', '三、住房保障支出', '40.00', '40.00', ''],
        ['本年收入合计', '800.00', '本年支出合计', '800.00', '800.00', ''],
        ['总计', '800.00', '总计', '800.00', '800.00', ''],
      ],
      ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款'],
    ),
  );
  s.newPage();
  s.table(code3('final.gpb_expenditure', '一般公共预算财政拨款支出决算表', '公开05表', '合计', CODED([['800.00', '600.00', '200.00'], ['680.00', '480.00', '200.00'], ['680.00', '480.00', '200.00'], ['480.00', '480.00', ''], ['200.00', '', '200.00'], ['80.00', '80.00', ''], ['80.00', '80.00', ''], ['80.00', '80.00', ''], ['40.00', '40.00', ''], ['40.00', '40.00', ''], ['40.00', '40.00', '']])));
  s.newPage();
  if (!has('table_removed')) {
    s.table({
      kind: 'final.gpb_basic',
      title: '一般公共预算财政拨款基本支出决算表',
      number: '公开06表',
      unit: '万元',
      widths: [60, 180, 90, 60, 180, 90],
      headerRows: 1,
      header: headerRow(['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数']),
      columns: [{ role: 'code', group: 0 }, { role: 'label', group: 0 }, m('amount', 0, { panel: 'personnel' }), { role: 'code', group: 1 }, { role: 'label', group: 1 }, m('amount', 1, { panel: 'public' })],
      rows: [
        ['301', '工资福利支出', '500.00', '302', '商品和服务支出', '100.00'],
        ['30101', '基本工资', '300.00', '30201', '办公费', '60.00'],
        ['30102', '津贴补贴', '200.00', '30213', '维修（护）费', '40.00'],
        ['', '人员经费合计', '500.00', '', '公用经费合计', '100.00'],
      ],
    });
  } else s.paragraph('（本页空白）');
  s.newPage();
  const threePublic = has('three_public_emptied') ? ['', '', '', '', '', '', '', ''] : ['10.00', '8.00', '0.00', '0.00', '6.00', '5.00', '4.00', '3.00'];
  s.table(threePublicTable(threePublic, 90, '公开07表'));
  s.newPage();
  s.table({
    kind: 'final.gov_fund',
    title: '政府性基金预算财政拨款收入支出决算表',
    number: '公开08表',
    unit: '万元',
    widths: [80, 200, 110, 110, 110, 110],
    headerRows: 1,
    header: headerRow(['科目编码', '科目名称', '本年收入', '本年支出合计', '基本支出', '项目支出']),
    columns: [{ role: 'code', group: 0 }, { role: 'label', group: 0 }, m('income'), m('total'), m('basic'), m('project')],
    rows: [['', '合计', '', '', '', '']],
    ...(has('empty_note_removed') ? {} : { note: '注：本部门2023年度没有政府性基金预算财政拨款收入和支出，故本表无数据。' }),
  });
  // p12-13: the 情况说明
  s.newPage();
  s.heading(`第三部分 ${has('heading_year') ? 2022 : 2023}年度部门决算情况说明`);
  s.heading('一、收入支出决算总体情况说明', 12);
  s.paragraph(`2023年度收入、支出总计均为850.00万元。与2022年度相比，收入、支出总计${has('direction') ? '减少' : '增加'}50.00万元，增长6.25%。`);
  s.heading('二、收入决算情况说明', 12);
  s.paragraph(`${has('sentence_year') ? '2022' : '2023'}年度本年收入合计820.00万元，其中：财政拨款收入800.00万元，占97.56%；其他收入20.00万元，占2.44%。`);
  s.heading('三、支出决算情况说明', 12);
  s.paragraph(`本年支出合计${has('total_missing') ? '' : '820.00'}万元，其中：基本支出600.00万元，占73.17%；项目支出220.00万元，占26.83%。`);
  s.paragraph(`基本支出600.00万元，上年为560.00万元，增加${has('change_amount') ? '45.00' : '40.00'}万元，增长7.14%。`);
  s.heading('四、一般公共预算财政拨款支出决算情况说明', 12);
  s.paragraph(`一般公共预算财政拨款支出年初预算为820.00万元，支出决算为800.00万元，完成年初预算的${has('change_percent') ? '95.56' : '97.56'}%。决算数小于预算数的主要原因${has('doubled') ? '是是' : '是'}项目支出按进度支付。`);
  s.paragraph(`1、文化旅游体育与传媒支出(类)文化和旅游(款)行政运行(项)：年初预算为490.00万元，支出决算为480.00万元，完成年初预算的97.96%。本项决算数${has('item_second_amount') ? '485.00' : '480.00'}万元，用于机关运行。`);
  s.newPage();
  s.heading('五、“三公”经费支出决算情况说明', 12);
  reversedParagraph(s, `2023年度“三公”经费财政拨款支出预算为10.00万元，支出决算为8.00万元，完成预算的80.00%。决算数${has('comparison') ? '大于' : '小于'}预算数的主要原因是厉行节约，压减公务接待。`);
  s.heading('六、机关运行经费支出情况说明', 12);
  s.paragraph('2023年度本部门机关运行经费支出100.00万元，主要用于办公及印刷、水电、邮电等支出。');
  s.heading('七、国有资产占用情况说明', 12);
  s.paragraph(`截至${has('cutoff') ? 2022 : 2023}年12月31日，本部门共有车辆2辆。`);
  s.heading('八、其他重要事项说明', 12);
  s.paragraph(has('fill_in') ? '待填写。' : '本部门无其他重要事项。');
  await s.save(path);
}

/** Writes the clean report and its planted copy, with the list of plants, into `dir`. */
export async function makeAuditSamples(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const [name, plants] of [['audit-clean-final-2023', new Set<PlantId>()], ['audit-planted-final-2023', new Set(PLANTS.map((p) => p.id))]] as const) {
    await writeReport(join(dir, `${name}.pdf`), plants);
    // these reports test the audit, not the records: no expected records beside them
    unlinkSync(join(dir, `${name}.expected.jsonl`));
  }
  writeFileSync(join(dir, 'audit-planted-final-2023.plants.json'), `${JSON.stringify(PLANTS, null, 2)}\n`);
}
