import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ExpectedRecord } from './expected-record.ts';
import { expectedFen, toJsonl } from './expected-record.ts';

const require = createRequire(import.meta.url);
// the package exports no file paths: find its folder through its package.json
export const SAMPLE_FONT = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');

export interface HeaderCell {
  r: number;
  c: number;
  rs?: number;
  cs?: number;
  text: string;
}

export interface TableSpec {
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
  /** cells [row, col] whose amount is printed touching the next cell's, as one string across the rule */
  touching?: Array<[number, number]>;
}

export class SamplePdf {
  readonly doc: PDFKit.PDFDocument;
  page = 0;
  readonly expected: ExpectedRecord[] = [];
  constructor(readonly layout: 'portrait' | 'landscape') {
    this.doc = new PDFDocument({ size: 'A4', layout, margin: 50, autoFirstPage: false, info: { Title: 'juesuan sample', CreationDate: new Date(Date.UTC(2024, 0, 1)) } });
    this.doc.registerFont('cn', SAMPLE_FONT);
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
      const touching = spec.touching?.find(([tr]) => tr === r)?.[1];
      row.forEach((text, c) => {
        this.cellLines(spec, colX(c), y, spec.widths[c]!, h);
        if (text === '' || c === touching || (touching !== undefined && c === touching + 1)) return;
        const col = spec.columns[c]!;
        const align = col.role === 'measure' ? 'right' : 'left';
        d.fontSize(8.5).text(text, colX(c) + 3, y + 5, { width: spec.widths[c]! - 6, align, lineGap: 1 });
      });
      // both amounts in one string, the first ending right at the column rule
      if (touching !== undefined) {
        const joined = `${row[touching]}${row[touching + 1]}`;
        const at = colX(touching + 1) - d.fontSize(8.5).widthOfString(row[touching]!);
        d.text(joined, at, y + 5, { lineBreak: false });
      }
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

export const m = (measure: string, group = 0, extra: object = {}) => ({ role: 'measure' as const, measure, group, ...extra });

/** One header row: a heading per column. */
export const headerRow = (texts: string[]): HeaderCell[] => texts.map((text, c) => ({ r: 0, c, text }));

/** The 财政拨款“三公”经费支出决算表 with its two header rows and one data row. */
export function threePublicTable(row: string[], width: number, number?: string): TableSpec {
  return {
    kind: 'final.three_public',
    title: '财政拨款“三公”经费支出决算表',
    ...(number ? { number } : {}),
    unit: '万元',
    widths: Array(8).fill(width),
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
    rows: [row],
  };
}
