import { describe, expect, it } from 'vitest';
import type { Ruling, TextRun } from '@juesuan/model';
import { findTables } from './find-tables.ts';
import { gridOfBlock, textBlocks } from './open-tables.ts';
import { closeOpenEnds, crossedRulings, longRulings, meetCrossings, oneWayGroups } from './rule-groups.ts';
import { DEFAULT_LAYOUT_SETTINGS as S } from './settings.ts';
import { groupIntoLines } from './text-lines.ts';
import { rowsForColumns } from './text-rows.ts';
import { columnsForRows, joinLetterSpaced, splitCellsInRun } from './text-columns.ts';
import { findUnruledTables } from './unruled-tables.ts';

const run = (text: string, x0: number, y0: number, x1 = x0 + [...text].length * 9): TextRun => ({ text, bbox: { x0, y0, x1, y1: y0 + 9 }, fontSize: 9, fontName: 'f', direction: 'ltr' });
const h = (at: number, from = 50, to = 450): Ruling => ({ orientation: 'h', at, from, to });
const v = (at: number, from = 100, to = 180): Ruling => ({ orientation: 'v', at, from, to });
const rowsOf = (cells: Array<{ row: number; text: string }>) => [...new Set(cells.map((c) => c.row))].sort((a, b) => a - b).map((r) => cells.filter((c) => c.row === r).map((c) => c.text));

describe('rulings: snap', () => {
  it('leaves out stubs shorter than the minimum length', () => {
    expect(longRulings([h(100), h(110, 50, 55), v(60, 100, 107)], S)).toEqual([h(100)]);
  });
});

describe('rulings: join', () => {
  it('groups rules across that meet nothing by table, apart where the gap between them is too wide', () => {
    const { across, down } = oneWayGroups([h(100), h(120), h(140), h(400), h(420), h(440)], [], S);
    expect(across.map((g) => g.map((r) => r.at))).toEqual([
      [100, 120, 140],
      [400, 420, 440],
    ]);
    expect(down).toEqual([]);
  });

  it('groups the rules down of two tables stacked on a page by table, though their columns interleave', () => {
    const upper = [60, 160, 220, 330, 510].map((x) => v(x, 70, 216));
    const lower = [60, 195, 370, 510].map((x) => v(x, 294, 653));
    const { down } = oneWayGroups([...upper, ...lower], [], S);
    expect(down.map((g) => g.map((r) => r.at))).toEqual([
      [60, 160, 220, 330, 510],
      [60, 195, 370, 510],
    ]);
  });

  it("parts the rules across at a table's title or unit line, however close the next table stands", () => {
    const rules = [100, 120, 140, 200, 220, 240].map((y) => h(y));
    const between = [run('公开02表：收入预算总表', 150, 160), run('单位：万元', 350, 180)];
    expect(oneWayGroups(rules, between, S).across.map((g) => g.map((r) => r.at))).toEqual([
      [100, 120, 140],
      [200, 220, 240],
    ]);
    // a row's own text between two rules does not part them
    expect(oneWayGroups(rules, [run('一般公共服务支出', 60, 165)], S).across).toHaveLength(1);
  });

  it('takes a frame whose only lines across are its borders as rules down only', () => {
    const { across, down } = oneWayGroups([h(100), h(180), v(50), v(200), v(450)], [], S);
    expect(across).toEqual([]);
    expect(down.map((g) => g.map((r) => r.at))).toEqual([[50, 200, 450]]);
  });
});

describe('rulings: close open ends', () => {
  const rules = [120, 140, 160].map((y) => h(y));
  it("closes a continued page's first row above the first rule, its name wrapped over two lines", () => {
    const runs = [run('计算机设备维修和保', 60, 98), run('12.00', 300, 103), run('养服务', 60, 108)];
    const [rule] = closeOpenEnds(rules, runs, S);
    expect(rule?.at).toBeLessThan(98);
    expect(rule?.at).toBeGreaterThan(80);
  });

  it('closes a last row of amounts below the last rule, but not a note, a title or a line far off', () => {
    expect(closeOpenEnds(rules, [run('合计', 60, 165), run('36.00', 300, 165)], S).map((r) => r.at)).toEqual([179]);
    expect(closeOpenEnds(rules, [run('注：本表金额12.00万元', 60, 165)], S)).toEqual([]);
    expect(closeOpenEnds(rules, [run('公开03表', 60, 102), run('12.00', 300, 102)], S)).toEqual([]);
    expect(closeOpenEnds(rules, [run('合计', 60, 200), run('36.00', 300, 200)], S)).toEqual([]);
  });
});

