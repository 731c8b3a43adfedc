import type { ExtractedDocument, Page, TableMeta } from '@juesuan/model';
import { ExtractedDocument as ExtractedDocumentSchema, InputError } from '@juesuan/model';
import type { PageTable } from '../layout/page-tables.ts';
import { leadingBannerRows } from '../layout/page-tables.ts';
import type { GridCell } from '../layout/ruled-grid.ts';
import { buildSections, isTocHeading, matchHeading } from '../layout/sections.ts';
import { stitchTables } from '../layout/stitch-tables.ts';
import { countHeaderRows } from '../layout/header-rows.ts';
import type { PlainLine } from '../layout/table-meta.ts';
import { isNumberingRow, isPageFooter } from '@juesuan/model';
import { readTableMeta } from '../layout/table-meta.ts';
import { normalizeCjkSpacing } from '../layout/cjk-text.ts';
import { EXTRACTOR_VERSION } from '../version.ts';
import { readHtmlBlocks } from './html-blocks.ts';
import type { TextBlock, TextCell } from './text-blocks.ts';
import { readTextBlocks } from './text-blocks.ts';

const COL_WIDTH = 100;
const ROW_HEIGHT = 10;

const numberingRow = (row: TextCell[]) => isNumberingRow(row.map((c) => c.text));

/**
 * Conversions to tabs or pipes lose merged header cells: the text stays in the first cell and
 * the rest are blank. A blank header cell joins its left neighbour when a lower header row names
 * columns under it (a group header such as 预算数 over six items), else the cell above it.
 */
export function inferHeaderSpans(rows: TextCell[][]): TextCell[][] {
  const texts = rows.map((r) => r.map((c) => c.text));
  const header = countHeaderRows(texts.map((r) => new Map(r.map((t, i) => [i, t] as const))));
  const width = Math.max(...rows.map((r) => r.length));
  const out = rows.map((r) => r.map((c) => ({ ...c })));
  // owner[r][c] = the cell whose text covers (r, c)
  const owner: Array<Array<{ r: number; c: number } | null>> = out.map((r, ri) => Array.from({ length: width }, (_, ci) => (r[ci] && r[ci]!.text !== '' ? { r: ri, c: ci } : null)));
  for (let r = 0; r < Math.min(header, out.length); r++) {
    if (numberingRow(out[r]!)) continue;
    for (let c = 0; c < width; c++) {
      if (owner[r]![c]) continue;
      const namedBelow = out.slice(r + 1, header).some((row) => !numberingRow(row) && (row[c]?.text ?? '') !== '');
      const left = c > 0 ? owner[r]![c - 1] : null;
      if (namedBelow && left && left.r === r) owner[r]![c] = left;
      else if (r > 0 && owner[r - 1]![c]) owner[r]![c] = owner[r - 1]![c]!;
    }
  }
  // spans from ownership; covered cells become empty placeholders that gridCells skips
  const spans = new Map<string, { colSpan: number; rowSpan: number }>();
  owner.forEach((row, r) =>
    row.forEach((o, c) => {
      if (!o || (o.r === r && o.c === c)) return;
      const key = `${o.r}:${o.c}`;
      const s = spans.get(key) ?? { colSpan: 1, rowSpan: 1 };
      s.colSpan = Math.max(s.colSpan, c - o.c + 1);
      s.rowSpan = Math.max(s.rowSpan, r - o.r + 1);
      spans.set(key, s);
    }),
  );
  return out.map((row, r) =>
    row.flatMap((cell, c) => {
      const o = owner[r]?.[c];
      if (o && !(o.r === r && o.c === c)) return [];
      const s = spans.get(`${r}:${c}`);
      return [s ? { ...cell, ...s } : cell];
    }),
  );
}

/** More grid positions than any report's table has: spans that claim more are refused, not laid out. */
const MAX_GRID_AREA = 1_000_000;

/** Lays the cells of a converted table on a grid, honouring row and column spans. */
function gridCells(rows: TextCell[][], file: string): { cells: GridCell[]; nRows: number; nCols: number } {
  const area = rows.reduce((s, r) => s + r.reduce((t, c) => t + c.colSpan * c.rowSpan, 0), 0);
  if (area > MAX_GRID_AREA) throw new InputError('table_too_large', file, `a table's spans cover ${area} grid cells, over the limit of ${MAX_GRID_AREA}`);
  const taken = new Set<string>();
  const cells: GridCell[] = [];
  let nCols = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken.has(`${r}:${c}`)) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) taken.add(`${r + dr}:${c + dc}`);
      cells.push({
        row: r,
        col: c,
        rowSpan: Math.min(cell.rowSpan, rows.length - r),
        colSpan: cell.colSpan,
        bbox: { x0: c * COL_WIDTH, y0: r * ROW_HEIGHT, x1: (c + cell.colSpan) * COL_WIDTH, y1: (r + cell.rowSpan) * ROW_HEIGHT },
        text: normalizeCjkSpacing(cell.text),
        runs: [],
      });
      c += cell.colSpan;
      nCols = Math.max(nCols, c);
    }
  });
  return { cells, nRows: rows.length, nCols };
}

/** Lines of the table of contents: after 目录, until a part heading comes round a second time. */
function tocLineIndexes(lines: Array<{ text: string }>): Set<number> {
  const toc = new Set<number>();
  const start = lines.findIndex((l) => isTocHeading(l.text));
  if (start < 0) return toc;
  toc.add(start);
  const seen = new Set<string>();
  for (let i = start + 1; i < lines.length && i < start + 80; i++) {
    const h = matchHeading(lines[i]!.text.replace(/\s+\S*\d+\S*$/, ''));
    if (h && h.level === 1) {
      if (seen.has(h.numbering)) break;
      seen.add(h.numbering);
    }
    toc.add(i);
  }
  return seen.size > 0 ? toc : new Set([start]);
}

