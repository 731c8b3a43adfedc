/**
 * A report typeset again from its own extraction: every text line outside tables where it was
 * printed, every table cell boxed and filled with its text. Two layouts that the source PDFs
 * rarely have can then be made on purpose, from real tables:
 * - `final-row-alone`: a table that ends its page loses its last row to a new page of its own
 *   (no title, no header: one ruled row);
 * - `touching`: amounts of adjacent cells printed touching across the rule between them
 *   (`12,345.6712,345.67` as one run of text).
 */
import type { Cell, ExtractedDocument, Page, Table, TextLine } from '@juesuan/model';
import { looksLikeAmount } from '@juesuan/parser';
import PDFDocument from 'pdfkit';
import { SAMPLE_FONT } from './sample-pdf.ts';

export type RetypesetLayout = 'plain' | 'final-row-alone' | 'touching';

export interface RetypesetStats {
  pages: number;
  tables: number;
  /** tables whose last row went to a page of its own */
  rowsMoved: number;
  /** pairs of amounts printed touching */
  touchingPairs: number;
}

interface PagePlan {
  page: Page;
  cells: Cell[];
  /** text lines outside tables */
  lines: TextLine[];
  /** cells of final rows moved off this page (and the notes under them), drawn on a page inserted after it */
  moved: Cell[];
  movedLines: TextLine[];
}

const CELL_FONT = 8.5;
const MIN_FONT = 4;
const PAD = 1.5;
const PAGE_NUMBER = /^[-—\s\d第页/]+$/;

export async function retypeset(doc: ExtractedDocument, layout: RetypesetLayout): Promise<{ pdf: Buffer; stats: RetypesetStats }> {
  const plans = planPages(doc);
  const stats: RetypesetStats = { pages: 0, tables: doc.tables.length, rowsMoved: 0, touchingPairs: 0 };
  if (layout === 'final-row-alone') stats.rowsMoved = moveFinalRows(doc.tables, plans);
  const pdf = new PDFDocument({ autoFirstPage: false, info: { Title: 'juesuan variant', CreationDate: new Date(Date.UTC(2024, 0, 1)) } });
  pdf.registerFont('cn', SAMPLE_FONT);
  for (const plan of plans) {
    stats.touchingPairs += drawPage(pdf, plan.page, plan.lines, plan.cells, layout === 'touching');
    if (plan.moved.length) {
      const { cells, lines } = shiftToTop(plan.moved, plan.movedLines);
      stats.touchingPairs += drawPage(pdf, plan.page, lines, cells, layout === 'touching');
    }
  }
  stats.pages = plans.length + plans.filter((p) => p.moved.length).length;
  return { pdf: await finish(pdf), stats };
}

function planPages(doc: ExtractedDocument): PagePlan[] {
  const byPage = new Map<number, Cell[]>();
  for (const cell of doc.tables.flatMap((t) => t.cells)) {
    if (cell.page === null) continue;
    const list = byPage.get(cell.page) ?? byPage.set(cell.page, []).get(cell.page)!;
    list.push(cell);
  }
  return doc.pages.map((page, i) => ({ page, cells: byPage.get(page.number ?? i + 1) ?? [], lines: page.lines.filter((l) => !l.inTable), moved: [], movedLines: [] }));
}

/** A table's last row moves when nothing but a page number lies below it on its page. */
function moveFinalRows(tables: Table[], plans: PagePlan[]): number {
  let moved = 0;
  for (const table of tables) {
    const lastRow = Math.max(...table.cells.map((c) => c.row + c.rowSpan - 1));
    if (lastRow < table.headerRows + 1) continue; // a one-row table has no row to spare
    const row = table.cells.filter((c) => c.row === lastRow && c.rowSpan === 1);
    const pageNo = row[0]?.page;
    const plan = plans.find((p) => p.page.number === pageNo);
    if (!plan || row.length === 0 || row.some((c) => c.page !== pageNo)) continue;
    const bottom = Math.max(...row.map((c) => c.bbox.y1));
    if (plan.cells.some((c) => !row.includes(c) && c.bbox.y0 >= bottom - 1)) continue;
    // notes printed under the table follow its last row
    const notes = plan.page.lines.filter((l) => !l.inTable && l.bbox.y0 >= bottom - 1 && !PAGE_NUMBER.test(l.text));
    plan.cells = plan.cells.filter((c) => !row.includes(c));
    plan.lines = plan.lines.filter((l) => !notes.includes(l));
    plan.moved.push(...row);
    plan.movedLines.push(...notes);
    moved++;
  }
  return moved;
}

