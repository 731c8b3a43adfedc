import type { BBox, TableMeta, TableStrategy } from '@juesuan/model';
import type { RawPage } from '../pdf/read-pdf-page.ts';
import type { FoundTable, FoundTables, TableOnPage } from './find-tables.ts';
import { findTables } from './find-tables.ts';
import { inside } from './geometry.ts';
import type { GridCell } from './ruled-grid.ts';
import type { LayoutSettings } from './settings.ts';
import { DEFAULT_LAYOUT_SETTINGS } from './settings.ts';
import type { PlainLine } from './table-meta.ts';
import { readTableMeta } from './table-meta.ts';
import { groupIntoLines } from './text-lines.ts';

export interface PageTable extends TableOnPage {
  page: number;
  meta: TableMeta;
  /** true when free text (other than unit/number lines) stands between the page top and the table */
  hasTextAbove: boolean;
  /** the page to report when `page` is only an ordering key (text inputs: null, or a form-feed page) */
  sourcePage?: number | null;
  source?: 'text' | 'ocr';
  /** how the layout found it, and how sure it is (PDF pages only) */
  strategy?: TableStrategy;
  confidence?: number;
}

export interface PageLayout {
  page: RawPage;
  tables: PageTable[];
  /** lines outside any table */
  lines: Array<PlainLine & { inTable: boolean }>;
}

/** Drops rows that hold no cell anchor with text at all when they are the table's last rows. */
function trimEmptyTail(cells: GridCell[], nRows: number): number {
  let last = -1;
  for (const c of cells) if (c.text.trim() !== '') last = Math.max(last, c.row + c.rowSpan - 1);
  // a grid with no text at all keeps its rows: it can only survive as a continuation
  return last < 0 ? nRows : Math.min(nRows, last + 1);
}

/**
 * Rows at the top of a grid that hold one cell across (nearly) the whole width and read like a
 * title, a unit line or a department line: they describe the table, they are not part of it.
 */
export function leadingBannerRows(cells: GridCell[], bbox: BBox, s: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): { rows: number; lines: PlainLine[] } {
  const lines: PlainLine[] = [];
  let rows = 0;
  for (;;) {
    const inRow = cells.filter((c) => c.row === rows);
    const filled = inRow.filter((c) => c.text.trim() !== '');
    if (filled.length !== 1) break;
    const only = filled[0]!;
    const wide = only.bbox.x1 - only.bbox.x0 >= (bbox.x1 - bbox.x0) * s.meta.bannerWidthShare || inRow.length === 1;
    const t = only.text.replace(/\s+/g, '');
    const descriptive = /表$|表[（(]|续表|单位[:：;；]|编制(部门|单位)[:：]|部门[:：]/.test(t) && !/\d+\.\d{2}/.test(t);
    if (!wide || !descriptive || only.rowSpan !== 1) break;
    lines.push({ text: only.text, bbox: only.bbox, fontSize: Math.max(...only.runs.map((r) => r.fontSize), 1) });
    rows++;
  }
  return { rows, lines };
}

/** A line of a letter or two and no Chinese nor digit: a speck of a scan read as text (b), no title. */
const SPECK_LINE = /^[^\u4e00-\u9fff\d]{1,2}$/;

/**
 * The metadata pass: a table's title, number, unit and department from the free lines above it
 * (or its own banner rows), its notes from those below; banner rows and empty last rows dropped.
 */
function withMetadata(page: RawPage, found: FoundTable[], free: PlainLine[], s: LayoutSettings): PageTable[] {
  const { aboveReachPt, belowReachPt, edgeSlackPt } = s.meta;
  return found.map((g, i) => {
    const prevBottom = i > 0 ? found[i - 1]!.bbox.y1 : 0;
    const nextTop = i + 1 < found.length ? found[i + 1]!.bbox.y0 : page.height;
    const above = free.filter((l) => l.bbox.y1 <= g.bbox.y0 + edgeSlackPt && l.bbox.y0 >= prevBottom && g.bbox.y0 - l.bbox.y1 < aboveReachPt && !SPECK_LINE.test(l.text.trim()));
    const below = free.filter((l) => l.bbox.y0 >= g.bbox.y1 - edgeSlackPt && l.bbox.y1 <= nextTop && l.bbox.y0 - g.bbox.y1 < belowReachPt);
    // some producers print the title, unit or department line as the grid's own first rows
    const lead = leadingBannerRows(g.cells, g.bbox, s);
    const meta = readTableMeta([...above, ...lead.lines], below);
    const cells = lead.rows > 0 ? g.cells.filter((c) => c.row >= lead.rows).map((c) => ({ ...c, row: c.row - lead.rows })) : g.cells;
    const nRows = g.nRows - lead.rows;
    const hasTextAbove = above.some((l) => !/单位\s*[:：]/.test(l.text) && !/^\d+$/.test(l.text) && !/^第\s*\d+\s*页/.test(l.text));
    const { bbox, xs, nCols, ruled, strategy, confidence } = g;
    return { page: page.number, bbox, xs, cells, nRows: trimEmptyTail(cells, nRows), nCols, ruled, meta, hasTextAbove, source: page.source, strategy, confidence };
  });
}

/** Finds the tables of one page by the layout passes, and reads their metadata. */
export function layoutPage(page: RawPage, s: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): PageLayout {
  return layoutPageTraced(page, s).layout;
}

/** The layout of a page with what each pass found and the lines the grids were built from (for the debug view). */
export function layoutPageTraced(page: RawPage, s: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): { layout: PageLayout; found: FoundTables } {
  const result = findTables(page.runs, page.rulings, s);
  const found = result.tables;
  const lines = groupIntoLines(page.runs).map((l) => ({
    text: l.text,
    bbox: l.bbox,
    fontSize: l.fontSize,
    inTable: found.some((g) => inside(l.bbox, g.bbox, s.tables.insidePt)),
  }));
  const tables = withMetadata(
    page,
    found,
    lines.filter((l) => !l.inTable),
    s,
  );
  return { layout: { page, tables, lines }, found: result };
}
