import { describe, expect, it } from 'vitest';
import type { TableStrategy } from '@juesuan/model';
import type { PageTable } from './page-tables.ts';
import type { GridCell } from './ruled-grid.ts';
import { stitchTables } from './stitch-tables.ts';

const meta = { title: null, number: null, unit: null, unitLine: null, department: null, notes: [], continued: false };

/** A page table whose rows are given as [column start, column end, text] cells, 20 pt high. */
function part(page: number, xs: number[], rows: Array<Array<[number, number, string]>>, strategy: TableStrategy, title: string | null = null): PageTable {
  const cells: GridCell[] = rows.flatMap((cs, row) =>
    cs.map(([c0, c1, text]) => {
      const bbox = { x0: xs[c0]!, y0: 100 + row * 20, x1: xs[c1 + 1]!, y1: 120 + row * 20 };
      const runs = text ? [{ text, bbox: { x0: bbox.x0 + 3, y0: bbox.y0 + 5, x1: bbox.x0 + 3 + [...text].length * 9, y1: bbox.y0 + 14 }, fontSize: 9, fontName: 'f', direction: 'ltr' as const }] : [];
      return { row, col: c0, rowSpan: 1, colSpan: c1 - c0 + 1, bbox, text, runs };
    }),
  );
  return { page, bbox: { x0: xs[0]!, y0: 100, x1: xs[xs.length - 1]!, y1: 100 + rows.length * 20 }, xs, cells, nRows: rows.length, nCols: xs.length - 1, ruled: true, meta: { ...meta, title }, hasTextAbove: false, strategy };
}

describe('stitching a table continued on the next page', () => {
  const xs = [60, 115, 210, 300, 360];
  const head = part(15, xs, [[[0, 0, '大类'], [1, 1, '专项名称'], [2, 2, '经济科目'], [3, 3, '总计']], [[0, 0, '一、货物'], [1, 1, ''], [2, 2, ''], [3, 3, '962.86']]], 'ruled-across', '政府采购预算表');

  it('places the text of a continuation whose columns were guessed from text by where the text stands', () => {
    // the continued page has nothing in the first column: its guessed first column spans two of the table's
    const next = part(16, [60, 210, 300, 360], [[[0, 0, ''], [1, 1, '租赁费'], [2, 2, '190.00']]], 'ruled-across');
    next.cells[0] = { ...next.cells[0]!, text: '云平台租赁费', runs: [{ ...next.cells[1]!.runs[0]!, text: '云平台租赁费', bbox: { x0: 118, y0: 105, x1: 172, y1: 114 } }] };
    const [table] = stitchTables([[head], [next]], () => []);
    const last = table!.cells.filter((c) => c.row === 2);
    expect(last.map((c) => [c.col, c.colSpan, c.text])).toEqual([
      [1, 1, '云平台租赁费'],
      [2, 1, '租赁费'],
      [3, 1, '190.00'],
    ]);
  });

  it('keeps the extent of a ruled cell whose column lines are drawn', () => {
    const next = part(16, [60, 210, 300, 360], [[[0, 0, '合并单元格'], [1, 1, '租赁费'], [2, 2, '190.00']]], 'ruled-grid');
    const [table] = stitchTables([[{ ...head, strategy: 'ruled-grid' }], [next]], () => []);
    expect(table!.cells.filter((c) => c.row === 2).map((c) => [c.col, c.colSpan])).toEqual([
      [0, 2],
      [2, 1],
      [3, 1],
    ]);
  });
});

