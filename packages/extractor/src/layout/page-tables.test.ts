import { describe, expect, it } from 'vitest';
import type { Ruling, TextRun } from '@juesuan/model';
import type { RawPage } from '../pdf/read-pdf-page.ts';
import { layoutPage } from './page-tables.ts';

const run = (text: string, x0: number, y0: number, w = text.length * 10): TextRun => ({ text, bbox: { x0, y0, x1: x0 + w, y1: y0 + 10 }, fontSize: 10, fontName: 'f', direction: 'ltr' });
const h = (at: number, from = 50, to = 450): Ruling => ({ orientation: 'h', at, from, to });
const v = (at: number, from: number, to = 200): Ruling => ({ orientation: 'v', at, from, to });

describe('layoutPage', () => {
  it('takes a title and unit printed inside the grid as the table metadata, not as rows', () => {
    // rows: 50-70 title (merged), 70-90 unit (merged), 90-110 header, 110-130 and 130-150 data
    const rulings = [h(50), h(70), h(90), h(110), h(130), h(150), v(50, 50, 150), v(450, 50, 150), v(200, 90, 150), v(320, 90, 150)];
    const runs = [
      run('支出决算表', 200, 55),
      run('单位：万元', 360, 75),
      run('科目名称', 60, 95),
      run('合计', 210, 95),
      run('基本支出', 330, 95),
      run('行政运行', 60, 115),
      run('752.29', 260, 115, 50),
      run('649.99', 380, 115, 50),
      run('一般行政管理事务', 60, 135),
      run('173.09', 260, 135, 50),
    ];
    const page: RawPage = { number: 1, width: 500, height: 300, runs, rulings, imageCoverage: 0, source: 'text' };
    const { tables } = layoutPage(page);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.meta).toMatchObject({ title: '支出决算表', unit: '万元' });
    expect(t.nRows).toBe(3);
    expect(t.cells.filter((c) => c.row === 0).map((c) => c.text)).toEqual(['科目名称', '合计', '基本支出']);
  });
});
