import type { Cell, Table } from '@juesuan/model';
import type { RowTexts } from './header-rows.ts';
import { countHeaderRows, detectPanels, repeatsHeader } from './header-rows.ts';
import { COLUMNS_DRAWN } from './find-tables.ts';
import type { PageTable } from './page-tables.ts';
import { DEFAULT_LAYOUT_SETTINGS } from './settings.ts';

const STITCH = DEFAULT_LAYOUT_SETTINGS.stitch;

interface Draft {
  parts: PageTable[];
}

const titleKey = (s: string) => s.replace(/[\s（）()续表]/g, '');

function sameTitle(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  return titleKey(a) === titleKey(b);
}

/** An OCR title this long may be read with one character otherwise on the next page (一般公共预算支山表, 支出表). */
const OCR_TITLE_MIN_LENGTH = 8;

/** Two OCR titles of one length but for one character misread, in the first row's headings as much as not. */
function sameTitleMisread(prev: PageTable, next: PageTable): boolean {
  if (prev.source !== 'ocr' || next.source !== 'ocr' || !prev.meta.title || !next.meta.title) return false;
  const [a, b] = [[...titleKey(prev.meta.title)], [...titleKey(next.meta.title)]];
  if (a.length !== b.length || a.length < OCR_TITLE_MIN_LENGTH || a.filter((c, i) => c !== b[i]).length !== 1) return false;
  const heads = (t: PageTable) => t.cells.filter((c) => c.row === 0 && c.text.trim() !== '').map((c) => c.text.replace(/\s+/g, ''));
  const [ha, hb] = [heads(prev), heads(next)];
  return hb.length > 0 && hb.filter((h) => ha.includes(h)).length * 2 >= hb.length;
}

/** Column lines of two page tables line up (a continuation keeps the column layout). */
function columnsAlign(a: PageTable, b: PageTable): boolean {
  return linesMatch(a.xs, b.xs, STITCH.columnMatchPt) || scannedColumnsAlign(a, b);
}

function linesMatch(as: number[], bs: number[], within: number): boolean {
  const matched = bs.filter((x) => as.some((y) => Math.abs(x - y) <= within)).length;
  return matched >= Math.min(as.length, bs.length) * STITCH.columnMatchShare;
}

/**
 * Two scanned pages lie on the glass a little apart: the frame of the continuation shifted and
 * scaled a little, its inner lines bent by a page not flat. Its columns are taken into the first
 * part's frame, and match there at twice the usual distance.
 */
function scannedColumnsAlign(a: PageTable, b: PageTable): boolean {
  if (a.source !== 'ocr' || b.source !== 'ocr' || a.xs.length !== b.xs.length || a.xs.length < 3) return false;
  const [a0, a1, b0, b1] = [a.xs[0]!, a.xs[a.xs.length - 1]!, b.xs[0]!, b.xs[b.xs.length - 1]!];
  const k = (a1 - a0) / (b1 - b0);
  if (Math.abs(k - 1) > SCAN_SCALE_SLACK) return false;
  return linesMatch(a.xs, b.xs.map((x) => a0 + (x - b0) * k), 2 * STITCH.columnMatchPt);
}

/** Pages of one scan differ in scale by less than this share. */
const SCAN_SCALE_SLACK = 0.02;

/** The x-extent of a cell's text, or of the cell when it holds none. */
function textSpan(c: { bbox: { x0: number; x1: number }; runs: Array<{ bbox: { x0: number; x1: number } }> }): [number, number] {
  if (c.runs.length === 0) return [c.bbox.x0, c.bbox.x1];
  return [Math.min(...c.runs.map((r) => r.bbox.x0)), Math.max(...c.runs.map((r) => r.bbox.x1))];
}

/**
 * The text of `b` sits inside the columns of `a`: no column line of `a` cuts through it. A
 * continuation whose own column lines were drawn from its text (no header on that page to place
 * them) lines up with the table it continues this way, not line for line.
 */