function shiftToTop(cells: Cell[], lines: TextLine[]): { cells: Cell[]; lines: TextLine[] } {
  const dy = 60 - Math.min(...cells.map((c) => c.bbox.y0));
  const move = <T extends { bbox: Cell['bbox'] }>(x: T): T => ({ ...x, bbox: { ...x.bbox, y0: x.bbox.y0 + dy, y1: x.bbox.y1 + dy } });
  return { cells: cells.map(move), lines: lines.map(move) };
}

/** Draws one page; returns the number of touching pairs it printed. */
function drawPage(pdf: PDFKit.PDFDocument, page: Page, lines: TextLine[], cells: Cell[], touching: boolean): number {
  const width = Math.max(page.width, ...lines.map((l) => l.bbox.x1 + 20), ...cells.map((c) => c.bbox.x1 + 20));
  const height = Math.max(page.height, ...lines.map((l) => l.bbox.y1 + 20), ...cells.map((c) => c.bbox.y1 + 20));
  pdf.addPage({ size: [width, height], margin: 0 });
  pdf.font('cn');
  for (const line of lines) {
    const size = Math.max(MIN_FONT, Math.min(line.fontSize, line.bbox.y1 - line.bbox.y0 + 2));
    pdf.fontSize(size).text(line.text, line.bbox.x0, line.bbox.y0, { lineBreak: false });
  }
  pdf.lineWidth(0.5);
  for (const cell of cells) pdf.rect(cell.bbox.x0, cell.bbox.y0, cell.bbox.x1 - cell.bbox.x0, cell.bbox.y1 - cell.bbox.y0).stroke();
  const pairs = touching ? touchingPairs(cells) : new Map<Cell, 'right' | 'left'>();
  for (const cell of cells) drawCell(pdf, cell, pairs.get(cell));
  return pairs.size / 2;
}

/** Adjacent amount cells of a row, paired left to right: the left one printed flush right, the right one flush left. */
function touchingPairs(cells: Cell[]): Map<Cell, 'right' | 'left'> {
  const align = new Map<Cell, 'right' | 'left'>();
  const rows = new Map<string, Cell[]>();
  for (const c of cells.filter((x) => x.rowSpan === 1 && x.colSpan === 1)) {
    const key = `${c.page}:${c.row}:${c.bbox.y0}`;
    (rows.get(key) ?? rows.set(key, []).get(key)!).push(c);
  }
  for (const row of rows.values()) {
    row.sort((a, b) => a.col - b.col);
    for (let i = 0; i + 1 < row.length; i++) {
      const [a, b] = [row[i]!, row[i + 1]!];
      if (b.col !== a.col + 1 || !looksLikeAmount(a.text) || !looksLikeAmount(b.text) || align.has(a)) continue;
      align.set(a, 'right').set(b, 'left');
      i++;
    }
  }
  return align;
}

function drawCell(pdf: PDFKit.PDFDocument, cell: Cell, flush: 'right' | 'left' | undefined): void {
  const text = cell.text.replace(/\s+/g, ' ').trim();
  if (!text) return;
  const { x0, y0, x1, y1 } = cell.bbox;
  if (flush) {
    pdf.fontSize(CELL_FONT);
    const w = pdf.widthOfString(text);
    const size = w > x1 - x0 ? (CELL_FONT * (x1 - x0)) / w : CELL_FONT;
    pdf.fontSize(size);
    const x = flush === 'right' ? x1 - pdf.widthOfString(text) : x0;
    pdf.text(text, x, y0 + (y1 - y0 - size) / 2 - 1, { lineBreak: false });
    return;
  }
  const width = Math.max(4, x1 - x0 - 2 * PAD);
  let size = CELL_FONT;
  while (size > MIN_FONT && pdf.fontSize(size).heightOfString(text, { width }) > y1 - y0 - 1) size -= 0.5;
  const h = pdf.fontSize(size).heightOfString(text, { width });
  const align = looksLikeAmount(text) ? 'right' : cell.col === 0 ? 'left' : 'center';
  pdf.text(text, x0 + PAD, y0 + Math.max(0, (y1 - y0 - h) / 2), { width, align, lineGap: 0 });
}

function finish(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
