import { describe, expect, it } from 'vitest';
import type { BBox } from '@juesuan/model';
import { ruledGrids } from '../layout/find-tables.ts';
import { DEFAULT_LAYOUT_SETTINGS as S } from '../layout/settings.ts';
import { splitLineOnGaps } from '../layout/text-lines.ts';
import { mergeRulings } from '../pdf/detect-rulings.ts';
import type { GrayImage } from '../pdf/render-page.ts';
import { detectImageLines } from './detect-image-lines.ts';
import { binarize, otsuThreshold } from './image-ops.ts';
import { INK_AMOUNT, INK_WORDS, inkLine, inkRunsInColumns } from './ink-runs.ts';
import { rowsFromImage } from './ocr-page.ts';

const SCALE = 2; // 144 dpi: two pixels a point

/** A scanned table ruled down only: a frame, column lines, and lines of type drawn as strokes (no stroke long enough to pass for a line). */
function scan(words: BBox[]): GrayImage {
  const width = 500 * SCALE;
  const height = 260 * SCALE;
  const data = new Uint8Array(width * height).fill(245);
  const fill = (x0: number, y0: number, x1: number, y1: number, step = 1) => {
    for (let y = Math.round(y0 * SCALE); y < Math.round(y1 * SCALE); y++) for (let x = Math.round(x0 * SCALE); x < Math.round(x1 * SCALE); x += step) data[y * width + x] = 25;
  };
  for (const y of [50, 230]) fill(50, y, 451.5, y + 1.5);
  for (const x of [50, 200, 325, 450]) fill(x, 50, x + 1.5, 231.5);
  for (const w of words) {
    fill(w.x0, w.y0, w.x1, w.y1, 7);
    fill(w.x0 + 0.5, w.y0, w.x1, w.y1, 7);
  }
  return { width, height, data, scale: SCALE };
}

const word = (x0: number, y0: number, x1: number): BBox => ({ x0, y0, x1, y1: y0 + 8 });
/** Amounts end on the right of their columns, names start on the left. */
const amounts = (y: number, w1: number, w2: number) => [word(315 - w1, y, 315), word(440 - w2, y, 440)];

// rows as printed, each a list of the words that belong to it
const ROWS: BBox[][] = [
  // headings, centred
  [word(110, 58, 140), word(250, 58, 275), word(375, 58, 400)],
  [word(58, 80, 120), ...amounts(80, 35, 40)],
  // a name wrapped onto a second line under its amounts
  [word(58, 100, 190), ...amounts(100, 25, 30), word(58, 111, 100)],
  // a name begun on a line above its amounts, nearer them than the row before
  [word(58, 135, 190), word(58, 147.5, 90), ...amounts(147.5, 45, 25)],
  // a name line with a wide gap above and the next row's amounts just under it starts that row
  [word(58, 170, 190), word(58, 181, 100), ...amounts(181, 30, 30)],
  [word(58, 205, 110), ...amounts(205, 20, 50)],
];

function tableOf(img: GrayImage) {
  const bin = binarize(img, otsuThreshold(img));
  const [grid] = ruledGrids(mergeRulings(detectImageLines(bin, img.width, img.height, img.scale)));
  return { bin, grid: grid! };
}

describe('the ink between column lines, as text runs', () => {
  it('gives one run a line of ink in a column, amounts told apart from names by how they line up', () => {
    const { bin, grid } = tableOf(scan(ROWS.flat()));
    const runs = inkRunsInColumns(bin, 500 * SCALE, { xs: grid.xs, y0: grid.bbox.y0, y1: grid.bbox.y1 }, SCALE, S);
    expect(runs).toHaveLength(ROWS.flat().length);
    const column = (x: number) => grid.xs.findIndex((at, k) => x >= at && x < grid.xs[k + 1]!);
    for (const r of runs) expect(r.text).toBe(column(r.bbox.x0) === 0 ? INK_WORDS : INK_AMOUNT);
    const first = runs.find((r) => Math.abs(r.bbox.y0 - 100) < 1 && r.bbox.x0 < 100)!;
    expect(first.bbox.x0).toBeCloseTo(58, 0);
    expect(first.bbox.x1).toBeGreaterThan(187); // the last stroke of its type
  });
});

describe('a line of ink across the page', () => {
  it('is cut into pieces at wide gaps by the layout, as a line of text is into columns', () => {
    const width = 200;
    const bin = new Uint8Array(width * 10);
    // strokes two pixels apart in three blocks; 10 blank columns between the first two, 40 before the last
    for (const [a, b] of [[10, 30], [40, 60], [100, 120]] as const) for (let x = a; x < b; x += 3) for (let y = 2; y < 8; y++) bin[y * width + x] = 1;
    const line = inkLine(bin, width, 0, 10, 2);
    expect(line.runs.length).toBe(21);
    const pieces = (gap: number) => splitLineOnGaps(line, gap).map((p) => [p.bbox.x0 * 2, p.bbox.x1 * 2]);
    expect(pieces(12 / 2)).toEqual([[10, 59], [100, 119]]);
    expect(pieces(5 / 2)).toEqual([[10, 29], [40, 59], [100, 119]]);
  });
});

describe('rows of a scanned table ruled down only', () => {
  it('come from the layout pass that draws rows from text, with its rules for wrapped names', () => {
    // and a stamp's edge between two rows, lower than a line of type
    const img = scan([...ROWS.flat(), { x0: 380, y0: 124, x1: 420, y1: 126.5 }]);
    const { bin, grid } = tableOf(img);
    expect(grid.ys).toHaveLength(2);
    const rows = rowsFromImage(bin, img.width, grid, SCALE);
    const [table] = ruledGrids(mergeRulings([...mergeRulings(detectImageLines(bin, img.width, img.height, SCALE)), ...rows]));
    expect(table!.ys).toHaveLength(ROWS.length + 1);
    // every word in the row it was printed in
    const rowOf = (w: BBox) => table!.ys.findIndex((y, k) => (w.y0 + w.y1) / 2 > y && (w.y0 + w.y1) / 2 < table!.ys[k + 1]!);
    expect(ROWS.map((words) => [...new Set(words.map(rowOf))])).toEqual(ROWS.map((_, k) => [k]));
  });

  it('are not drawn for a table of two rows, a heading over three lines beside others set between them', () => {
    const headings = [word(110, 60, 140), word(250, 55, 290), word(250, 65.5, 290), word(250, 76, 270), word(375, 70, 400)];
    const img = scan([...headings, word(58, 100, 120), ...amounts(100, 35, 40)]);
    const { bin, grid } = tableOf(img);
    expect(rowsFromImage(bin, img.width, { ...grid, ys: [50, 87, 230] }, SCALE)).toEqual([]);
  });

  it('are not drawn for a grid ruled across already', () => {
    const img = scan(ROWS.flat());
    const { bin, grid } = tableOf(img);
    expect(rowsFromImage(bin, img.width, { ...grid, ys: [50, 70, 95, 130, 165, 200, 230] }, SCALE)).toEqual([]);
  });
});
