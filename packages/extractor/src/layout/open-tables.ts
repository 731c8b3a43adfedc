import type { Ruling, TextRun } from '@juesuan/model';
import { NOTE_LINE, startsItem, TABLE_DESCRIPTION } from '@juesuan/model';
import { isDecimalAmount } from './amount-text.ts';
import type { RuledGrid } from './ruled-grid.ts';
import { buildRuledGrid, rulingComponents } from './ruled-grid.ts';
import { continuesHeading, overlapsX } from './row-lines.ts';
import type { LayoutSettings } from './settings.ts';
import { columnsForRows, joinWrappedHeadings } from './text-columns.ts';
import type { LineOfRuns } from './text-lines.ts';

const hasAmount = (l: LineOfRuns) => l.runs.some((r) => isDecimalAmount(r.text));
const gapBetween = (a: LineOfRuns, b: LineOfRuns) => b.bbox.y0 - a.bbox.y1;
/** A title, unit, number, department or note line: no table runs past it. */
const endsTable = (l: LineOfRuns) => TABLE_DESCRIPTION.test(l.text) || NOTE_LINE.test(l.text);

/** Every amount of `line` ends (right-aligned) where some amount of the block ends. */
function alignsWith(line: LineOfRuns, block: LineOfRuns[], s: LayoutSettings): boolean {
  const ends = block.flatMap((l) => l.runs.filter((r) => isDecimalAmount(r.text)).map((r) => r.bbox.x1));
  return line.runs.filter((r) => isDecimalAmount(r.text)).every((r) => ends.some((x) => Math.abs(x - r.bbox.x1) <= s.edges.alignPt));
}

/**
 * Does the block of lines i..j go on to line j+1? Past a wide gap only an amount line whose
 * amounts end where the block's do (the 总计 row under blank rows), never a title, unit or note
 * line; lines without amounts (a name wrapped over lines, rows left blank) only when an amount
 * line follows close below.
 */
function blockGoesOn(lines: LineOfRuns[], i: number, j: number, s: LayoutSettings): boolean {
  const next = lines[j + 1]!;
  const step = gapBetween(lines[j]!, next);
  const em = Math.max(lines[j]!.fontSize, next.fontSize);
  const far = step > em * s.rows.blockGapEm;
  if (far && !(step < em * s.rows.farGapEm && hasAmount(next) && !TABLE_DESCRIPTION.test(next.text) && alignsWith(next, lines.slice(i, j + 1), s))) return false;
  if (hasAmount(next)) return true;
  let k = j + 1;
  const max = s.rows.maxBlankRows;
  while (k + 1 < lines.length && k - j <= max && !hasAmount(lines[k]!) && !endsTable(lines[k]!) && gapBetween(lines[k]!, lines[k + 1]!) <= lines[k]!.fontSize * s.rows.blockGapEm) k++;
  return hasAmount(lines[k]!) && k - j <= max;
}

/** The heading of a block whose first amount line is `i`: close lines above, up to the title, unit or number line. */
function headingStart(lines: LineOfRuns[], i: number, taken: number, s: LayoutSettings): number {
  let top = i;
  while (top > taken && i - top < s.rows.maxHeadingLines) {
    const prev = lines[top - 1]!;
    if (TABLE_DESCRIPTION.test(prev.text) || gapBetween(prev, lines[top]!) > prev.fontSize * s.rows.blockGapEm) break;
    top--;
  }
  return top;
}

/**
 * Regions of a page with no lines (pass "regions"): the lines that hold amounts, the lines
 * between them, and the heading lines above them make a block. A block needs enough amount
 * lines, or a heading above a few.
 */
