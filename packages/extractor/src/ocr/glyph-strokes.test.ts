import type { Ruling } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import { ruledGrids } from '../layout/find-tables.ts';
import { withoutGlyphStrokes } from './glyph-strokes.ts';

const h = (at: number, from: number, to: number): Ruling => ({ orientation: 'h', at, from, to });
const v = (at: number, from: number, to: number): Ruling => ({ orientation: 'v', at, from, to });

/** A table of three 80 pt columns and four rows, under a bold title whose strokes cross like lines (as on 江苏 p2). */
const table = [...[150, 170, 190, 210, 230].map((y) => h(y, 100, 340)), ...[100, 180, 260, 340].map((x) => v(x, 150, 230))];
const title = [h(95.8, 588, 613), h(104.8, 600, 625), h(112.3, 596, 640), ...[594.7, 601.8, 605.5, 610.2, 620.2, 631.9, 633.5].map((x) => v(x, 94, 117))];

describe('strokes of a bold title on a page image', () => {
  it('are left out, and the table beside them kept whole', () => {
    expect(ruledGrids([...table, ...title])).toHaveLength(2);
    const kept = withoutGlyphStrokes([...table, ...title]);
    expect(kept).toEqual(table);
    expect(ruledGrids(kept).map((g) => g.xs)).toEqual([[100, 180, 260, 340]]);
  });

  it('leave a table of narrow columns alone when most of its columns hold text', () => {
    const narrow = [...[150, 170, 190].map((y) => h(y, 100, 190)), ...[100, 112, 160, 175, 190].map((x) => v(x, 150, 190))];
    expect(withoutGlyphStrokes(narrow)).toEqual(narrow);
  });
});
