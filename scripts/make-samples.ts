/**
 * Writes the sample reports the tests run on into samples/: small 决算 and 预算 PDFs with the
 * layouts real reports use (ruled grid, split 类/款/项 code columns, wrapped cells, a table that
 * continues on the next page, a two-panel table, 万元 and 元), each with the records it must
 * give (`<name>.expected.jsonl`), plus broken files for the bad-input tests and hostile ones
 * (samples/hostile/) for the limits.
 *   pnpm make-samples
 */
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { makeTextSamples } from './lib/text-samples.ts';
import { makeScan } from './lib/make-scans.ts';
import { makeHostileSamples } from './lib/hostile-samples.ts';
import type { ExpectedRecord } from './lib/expected-record.ts';
import { expectedFen, toJsonl } from './lib/expected-record.ts';

const require = createRequire(import.meta.url);
// the package exports no file paths: find its folder through its package.json
const FONT = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
const OUT = join(import.meta.dirname, '..', 'samples');

interface HeaderCell {
  r: number;
  c: number;
  rs?: number;
  cs?: number;
  text: string;
}

interface TableSpec {
  kind: string;
  title: string;
  unit: '万元' | '元';
  widths: number[];
  header: HeaderCell[];
  headerRows: number;
  rows: string[][];
  /** per column: 'code' parts, 'label', or a measure id; with panels: [side/panel, role] */
  columns: Array<{ role: 'code' | 'label' | 'measure'; measure?: string; side?: 'income' | 'expenditure'; panel?: 'personnel' | 'public'; group: number }>;
  /** rows that go onto the next page (with the title and header repeated) */
  breakAfter?: number;
  repeatHeader?: boolean;
  number?: string;
  department?: string;
  note?: string;
  /** which lines are printed: every cell's box (default), only the lines across, or only the lines down and the frame */
  rules?: 'all' | 'across' | 'down' | 'none';
}

