import type { BBox, TableMeta } from '@juesuan/model';
import type { RawPage } from '../pdf/read-pdf-page.ts';
import type { GridCell } from './ruled-grid.ts';
import { completeRulings } from './complete-grid.ts';
import { buildRuledGrid, rulingComponents } from './ruled-grid.ts';
import type { PlainLine } from './table-meta.ts';
import { readTableMeta } from './table-meta.ts';
import { groupIntoLines } from './text-lines.ts';
import { findOpenTables } from './open-tables.ts';
import { findUnruledTables } from './unruled-tables.ts';

export interface PageTable {
  page: number;
  bbox: BBox;
  xs: number[];
  cells: GridCell[];
  nRows: number;
  nCols: number;
  ruled: boolean;
  meta: TableMeta;
  /** true when free text (other than unit/number lines) stands between the page top and the table */
  hasTextAbove: boolean;
  /** the page to report when `page` is only an ordering key (text inputs: null, or a form-feed page) */
  sourcePage?: number | null;
  source?: 'text' | 'ocr';
}

export interface PageLayout {
  page: RawPage;
  tables: PageTable[];
  /** lines outside any table */
  lines: Array<PlainLine & { inTable: boolean }>;
}

function overlaps(a: BBox, b: BBox): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function inside(b: BBox, region: BBox, margin = 1): boolean {
  const cx = (b.x0 + b.x1) / 2;
  const cy = (b.y0 + b.y1) / 2;
  return cx >= region.x0 - margin && cx <= region.x1 + margin && cy >= region.y0 - margin && cy <= region.y1 + margin;
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
export function leadingBannerRows(cells: GridCell[], bbox: BBox): { rows: number; lines: PlainLine[] } {
  const lines: PlainLine[] = [];
  let rows = 0;
  for (;;) {
    const inRow = cells.filter((c) => c.row === rows);
    const filled = inRow.filter((c) => c.text.trim() !== '');
    if (filled.length !== 1) break;
    const only = filled[0]!;
    const wide = only.bbox.x1 - only.bbox.x0 >= (bbox.x1 - bbox.x0) * 0.6 || inRow.length === 1;
    const t = only.text.replace(/\s+/g, '');
    const descriptive = /表$|表[（(]|续表|单位[:：;；]|编制(部门|单位)[:：]|部门[:：]/.test(t) && !/\d+\.\d{2}/.test(t);
    if (!wide || !descriptive || only.rowSpan !== 1) break;
    lines.push({ text: only.text, bbox: only.bbox, fontSize: Math.max(...only.runs.map((r) => r.fontSize), 1) });
    rows++;
  }
  return { rows, lines };
}

/** Finds the tables of one page (ruled grids first, then aligned columns) and reads their metadata. */
/** Sentences cut into columns by their gaps (a figure set apart in a paragraph) are prose, not a table. */
export function isProse(cells: Array<{ text: string }>): boolean {
  const filled = cells.filter((c) => c.text.trim() !== '');
  const sentences = filled.filter((c) => /[。；]|，.{4,}/.test(c.text)).length;
  return sentences >= 2 && sentences >= filled.length * 0.25;
}

export function layoutPage(page: RawPage): PageLayout {
  // a table ruled one way only gets the other way's lines from its text
  const grids = rulingComponents(completeRulings(page.rulings, page.runs))
    .map((component) => buildRuledGrid(component, page.runs))
    .filter((g): g is NonNullable<typeof g> => g !== null)
    .filter((g) => g.bbox.x1 - g.bbox.x0 > 50 && g.bbox.y1 - g.bbox.y0 > 8)
    .sort((a, b) => a.bbox.y0 - b.bbox.y0);
  // a grid that contains only one cell with text is a framed paragraph, not a table
  // (an empty ruled grid is kept: it may be the tail of a table from the page before)
  const tablesFound = grids.filter((g) => {
    const withText = g.cells.filter((c) => c.text !== '').length;
    return withText >= 2 || withText === 0;
  });
  const freeRuns = page.runs.filter((r) => !tablesFound.some((g) => inside(r.bbox, g.bbox)));
  // tables printed with no lines: a grid drawn from their text, or else aligned columns
  const open = findOpenTables(freeRuns).filter((g) => g.cells.filter((c) => c.text !== '').length >= 2 && !isProse(g.cells));
  const unruled = findUnruledTables(freeRuns).filter((u) => !open.some((g) => overlaps(g.bbox, u.bbox)) && !isProse(u.cells));
  const regions = [
    ...tablesFound.map((g) => ({ bbox: g.bbox, xs: g.xs, cells: g.cells, nRows: g.ys.length - 1, nCols: g.xs.length - 1, ruled: true })),
    ...open.map((g) => ({ bbox: g.bbox, xs: g.xs, cells: g.cells, nRows: g.ys.length - 1, nCols: g.xs.length - 1, ruled: false })),
    ...unruled.map((u) => ({ ...u, ruled: false })),
  ].sort((a, b) => a.bbox.y0 - b.bbox.y0);

  const allLines = groupIntoLines(page.runs).map((l) => ({
    text: l.text,
    bbox: l.bbox,
    fontSize: l.fontSize,
    inTable: regions.some((g) => inside(l.bbox, g.bbox)),
  }));
  const free = allLines.filter((l) => !l.inTable);
  const tables: PageTable[] = regions.map((g, i) => {
    const prevBottom = i > 0 ? regions[i - 1]!.bbox.y1 : 0;
    const nextTop = i + 1 < regions.length ? regions[i + 1]!.bbox.y0 : page.height;
    const above = free.filter((l) => l.bbox.y1 <= g.bbox.y0 + 2 && l.bbox.y0 >= prevBottom && g.bbox.y0 - l.bbox.y1 < 140);
    const below = free.filter((l) => l.bbox.y0 >= g.bbox.y1 - 2 && l.bbox.y1 <= nextTop && l.bbox.y0 - g.bbox.y1 < 80);
    // some producers print the title, unit or department line as the grid's own first rows
    const lead = leadingBannerRows(g.cells, g.bbox);
    const meta = readTableMeta([...above, ...lead.lines], below);
    if (lead.rows > 0) {
      g.cells = g.cells.filter((c) => c.row >= lead.rows).map((c) => ({ ...c, row: c.row - lead.rows }));
      g.nRows -= lead.rows;
    }
    const hasTextAbove = above.some((l) => !/单位\s*[:：]/.test(l.text) && !/^\d+$/.test(l.text) && !/^第\s*\d+\s*页/.test(l.text));
    return { page: page.number, bbox: g.bbox, xs: g.xs, cells: g.cells, nRows: trimEmptyTail(g.cells, g.nRows), nCols: g.nCols, ruled: g.ruled, meta, hasTextAbove, source: page.source };
  });
  return { page, tables, lines: allLines };
}
