import type { Ruling, TextRun } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import { findTables, STRATEGIES } from './find-tables.ts';
import { DEFAULT_LAYOUT_SETTINGS } from './settings.ts';
import { columnLines, splitCellsInRun } from './text-columns.ts';

const run = (text: string, x0: number, y0: number, x1: number): TextRun => ({ text, bbox: { x0, y0, x1, y1: y0 + 9 }, fontSize: 9, fontName: 'f', direction: 'ltr' });
const h = (at: number, from = 50, to = 450): Ruling => ({ orientation: 'h', at, from, to });
const v = (at: number, from = 100, to = 180): Ruling => ({ orientation: 'v', at, from, to });

/** A heading row and three data rows: code, name, two amounts (the second column blank but headed). */
const runs = [
  run('科目编码', 55, 105, 95),
  run('科目名称', 150, 105, 190),
  run('合计', 270, 105, 290),
  run('其他收入', 370, 105, 410),
  ...[
    ['201', '一般公共服务支出', '12.00'],
    ['20101', '人大事务', '12.00'],
    ['2010101', '行政运行', '12.00'],
  ].flatMap(([code, name, amount], k) => [run(code!, 55, 125 + k * 20, 90), run(name!, 110, 125 + k * 20, 190), run(amount!, 300, 125 + k * 20, 325)]),
];
/** The one table found on the page, as rows of text, with how it was found. */
const found = (rulings: Ruling[], pageRuns: TextRun[] = runs) => {
  const { tables } = findTables(pageRuns, rulings);
  expect(tables).toHaveLength(1);
  const g = tables[0]!;
  return { strategy: g.strategy, confidence: g.confidence, rows: Array.from({ length: g.nRows }, (_, r) => g.cells.filter((c) => c.row === r).map((c) => c.text)) };
};
const grid = (rulings: Ruling[]) => found(rulings).rows;
const EXPECTED = [
  ['科目编码', '科目名称', '合计', '其他收入'],
  ['201', '一般公共服务支出', '12.00', ''],
  ['20101', '人大事务', '12.00', ''],
  ['2010101', '行政运行', '12.00', ''],
];

describe('the table-finding passes', () => {
  it('draws the column lines of a table ruled across only, a headed blank column kept', () => {
    expect(grid([h(100), h(120), h(140), h(160), h(180)])).toEqual([
      ['科目编码', '科目名称', '合计', '其他收入'],
      ['201', '一般公共服务支出', '12.00', ''],
      ['20101', '人大事务', '12.00', ''],
      ['2010101', '行政运行', '12.00', ''],
    ]);
  });

  it('draws the row lines of a table ruled down only, inside its frame', () => {
    expect(grid([h(100), h(180), v(50), v(100), v(200), v(340), v(450)])).toEqual([
      ['科目编码', '科目名称', '合计', '其他收入'],
      ['201', '一般公共服务支出', '12.00', ''],
      ['20101', '人大事务', '12.00', ''],
      ['2010101', '行政运行', '12.00', ''],
    ]);
  });

  it('leaves a fully ruled table as it is', () => {
    const rulings = [h(100), h(120), h(180), v(50, 100, 180), v(100, 100, 180), v(450, 100, 180)];
    const result = findTables(runs, rulings);
    expect(result.lines).toBe(rulings);
    expect(result.tables.map((t) => t.strategy)).toEqual(['ruled-grid']);
  });

  it('names the strategy that found each table, and trusts lines drawn on the page most', () => {
    const across = found([h(100), h(120), h(140), h(160), h(180)]);
    const down = found([h(100), h(180), v(50), v(100), v(200), v(340), v(450)]);
    const ruled = found([...[100, 120, 140, 160, 180].map((y) => h(y)), ...[50, 100, 200, 340, 450].map((x) => v(x, 100, 180))]);
    const none = found([]);
    expect([ruled.strategy, across.strategy, down.strategy, none.strategy]).toEqual(['ruled-grid', 'ruled-across', 'ruled-down', 'no-lines']);
    expect(none.rows).toEqual(EXPECTED);
    expect(ruled.confidence).toBe(1);
    expect(across.confidence).toBeLessThan(ruled.confidence);
    expect(none.confidence).toBeLessThan(across.confidence);
  });

  it('runs only the passes of the strategies asked for, and traces each', () => {
    const rulings = [h(100), h(120), h(140), h(160), h(180)];
    const ruledOnly = findTables(runs, rulings, DEFAULT_LAYOUT_SETTINGS, ['ruled-grid']);
    expect(ruledOnly.trace.map((t) => t.pass)).toEqual([...STRATEGIES['ruled-grid'].map((p) => p.name), 'confidence']);
    // without columns drawn from the text, rules across alone make no grid: the text is left as it is
    expect(ruledOnly.tables).toEqual([]);
    expect(findTables(runs, rulings, DEFAULT_LAYOUT_SETTINGS, ['no-lines']).tables.map((t) => t.strategy)).toEqual(['no-lines']);
  });

  it('follows its settings: with no reach or touch, a frame that stops short of the inner lines is left off', () => {
    const across = [100, 120, 140, 160, 180].map((y) => h(y, 56, 444));
    const down = [50, 100, 200, 340, 450].map((x) => v(x, 106, 174));
    const strict = { ...DEFAULT_LAYOUT_SETTINGS, rulings: { ...DEFAULT_LAYOUT_SETTINGS.rulings, reachPt: 0, touchPt: 1 } };
    const top = (s = DEFAULT_LAYOUT_SETTINGS) => findTables(runs, [...across, ...down], s).tables.find((t) => t.strategy === 'ruled-grid')?.bbox.y0;
    expect(top()).toBeLessThanOrEqual(100);
    expect(top(strict)).toBe(106);
  });
});