class SamplePdf {
  readonly doc: PDFKit.PDFDocument;
  page = 0;
  readonly expected: ExpectedRecord[] = [];
  constructor(readonly layout: 'portrait' | 'landscape') {
    this.doc = new PDFDocument({ size: 'A4', layout, margin: 50, autoFirstPage: false, info: { Title: 'juesuan sample', CreationDate: new Date(Date.UTC(2024, 0, 1)) } });
    this.doc.registerFont('cn', FONT);
  }
  newPage(): void {
    this.doc.addPage({ size: 'A4', layout: this.layout, margin: 50 });
    this.doc.font('cn');
    this.page++;
  }
  /**
   * A landscape page printed sideways, as reports often print wide tables: 'content' draws it
   * turned on a portrait page (its text runs up the page); 'rotate' draws it upright on a
   * landscape page that the page's /Rotate 90 shows turned (its text runs down).
   */
  sidewaysPage(how: 'content' | 'rotate'): void {
    if (how === 'content') {
      this.doc.addPage({ size: 'A4', layout: 'portrait', margin: 50 });
      this.doc.translate(0, this.doc.page.height).rotate(-90);
    } else {
      this.doc.addPage({ size: 'A4', layout: 'landscape', margin: 50 });
      (this.doc.page as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.Rotate = 90;
    }
    this.doc.font('cn');
    this.page++;
  }
  /** A table printed without any line: columns only by alignment. */
  unruledTable(spec: Omit<TableSpec, 'header' | 'headerRows'> & { headerTexts: string[] }): void {
    const d = this.doc;
    const x = 50;
    const total = spec.widths.reduce((a, b) => a + b, 0);
    const colX = (c: number) => x + spec.widths.slice(0, c).reduce((a, b) => a + b, 0);
    d.fontSize(15).text(spec.title, x, 60, { width: total, align: 'center' });
    d.fontSize(9).text(`单位：${spec.unit}`, x, 84, { width: total, align: 'right' });
    let y = 104;
    spec.headerTexts.forEach((t, c) => d.fontSize(9).text(t, colX(c) + 3, y, { width: spec.widths[c]! - 6, align: 'left', lineBreak: false }));
    y += 22;
    for (const row of spec.rows) {
      row.forEach((t, c) => {
        if (t === '') return;
        const align = spec.columns[c]!.role === 'measure' ? 'right' : 'left';
        d.fontSize(9).text(t, colX(c) + 3, y, { width: spec.widths[c]! - 6, align, lineBreak: false });
      });
      this.recordRow({ ...spec, header: [], headerRows: 1 }, row);
      y += 18;
    }
  }

  heading(text: string, size = 14): void {
    this.doc.fontSize(size).text(text, { align: 'left' });
    this.doc.moveDown(0.5);
  }
  paragraph(text: string): void {
    this.doc.fontSize(10.5).text(text, { align: 'left', lineGap: 3 });
    this.doc.moveDown(0.4);
  }

  private drawHeaderAndTitle(spec: TableSpec, x: number, y: number, rowH: number): number {
    const d = this.doc;
    const total = spec.widths.reduce((a, b) => a + b, 0);
    if (spec.number) d.fontSize(9).text(spec.number, x, y - 14, { width: total, align: 'left' });
    d.fontSize(15).text(spec.title, x, y, { width: total, align: 'center' });
    if (spec.department) d.fontSize(9).text(`编制部门：${spec.department}`, x, y + 24, { width: total, align: 'left' });
    d.fontSize(9).text(`单位：${spec.unit}`, x, y + 24, { width: total, align: 'right' });
    y += 40;
    this.tableTop = y;
    const colX = (c: number) => x + spec.widths.slice(0, c).reduce((a, b) => a + b, 0);
    for (const h of spec.header) {
      const cx = colX(h.c);
      const w = colX(h.c + (h.cs ?? 1)) - cx;
      const cy = y + h.r * rowH;
      const hgt = (h.rs ?? 1) * rowH;
      this.cellLines(spec, cx, cy, w, hgt);
      d.fontSize(8.5).text(h.text, cx + 2, cy + Math.max(2, hgt / 2 - 6), { width: w - 4, align: 'center' });
    }
    return y + spec.headerRows * rowH;
  }

  /** Draws a ruled table; cells are boxes, so the grid comes from rulings. */
  table(spec: TableSpec): void {
    const d = this.doc;
    const x = 50;
    const rowH = 20;
    let y = this.drawHeaderAndTitle(spec, x, 60, rowH);
    const colX = (c: number) => x + spec.widths.slice(0, c).reduce((a, b) => a + b, 0);
    spec.rows.forEach((row, r) => {
      if (spec.breakAfter !== undefined && r === spec.breakAfter) {
        this.newPage();
        y = spec.repeatHeader ? this.drawHeaderAndTitle(spec, x, 60, rowH) : 60;
      }
      const tall = row.some((t, c) => spec.columns[c]?.role === 'label' && d.fontSize(8.5).widthOfString(t) > spec.widths[c]! - 6);
      const h = tall ? rowH * 1.8 : rowH;
      row.forEach((text, c) => {
        this.cellLines(spec, colX(c), y, spec.widths[c]!, h);
        if (text === '') return;
        const col = spec.columns[c]!;
        const align = col.role === 'measure' ? 'right' : 'left';
        d.fontSize(8.5).text(text, colX(c) + 3, y + 5, { width: spec.widths[c]! - 6, align, lineGap: 1 });
      });
      this.recordRow(spec, row);
      y += h;
    });
    if (spec.note) d.fontSize(9).text(spec.note, x, y + 6);
    // the frame's bottom line when only lines down are printed
    if (spec.rules === 'down') d.lineWidth(0.6).moveTo(x, y).lineTo(colX(spec.widths.length), y).stroke();
  }

  /** A cell's lines as the table's style prints them. */
  private cellLines(spec: TableSpec, x: number, y: number, w: number, h: number): void {
    const d = this.doc.lineWidth(0.6);
    if ((spec.rules ?? 'all') === 'all') d.rect(x, y, w, h).stroke();
    else if (spec.rules === 'none') return;
    else if (spec.rules === 'across') d.moveTo(x, y).lineTo(x + w, y).moveTo(x, y + h).lineTo(x + w, y + h).stroke();
    else {
      d.moveTo(x, y).lineTo(x, y + h).moveTo(x + w, y).lineTo(x + w, y + h).stroke();
      // the frame's top line over the header
      if (Math.abs(y - this.tableTop) < 0.5) d.moveTo(x, y).lineTo(x + w, y).stroke();
    }
  }
  private tableTop = 0;

  recordRow(spec: TableSpec, row: string[]): void {
    const groups = new Set(spec.columns.map((c) => c.group));
    for (const g of groups) {
      const cols = spec.columns.map((c, i) => ({ ...c, i })).filter((c) => c.group === g);
      const code = cols.filter((c) => c.role === 'code').map((c) => row[c.i]!).filter((t) => t !== '').join('') || null;
      const labelCol = cols.find((c) => c.role === 'label');
      const label = labelCol ? row[labelCol.i]!.replace(/\s+/g, '') || null : null;
      for (const c of cols.filter((x) => x.role === 'measure')) {
        const printed = row[c.i]!;
        if (printed === '') continue;
        this.expected.push({
          table: spec.kind,
          page: this.page,
          side: c.side ?? null,
          code: c.side ? null : code,
          label,
          measure: c.measure!,
          printed,
          unit: spec.unit,
          amount_fen: expectedFen(printed, spec.unit),
          ...(c.panel ? { panel: c.panel } : {}),
        });
      }
    }
  }

  async save(path: string): Promise<void> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((res) => this.doc.on('end', () => res()));
    this.doc.end();
    await done;
    writeFileSync(path, Buffer.concat(chunks));
    writeFileSync(path.replace(/\.pdf$/, '.expected.jsonl'), toJsonl(this.expected));
  }
}

