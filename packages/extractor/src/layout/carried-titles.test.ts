import { describe, expect, it } from 'vitest';
import type { Ruling, TextRun } from '@juesuan/model';
import type { RawPage } from '../pdf/read-pdf-page.ts';
import { carryTitlesOver } from './carried-titles.ts';
import { layoutPage } from './page-tables.ts';

const run = (text: string, x0: number, y0: number, size = 9): TextRun => ({ text, bbox: { x0, y0, x1: x0 + [...text].length * size, y1: y0 + size }, fontSize: size, fontName: 'f', direction: 'ltr' });
const h = (at: number): Ruling => ({ orientation: 'h', at, from: 50, to: 450 });
const v = (at: number, from: number, to: number): Ruling => ({ orientation: 'v', at, from, to });

/** A ruled three-row table of names and amounts with its top at `top`. */
function table(top: number, names: string[]): { runs: TextRun[]; rulings: Ruling[] } {
  const ys = [top, top + 20, top + 40, top + 60];
  const rows = [['项目', '金额'], ...names.map((n, k) => [n, `${k + 1},000.00`])];
  return {
    runs: rows.flatMap(([name, amount], r) => [run(name!, 60, ys[r]! + 5), run(amount!, 350, ys[r]! + 5)]),
    rulings: [...ys.map(h), ...[50, 300, 450].map((x) => v(x, top, top + 60))],
  };
}

const page = (number: number, parts: Array<{ runs: TextRun[]; rulings: Ruling[] }>): RawPage => ({
  number,
  width: 500,
  height: 800,
  runs: parts.flatMap((p) => p.runs),
  rulings: parts.flatMap((p) => p.rulings),
  imageCoverage: 0,
  source: 'text',
});

describe('titles: carried over a page break', () => {
  const first = table(100, ['工资福利支出', '商品和服务支出']);
  const title = { runs: [run('三、一般公共预算支出表', 120, 700, 14), run('单位：万元', 380, 730)], rulings: [] };
  const next = table(60, ['一般公共服务支出', '教育支出']);

  it("gives an untitled table at a page's top the title and unit left at the foot of the page before", () => {
    const layouts = [layoutPage(page(1, [first, title])), layoutPage(page(2, [next]))];
    expect(layouts[1]!.tables[0]!.meta.title).toBeNull();
    const tables = carryTitlesOver(layouts);
    expect(tables[1]![0]!.meta).toMatchObject({ title: '三、一般公共预算支出表', unit: '万元' });
    // a table with a title above it starts a table: it does not continue the one before
    expect(tables[1]![0]!.hasTextAbove).toBe(true);
    expect(tables[0]).toBe(layouts[0]!.tables);
  });

  it('leaves the table untitled when header words under the title were cut from it, or text stands above it', () => {
    const cut = { runs: [...title.runs, run('收入', 100, 760), run('支出', 350, 760)], rulings: [] };
    expect(carryTitlesOver([layoutPage(page(1, [first, cut])), layoutPage(page(2, [next]))])[1]![0]!.meta.title).toBeNull();
    const above = { runs: [run('各项支出情况详见下表。', 60, 20)], rulings: [] };
    expect(carryTitlesOver([layoutPage(page(1, [first, title])), layoutPage(page(2, [above, next]))])[1]![0]!.meta.title).toBeNull();
  });
});
