import type { BBox, TextRun } from '@juesuan/model';
import type { GridCell } from './ruled-grid.ts';
import { isDecimalAmount } from './amount-text.ts';
import type { LayoutSettings } from './settings.ts';
import { groupIntoLines, splitLineOnGaps, unionBox } from './text-lines.ts';


export interface UnruledTable {
  bbox: BBox;
  xs: number[];
  cells: GridCell[];
  nRows: number;
  nCols: number;
}

/**
 * Tables printed without lines, found from gaps alone (pass "edges: gaps"): runs of consecutive
 * lines that split into several pieces at wide gaps, at least one of them an amount; columns
 * come from the pieces' aligned right edges.
 */
export function findUnruledTables(runs: TextRun[], s: LayoutSettings): UnruledTable[] {
  const lines = groupIntoLines(runs);
  const split = lines.map((l) => splitLineOnGaps(l, l.fontSize * s.edges.columnGapEm));
  const isRow = split.map((pieces) => pieces.length >= 2 && pieces.some((p) => isDecimalAmount(p.text)));
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
    // a short block counts when a header line of as many columns stands above it (the 三公 row)
    const headed = start < i && split[start]!.length >= 3 && split[i]!.length >= 3;
    if (j - i + 1 >= s.tables.minDataRows || headed) tables.push(buildUnruled(split.slice(start, j + 1), start < i ? 1 : 0, s.edges.segmentJoinPt));
    i = j + 1;
  }
  return tables;
}

function buildUnruled(rows: ReturnType<typeof splitLineOnGaps>[], headerLines: number, join: number): UnruledTable {
  // column bands: the x-intervals of the data pieces, merged where they overlap
  const intervals = rows
    .slice(headerLines)
    .flat()
    .map((p) => [p.bbox.x0, p.bbox.x1] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const bands: Array<[number, number]> = [];
  for (const [a, b] of intervals) {
    const last = bands[bands.length - 1];
    if (last && a <= last[1] + join) last[1] = Math.max(last[1], b);
    else bands.push([a, b]);
  }
  const bbox = unionBox(rows.flat().map((p) => p.bbox));
  const xs = [bbox.x0, ...bands.slice(1).map((band, k) => (bands[k]![1] + band[0]) / 2), bbox.x1];
  const cells: GridCell[] = [];
  rows.forEach((pieces, r) => {
    const y0 = Math.min(...pieces.map((p) => p.bbox.y0));
    const y1 = Math.max(...pieces.map((p) => p.bbox.y1));
    for (const p of pieces) {
      const cx = (p.bbox.x0 + p.bbox.x1) / 2;
      // a header names the column that ends after it starts (headers sit left of right-aligned amounts)
      let c = r < headerLines ? bands.findIndex((band) => band[1] >= p.bbox.x0 + 1) : xs.findIndex((x, k) => k < xs.length - 1 && cx >= x && cx < xs[k + 1]!);
      if (c < 0) c = xs.length - 2;
      cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, bbox: { x0: xs[c]!, y0, x1: xs[c + 1]!, y1 }, text: p.text, runs: p.runs });
    }
  });
  return { bbox, xs, cells, nRows: rows.length, nCols: xs.length - 1 };
}