describe('rulings: extend', () => {
  it('lengthens rules drawn cell by cell with trimmed ends to the rules they stop short of', () => {
    // two cells side by side, every edge 5 pt short of its corners
    const lines = [h(100, 55, 145), h(100, 155, 245), h(120, 55, 145), h(120, 155, 245), v(50, 105, 115), v(150, 105, 115), v(250, 105, 115)];
    const met = meetCrossings(lines, S);
    expect(met.lengthened).toBe(7);
    expect(met.lines.filter((r) => r.orientation === 'v').map((r) => [r.from, r.to])).toEqual([[100, 120], [100, 120], [100, 120]]);
    expect(met.lines.filter((r) => r.orientation === 'h').map((r) => [r.from, r.to])).toEqual([[50, 150], [150, 250], [50, 150], [150, 250]]);
    // a rule that reaches its crossings already, or stops far short of any, is left as it is
    expect(meetCrossings([h(100, 50, 250), v(150, 100, 120), v(300, 60, 90)], S).lengthened).toBe(0);
    // strokes shorter than a rule (a chart's legend keys, a curve drawn in short pieces) are never grown to
    expect(meetCrossings([v(150, 110, 250), h(105, 145, 152)], S).lengthened).toBe(0);
    expect(meetCrossings([v(60, 103, 109), h(106, 40, 46)], S).lengthened).toBe(0);
    // but a short piece of a rule drawn cell by cell (a low row's side, its ends trimmed) still reaches the rule it ends on
    expect(meetCrossings([h(100, 50, 250), v(60, 103, 109)], S).lengthened).toBe(1);
  });


  it('marks groups both ways over one region as one grid, and leaves groups apart alone', () => {
    const across = [h(100, 56, 444), h(120, 56, 444), h(140, 56, 444)];
    const down = [v(50, 106, 134), v(200, 106, 134), v(450, 106, 134)];
    expect(crossedRulings([across], [down]).size).toBe(6);
    expect(crossedRulings([across], [down.map((r) => ({ ...r, from: 300, to: 330 }))]).size).toBe(0);
  });
});

describe('edges: rows from text', () => {
  it('keeps a name wrapped onto a second line in its row', () => {
    const runs = [
      run('项目', 60, 105),
      run('金额', 250, 105),
      run('一般公共服务支出中的', 60, 125),
      run('12.00', 250, 125),
      run('人大事务', 60, 136),
      run('二、教育支出', 60, 160),
      run('3.00', 250, 160),
    ];
    const lines = rowsForColumns([v(50, 100, 180), v(200, 100, 180), v(450, 100, 180)], runs, S);
    // one line between the heading and the first row, one between the rows (two columns each), and the borders
    const inner = [...new Set(lines.map((r) => Math.round(r.at)))].filter((y) => y !== 100 && y !== 180);
    expect(inner).toHaveLength(2);
    expect(inner[1]).toBeGreaterThan(145);
  });

  it('keeps a name centred on its amounts, lines above and below them, in its row, and the next row apart', () => {
    // rows 24 pt apart; each name wrapped over three lines 7 pt apart, its amount on the middle one
    const row = (y: number, parts: string[], amount: string) => [...parts.map((p, i) => run(p, 60, y + i * 7, 195)), run(amount, 250, y + 7)];
    const runs = [run('项目', 60, 100), run('金额', 250, 100), run('合计', 60, 120), run('15.00', 250, 120), ...row(144, ['行政事业单位', '养老支出中', '的离退休'], '12.00'), ...row(174, ['机关事业单位', '基本养老保险', '缴费支出'], '3.00')];
    const lines = rowsForColumns([v(50, 95, 200), v(200, 95, 200), v(450, 95, 200)], runs, S);
    const inner = [...new Set(lines.map((r) => Math.round(r.at)))].filter((y) => y !== 95 && y !== 200);
    // under the heading, under 合计, and between the two wrapped rows only
    expect(inner).toHaveLength(3);
    expect(inner[2]).toBeGreaterThan(167);
    expect(inner[2]).toBeLessThan(174);
  });
});

describe('regions and the grid of text rows and columns', () => {
  const runs = [
    run('部门收支总表', 150, 40),
    run('单位：万元', 350, 60),
    run('科目编码', 55, 100, 95),
    run('科目名称', 150, 100, 190),
    run('合计', 300, 100, 320),
    ...['201', '20101', '2010101'].flatMap((code, k) => [run(code, 55, 120 + k * 20, 90), run(['一般公共服务支出', '人大事务', '行政运行'][k]!, 110, 120 + k * 20, 190), run('12.00', 300, 120 + k * 20, 325)]),
    run('注：本表无数据的项目不列。', 55, 200),
  ];

  it('takes the amount lines and the heading above them as a block, stopping at the title, unit and note lines', () => {
    const blocks = textBlocks(groupIntoLines(runs), S);
    expect(blocks.map((b) => b.map((l) => l.text))).toEqual([['科目编码科目名称合计', '201一般公共服务支出12.00', '20101人大事务12.00', '2010101行政运行12.00']]);
  });

  it('draws a grid of one row per line and a column per gap', () => {
    const block = textBlocks(groupIntoLines(runs), S)[0]!;
    const grid = gridOfBlock(block, runs, S)!;
    expect(rowsOf(grid.cells)).toEqual([
      ['科目编码', '科目名称', '合计'],
      ['201', '一般公共服务支出', '12.00'],
      ['20101', '人大事务', '12.00'],
      ['2010101', '行政运行', '12.00'],
    ]);
  });
});