describe('a continuation page that prints the header again', () => {
  const xs = [60, 160, 260, 360, 460];
  const header: Array<Array<[number, number, string]>> = [
    [[0, 1, '收入'], [2, 3, '支出']],
    [[0, 0, '项“目'], [1, 1, '2026年预算数'], [2, 2, '项“目'], [3, 3, '2026年预算数']],
  ];
  const first = part(20, xs, [...header, [[0, 0, '一、财政拨款'], [1, 1, '151,082.36'], [2, 2, '一、卫生健康支出'], [3, 3, '5,702.55']]], 'ruled-grid', '收支预算总表');

  it('keeps it out of the data where OCR read its heading as a code (2026年预算数 read 20264)', () => {
    const repeated = [header[0]!, [[0, 0, '项“目'], [1, 1, '2026'], [2, 2, ''], [3, 3, '20264']] as Array<[number, number, string]>];
    const next = part(21, xs, [...repeated, [[0, 0, ''], [1, 1, ''], [2, 2, '其他卫生健康支出'], [3, 3, '82,736.05']]], 'ruled-grid');
    const [table] = stitchTables([[first], [next]], () => []);
    expect(table!.cells.filter((c) => c.row >= 2).map((c) => c.text).filter((t) => t !== '')).toEqual(['一、财政拨款', '151,082.36', '一、卫生健康支出', '5,702.55', '其他卫生健康支出', '82,736.05']);
  });
});

describe('a table continued on a page scanned not square on the glass', () => {
  // the first page's columns, and the continuation's as its scan placed them: shifted 3–6 pt, a little narrower
  const xs = [52.7, 123.2, 193.4, 514.5, 605.8, 696.8, 786.8];
  const shifted = [56.2, 127.5, 199.2, 520.7, 610.4, 699.4, 786.3];
  const row = (code: string, name: string, a: string): Array<[number, number, string]> => [[0, 0, code], [1, 1, ''], [2, 2, name], [3, 3, a], [4, 4, ''], [5, 5, a]];
  const scanned = (t: PageTable): PageTable => ({ ...t, source: 'ocr' });
  const first = scanned(part(19, xs, [[[0, 0, '科目编码'], [1, 1, ''], [2, 2, '科目名称'], [3, 3, '合计'], [4, 4, '人员经费'], [5, 5, '公用经费']], row('302', '商品和服务支出', '1,000.00')], 'ruled-grid', '一般公共预算基本支出表'));
  const parted = part(20, shifted, [row('30211', '差旅费', '80,000.00'), row('30213', '维修（护）费', '10,000.00')], 'ruled-grid');
  // amounts set right, filling their cells, as printed
  const right = (c: GridCell): GridCell => (/\d,/.test(c.text) ? { ...c, runs: c.runs.map((r) => ({ ...r, bbox: { ...r.bbox, x0: c.bbox.x1 - 86, x1: c.bbox.x1 - 1 } })) } : c);
  const next = scanned({ ...parted, cells: parted.cells.map(right) });

  it('joins it, and keeps each cell in its own column', () => {
    const tables = stitchTables([[first], [next]], () => []);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.cells.filter((c) => c.row >= 2 && c.text !== '').map((c) => [c.row, c.col, c.colSpan, c.text])).toEqual([
      [2, 0, 1, '30211'],
      [2, 2, 1, '差旅费'],
      [2, 3, 1, '80,000.00'],
      [2, 5, 1, '80,000.00'],
      [3, 0, 1, '30213'],
      [3, 2, 1, '维修（护）费'],
      [3, 3, 1, '10,000.00'],
      [3, 5, 1, '10,000.00'],
    ]);
  });
});

describe('a scanned table whose title each page repeats under a line of text, read with a character otherwise', () => {
  const xs = [60, 115, 210, 300, 360];
  const page = (n: number, title: string, heads: string[]) =>
    ({ ...part(n, xs, [heads.map((h, k): [number, number, string] => [k, k, h]), [[0, 0, '201'], [1, 1, '一般公共服务支出'], [2, 2, '10.00'], [3, 3, '10.00']]], 'ruled-grid', title), source: 'ocr' as const, hasTextAbove: true });
  const heads = ['科目编码', '科目名称', '合计', '基本支出'];

  it('joins its pages where the headings repeat (一般公共预算支山表, then 支出表)', () => {
    expect(stitchTables([[page(23, '2026年市级部门一般公共预算支山表', heads)], [page(24, '2026年市级部门一般公共预算支出表', heads)]], () => [])).toHaveLength(1);
  });

  it('keeps apart tables whose titles differ by one character and whose headings differ (收支总表, 收入总表)', () => {
    const next = page(24, '2026年市级部门收入预算总表', ['单位名称', '总计', '小计', '一般公共预算']);
    expect(stitchTables([[page(23, '2026年市级部门收支预算总表', heads)], [next]], () => [])).toHaveLength(2);
  });
});
