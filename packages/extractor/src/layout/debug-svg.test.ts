import { describe, expect, it } from 'vitest';
import type { Ruling, TextRun } from '@juesuan/model';
import type { RawPage } from '../pdf/read-pdf-page.ts';
import { pageSvg } from './debug-svg.ts';
import { layoutPageTraced } from './page-tables.ts';

const run = (text: string, x0: number, y0: number, x1: number): TextRun => ({ text, bbox: { x0, y0, x1, y1: y0 + 9 }, fontSize: 9, fontName: 'f', direction: 'ltr' });
const h = (at: number): Ruling => ({ orientation: 'h', at, from: 50, to: 450 });

describe('pageSvg', () => {
  it('draws the page rulings, the lines drawn from text, cells and each table labelled with its strategy and kind', () => {
    const runs = [
      run('收入决算表 <1>', 200, 70, 300),
      run('科目编码', 55, 105, 95),
      run('科目名称', 150, 105, 190),
      run('合计', 300, 105, 320),
      ...['201', '20101', '2010101'].flatMap((code, k) => [run(code, 55, 125 + k * 20, 90), run('人大事务', 110, 125 + k * 20, 190), run('12.00', 300, 125 + k * 20, 325)]),
    ];
    const page: RawPage = { number: 3, width: 500, height: 300, runs, rulings: [100, 120, 140, 160, 180].map(h), imageCoverage: 0, source: 'text' };
    const { layout, found } = layoutPageTraced(page);
    const svg = pageSvg({ page, layout, found, kinds: new Map([[0, 'final.income']]) });
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 500 /);
    expect(svg).toContain('#0 ruled-across 0.9 final.income');
    // five rulings of the page, solid; the column lines drawn from the text, dashed
    expect(svg.match(/<line [^>]*stroke="#000"/g)).toHaveLength(5);
    expect(svg.match(/<line [^>]*stroke-dasharray/g)!.length).toBeGreaterThanOrEqual(3);
    expect(layout.tables[0]!.cells).toHaveLength(12);
    expect(svg.match(/<rect [^>]*stroke="#2ca02c"/g)).toHaveLength(12);
    // text is escaped, and each pass is listed
    expect(svg).toContain('&lt;1&gt;');
    for (const t of found.trace) expect(svg).toContain(t.pass);
  });
});