function textFitsColumns(a: PageTable, b: PageTable): boolean {
  const inner = a.xs.slice(1, -1);
  const filled = b.cells.filter((c) => c.text.trim() !== '');
  if (filled.length < 3 || b.bbox.x0 < a.bbox.x0 - STITCH.sideSlackPt || b.bbox.x1 > a.bbox.x1 + STITCH.sideSlackPt) return false;
  const fits = filled.filter((c) => {
    const [x0, x1] = textSpan(c);
    return !inner.some((x) => x > x0 + STITCH.textInsetPt && x < x1 - STITCH.textInsetPt);
  }).length;
  return fits >= filled.length * STITCH.textFitShare;
}

/** A ruled cell whose both sides stand on column lines of the table: its extent, not its text's, says which columns it spans. */
function onColumnLines(xs: number[], box: { x0: number; x1: number }): boolean {
  return [box.x0, box.x1].every((x) => xs.some((y) => Math.abs(x - y) <= STITCH.columnMatchPt));
}

export function rowTexts(cells: Array<{ row: number; col: number; text: string }>, nRows: number): RowTexts[] {
  const rows: RowTexts[] = Array.from({ length: nRows }, () => new Map());
  for (const c of cells) if (c.row < nRows) rows[c.row]!.set(c.col, c.text);
  return rows;
}

/** Is `next` (first table of its page) the continuation of `prev` (last table of the page before)? */
export function isContinuation(prev: PageTable, next: PageTable): boolean {
  if (next.page !== prev.page + 1) return false;
  if (next.meta.continued) return true;
  if (sameTitle(prev.meta.title, next.meta.title)) return columnsAlign(prev, next) || Math.abs(prev.nCols - next.nCols) <= 1 || textFitsColumns(prev, next);
  if (sameTitleMisread(prev, next)) return prev.nCols === next.nCols && columnsAlign(prev, next);
  if (next.meta.title) return next.hasTextAbove ? false : columnsAlign(prev, next);
  return columnsAlign(prev, next) || textFitsColumns(prev, next);
}

function colIndex(xs: number[], x: number): number {
  for (let k = 0; k < xs.length - 1; k++) if (x >= xs[k]! - 1 && x < xs[k + 1]! + 1) return k;
  return x < xs[0]! ? 0 : xs.length - 2;
}

/** How the layout found a table: its first part's strategy, and the least confidence of its parts. */
function foundBy(parts: PageTable[]): Pick<Table, 'strategy' | 'confidence'> {
  const strategy = parts[0]!.strategy;
  const sure = parts.map((p) => p.confidence).filter((c): c is number => c !== undefined);
  return { ...(strategy ? { strategy } : {}), ...(sure.length ? { confidence: Math.min(...sure) } : {}) };
}

/** A part's cells in the stitched table: rows after those before it, columns those of the basis part. */
function partCells(part: PageTable, k: number, at: { rowOffset: number; skip: number; own: boolean; xs: number[] }): Cell[] {
  const out: Cell[] = [];
  for (const c of part.cells) {
    if (c.row < at.skip || c.row >= part.nRows) continue;
    // ruled cells of a coarser first part keep their extent (when their column lines are drawn, not
    // guessed from text); text of a later part is placed by where it stands
    const drawn = part.ruled && (part.strategy === undefined || COLUMNS_DRAWN[part.strategy]);
    const [x0, x1] = k === 0 || (drawn && onColumnLines(at.xs, c.bbox)) ? [c.bbox.x0, c.bbox.x1] : textSpan(c);
    const col = at.own ? c.col : colIndex(at.xs, x0 + STITCH.textInsetPt);
    const colEnd = at.own ? c.col + c.colSpan - 1 : Math.max(col, colIndex(at.xs, x1 - STITCH.textInsetPt));
    out.push({
      text: c.text,
      bbox: c.bbox,
      page: part.sourcePage === undefined ? part.page : part.sourcePage,
      row: at.rowOffset + c.row - at.skip,
      col,
      rowSpan: Math.max(1, Math.min(c.rowSpan, part.nRows - c.row)),
      colSpan: Math.max(1, colEnd - col + 1),
      confidence: c.runs.length ? Math.min(...c.runs.map((r) => r.confidence ?? 1)) : 1,
      source: c.runs.some((r) => r.source === 'ocr') || part.source === 'ocr' ? 'ocr' : 'text',
      ...(c.runs.length === 1 && c.runs[0]!.alternatives ? { alternatives: c.runs[0]!.alternatives } : {}),
    });
  }
  return out;
}

