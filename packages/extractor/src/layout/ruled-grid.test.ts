import type { Ruling, TextRun } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import { buildRuledGrid, linesCellsEndAt } from './ruled-grid.ts';

const h = (at: number, from = 50, to = 450): Ruling => ({ orientation: 'h', at, from, to });
const v = (at: number, from = 100, to = 160): Ruling => ({ orientation: 'v', at, from, to });
const run = (text: string, x0: number, y0: number): TextRun => ({ text, bbox: { x0, y0, x1: x0 + 6 * text.length, y1: y0 + 10 }, fontSize: 10 }) as TextRun;

describe('buildRuledGrid', () => {
  it('numbers rows without a gap where heavy type joined into a line inside a row (a line every cell spans)', () => {
    // two rows; in the second, a 60 pt line across the middle of the 400 pt wide label column only
    const rulings = [h(100), h(130), h(160), h(145, 60, 120), v(50), v(450), v(350)];
    const g = buildRuledGrid(rulings, [run('机关事业单位', 60, 135), run('415.33', 360, 135), run('合计', 60, 110), run('13.00', 360, 110)])!;
    expect(g.ys).toEqual([100, 130, 160]);
    expect(g.cells.map((c) => [c.row, c.col, c.rowSpan, c.text])).toEqual([
      [0, 0, 1, '合计'],
      [0, 1, 1, '13.00'],
      [1, 0, 1, '机关事业单位'],
      [1, 1, 1, '415.33'],
    ]);
  });

  it('keeps a line some cells end at: a row line across only part of the table still parts those cells', () => {
    const rulings = [h(100), h(130), h(160), h(130, 350, 450), v(50), v(450), v(350)];
    const g = buildRuledGrid([h(100), h(160), h(130, 350, 450), v(50), v(450), v(350)], [])!;
    expect(g.ys).toEqual([100, 130, 160]);
    expect(g.cells.map((c) => [c.row, c.col, c.rowSpan])).toEqual([
      [0, 0, 2],
      [0, 1, 1],
      [1, 1, 1],
    ]);
    expect(buildRuledGrid(rulings, [])!.cells).toHaveLength(4);
  });
});

describe('linesCellsEndAt', () => {
  it('drops the inner lines no cell starts or ends at, never the outer two', () => {
    expect(linesCellsEndAt([0, 10, 20, 30], [[0, 2], [2, 3]])).toEqual([0, 20, 30]);
    expect(linesCellsEndAt([0, 10], [[0, 1]])).toEqual([0, 10]);
  });
});