/** Text, markdown or HTML conversions of a report → the same ExtractedDocument as a PDF. */
export function extractText(source: string, file: string, sha256: string, format: 'txt' | 'md' | 'html'): ExtractedDocument {
  const blocks: TextBlock[] = format === 'html' ? readHtmlBlocks(source) : readTextBlocks(source, format);
  const lineBlocks = blocks.map((b, i) => ({ b, i })).filter((x) => x.b.type === 'line') as Array<{ b: Extract<TextBlock, { type: 'line' }>; i: number }>;
  const tocSet = tocLineIndexes(lineBlocks.map((x) => x.b));
  const tocBlocks = new Set([...tocSet].map((k) => lineBlocks[k]!.i));

  const tables: PageTable[] = [];
  const tableBlocks: number[] = [];
  let key = 0;
  blocks.forEach((block, i) => {
    if (block.type !== 'table') return;
    const hasSpans = block.rows.some((r) => r.some((c) => c.colSpan > 1 || c.rowSpan > 1));
    const grid = gridCells(hasSpans ? block.rows : inferHeaderSpans(block.rows), file);
    const lead = leadingBannerRows(grid.cells, { x0: 0, y0: 0, x1: grid.nCols * COL_WIDTH, y1: grid.nRows * ROW_HEIGHT });
    const cells = grid.cells.filter((c) => c.row >= lead.rows).map((c) => ({ ...c, row: c.row - lead.rows }));
    const nRows = grid.nRows - lead.rows;
    const nCols = grid.nCols;
    if (nCols < 2 || cells.every((c) => c.text === '')) return;
    const above: PlainLine[] = [];
    for (let k = i - 1; k >= 0 && above.length < 8; k--) {
      const b = blocks[k]!;
      if (b.type === 'table') break;
      above.unshift({ text: b.text, bbox: { x0: 0, y0: k, x1: 1, y1: k + 0.5 }, fontSize: 1 });
    }
    const below: PlainLine[] = [];
    for (let k = i + 1; k < blocks.length && below.length < 4; k++) {
      const b = blocks[k]!;
      if (b.type === 'table') break;
      below.push({ text: b.text, bbox: { x0: 0, y0: k, x1: 1, y1: k + 0.5 }, fontSize: 1 });
    }
    const meta: TableMeta = readTableMeta([...above, ...lead.lines.map((l, k) => ({ ...l, bbox: { x0: 0, y0: i + k / 10, x1: 1, y1: i + k / 10 + 0.05 }, fontSize: 1 }))], below);
    key++;
    tableBlocks.push(i);
    tables.push({
      page: key,
      sourcePage: block.page,
      bbox: { x0: 0, y0: 0, x1: nCols * COL_WIDTH, y1: nRows * ROW_HEIGHT },
      xs: Array.from({ length: nCols + 1 }, (_, c) => c * COL_WIDTH),
      cells,
      nRows,
      nCols,
      ruled: false,
      meta,
      hasTextAbove: above.some((l) => !/单位\s*[:：]/.test(l.text) && !isPageFooter(l.text) && !/^注|^\d+[.、]/.test(l.text)),
    });
  });

  const flow = blocks
    .map((b, i) => ({ b, i }))
    .filter((x) => x.b.type === 'line' && !tocBlocks.has(x.i))
    .map((x) => ({ text: (x.b as { text: string }).text, page: x.b.page, y: x.i }));
  const sections = buildSections(flow.map((l) => ({ ...l, page: l.page })));
  // the heading path in force at each line, to place tables in the tree
  const pathAt: Array<{ y: number; path: string[] }> = [];
  const stack: Array<{ level: number; name: string }> = [];
  for (const l of flow) {
    const h = matchHeading(l.text);
    if (!h) continue;
    while (stack.length > 0 && stack[stack.length - 1]!.level >= h.level) stack.pop();
    stack.push({ level: h.level, name: `${h.numbering}${h.title}` });
    pathAt.push({ y: l.y, path: stack.map((x) => x.name) });
  }
  const blockOf = new Map(tables.map((t, k) => [t, tableBlocks[k]!] as const));
  const sectionPathOf = (t: PageTable): string[] => {
    const at = blockOf.get(t) ?? 0;
    return pathAt.filter((p) => p.y < at).pop()?.path ?? [];
  };
  const stitched = stitchTables(tables.map((t) => [t]), sectionPathOf);

  // the lines of each page, in one pass: a file of many form feeds is many pages
  const linesOf = new Map<number | null, Page['lines']>();
  blocks.forEach((b, i) => {
    const lines = linesOf.get(b.page) ?? [];
    linesOf.set(b.page, lines);
    if (b.type === 'line') lines.push({ text: b.text, bbox: { x0: 0, y0: i, x1: 0, y1: i }, fontSize: 0, inTable: tocBlocks.has(i) });
  });
  const pageNumbers = [...linesOf.keys()];
  const pages: Page[] = pageNumbers.map((n) => ({ number: n, width: 0, height: 0, source: 'text', lines: linesOf.get(n)!, isTableOfContents: false }));
  return ExtractedDocumentSchema.parse({
    file,
    sha256,
    format,
    extractorVersion: EXTRACTOR_VERSION,
    pageCount: pageNumbers.filter((n) => n !== null).length,
    pages,
    sections,
    tables: stitched,
  });
}
