import { describe, expect, it } from 'vitest';
import type { Matrix } from './matrix.ts';
import type { RawTextItem } from './read-text-runs.ts';
import { textRuns, textTurn } from './read-text-runs.ts';

// the viewport of an unrotated A4 page: y flipped to run down from the top
const upright: Matrix = [1, 0, 0, -1, 0, 842];
const item = (str: string, transform: number[]): RawTextItem => ({ str, transform, width: 10 * str.length, height: 10, fontName: 'f' });
const ltr = (str: string) => item(str, [10, 0, 0, 10, 50, 700]);
const up = (str: string) => item(str, [0, 10, -10, 0, 100, 100]); // advance along +y of the PDF: up the page
const down = (str: string) => item(str, [0, -10, 10, 0, 100, 700]);

describe('textTurn', () => {
  it('is 0 for text that reads left to right', () => {
    expect(textTurn([ltr('支出决算表'), ltr('单位：万元')], upright)).toBe(0);
  });

  it('finds a page whose text runs up or down the page', () => {
    expect(textTurn([up('支出决算表'), up('科目名称'), ltr('1')], upright)).toBe(270);
    expect(textTurn([down('支出决算表'), down('科目名称')], upright)).toBe(90);
  });

  it('does not turn a page for a few turned header labels', () => {
    expect(textTurn([ltr('一般公共预算财政拨款支出决算表'), ltr('行政运行'), down('栏次')], upright)).toBe(0);
  });
});

describe('textRuns', () => {
  it('gives boxes in top-left page coordinates', () => {
    const [run] = textRuns([ltr('合计')], upright);
    expect(run).toMatchObject({ text: '合计', direction: 'ltr' });
    expect(run!.bbox.x0).toBe(50);
    expect(run!.bbox.y1).toBeCloseTo(142 + 1.4);
  });
});
