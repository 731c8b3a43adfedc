import type { Ruling, TextRun } from '@juesuan/model';
import { isAccountCode, startsItem } from '@juesuan/model';
import { mergeRulings } from '../pdf/detect-rulings.ts';
import { isDecimalAmount } from './amount-text.ts';
import { centreX, runsWithin } from './geometry.ts';
import { groupSpan } from './rule-groups.ts';
import { continuesHeading } from './row-lines.ts';
import type { LayoutSettings } from './settings.ts';
import type { LineOfRuns } from './text-lines.ts';
import { groupIntoLines } from './text-lines.ts';

/** A data cell's text: an amount, or a code. */
const isData = (text: string) => isDecimalAmount(text) || isAccountCode(text);
const hasAmount = (l: LineOfRuns) => l.runs.some((r) => isDecimalAmount(r.text));

/** The column lines of a table ruled down only, and what the text between them needs to know. */
interface Columns {
  xs: number[];
  column: (r: TextRun) => number;
}

/**
 * Two heading lines are one row when set tight, one continuing the other's headings (a heading
 * wrapped over lines, another centred beside it); a wider gap, a group heading over other
 * headings, or one across column lines parts the levels.
 */
function sameHeadingRow(above: LineOfRuns, below: LineOfRuns, cols: Columns, s: LayoutSettings): boolean {
  const cross = s.edges.crossPt;
  const spansColumns = (l: LineOfRuns) => l.runs.some((r) => cols.xs.slice(1, -1).some((x) => r.bbox.x0 < x - cross && r.bbox.x1 > x + cross));
  const tight = below.bbox.y0 - above.bbox.y1 < Math.min(above.fontSize, below.fontSize) * s.rows.headingGapEm;
  return tight && continuesHeading(above, below) && !spansColumns(above) && !spansColumns(below);
}

/**
 * A wrapped name: a line with no data under a row with data, each piece in a column that row's
 * text fills, none starting an item of its own (二、 1. （一）), and not nearer the next row's data.
 */
function wrappedName(row: LineOfRuns[], below: LineOfRuns, next: LineOfRuns | undefined, cols: Columns, s: LayoutSettings): boolean {
  const last = row[row.length - 1]!;
  const hasData = (l: LineOfRuns) => l.runs.some((r) => isData(r.text));
  // a line nearer to the next data line than to this row starts the next row's name; past a line
  // without data, a further line of this name is nearer to it than to any next line
  const [gapAbove, gapBelow] = [below.bbox.y0 - last.bbox.y1, next ? next.bbox.y0 - below.bbox.y1 : Infinity];
  if (next && (hasData(last) ? hasData(next) && gapBelow < gapAbove : gapBelow <= gapAbove)) return false;
  const filled = (c: number) => row.some((l) => fillsColumn(l, c, cols, s));
  return row.some(hasData) && !hasData(below) && below.runs.every((r) => filled(cols.column(r)) && !startsItem(r.text));
}

/**
 * A name centred on its row's amounts may start a line above them: a line with no data set tight
 * over a data row, filling its columns, nearer to that row than to the line before it.
 */
function wrappedNameAbove(before: LineOfRuns | undefined, above: LineOfRuns, below: LineOfRuns, cols: Columns, s: LayoutSettings): boolean {
  const gap = below.bbox.y0 - above.bbox.y1;
  if (above.runs.some((r) => isData(r.text)) || !below.runs.some((r) => isData(r.text))) return false;
  if (gap >= Math.min(above.fontSize, below.fontSize) * s.rows.wrapGapEm || (before && above.bbox.y0 - before.bbox.y1 <= gap)) return false;
  return above.runs.every((r) => !startsItem(r.text) && fillsColumn(above, cols.column(r), cols, s));
}

/** The line's text in column c fills most of its width. */
function fillsColumn(line: LineOfRuns, c: number, cols: Columns, s: LayoutSettings): boolean {
  const width = cols.xs[c + 1]! - cols.xs[c]!;
  const used = line.runs.filter((r) => cols.column(r) === c).reduce((sum, r) => sum + (r.bbox.x1 - r.bbox.x0), 0);
  return used >= width * s.rows.wrapFillShare;
}

/** Rules down only (pass "edges: rows"): horizontal lines between the text lines, a wrapped name kept in its row. */
export function rowsForColumns(group: Ruling[], runs: TextRun[], s: LayoutSettings): Ruling[] {
  const span = groupSpan(group);
  if (!span) return [];
  const { at: xs, from: top, to: bottom } = span;
  const { x0: left, x1: right } = span.box;
  const inside = runsWithin(runs, span.box);
  const lines = groupIntoLines(inside);
  const firstData = lines.findIndex(hasAmount);
  if (firstData < 0) return [];
  const cols: Columns = { xs, column: (r) => xs.findIndex((x, k) => k + 1 < xs.length && centreX(r.bbox) >= x && centreX(r.bbox) < xs[k + 1]!) };
  const cross = s.edges.crossPt;
  const out: Ruling[] = [];
  let row: LineOfRuns[] = [lines[0]!];
  for (let k = 1; k < lines.length; k++) {
    const above = lines[k - 1]!;
    const below = lines[k]!;
    const joins = (k < firstData && sameHeadingRow(above, below, cols, s)) || wrappedName(row, below, lines[k + 1], cols, s) || (k > firstData && wrappedNameAbove(lines[k - 2], above, below, cols, s));
    row = joins ? [...row, below] : [below];
    if (joins) continue;
    const y = (above.bbox.y1 + below.bbox.y0) / 2;
    for (let c = 0; c + 1 < xs.length; c++) {
      const crossing = inside.some((r) => cols.column(r) === c && r.bbox.y0 < y - cross && r.bbox.y1 > y + cross);
      if (!crossing) out.push({ orientation: 'h', at: y, from: xs[c]!, to: xs[c + 1]! });
    }
  }
  out.push({ orientation: 'h', at: top, from: left, to: right }, { orientation: 'h', at: bottom, from: left, to: right });
  return mergeRulings(out);
}