const m = (measure: string, group = 0, extra: object = {}) => ({ role: 'measure' as const, measure, group, ...extra });

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
  s.table({
    kind: 'final.three_public',
    title: '财政拨款“三公”经费支出决算表',
    unit: '万元',
    widths: Array(8).fill(80),
    headerRows: 2,
    header: [
      { r: 0, c: 0, cs: 2, text: '合计' },
      { r: 0, c: 2, cs: 2, text: '因公出国（境）费' },
      { r: 0, c: 4, cs: 2, text: '公务用车购置及运行费' },
      { r: 0, c: 6, cs: 2, text: '公务接待费' },
      ...[0, 2, 4, 6].flatMap((c) => [
        { r: 1, c, text: '预算数' },
        { r: 1, c: c + 1, text: '决算数' },
      ]),
    ],
    columns: ['total', 'overseas', 'vehicle_total', 'reception'].flatMap((k) => [m(`budget.${k}`), m(`final.${k}`)]),
    rows: [['9.00', '6.22', '', '', '6.00', '4.22', '3.00', '2.00']],
  });
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
    headerRows: 1,
    header: [
      { r: 0, c: 0, text: '科目编码' },
      { r: 0, c: 1, text: '科目名称' },
      { r: 0, c: 2, text: '合计' },
      { r: 0, c: 3, text: '基本支出' },
      { r: 0, c: 4, text: '项目支出' },
    ],
    columns: [{ role: 'code', group: 0 }, { role: 'label', group: 0 }, m('total'), m('basic'), m('project')],
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
mkdirSync(join(OUT, 'text'), { recursive: true });
makeTextSamples(join(OUT, 'text'));
process.stdout.write(`samples written to ${OUT}\n`);
