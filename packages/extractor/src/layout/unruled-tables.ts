import type { BBox, TextRun } from '@juesuan/model';
import type { GridCell } from './ruled-grid.ts';
import { groupIntoLines, splitLineOnGaps, unionBox } from './text-lines.ts';

const AMOUNT = /^[-−(（]?[\d,]+\.\d{1,2}[)）]?$/;
/** a gap this many font sizes wide separates columns */
const COLUMN_GAP_EM = 1.5;
const MIN_ROWS = 3;

export interface UnruledTable {
  bbox: BBox;
  xs: number[];
  cells: GridCell[];
  nRows: number;
  nCols: number;
}

/**
 * Tables printed without lines: runs of consecutive lines that split into several pieces at wide
 * gaps, at least one of them an amount; columns come from the pieces' aligned right edges.
 */
export function findUnruledTables(runs: TextRun[]): UnruledTable[] {
  const lines = groupIntoLines(runs);
  const split = lines.map((l) => splitLineOnGaps(l, l.fontSize * COLUMN_GAP_EM));
  const isRow = split.map((pieces) => pieces.length >= 2 && pieces.some((p) => AMOUNT.test(p.text.replace(/\s/g, ''))));
  const tables: UnruledTable[] = [];
  for (let i = 0; i < split.length; ) {
    if (!isRow[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < split.length && isRow[j + 1]) j++;
    // one header line above the block, if it splits into as many pieces
    const start = i > 0 && split[i - 1]!.length >= 2 && !isRow[i - 1] ? i - 1 : i;
    if (j - i + 1 >= MIN_ROWS) tables.push(buildUnruled(split.slice(start, j + 1)));
    i = j + 1;
  }
  return tables;
}

function buildUnruled(rows: ReturnType<typeof splitLineOnGaps>[]): UnruledTable {
  // column boundaries: cluster piece left edges
  const lefts = rows.flat().map((p) => p.bbox.x0).sort((a, b) => a - b);
  const starts: number[] = [];
  for (const x of lefts) if (starts.length === 0 || x - starts[starts.length - 1]! > 12) starts.push(x);
  const bbox = unionBox(rows.flat().map((p) => p.bbox));
  const xs = [...starts.map((x, k) => (k === 0 ? bbox.x0 : x - 2)), bbox.x1];
  const cells: GridCell[] = [];
  rows.forEach((pieces, r) => {
    const y0 = Math.min(...pieces.map((p) => p.bbox.y0));
    const y1 = Math.max(...pieces.map((p) => p.bbox.y1));
    for (const p of pieces) {
      let c = xs.findIndex((x, k) => k < xs.length - 1 && p.bbox.x0 >= x - 1 && p.bbox.x0 < xs[k + 1]!);
      if (c < 0) c = 0;
      cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, bbox: { x0: p.bbox.x0, y0, x1: p.bbox.x1, y1 }, text: p.text, runs: p.runs });
    }
  });
  return { bbox, xs, cells, nRows: rows.length, nCols: xs.length - 1 };
}
