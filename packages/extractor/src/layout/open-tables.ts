import type { Ruling, TextRun } from '@juesuan/model';
import { isDecimalAmount } from './amount-text.ts';
import { columnsForRows, splitCellsInRun } from './complete-grid.ts';
import type { RuledGrid } from './ruled-grid.ts';
import { buildRuledGrid, rulingComponents } from './ruled-grid.ts';
import type { LineOfRuns } from './text-lines.ts';
import { groupIntoLines } from './text-lines.ts';

/** What ends a table's heading upwards: its title, unit, number or department line. */
const ABOVE_HEADER = /表\s*$|表[（(]|单位\s*[:：]|公开\s*\d+\s*表|编制(?:部门|单位)\s*[:：]|^第[一二三四五六七八九十\d]+部分/;
const STARTS_ITEM = /^(?:[一二三四五六七八九十]+、|\d+[.、．]|[（(][一二三四五六七八九十\d]+[)）])/;

const hasAmount = (l: LineOfRuns) => l.runs.some((r) => isDecimalAmount(r.text));
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
      if (step > Math.max(lines[j]!.fontSize, next.fontSize) * 2.5) break;
      if (!hasAmount(next)) {
        // a line without amounts stays only when an amount line follows close below
        const after = lines[j + 2];
        if (!after || !hasAmount(after) || gapBetween(next, after) > next.fontSize * 2.5) break;
      }
      j++;
    }
    // the heading: close lines above, up to the title, unit or number line
    let top = i;
    while (top > 0 && i - top < 5) {
      const prev = lines[top - 1]!;
      if (ABOVE_HEADER.test(prev.text) || gapBetween(prev, lines[top]!) > prev.fontSize * 2.5) break;
      top--;
    }
    const block = lines.slice(top, j + 1);
    const dataLines = block.filter(hasAmount).length;
    i = j + 1;
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
  const ys = [block[0]!.bbox.y0 - 2];
  for (let k = 1; k < block.length; k++) {
    const above = block[k - 1]!;
    const below = block[k]!;
    // a name wrapped onto a second line sits tight under the first, with no amount of its own
    const wrapped = !hasAmount(below) && !STARTS_ITEM.test(below.text) && gapBetween(above, below) < Math.min(above.fontSize, below.fontSize) * 0.6;
    if (!wrapped) ys.push((above.bbox.y1 + below.bbox.y0) / 2);
  }
  ys.push(block[block.length - 1]!.bbox.y1 + 2);
  const across: Ruling[] = ys.map((y) => ({ orientation: 'h', at: y, from: x0, to: x1 }));
  const inside = runs.filter((r) => (r.bbox.y0 + r.bbox.y1) / 2 > ys[0]! && (r.bbox.y0 + r.bbox.y1) / 2 < ys[ys.length - 1]! && r.bbox.x1 > x0 && r.bbox.x0 < x1);
  const down = columnsForRows(across, inside);
  if (down.length === 0) return null;
  const component = rulingComponents([...across, ...down]).sort((a, b) => b.length - a.length)[0]!;
  return buildRuledGrid(component, inside);
}
