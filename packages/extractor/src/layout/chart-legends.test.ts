import { describe, expect, it } from 'vitest';
import type { Ruling, TextRun } from '@juesuan/model';
import { isChartLegend } from './chart-legends.ts';
import { findTables } from './find-tables.ts';
import type { GridCell } from './ruled-grid.ts';
import { DEFAULT_LAYOUT_SETTINGS as S } from './settings.ts';

const run = (text: string, x0: number, y0: number): TextRun => ({ text, bbox: { x0, y0, x1: x0 + [...text].length * 9, y1: y0 + 9 }, fontSize: 9, fontName: 'f', direction: 'ltr' });
const h = (at: number, from: number, to: number): Ruling => ({ orientation: 'h', at, from, to });
const v = (at: number, from: number, to: number): Ruling => ({ orientation: 'v', at, from, to });
/** A box outline as four rules. */
const box = (x0: number, y0: number, x1: number, y1: number): Ruling[] => [h(y0, x0, x1), h(y1, x0, x1), v(x0, y0, y1), v(x1, y0, y1)];
const cell = (row: number, col: number, x0: number, x1: number, y0: number, y1: number, text = ''): GridCell => ({ row, col, rowSpan: 1, colSpan: 1, bbox: { x0, y0, x1, y1 }, text, runs: [] });

describe('chart legends', () => {
  it("drops a pie chart's framed legend: a swatch just left of each label", () => {
    // the frame, and three 7 pt swatches each before its label (as a report's 支出预算图 draws them)
    const rulings = [...box(170, 690, 377, 708), ...box(174, 695, 181, 702), ...box(234, 695, 241, 702), ...box(294, 695, 301, 702)];
    const runs = [run('基本支出', 183, 694), run('项目支出', 243, 694), run('预留机动经费', 303, 694)];
    expect(findTables(runs, rulings, S, ['ruled-grid']).tables).toEqual([]);
  });

  it('keeps a table whose narrow empty columns are as tall as its rows', () => {
    const cells = [cell(0, 0, 50, 54, 100, 118), cell(0, 1, 54, 150, 100, 118, '合计'), cell(0, 2, 150, 154, 100, 118), cell(0, 3, 154, 250, 100, 118, '12.00')];
    expect(isChartLegend(cells, S)).toBe(false);
  });

  it('keeps a grid where only some labels have a small empty cell before them', () => {
    const cells = [cell(0, 0, 50, 57, 100, 107), cell(0, 1, 57, 150, 100, 107, '基本支出'), cell(0, 2, 150, 250, 100, 107, '项目支出')];
    expect(isChartLegend(cells, S)).toBe(false);
    expect(isChartLegend([cell(0, 0, 50, 57, 100, 107), cell(0, 1, 57, 150, 100, 107, '基本支出'), cell(0, 2, 150, 157, 100, 107), cell(0, 3, 157, 250, 100, 107, '项目支出')], S)).toBe(true);
  });
});