/**
 * A later page's header rows: as counted, and after them the first page's header printed again
 * where a heading read as a code ended the count (2026年预算数 read 20264), as many rows as the first page's header has at most.
 */
function repeatedHeaderRows(rows: RowTexts[], firstHeader: RowTexts[]): number {
  let h = countHeaderRows(rows);
  while (h < Math.min(rows.length, firstHeader.length) && repeatsHeader(rows[h]!, firstHeader)) h++;
  return h;
}

/** The cells of a draft's parts in one grid, header rows kept once, with its row and header-row counts. */
function draftCells(d: Draft, basis: PageTable): { cells: Cell[]; nRows: number; headerRows: number } {
  const first = d.parts[0]!;
  const cells: Cell[] = [];
  let headerRows = 0;
  let rowOffset = 0;
  // the first part's header rows' texts, for a later page that prints them again
  let firstHeader: RowTexts[] = [];
  d.parts.forEach((part, k) => {
    const rows = rowTexts(part.cells, part.nRows);
    // a first part that is all header (cut by the page break) is continued by the rest of the header
    const headerGoesOn = k === 1 && headerRows >= rowOffset;
    const h = k > 0 && !headerGoesOn ? repeatedHeaderRows(rows, firstHeader) : countHeaderRows(rows);
    if (k === 0) [headerRows, firstHeader] = [h, rows.slice(0, h)];
    else if (headerGoesOn) headerRows += h;
    const skip = k === 0 || headerGoesOn ? 0 : h;
    // a later part's cells go to the first part's columns by where their text stands
    // (a scanned part whose columns are the basis' own, shifted on the glass, keeps its columns)
    const own = part === basis || (k === 0 && basis === first) || scannedColumnsAlign(basis, part);
    cells.push(...partCells(part, k, { rowOffset, skip, own, xs: basis.xs }));
    rowOffset += part.nRows - skip;
  });
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { cells, nRows: rowOffset, headerRows };
}

/** Page tables in order, each joined to the draft before when it continues it. */
function draftsOf(pages: PageTable[][]): Draft[] {
  const drafts: Draft[] = [];
  for (const tables of pages) {
    tables.forEach((t, i) => {
      const last = drafts[drafts.length - 1];
      const prev = last?.parts[last.parts.length - 1];
      if (i === 0 && last && prev && isContinuation(prev, t)) last.parts.push(t);
      else drafts.push({ parts: [t] });
    });
  }
  return drafts.filter((d) => d.parts.some((p) => p.cells.some((c) => c.text.trim() !== '')));
}

/**
 * Joins tables that continue over pages: repeated title/header, 续表, or a header-less
 * continuation. Header rows are kept once; every cell keeps its own page.
 */
export function stitchTables(pages: PageTable[][], sectionPathOf: (t: PageTable) => string[]): Table[] {
  return draftsOf(pages).map((d, index) => {
    const first = d.parts[0]!;
    // a header cut by a page break: the part with the finer columns gives the columns of all
    const basis = d.parts.reduce((best, p) => (p.xs.length > best.xs.length && best.xs.every((x) => p.xs.some((y) => Math.abs(x - y) <= STITCH.columnMatchPt)) ? p : best), first);
    const { cells, nRows, headerRows } = draftCells(d, basis);
    const nCols = basis.xs.length - 1;
    return {
      index,
      meta: { ...first.meta, notes: d.parts.flatMap((p) => p.meta.notes) },
      pages: [...new Set(d.parts.map((p) => (p.sourcePage === undefined ? p.page : p.sourcePage)))],
      nRows,
      nCols,
      headerRows,
      ruled: first.ruled,
      panels: detectPanels(rowTexts(cells, headerRows), nCols),
      cells,
      sectionPath: sectionPathOf(first),
      ...foundBy(d.parts),
    } satisfies Table;
  });
}