describe('grid of text rows and columns: narrow wrapped headings, remarks right against the amounts', () => {
  // a project table with no lines: headings wrapped over two lines, a 绩效目标 column whose text
  // starts where the last amounts end, one amount printed against that text with no space
  const runs = [
    run('项目名称', 60, 100),
    run('一般公共预', 150, 100, 195),
    run('算', 168, 111, 177),
    run('其他资', 210, 100, 237),
    run('金', 219, 111, 228),
    run('绩效目标', 300, 105),
    ...[0, 1, 2].flatMap((k) => [run(`第${k + 1}项`, 60, 130 + k * 15), run('99.00', 170, 130 + k * 15, 195)]),
    run('0.00', 218, 130, 240),
    run('保障来访接待大厅正常运转', 240.5, 130, 348),
    run('0.00维护信访业务系统运行', 218, 145, 348),
    run('0.00', 218, 160, 240),
  ];

  it('keeps each heading over its own column and cuts the remarks off the amounts', () => {
    const pieces = runs.flatMap(splitCellsInRun);
    const block = textBlocks(groupIntoLines(pieces), S)[0]!;
    const grid = gridOfBlock(block, pieces, S)!;
    const rows = rowsOf(grid.cells);
    expect(rows.slice(-3)).toEqual([
      ['第1项', '99.00', '0.00', '保障来访接待大厅正常运转'],
      ['第2项', '99.00', '0.00', '维护信访业务系统运行'],
      ['第3项', '99.00', '0.00', ''],
    ]);
    expect(grid.xs.length - 1).toBe(4);
  });

  it('gives a wrapped heading to its cell whole, as a ruled cell would hold it', () => {
    const pieces = runs.flatMap(splitCellsInRun);
    const block = textBlocks(groupIntoLines(pieces), S)[0]!;
    const headings = rowsOf(gridOfBlock(block, pieces, S)!.cells).slice(0, -3).flat().filter(Boolean);
    expect(headings).toEqual(['项目名称', '一般公共预算', '其他资金', '绩效目标']);
  });
});

describe('edges: columns from gaps', () => {
  it('finds a table from wide gaps alone, its header line above it', () => {
    const runs = [run('项目', 60, 100), run('本年', 300, 100), ...[0, 1, 2].flatMap((k) => [run(`第${k + 1}项支出`, 60, 120 + k * 15), run('1,200.00', 290, 120 + k * 15)])];
    const [table] = findUnruledTables(runs, S);
    expect(table && rowsOf(table.cells)).toEqual([
      ['项目', '本年'],
      ['第1项支出', '1,200.00'],
      ['第2项支出', '1,200.00'],
      ['第3项支出', '1,200.00'],
    ]);
  });

  it('is not asked for prose: sentences set apart by wide gaps stay text', () => {
    const runs = [0, 1, 2].flatMap((k) => [run('本年度支出主要用于保障机关运行，', 60, 100 + k * 15), run('12.00', 400, 100 + k * 15), run('比上年增加，主要原因是人员增加。', 460, 100 + k * 15)]);
    expect(findTables(runs, []).tables).toEqual([]);
  });
});

describe('edges: columns, headings spaced out', () => {
  it('reads a heading printed with its letters spaced out as one heading, but keeps 类 款 项 apart', () => {
    const spaced = [run('收', 183, 100), run('入', 205, 100), run('支', 330, 100), run('出', 350, 100)];
    // nothing of the body under the spaces: 项目名称 and 金额 columns stand to either side
    const body: Array<[number, number]> = [[94, 180], [240, 290], [300, 320], [380, 420]];
    expect(joinLetterSpaced(spaced, body, S).map((r) => r.text)).toEqual(['收入', '支出']);
    expect(joinLetterSpaced([run('类', 60, 100), run('款', 80, 100), run('项', 100, 100)], [], S).map((r) => r.text)).toEqual(['类', '款', '项']);
    // a column of the body under the space: two headings
    expect(joinLetterSpaced(spaced.slice(0, 2), [[185, 210]], S).map((r) => r.text)).toEqual(['收', '入']);
  });

  it('draws no column line through a total label spaced out in the body (合  计)', () => {
    const rules = [100, 120, 140, 160].map((y) => h(y, 50, 400));
    const head = [run('科目编码', 60, 105), run('科目名称', 160, 105), run('金额', 330, 105)];
    const runs = [...head, run('合', 112, 125), run('计', 140, 125), run('2,722.57', 320, 125), run('30201', 60, 145), run('办公费', 160, 145), run('130.00', 330, 145)];
    const lines = columnsForRows(rules, runs, S);
    // the code and name columns are parted, but not through the total row's label
    expect(lines.some((r) => r.at > 105 && r.at < 160 && r.from <= 140 && r.to >= 160)).toBe(true);
    expect(lines.some((r) => r.at > 112 && r.at < 149 && r.from <= 125 && r.to >= 135)).toBe(false);
  });
});
