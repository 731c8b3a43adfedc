import type { Ruling, TextRun } from '@juesuan/model';
import { isDecimalAmount } from './amount-text.ts';
import { columnsForRows, splitCellsInRun } from './complete-grid.ts';
import type { RuledGrid } from './ruled-grid.ts';
import { buildRuledGrid, rulingComponents } from './ruled-grid.ts';
import { continuesHeading, overlapsX, STARTS_ITEM } from './row-lines.ts';
import type { LineOfRuns } from './text-lines.ts';
import { groupIntoLines } from './text-lines.ts';

/** What ends a table's heading upwards: its title, unit, number or department line. */
const ABOVE_HEADER = /表\s*$|表[（(]|单位\s*[:：]|公开\s*\d+\s*表|编制(?:部门|单位)\s*[:：]|^第[一二三四五六七八九十\d]+部分/;
/** How many lines without amounts a table may hold in a row (the blank rows of a summary). */
const MAX_BLANK_ROWS = 16;

const hasAmount = (l: LineOfRuns) => l.runs.some((r) => isDecimalAmount(r.text));

/** Every amount of `line` ends (right-aligned) where some amount of the block ends. */
function alignsWith(line: LineOfRuns, block: LineOfRuns[]): boolean {
  const ends = block.flatMap((l) => l.runs.filter((r) => isDecimalAmount(r.text)).map((r) => r.bbox.x1));
  return line.runs.filter((r) => isDecimalAmount(r.text)).every((r) => ends.some((x) => Math.abs(x - r.bbox.x1) <= 3));
}
const gapBetween = (a: LineOfRuns, b: LineOfRuns) => b.bbox.y0 - a.bbox.y1;

/**
 * Tables printed with no lines at all: the lines that hold amounts, the lines between them, and
 * the heading lines above them make a block; each text line is a row (a name wrapped onto a
 * tight second line stays in its row), and the columns are found as for a table ruled across.
 */
export function findOpenTables(pageRuns: TextRun[]): RuledGrid[] {
  const runs = pageRuns.flatMap(splitCellsInRun);
  const lines = groupIntoLines(runs);
  const grids: RuledGrid[] = [];
  let taken = 0; // lines before this belong to a block already
  for (let i = 0; i < lines.length; ) {
    if (!hasAmount(lines[i]!)) {
      i++;
      continue;
    }
    // the body: amount lines, and lines between them that sit close enough
    let j = i;
    while (j + 1 < lines.length) {
      const next = lines[j + 1]!;
      const step = gapBetween(lines[j]!, next);
      const em = Math.max(lines[j]!.fontSize, next.fontSize);
      // past a wide gap only an amount line whose amounts end where the block's do (the 总计 row
      // under blank rows), and never past a title, unit or note line
      if (step > em * 2.5 && !(step < em * 20 && hasAmount(next) && !ABOVE_HEADER.test(next.text) && alignsWith(next, lines.slice(i, j + 1)))) break;
      if (!hasAmount(next)) {
        // lines without amounts (a name wrapped over lines) stay only when an amount line follows close below
        // (or rows left blank, as a two-sided summary has many), never past a title, unit or note line
        let k = j + 1;
        const ends = (l: LineOfRuns) => ABOVE_HEADER.test(l.text) || /^(?:注|备注|说明)\s*[:：\d]/.test(l.text);
        while (k + 1 < lines.length && k - j <= MAX_BLANK_ROWS && !hasAmount(lines[k]!) && !ends(lines[k]!) && gapBetween(lines[k]!, lines[k + 1]!) <= lines[k]!.fontSize * 2.5) k++;
        if (!hasAmount(lines[k]!) || k - j > MAX_BLANK_ROWS) break;
      }
      j++;
    }
    // the heading: close lines above, up to the title, unit or number line
    let top = i;
    while (top > taken && i - top < 5) {
      const prev = lines[top - 1]!;
      if (ABOVE_HEADER.test(prev.text) || gapBetween(prev, lines[top]!) > prev.fontSize * 2.5) break;
      top--;
    }
    const block = lines.slice(top, j + 1);
    const dataLines = block.filter(hasAmount).length;
    i = j + 1;
    taken = i;
    if (dataLines < 3 && !(dataLines >= 1 && top < lines.indexOf(block.find(hasAmount)!))) continue;
    const grid = gridOfBlock(block, runs);
    if (grid) grids.push(grid);
  }
  return grids;
}

/** Row lines between the block's text lines, then column lines from its gaps; the grid they make. */
function gridOfBlock(block: LineOfRuns[], runs: TextRun[]): RuledGrid | null {
  const x0 = Math.min(...block.map((l) => l.bbox.x0)) - 2;
  const x1 = Math.max(...block.map((l) => l.bbox.x1)) + 2;
  // rows: lines that touch or overlap (a name wrapped around its amounts) are one row, as is a
  // name's second line tight under the first; a row holds one line of amounts at most
  const rows: LineOfRuns[][] = [];
  // heading lines are rows of their own, so a group heading does not hide the lines under it
  // (the line touching the first amount line is the first row's wrapped name)
  let firstData = block.findIndex(hasAmount);
  if (firstData > 0 && gapBetween(block[firstData - 1]!, block[firstData]!) < block[firstData]!.fontSize * 0.25) firstData--;
  // the widest text starting at about the same place: how wide that column's names run
  const widest = (run: TextRun) =>
    Math.max(...block.flatMap((l) => l.runs).filter((r) => !isDecimalAmount(r.text) && Math.abs(r.bbox.x0 - run.bbox.x0) < run.fontSize).map((r) => r.bbox.x1 - r.bbox.x0));
  for (const [k, line] of block.entries()) {
    const row = rows[rows.length - 1];
    const last = row?.[row.length - 1];
    const font = last ? Math.min(last.fontSize, line.fontSize) : 0;
    const gap = last ? gapBetween(last, line) : Infinity;
    if (k <= firstData) {
      // heading lines set tight, one continuing the other's headings (a heading wrapped over
      // lines), are one row; a heading over several below it (收入 over 项目 and 决算数) is not
      const continues =
        last !== undefined &&
        continuesHeading(last, line) &&
        !last.runs.some((a) => line.runs.filter((b) => overlapsX(a, b)).length > 1);
      if (row && k > 0 && k < firstData && gap < font * 0.6 && continues) row.push(line);
      else rows.push([line]);
      continue;
    }
    const touching = gap < font * 0.25 && !(hasAmount(line) && row!.some(hasAmount));
    // a name wrapped onto a tight second line: the name above runs as wide as its column's widest
    const head = line.runs[0];
    const filled = last?.runs.some((a) => head !== undefined && !isDecimalAmount(a.text) && Math.abs(a.bbox.x0 - head.bbox.x0) < a.fontSize && a.bbox.x1 - a.bbox.x0 >= widest(a) * 0.8);
    const wrapped = !hasAmount(line) && !STARTS_ITEM.test(line.text) && gap < font * 0.6 && filled === true;
    if (row && (touching || wrapped)) row.push(line);
    else rows.push([line]);
  }
  const top = (r: LineOfRuns[]) => Math.min(...r.map((l) => l.bbox.y0));
  const bottom = (r: LineOfRuns[]) => Math.max(...r.map((l) => l.bbox.y1));
  const ys = [top(rows[0]!) - 2, ...rows.slice(1).map((r, k) => (bottom(rows[k]!) + top(r)) / 2), bottom(rows[rows.length - 1]!) + 2];
  const across: Ruling[] = ys.map((y) => ({ orientation: 'h', at: y, from: x0, to: x1 }));
  const inside = runs.filter((r) => (r.bbox.y0 + r.bbox.y1) / 2 > ys[0]! && (r.bbox.y0 + r.bbox.y1) / 2 < ys[ys.length - 1]! && r.bbox.x1 > x0 && r.bbox.x0 < x1);
  const down = columnsForRows(across, inside);
  if (down.length === 0) return null;
  const component = rulingComponents([...across, ...down]).sort((a, b) => b.length - a.length)[0]!;
  return buildRuledGrid(component, inside);
}