describe('splitCellsInRun', () => {
  it('cuts an item that holds two cells at the space between an amount and a name', () => {
    const pieces = splitCellsInRun(run('371,514,655.00 一、一般公共服务支出', 328, 170, 536));
    expect(pieces.map((p) => p.text)).toEqual(['371,514,655.00', '一、一般公共服务支出']);
    expect(pieces[0]!.bbox.x1).toBeLessThan(pieces[1]!.bbox.x0);
    expect(splitCellsInRun(run('因 公 出 国', 0, 0, 40)).map((p) => p.text)).toEqual(['因 公 出 国']);
  });
});

describe('columnLines', () => {
  const head = (text: string, x0: number, x1: number) => run(text, x0, 100, x1);
  it('pairs left-aligned headings with right-aligned amounts in order, and keeps a headed blank column', () => {
    // 合计 | 因公出国（境）费 | 公务接待费: headings at each column's start, amounts at its end
    const lines = columnLines(
      [
        [104, 127],
        [209, 227],
        [329, 347],
      ],
      [head('合计', 53, 71), head('因公出国（境）费', 133, 205), head('公务接待费', 233, 278)],
    );
    expect(lines.map(Math.round)).toEqual([130, 230]);
  });

  it('gives a heading with no text under it a column of its own, and a headless column the nearest heading', () => {
    const lines = columnLines(
      [
        [400, 430],
        [745, 767],
      ],
      [head('财政拨款收入', 390, 450), head('事业收入', 520, 560), head('其他收入', 700, 740)],
    );
    expect(lines.map(Math.round)).toEqual([485, 630]);
  });
});

describe('a grid whose lines stop short of each other', () => {
  it('is joined by lengthening its lines (pass "rulings: extend"), not redrawn from the text', () => {
    // lines across from 56 to 444 and lines down from 106 to 174: 6 points short of each other
    const across = [100, 120, 140, 160, 180].map((y) => h(y, 56, 444));
    const down = [50, 100, 200, 340, 450].map((x) => v(x, 106, 174));
    expect(grid([...across, ...down])).toEqual([
      ['科目编码', '科目名称', '合计', '其他收入'],
      ['201', '一般公共服务支出', '12.00', ''],
      ['20101', '人大事务', '12.00', ''],
      ['2010101', '行政运行', '12.00', ''],
    ]);
  });
});