export function textBlocks(lines: LineOfRuns[], s: LayoutSettings): LineOfRuns[][] {
  const blocks: LineOfRuns[][] = [];
  let taken = 0; // lines before this belong to a block already
  for (let i = 0; i < lines.length; ) {
    if (!hasAmount(lines[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && blockGoesOn(lines, i, j, s)) j++;
    const top = headingStart(lines, i, taken, s);
    const block = lines.slice(top, j + 1);
    const dataLines = block.filter(hasAmount).length;
    i = j + 1;
    taken = i;
    if (dataLines >= s.tables.minDataRows || (dataLines >= 1 && top < lines.indexOf(block.find(hasAmount)!))) blocks.push(block);
  }
  return blocks;
}

/**
 * The rows of a block (pass "edges: rows" for text): each text line is a row, but heading lines
 * set tight that continue each other are one, lines that touch or overlap (a name wrapped around
 * its amounts) are one, and a name's second line tight under the first stays in its row.
 */
function blockRows(block: LineOfRuns[], s: LayoutSettings): LineOfRuns[][] {
  const rows: LineOfRuns[][] = [];
  // heading lines are rows of their own, so a group heading does not hide the lines under it
  // (the line touching the first amount line is the first row's wrapped name)
  let firstData = block.findIndex(hasAmount);
  if (firstData > 0 && gapBetween(block[firstData - 1]!, block[firstData]!) < block[firstData]!.fontSize * s.rows.touchingGapEm) firstData--;
  for (const [k, line] of block.entries()) {
    const row = rows[rows.length - 1];
    const last = row?.[row.length - 1];
    const font = last ? Math.min(last.fontSize, line.fontSize) : 0;
    const gap = last ? gapBetween(last, line) : Infinity;
    const joins = k <= firstData ? k > 0 && k < firstData && gap < font * s.rows.headingGapEm && continuesHeadingRow(last, line) : bodyLineJoins(block, last, line, row, gap, font, s);
    if (row && joins) row.push(line);
    else rows.push([line]);
  }
  return rows;
}

/** A heading line continues the one above it, unless the one above stands over several headings (收入 over 项目 and 决算数). */
function continuesHeadingRow(last: LineOfRuns | undefined, line: LineOfRuns): boolean {
  return last !== undefined && continuesHeading(last, line) && !last.runs.some((a) => line.runs.filter((b) => overlapsX(a, b)).length > 1);
}

/** A body line joins the row above: it touches it (one line of amounts at most), or is a name wrapped onto a tight second line. */
function bodyLineJoins(block: LineOfRuns[], last: LineOfRuns | undefined, line: LineOfRuns, row: LineOfRuns[] | undefined, gap: number, font: number, s: LayoutSettings): boolean {
  if (!last || !row) return false;
  if (gap < font * s.rows.touchingGapEm && !(hasAmount(line) && row.some(hasAmount))) return true;
  // the widest text starting at about the same place: how wide that column's names run
  const widest = (run: TextRun) =>
    Math.max(...block.flatMap((l) => l.runs).filter((r) => !isDecimalAmount(r.text) && Math.abs(r.bbox.x0 - run.bbox.x0) < run.fontSize).map((r) => r.bbox.x1 - r.bbox.x0));
  const head = line.runs[0];
  const filled = last.runs.some((a) => head !== undefined && !isDecimalAmount(a.text) && Math.abs(a.bbox.x0 - head.bbox.x0) < a.fontSize && a.bbox.x1 - a.bbox.x0 >= widest(a) * s.rows.wrapWidestShare);
  return !hasAmount(line) && !startsItem(line.text) && gap < font * s.rows.wrapGapEm && filled;
}

/**
 * With no lines, a heading wrapped in its narrow column (本年收入合 / 计) is one cell's text, as a
 * ruled cell would hold it; the heading lines above the first amount line are the header.
 */
function withWrappedHeadingsJoined(runs: TextRun[], block: LineOfRuns[], s: LayoutSettings): TextRun[] {
  const firstData = block.find(hasAmount);
  if (!firstData) return runs;
  const isHeader = (r: TextRun) => r.bbox.y1 <= firstData.bbox.y0;
  return [...joinWrappedHeadings(runs.filter(isHeader), s), ...runs.filter((r) => !isHeader(r))];
}

/** The grid of a block (passes "edges: columns" and "grid"): row lines between its rows, column lines from its gaps. */
export function gridOfBlock(block: LineOfRuns[], runs: TextRun[], s: LayoutSettings): RuledGrid | null {
  const margin = s.rows.blockMarginPt;
  const x0 = Math.min(...block.map((l) => l.bbox.x0)) - margin;
  const x1 = Math.max(...block.map((l) => l.bbox.x1)) + margin;
  const rows = blockRows(block, s);
  const top = (r: LineOfRuns[]) => Math.min(...r.map((l) => l.bbox.y0));
  const bottom = (r: LineOfRuns[]) => Math.max(...r.map((l) => l.bbox.y1));
  const ys = [top(rows[0]!) - margin, ...rows.slice(1).map((r, k) => (bottom(rows[k]!) + top(r)) / 2), bottom(rows[rows.length - 1]!) + margin];
  const across: Ruling[] = ys.map((y) => ({ orientation: 'h', at: y, from: x0, to: x1 }));
  const within = runs.filter((r) => (r.bbox.y0 + r.bbox.y1) / 2 > ys[0]! && (r.bbox.y0 + r.bbox.y1) / 2 < ys[ys.length - 1]! && r.bbox.x1 > x0 && r.bbox.x0 < x1);
  const inside = withWrappedHeadingsJoined(within, block, s);
  const down = columnsForRows(across, inside, s);
  if (down.length === 0) return null;
  const component = rulingComponents([...across, ...down], s).sort((a, b) => b.length - a.length)[0]!;
  return buildRuledGrid(component, inside, s);
}
